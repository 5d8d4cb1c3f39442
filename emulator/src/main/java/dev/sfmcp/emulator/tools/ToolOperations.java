package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations that tools map to, by operation id. An operation runs in the caller's org through the
 * {@link ToolContextResolver}; an operation the emulator does not implement yet answers a clear tool error that
 * says so, instead of pretending to work.
 */
public final class ToolOperations {

    /** The errorCode of the answer for an operation that is not built; deliberately not a Salesforce code. */
    public static final String NOT_BUILT = "EMULATOR_NOT_IMPLEMENTED";
    /** The REST errorCode once the org's daily API requests are used up. */
    public static final String LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

    private final Map<String, ContextualOperation> operations = new ConcurrentHashMap<>();
    private volatile ToolContextResolver resolver;

    public void register(String operationId, ContextualOperation operation) {
        operations.put(operationId, operation);
    }

    /** Sets how calls find their org and user; without one, every operation answers that orgs are not loaded. */
    public void resolver(ToolContextResolver resolver) {
        this.resolver = resolver;
    }

    /** Runs the call's operation, or answers that it is not built. */
    public ToolResult run(ToolCall call) {
        ContextualOperation operation = operations.get(call.tool().operation());
        ToolContextResolver contexts = resolver;
        if (operation == null || contexts == null) {
            return ToolResult.failure(SalesforceError.of(NOT_BUILT,
                    "The emulator does not implement the tool '" + call.tool().name() + "' yet (operation "
                            + call.tool().operation() + (contexts == null ? ", no org is loaded" : "")
                            + "). Its tools/list entry is real; calling it is not built.", 501));
        }
        ToolContext context;
        try {
            context = contexts.resolve(call.principal());
        } catch (SalesforceException e) {
            return ToolResult.failure(e.errors());
        }
        RestResource resource = RestResource.of(call, context.apiVersion());
        if (!context.accounting().charge()) {
            context.accounting().record(call, resource, 403, false);
            return ToolResult.failure(SalesforceError.of(LIMIT_EXCEEDED, "TotalRequests Limit exceeded.", 403));
        }
        ToolResult result;
        try {
            result = operation.run(call, context);
        } catch (SalesforceException e) {
            result = ToolResult.failure(e.errors());
        }
        context.accounting().record(call, resource, result.isError() ? result.errors().get(0).httpStatus() : resource.successStatus(), true);
        return result;
    }
}
