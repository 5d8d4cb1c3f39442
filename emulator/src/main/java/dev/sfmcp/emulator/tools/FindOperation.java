package dev.sfmcp.emulator.tools;

/** find: {@code GET /search?q=}, SOSL, answering {@code {"searchRecords":[...]}}. */
public final class FindOperation implements ContextualOperation {

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        return ToolResult.success(context.engine().search(context.view(), call.arguments().get("q").asText()));
    }
}
