package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.org.ApiQuota;
import java.time.Instant;

/**
 * API Usage: the org's DailyApiRequests over the rolling 24 hours against its limit, as System Overview shows it,
 * and a chart of requests per hour.
 */
final class ApiUsagePage {

    private ApiUsagePage() {
    }

    static String render(ConsoleContext c) {
        ApiQuota quota = c.org.quota();
        long used = quota.used();
        long limit = quota.limit();
        Markup m = new Markup();
        m.element("h1", "API Usage");
        m.open("div", "class", "tiles");
        tile(m, "used", "API requests, last 24 hours", String.format("%,d", used));
        tile(m, "limit", "Daily limit", String.format("%,d", limit));
        tile(m, "remaining", "Remaining", String.format("%,d", quota.remaining()));
        m.close("div");
        int percent = limit == 0 ? 100 : (int) Math.min(100, used * 100 / limit);
        m.open("div", "class", "card").open("p").text(percent + "% of the limit used");
        Instant release = quota.nextRelease();
        if (release != null) {
            m.text("; the oldest counted request leaves the window at " + release + ".");
        }
        m.close("p").open("div", "class", "meter", "id", "meter").empty("span", "style", "width:" + percent + "%").close("span").close("div");
        m.close("div");
        m.element("h2", "Requests per hour, last 24 hours (UTC)");
        m.open("div", "class", "chart").append(UsageChart.svg(quota.hourly(), c.clock.instant())).close("div");
        return ConsoleLayout.page(c, Section.API_USAGE, "API Usage", m);
    }

    private static void tile(Markup m, String id, String label, String figure) {
        m.open("div", "class", "tile", "id", "tile-" + id).element("div", figure, "class", "figure").element("div", label, "class", "label")
                .close("div");
    }
}
