package dev.sfmcp.soql.sosl;

import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search expression inside {@code FIND {...}}: words and "phrases" with {@code *} and {@code ?} wildcards,
 * combined with AND, OR, AND NOT and parentheses (adjacent terms mean AND). Backslash escapes a reserved
 * character. Precedence: parentheses, then AND / AND NOT, then OR.
 */
public sealed interface SearchTerm {

    /** Terms longer than this drop their logical operators (Salesforce's rule). */
    int OPERATOR_LIMIT = 4000;
    /** Terms longer than this find nothing. */
    int LENGTH_LIMIT = 10_000;

    /** One word or phrase; {@code text} keeps wildcards and has escapes resolved. */
    record Word(String text, boolean phrase) implements SearchTerm { }

    record And(SearchTerm left, SearchTerm right) implements SearchTerm { }

    record AndNot(SearchTerm left, SearchTerm right) implements SearchTerm { }

    record Or(SearchTerm left, SearchTerm right) implements SearchTerm { }

    /** Parses the text between the braces. */
    static SearchTerm parse(String text) {
        List<Token> tokens = tokenize(text, text.length() <= OPERATOR_LIMIT);
        if (tokens.isEmpty()) {
            throw invalid("search term must be longer than one character: ");
        }
        Parser p = new Parser(tokens);
        SearchTerm out = p.or();
        if (p.pos != tokens.size()) {
            throw new SalesforceException(SalesforceError.of("MALFORMED_SEARCH",
                    "line 1:0 mismatched character '" + tokens.get(p.pos).text + "' expecting '}'"));
        }
        return out;
    }

    private static SalesforceException invalid(String message) {
        return new SalesforceException(SalesforceError.of("INVALID_SEARCH", message));
    }

    /** A lexical unit of the search text. */
    record Token(String text, Kind kind) {
        enum Kind { WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE }
    }

    private static List<Token> tokenize(String text, boolean operators) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder phrase = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < text.length()) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < text.length()) {
                        phrase.append(text.charAt(i + 1));
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        phrase.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw invalid("Unterminated phrase in search term: " + text);
                }
                out.add(new Token(phrase.toString().trim(), Token.Kind.PHRASE));
            } else if (operators && (c == '(' || c == ')')) {
                out.add(new Token(String.valueOf(c), c == '(' ? Token.Kind.OPEN : Token.Kind.CLOSE));
                i++;
            } else {
                StringBuilder word = new StringBuilder();
                while (i < text.length()) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < text.length()) {
                        // An escaped reserved character is literal; keep wildcards escaped for the matcher.
                        char e = text.charAt(i + 1);
                        word.append(e == '*' || e == '?' ? "\\" + e : String.valueOf(e));
                        i += 2;
                    } else if (Character.isWhitespace(d) || d == '"' || operators && (d == '(' || d == ')')) {
                        break;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                String w = word.toString();
                String upper = w.toUpperCase(Locale.ROOT);
                if (operators && upper.equals("AND")) {
                    out.add(new Token(w, Token.Kind.AND));
                } else if (operators && upper.equals("OR")) {
                    out.add(new Token(w, Token.Kind.OR));
                } else if (operators && upper.equals("NOT")) {
                    out.add(new Token(w, Token.Kind.NOT));
                } else {
                    out.add(new Token(w, Token.Kind.WORD));
                }
            }
        }
        return out;
    }

    /** Recursive descent over the tokens. */
    final class Parser {
        private final List<Token> tokens;
        private int pos;

        private Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        SearchTerm or() {
            SearchTerm left = and();
            while (pos < tokens.size() && tokens.get(pos).kind() == Token.Kind.OR) {
                pos++;
                left = new Or(left, and());
            }
            return left;
        }

        SearchTerm and() {
            SearchTerm left = unary();
            while (pos < tokens.size()) {
                Token.Kind k = tokens.get(pos).kind();
                if (k == Token.Kind.AND) {
                    pos++;
                    if (pos < tokens.size() && tokens.get(pos).kind() == Token.Kind.NOT) {
                        pos++;
                        left = new AndNot(left, unary());
                    } else {
                        left = new And(left, unary());
                    }
                } else if (k == Token.Kind.WORD || k == Token.Kind.PHRASE || k == Token.Kind.OPEN) {
                    left = new And(left, unary());
                } else {
                    break;
                }
            }
            return left;
        }

        SearchTerm unary() {
            if (pos >= tokens.size()) {
                throw invalid("search term must be longer than one character: ");
            }
            Token t = tokens.get(pos++);
            switch (t.kind()) {
                case OPEN -> {
                    SearchTerm inner = or();
                    if (pos >= tokens.size() || tokens.get(pos).kind() != Token.Kind.CLOSE) {
                        throw new SalesforceException(SalesforceError.of("MALFORMED_SEARCH",
                                "missing ')' in search term"));
                    }
                    pos++;
                    return inner;
                }
                case WORD, PHRASE -> {
                    String significant = t.text().replace("\\*", "x").replace("\\?", "x").replace("*", "")
                            .replace("?", "");
                    if (significant.codePointCount(0, significant.length()) < 2) {
                        throw invalid("search term must be longer than one character: " + t.text());
                    }
                    return new Word(t.text(), t.kind() == Token.Kind.PHRASE);
                }
                default -> throw new SalesforceException(SalesforceError.of("MALFORMED_SEARCH",
                        "unexpected token in search term: '" + t.text() + "'"));
            }
        }
    }

    /**
     * A case-insensitive Java regex matching the word as a whole token (or token prefix with a trailing
     * {@code *}) inside a field value: what the search index would match, approximately.
     */
    static String regex(Word word) {
        StringBuilder out = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String t = word.text();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                out.append(java.util.regex.Pattern.quote(String.valueOf(t.charAt(++i))));
            } else if (c == '*') {
                out.append("[\\p{L}\\p{N}]*");
            } else if (c == '?') {
                out.append("[\\p{L}\\p{N}]");
            } else if (Character.isWhitespace(c)) {
                out.append("[^\\p{L}\\p{N}]+");
                while (i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) {
                    i++;
                }
            } else {
                out.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return out.append("(?![\\p{L}\\p{N}])").toString();
    }
}
