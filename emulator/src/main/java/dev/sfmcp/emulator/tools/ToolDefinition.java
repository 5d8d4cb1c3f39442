package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One tool as a catalog defines it: what {@code tools/list} advertises and the engine operation {@code tools/call}
 * runs.
 *
 * @param key              the catalog key (usually the name; differs where two variants share a name)
 * @param name             the advertised tool name
 * @param title            the display title
 * @param description      the description shown to the model
 * @param inputSchema      the JSON Schema of the arguments
 * @param annotations      the MCP tool annotations
 * @param operation        the id of the operation that runs it, e.g. {@code soql.query}
 * @param argumentAliases  spellings seen in the wild mapped to the advertised argument name ({@code query -> q})
 */
public record ToolDefinition(String key, String name, String title, String description, ObjectNode inputSchema,
                             ObjectNode annotations, String operation, Map<String, String> argumentAliases) {
}
