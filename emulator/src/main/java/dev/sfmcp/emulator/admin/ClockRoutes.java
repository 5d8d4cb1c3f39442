package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.emulator.org.EmulatorClock;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clock resource: {@code GET /_emulator/clock}, {@code PUT /_emulator/clock} {"now": ISO-8601, "frozen": bool},
 * {@code POST /_emulator/clock/advance} {"seconds": N} or {"duration": "PT2H"}, and freeze / unfreeze.
 */
public final class ClockRoutes {

    private final EmulatorClock clock;
    private final ObjectMapper json;

    public ClockRoutes(EmulatorClock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/clock", this::read);
        routes.put("/_emulator/clock", this::set);
        routes.post("/_emulator/clock/advance", this::advance);
        routes.post("/_emulator/clock/freeze", ctx -> { clock.freeze(); read(ctx); });
        routes.post("/_emulator/clock/unfreeze", ctx -> { clock.unfreeze(); read(ctx); });
    }

    private void read(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.instant().toString());
        body.put("frozen", clock.isFrozen());
        ctx.json(body);
    }

    private void set(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode now = body.get("now");
        if (now == null || !now.isTextual()) {
            throw new AdminRequestException("PUT /_emulator/clock needs {\"now\": \"2026-01-01T00:00:00Z\"}");
        }
        Instant instant;
        try {
            instant = Instant.parse(now.asText());
        } catch (DateTimeParseException e) {
            throw new AdminRequestException("'" + now.asText() + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        JsonNode frozen = body.get("frozen");
        boolean freeze = frozen != null && frozen.isBoolean() ? frozen.asBoolean() : clock.isFrozen();
        if (freeze) {
            clock.freezeAt(instant);
        } else {
            clock.unfreeze();
            clock.set(instant);
        }
        read(ctx);
    }

    private void advance(Context ctx) {
        JsonNode body = body(ctx);
        Duration by;
        if (body.path("seconds").isNumber()) {
            by = Duration.ofMillis(Math.round(body.get("seconds").asDouble() * 1000));
        } else if (body.path("duration").isTextual()) {
            try {
                by = Duration.parse(body.get("duration").asText());
            } catch (DateTimeParseException e) {
                throw new AdminRequestException("'" + body.get("duration").asText() + "' is not an ISO-8601 duration such as PT2H");
            }
        } else {
            throw new AdminRequestException("POST /_emulator/clock/advance needs {\"seconds\": N} or {\"duration\": \"PT2H\"}");
        }
        clock.advance(by);
        read(ctx);
    }

    private JsonNode body(Context ctx) {
        return AdminRequests.object(ctx, json);
    }
}
