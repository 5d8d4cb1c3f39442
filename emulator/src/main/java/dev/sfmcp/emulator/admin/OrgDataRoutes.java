package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.org.ApiUsageEvent;
import dev.sfmcp.emulator.org.EmulatorClock;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An org's usage and state: {@code GET|PUT /_emulator/orgs/{org}/limits} (the {@code /limits} shape,
 * DailyApiRequests Max and Remaining; PUT {"max", "used"}), the ApiTotalUsage event log
 * ({@code GET /_emulator/orgs/{org}/event-log-files} lists the daily files, {@code .../event-log-files/ApiTotalUsage?date=}
 * downloads one as CSV, {@code GET /_emulator/orgs/{org}/events} lists events as JSON), and reset:
 * {@code POST /_emulator/orgs/{org}/reset} and {@code POST /_emulator/reset} return orgs to their state right after
 * loading, with quota usage and event log cleared ({"clock": true} also returns the clock to wall time).
 */
public final class OrgDataRoutes {

    private final OrgRegistry orgs;
    private final EmulatorClock clock;
    private final ObjectMapper json;
    private final Runnable afterReset;

    /**
     * @param afterReset what else a reset clears (the request journal and faults)
     */
    public OrgDataRoutes(OrgRegistry orgs, EmulatorClock clock, ObjectMapper json, Runnable afterReset) {
        this.orgs = orgs;
        this.clock = clock;
        this.json = json;
        this.afterReset = afterReset;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/orgs/{org}/limits", ctx -> ctx.json(limits(org(ctx))));
        routes.put("/_emulator/orgs/{org}/limits", this::setLimits);
        routes.get("/_emulator/orgs/{org}/event-log-files", this::files);
        routes.get("/_emulator/orgs/{org}/event-log-files/ApiTotalUsage", this::csv);
        routes.get("/_emulator/orgs/{org}/events", this::events);
        routes.post("/_emulator/orgs/{org}/reset", ctx -> {
            long took = reset(List.of(org(ctx)), ctx);
            ctx.json(java.util.Map.of("reset", List.of(org(ctx).myDomain()), "millis", took));
        });
        routes.post("/_emulator/reset", ctx -> {
            List<Org> all = List.copyOf(orgs.all());
            long took = reset(all, ctx);
            ctx.json(java.util.Map.of("reset", all.stream().map(Org::myDomain).toList(), "millis", took));
        });
    }

    private long reset(List<Org> targets, Context ctx) {
        boolean resetClock = false;
        if (!ctx.body().isBlank()) {
            JsonNode body = read(ctx);
            resetClock = body.path("clock").asBoolean(false);
        }
        long started = System.nanoTime();
        if (resetClock) {
            clock.reset();
        }
        for (Org org : targets) {
            org.data().ifPresent(data -> {
                data.reset();
                // users created since loading are gone from the security model: the login directory follows
                dev.sfmcp.emulator.org.UserAdministration.of(org, orgs).resync();
            });
            org.quota().setUsed(0);
            org.eventLog().clear();
        }
        afterReset.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private ObjectNode limits(Org org) {
        ObjectNode body = json.createObjectNode();
        ObjectNode daily = body.putObject("DailyApiRequests");
        daily.put("Max", org.quota().limit());
        daily.put("Remaining", org.quota().remaining());
        return body;
    }

    private void setLimits(Context ctx) {
        Org org = org(ctx);
        JsonNode body = read(ctx);
        try {
            if (body.has("max")) {
                org.quota().setLimit(nonNegative(body, "max"));
            }
            if (body.has("used")) {
                org.quota().setUsed(nonNegative(body, "used"));
            }
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException(e.getMessage());
        }
        ctx.json(limits(org));
    }

    private static long nonNegative(JsonNode body, String field) {
        if (!body.get(field).canConvertToLong() || body.get(field).asLong() < 0) {
            throw new AdminRequestException("'" + field + "' must be a whole number of 0 or more");
        }
        return body.get(field).asLong();
    }

    private void files(Context ctx) {
        Org org = org(ctx);
        ArrayNode records = json.createArrayNode();
        for (LocalDate day : org.eventLog().days()) {
            ObjectNode file = records.addObject();
            file.put("EventType", ApiUsageEvent.EVENT_TYPE);
            file.put("LogDate", day + "T00:00:00.000+0000");
            file.put("Interval", "Daily");
            file.put("LogFileLength", org.eventLog().csv(day).length());
            file.put("LogFile", "/_emulator/orgs/" + org.myDomain() + "/event-log-files/ApiTotalUsage?date=" + day);
        }
        ObjectNode body = json.createObjectNode();
        body.put("totalSize", records.size());
        body.put("done", true);
        body.set("records", records);
        ctx.json(body);
    }

    private void csv(Context ctx) {
        Org org = org(ctx);
        LocalDate date = date(ctx);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"ApiTotalUsage-" + date + ".csv\"")
                .result(org.eventLog().csv(date));
    }

    private void events(Context ctx) {
        Org org = org(ctx);
        String raw = ctx.queryParam("date");
        List<ApiUsageEvent> events = raw == null ? org.eventLog().all() : org.eventLog().day(date(ctx));
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("events");
        for (ApiUsageEvent e : events) {
            ObjectNode node = json.createObjectNode();
            node.put("timestamp", e.timestamp().toString());
            node.put("requestId", e.requestId());
            node.put("orgId", e.orgId());
            node.put("userId", e.userId());
            node.put("username", e.username());
            node.put("apiVersion", e.apiVersion());
            node.put("httpMethod", e.httpMethod());
            node.put("statusCode", e.statusCode());
            node.put("clientName", e.clientName());
            node.put("clientIp", e.clientIp());
            node.put("connectedAppId", e.connectedAppId());
            node.put("connectedAppName", e.connectedAppName());
            node.put("apiResource", e.apiResource());
            node.put("entityName", e.entityName());
            node.put("countsAgainstApiLimit", e.countsAgainstApiLimit());
            node.put("apiClientCategory", ApiUsageEvent.CATEGORY);
            list.add(node);
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private LocalDate date(Context ctx) {
        String raw = ctx.queryParam("date");
        if (raw == null) {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new AdminRequestException("date must be YYYY-MM-DD, not '" + raw + "'");
        }
    }

    private Org org(Context ctx) {
        return AdminRequests.org(ctx, orgs);
    }

    private JsonNode read(Context ctx) {
        return AdminRequests.object(ctx, json);
    }
}
