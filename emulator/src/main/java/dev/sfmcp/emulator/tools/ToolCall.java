package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.oauth.Principal;

/**
 * One {@code tools/call} on its way to an operation: the tool, its arguments with aliases already mapped to the
 * advertised names, the endpoint it came through, who is calling, and from which client and address.
 */
public record ToolCall(ToolDefinition tool, ObjectNode arguments, McpEndpoint endpoint, Principal principal,
                       String clientName, String clientIp) {
}
