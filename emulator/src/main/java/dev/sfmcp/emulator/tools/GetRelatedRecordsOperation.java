package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * getRelatedRecords: {@code GET /sobjects/{o}/{id}/{relationship-path}}. A path of one level answers exactly as REST
 * does (a record for a child-to-parent lookup, 404 when it is empty; a {@code {totalSize, done, records}} list for
 * a child relationship, empty when there are none). The tool also walks several levels ({@code Contacts/Cases}),
 * which REST alone cannot: each level is read for every record the previous level reached, and the records of the
 * last level come back as one list (at most 2,000).
 */
public final class GetRelatedRecordsOperation implements ContextualOperation {

    static final int LIMIT = 2000;

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        String sObject = call.arguments().get("sobject-name").asText();
        String id = call.arguments().get("id").asText();
        String path = call.arguments().get("relationship-path").asText().replaceAll("^/+|/+$", "");
        String[] levels = path.split("/");
        if (levels.length == 1) {
            return ToolResult.success(context.engine().related(context.view(), sObject, id, path, null));
        }
        List<JsonNode> current = List.of(context.engine().related(context.view(), sObject, id, levels[0], null));
        for (int level = 1; level < levels.length; level++) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                for (JsonNode record : records(node)) {
                    if (next.size() >= LIMIT) {
                        break;
                    }
                    String type = record.path("attributes").path("type").asText();
                    JsonNode related = context.engine().related(context.view(), type, record.path("Id").asText(), levels[level], null);
                    next.add(related);
                }
            }
            current = next;
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (JsonNode node : current) {
            for (JsonNode record : records(node)) {
                if (all.size() < LIMIT) {
                    all.add(record);
                }
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("totalSize", all.size());
        result.put("done", true);
        result.set("records", all);
        return ToolResult.success(result);
    }

    private static List<JsonNode> records(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.has("records")) {
            node.get("records").forEach(out::add);
        } else if (node.has("attributes")) {
            out.add(node);
        }
        return out;
    }
}
