package dev.sfmcp.emulator.html;

/**
 * The one HTML writer of the web console and the OAuth login pages (so neither package depends on the other): every text and attribute value goes through
 * {@link #escape(String)}, so record fields, usernames and tool arguments (all user data) can never become markup.
 * There is deliberately no method that writes raw text: tags and attribute names are the only unescaped output.
 */
public final class Markup {

    private final StringBuilder out;

    public Markup() {
        this(4096);
    }

    public Markup(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /**
     * Opens an element. {@code attributes} alternate name and value; a null value leaves the attribute out, so that
     * boolean attributes ({@code checked}, {@code selected}) are written by passing their name or null.
     */
    public Markup open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** A void element ({@code input}, {@code meta}, {@code br}). */
    public Markup empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    public Markup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding escaped text. */
    public Markup element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text; null writes nothing. */
    public Markup text(Object value) {
        if (value != null) {
            out.append(escape(String.valueOf(value)));
        }
        return this;
    }

    /** The HTML5 doctype, first thing of a page. */
    public Markup doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    /** A line break in source, for readable page source (and diffs of screenshots' HTML). */
    public Markup newline() {
        out.append('\n');
        return this;
    }

    /** Another writer's markup, already escaped by it. */
    public Markup append(Markup other) {
        out.append(other.out);
        return this;
    }

    /** A hidden form field, written exactly as {@code <input type="hidden" name="N" value="V">} (tests read that shape). */
    public Markup hidden(String name, String value) {
        return empty("input", "type", "hidden", "name", name, "value", value == null ? "" : value);
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String escape(String s) {
        StringBuilder escaped = null;
        for (int i = 0; i < s.length(); i++) {
            String replacement = switch (s.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(s.charAt(i));
                }
            }
        }
        return escaped == null ? s : escaped.toString();
    }
}
