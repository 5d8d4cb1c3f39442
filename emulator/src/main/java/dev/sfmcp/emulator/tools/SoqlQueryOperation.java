package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.query.QueryOptions;

/** soqlQuery: {@code GET /query?q=}, the REST query envelope as the caller sees it. */
public final class SoqlQueryOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        return ToolResult.success(context.engine().query(context.view(), call.arguments().get("q").asText(), QueryOptions.defaults()));
    }
}
