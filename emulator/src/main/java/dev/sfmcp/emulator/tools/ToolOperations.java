package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.SalesforceError;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations that tools map to, by operation id. An operation the emulator does not implement yet answers a
 * clear tool error that says so, instead of pretending to work.
 */
public final class ToolOperations {

    /** The errorCode of the answer for an operation that is not built; deliberately not a Salesforce code. */
    public static final String NOT_BUILT = "EMULATOR_NOT_IMPLEMENTED";

    private final Map<String, ToolOperation> operations = new ConcurrentHashMap<>();

    public void register(String operationId, ToolOperation operation) {
        operations.put(operationId, operation);
    }

    /** Runs the call's operation, or answers that it is not built. */
    public ToolResult run(ToolCall call) {
        ToolOperation operation = operations.get(call.tool().operation());
        if (operation == null) {
            return ToolResult.failure(SalesforceError.of(NOT_BUILT,
                    "The emulator does not implement the tool '" + call.tool().name() + "' yet (operation "
                            + call.tool().operation() + "). Its tools/list entry is real; calling it is not built.", 501));
        }
        return operation.call(call);
    }
}
