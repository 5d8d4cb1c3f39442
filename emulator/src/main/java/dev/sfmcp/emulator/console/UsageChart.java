package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The API Usage chart, drawn on the server as inline SVG (no chart library, no script): one bar per hour of the last
 * 24, oldest on the left, with a scale and hour labels in UTC.
 */
final class UsageChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int BOTTOM = 40;
    private static final int TOP = 20;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC);

    private UsageChart() {
    }

    /** @param hourly requests per hour, oldest first (24 values); the last hour ends at {@code now} */
    static Markup svg(long[] hourly, Instant now) {
        long max = 1;
        for (long v : hourly) {
            max = Math.max(max, v);
        }
        long scale = niceCeiling(Math.max(max, 5));
        // whole-number gridlines: 2·10^k splits into 4 steps, 1·10^k and 5·10^k into 5
        int ticks = scale / leadingPower(scale) == 2 ? 4 : 5;
        int plotHeight = HEIGHT - BOTTOM - TOP;
        double slot = (WIDTH - LEFT - 10) / (double) hourly.length;
        Markup m = new Markup();
        m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img",
                "aria-label", "API requests per hour over the last 24 hours", "id", "usage-chart");
        for (int i = 0; i <= ticks; i++) {
            double y = TOP + plotHeight - plotHeight * i / (double) ticks;
            m.empty("line", "class", "axis", "x1", String.valueOf(LEFT), "x2", String.valueOf(WIDTH - 10), "y1", fmt(y), "y2", fmt(y),
                    "stroke-opacity", i == 0 ? "1" : "0.25").close("line");
            m.element("text", scale * i / ticks, "x", String.valueOf(LEFT - 8), "y", fmt(y + 4), "text-anchor", "end");
        }
        Instant lastHourStart = now.truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < hourly.length; i++) {
            double h = plotHeight * (double) hourly[i] / scale;
            double x = LEFT + i * slot + slot * 0.15;
            m.open("rect", "class", "bar", "x", fmt(x), "y", fmt(TOP + plotHeight - h), "width", fmt(slot * 0.7), "height", fmt(h),
                    "data-hour", String.valueOf(i), "data-count", String.valueOf(hourly[i]));
            m.element("title", hourly[i] + " requests").close("rect");
            if (i % 3 == 2 || i == hourly.length - 1) {
                Instant hourStart = lastHourStart.minus(hourly.length - 1 - i, ChronoUnit.HOURS);
                m.element("text", HOUR.format(hourStart), "x", fmt(x + slot * 0.35), "y", String.valueOf(HEIGHT - BOTTOM + 18),
                        "text-anchor", "middle");
            }
        }
        return m.close("svg");
    }

    private static long leadingPower(long v) {
        long power = 1;
        while (power * 10 <= v) {
            power *= 10;
        }
        return power;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}: a scale people read at a glance. */
    static long niceCeiling(long v) {
        long power = leadingPower(v);
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= v) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
