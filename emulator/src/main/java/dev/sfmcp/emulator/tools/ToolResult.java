package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.soql.SalesforceError;
import java.util.List;

/**
 * What an operation answers: a JSON value shaped as the Salesforce REST API shapes it, or the REST error array.
 * The MCP layer renders it as {@code structuredContent} plus a text block, or as an {@code isError} result.
 */
public record ToolResult(JsonNode value, List<SalesforceError> errors) {

    public static ToolResult success(JsonNode value) {
        return new ToolResult(value, List.of());
    }

    public static ToolResult failure(List<SalesforceError> errors) {
        return new ToolResult(null, List.copyOf(errors));
    }

    public static ToolResult failure(SalesforceError error) {
        return failure(List.of(error));
    }

    public boolean isError() {
        return !errors.isEmpty();
    }
}
