package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.dml.RecentUse;
import dev.sfmcp.soql.id.SalesforceId;
import java.util.List;

/**
 * updateSobjectRecord: {@code PATCH /sobjects/{o}/{id}}. REST answers 204 with no body; the tool's shape is not
 * captured, so it answers {@code {"id": <18-char id>, "success": true}} (hosted-mcp.md §4.6).
 */
public final class UpdateRecordOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        String sObject = call.arguments().get("sobject-name").asText();
        String id = call.arguments().get("id").asText();
        context.engine().update(context.view(), sObject, id, call.arguments().get("body"));
        String id18 = SalesforceId.parse(id).toString();
        context.engine().markUsed(context.view(), sObject, List.of(id18), RecentUse.VIEW);
        return ToolResult.success(success(id18));
    }

    static ObjectNode success(String id) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("id", id);
        result.put("success", true);
        return result;
    }
}
