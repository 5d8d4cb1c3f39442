package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** deleteRelatedRecord: {@code DELETE /sobjects/{o}/{id}/{relationship-path}}: deletes the parent reached. */
public final class DeleteRelatedRecordOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        String sObject = call.arguments().get("sobject-name").asText();
        String id = call.arguments().get("id").asText();
        String path = call.arguments().get("relationship-path").asText();
        ObjectNode parent = context.engine().related(context.view(), sObject, id, path, java.util.List.of("Id"));
        context.engine().deleteRelated(context.view(), sObject, id, path);
        return ToolResult.success(UpdateRecordOperation.success(parent.path("Id").asText()));
    }
}
