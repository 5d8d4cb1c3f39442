package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** listRecentSobjectRecords: {@code {"recentItems":[...]}} of what the caller viewed or changed, newest first, at most 2,000. */
public final class ListRecentRecordsOperation implements ContextualOperation {

    static final int LIMIT = 2000;

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("recentItems", context.engine().recentItems(context.view(), call.arguments().get("sobject-name").asText(), LIMIT));
        return ToolResult.success(result);
    }
}
