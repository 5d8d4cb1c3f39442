package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.journal.JournalEntry;
import dev.sfmcp.emulator.journal.JournalFilter;
import dev.sfmcp.emulator.journal.RequestJournal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request journal: {@code GET /_emulator/journal} (filters: kind, server, tool, sobject, user, method, status,
 * isError, since, limit), {@code DELETE /_emulator/journal}, {@code GET /_emulator/journal/count} and
 * {@code POST /_emulator/journal/verify} with the same filters plus an expectation, answering 200 when it holds and
 * 409 with the actual count when it does not.
 */
public final class JournalRoutes {

    private final RequestJournal journal;
    private final ObjectMapper json;

    public JournalRoutes(RequestJournal journal, ObjectMapper json) {
        this.journal = journal;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/journal", this::list);
        routes.delete("/_emulator/journal", ctx -> {
            journal.clear();
            ctx.status(204);
        });
        routes.get("/_emulator/journal/count", ctx -> ctx.json(Map.of("count", journal.count(filter(queryParams(ctx))))));
        routes.post("/_emulator/journal/verify", this::verify);
    }

    private void list(Context ctx) {
        Map<String, String> params = queryParams(ctx);
        int limit = parseLimit(params.get("limit"));
        List<JournalEntry> entries = journal.find(filter(params), limit);
        ObjectNode body = json.createObjectNode();
        body.put("capacity", journal.capacity());
        body.put("count", entries.size());
        ArrayNode list = body.putArray("entries");
        for (JournalEntry e : entries) {
            ObjectNode node = json.valueToTree(e);
            raw(node, "argumentsJson", "arguments");
            raw(node, "resultJson", "result");
            raw(node, "errorJson", "error");
            list.add(node);
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void verify(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        } catch (java.io.IOException e) {
            throw new AdminRequestException("the request body is not valid JSON");
        }
        if (!body.isObject()) {
            throw new AdminRequestException("the request body must be a JSON object");
        }
        Map<String, String> params = new HashMap<>();
        body.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                params.put(f.getKey(), f.getValue().asText());
            }
        });
        int count = journal.count(filter(params));
        String expectation;
        boolean holds;
        if (body.has("exactly")) {
            int n = body.get("exactly").asInt();
            holds = count == n;
            expectation = "exactly " + n;
        } else if (body.has("atLeast") || body.has("atMost")) {
            int least = body.path("atLeast").asInt(0);
            int most = body.has("atMost") ? body.get("atMost").asInt() : Integer.MAX_VALUE;
            holds = count >= least && count <= most;
            expectation = "between " + least + " and " + (most == Integer.MAX_VALUE ? "any number" : most);
        } else {
            holds = count >= 1;
            expectation = "at least 1";
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("ok", holds);
        answer.put("count", count);
        answer.put("expected", expectation);
        if (!holds) {
            answer.put("message", "expected " + expectation + " matching requests, found " + count);
        }
        ctx.status(holds ? 200 : 409).json(answer);
    }

    private JournalFilter filter(Map<String, String> params) {
        try {
            return JournalFilter.of(params);
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException(e.getMessage());
        }
    }

    private void raw(ObjectNode node, String from, String to) {
        JsonNode text = node.remove(from);
        if (text == null || text.isNull()) {
            return;
        }
        try {
            node.set(to, json.readTree(text.asText()));
        } catch (java.io.IOException clipped) {
            node.put(to, text.asText());
        }
    }

    private static int parseLimit(String raw) {
        if (raw == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1) {
                throw new AdminRequestException("limit must be at least 1");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new AdminRequestException("limit must be a whole number, not '" + raw + "'");
        }
    }

    static Map<String, String> queryParams(Context ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        return params;
    }
}
