package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.id.SalesforceId;

/** deleteSobjectRecord: {@code DELETE /sobjects/{o}/{id}} to the Recycle Bin; answers {@code {"id", "success": true}}. */
public final class DeleteRecordOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        String sObject = call.arguments().get("sobject-name").asText();
        String id = call.arguments().get("id").asText();
        context.engine().delete(context.view(), sObject, id);
        return ToolResult.success(UpdateRecordOperation.success(SalesforceId.parse(id).toString()));
    }
}
