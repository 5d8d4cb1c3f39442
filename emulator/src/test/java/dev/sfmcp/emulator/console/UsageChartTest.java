package dev.sfmcp.emulator.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API Usage page's server-drawn chart: its scale and its bars. */
class UsageChartTest {

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
        assertTrue(svg.contains("data-hour=\"23\" data-count=\"17\""), svg);
        assertTrue(svg.contains(">20</text>"), "the scale tops at 20: " + svg);
        assertTrue(svg.contains(">10:00</text>"), "the last bar is the current hour: " + svg);
    }
}
