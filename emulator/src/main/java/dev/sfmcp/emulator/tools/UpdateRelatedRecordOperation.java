package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** updateRelatedRecord: {@code PATCH /sobjects/{o}/{id}/{relationship-path}}, child-to-parent only; answers the parent's Id. */
public final class UpdateRelatedRecordOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        String sObject = call.arguments().get("sobject-name").asText();
        String id = call.arguments().get("id").asText();
        String path = call.arguments().get("relationship-path").asText();
        ObjectNode parent = context.engine().related(context.view(), sObject, id, path, java.util.List.of("Id"));
        context.engine().updateRelated(context.view(), sObject, id, path, call.arguments().get("body"));
        return ToolResult.success(UpdateRecordOperation.success(parent.path("Id").asText()));
    }
}
