package dev.sfmcp.emulator.mcp;

/**
 * The MCP-layer settings that tests and the admin API may change while the emulator runs.
 *
 * @param catalogVariant  the tool catalog variant of orgs that do not choose one ({@code --catalog})
 * @param compatToolNames whether pre-GA tool names are accepted in tools/call
 * @param toolsPageSize   tools per tools/list page
 */
public record McpSettings(String catalogVariant, boolean compatToolNames, int toolsPageSize) {
}
