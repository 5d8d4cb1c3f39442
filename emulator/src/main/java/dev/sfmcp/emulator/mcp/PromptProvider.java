package dev.sfmcp.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.oauth.Principal;

/** The prompt templates a server offers to a caller ({@code prompts/list}, {@code prompts/get}). */
public interface PromptProvider {

    /** The prompts as MCP {@code Prompt} objects. */
    ArrayNode list(McpEndpoint endpoint, Principal principal);

    /**
     * The rendered prompt ({@code description}, {@code messages}).
     *
     * @throws McpProtocolException -32602 for an unknown prompt or missing arguments
     */
    JsonNode get(McpEndpoint endpoint, Principal principal, String name, JsonNode arguments);
}
