package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.SalesforceError;

/** find: {@code GET /search?q=}, SOSL, answering {@code {"searchRecords":[...]}}. */
public final class FindOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        return context.searchService()
                .map(search -> ToolResult.success(search.search(context.view(), call.arguments().get("q").asText())))
                .orElseGet(() -> ToolResult.failure(SalesforceError.of(ToolOperations.NOT_BUILT,
                        "The emulator's SOSL engine is not built yet, so the find tool cannot run.", 501)));
    }
}
