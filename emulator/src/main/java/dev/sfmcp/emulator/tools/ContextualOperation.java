package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.SalesforceException;

/** A tool operation that runs in its caller's org; Salesforce failures are thrown and become tool errors. */
@FunctionalInterface
public interface ContextualOperation {

    /**
     * @throws SalesforceException for every Salesforce error the wrapped REST resource would answer
     */
    ToolResult run(ToolCall call, ToolContext context);
}
