package dev.sfmcp.emulator.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console's one HTML writer: text and attribute values always escaped, boolean attributes by null. */
class MarkupTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain text            | plain text",
            "<script>x</script>    | &lt;script&gt;x&lt;/script&gt;",
            "a & b                 | a &amp; b",
            "`\"quoted\" and 'single'` | &quot;quoted&quot; and &#39;single&#39;",
            "&amp;                 | &amp;amp;",
    })
    void escapesTheFiveHtmlCharacters(String raw, String escaped) {
        assertEquals(escaped, Markup.escape(raw));
    }

    @Test
    void elementsEscapeTextAndAttributesAndLeaveOutNullAttributes() {
        String html = new Markup().element("a", "<b>", "href", "/x?a=1&b=\"2\"", "class", null).empty("input", "type", "checkbox",
                "checked", "checked").hidden("n", "<v>").toString();
        assertEquals("<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a><input type=\"checkbox\" checked=\"checked\">"
                + "<input type=\"hidden\" name=\"n\" value=\"&lt;v&gt;\">", html);
    }

    @Test
    void attributesComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> new Markup().open("a", "href"));
    }
}
