package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.emulator.fault.FaultInjector;
import dev.sfmcp.emulator.fault.FaultMatch;
import dev.sfmcp.emulator.fault.FaultRule;
import dev.sfmcp.emulator.fault.FaultType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fault injection: {@code POST /_emulator/faults} {"type": "HTTP_503", "match": {"server", "tool", "user", "method"},
 * "times": N | "probability": p, "seed": s, "latencyMillis": ms}, {@code GET /_emulator/faults},
 * {@code DELETE /_emulator/faults} and {@code DELETE /_emulator/faults/{id}}.
 */
public final class FaultRoutes {

    private final FaultInjector faults;
    private final ObjectMapper json;
    public FaultRoutes(FaultInjector faults, ObjectMapper json) {
        this.faults = faults;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/faults", ctx -> ctx.json(Map.of("faults", faults.list().stream().map(FaultRoutes::describe).toList())));
        routes.post("/_emulator/faults", this::add);
        routes.delete("/_emulator/faults", ctx -> {
            faults.clear();
            ctx.status(204);
        });
        routes.delete("/_emulator/faults/{id}", ctx -> {
            if (!faults.remove(ctx.pathParam("id"))) {
                throw new AdminRequestException(404, "no fault with id '" + ctx.pathParam("id") + "'");
            }
            ctx.status(204);
        });
    }

    private void add(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (java.io.IOException e) {
            throw new AdminRequestException("the request body is not valid JSON");
        }
        if (body == null || !body.isObject() || !body.path("type").isTextual()) {
            throw new AdminRequestException("a fault needs {\"type\": one of " + List.of(FaultType.values()) + "}");
        }
        FaultType type;
        try {
            type = FaultType.valueOf(body.get("type").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException("unknown fault type '" + body.get("type").asText() + "'; one of " + List.of(FaultType.values()));
        }
        JsonNode m = body.path("match");
        FaultMatch match = new FaultMatch(text(m, "server"), text(m, "tool"), text(m, "user"), text(m, "method"));
        long latency = body.path("latencyMillis").asLong(type == FaultType.LATENCY ? 1000 : 0);
        Integer times = body.has("times") ? body.get("times").asInt() : null;
        Double probability = body.has("probability") ? body.get("probability").asDouble() : null;
        Long seed = body.has("seed") ? body.get("seed").asLong() : null;
        try {
            FaultRule rule = faults.add(type, match, latency, times, probability, seed);
            ctx.status(201).json(describe(rule));
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException(e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    static Map<String, Object> describe(FaultRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rule.id());
        out.put("type", rule.type().name());
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("server", rule.match().server());
        match.put("tool", rule.match().tool());
        match.put("user", rule.match().user());
        match.put("method", rule.match().method());
        out.put("match", match);
        out.put("latencyMillis", rule.latencyMillis());
        out.put("remaining", rule.remaining());
        out.put("probability", rule.probability());
        out.put("seed", rule.seed());
        out.put("fired", rule.fired());
        return out;
    }
}
