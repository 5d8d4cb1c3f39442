package dev.sfmcp.emulator.tools;

/** The code behind one catalog operation id ({@code soql.query}, {@code record.create}, ...). */
@FunctionalInterface
public interface ToolOperation {

    /** Runs the call as its principal; Salesforce failures come back as a failure result, never thrown. */
    ToolResult call(ToolCall call);
}
