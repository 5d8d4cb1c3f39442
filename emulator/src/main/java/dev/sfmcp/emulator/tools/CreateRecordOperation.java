package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.dml.RecentUse;
import java.util.List;

/** createSobjectRecord: {@code POST /sobjects/{o}}, answering the REST 201 body {@code {id, success, errors}}. */
public final class CreateRecordOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        String sObject = call.arguments().get("sobject-name").asText();
        ObjectNode created = context.engine().create(context.view(), sObject, call.arguments().get("body"));
        context.engine().markUsed(context.view(), sObject, List.of(created.path("id").asText()), RecentUse.VIEW);
        return ToolResult.success(created);
    }
}
