package dev.sfmcp.emulator.console;

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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "5, 5", "6, 10", "10, 10", "11, 20", "21, 50", "51, 100", "999, 1000", "1001, 2000"})
    void theChartScaleIsOneTwoOrFiveTimesAPowerOfTen(long max, long scale) {
        assertEquals(scale, UsageChart.niceCeiling(max));
    }

    @Test
    void theChartDrawsOneBarPerHourWithItsCount() {
        long[] hourly = new long[24];
        hourly[0] = 3;
        hourly[23] = 17;
        String svg = UsageChart.svg(hourly, java.time.Instant.parse("2026-01-01T10:30:00Z")).toString();
        assertEquals(24, svg.split("class=\"bar\"").length - 1);
        org.junit.jupiter.api.Assertions.assertTrue(svg.contains("data-hour=\"23\" data-count=\"17\""), svg);
        org.junit.jupiter.api.Assertions.assertTrue(svg.contains(">20</text>"), "the scale tops at 20: " + svg);
        org.junit.jupiter.api.Assertions.assertTrue(svg.contains(">10:00</text>"), "the last bar is the current hour: " + svg);
    }
}
