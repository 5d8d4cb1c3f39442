package dev.sfmcp.emulator.mcp;

import java.util.Map;

/**
 * What {@code initialize} tells a client about a server: serverInfo, and instructions. The real service's values are
 * not captured (hosted-mcp.md §14), so both are configurable; the defaults describe each server honestly.
 *
 * @param name         serverInfo.name
 * @param version      serverInfo.version
 * @param instructions instructions text overriding the built-in one, or null
 */
public record ServerIdentity(String name, String version, String instructions) {

    private static final Map<String, String> TITLES = Map.of(
            "platform/sobject-reads", "Salesforce SObject Reads",
            "platform/sobject-mutations", "Salesforce SObject Mutations",
            "platform/sobject-deletes", "Salesforce SObject Deletes",
            "platform/sobject-all", "Salesforce SObject All");

    private static final Map<String, String> INSTRUCTIONS = Map.of(
            "platform/sobject-reads", "Read and query Salesforce records as the signed-in user. Use getObjectSchema to learn "
                    + "objects and fields, soqlQuery with WHERE and LIMIT to read, find to search text. This server never changes data.",
            "platform/sobject-mutations", "Create and update Salesforce records as the signed-in user. Use getObjectSchema and "
                    + "soqlQuery to find what to change; this server cannot delete.",
            "platform/sobject-deletes", "Delete Salesforce records as the signed-in user. Use soqlQuery or find to target records "
                    + "precisely; deleted records go to the Recycle Bin for 15 days.",
            "platform/sobject-all", "Read, create, update and delete Salesforce records as the signed-in user, and use the org's "
                    + "prompt templates. Use getObjectSchema first; always include WHERE and LIMIT in queries.");

    /** The display title of a server. */
    public String title(String server) {
        return TITLES.getOrDefault(server, "Salesforce MCP server " + server);
    }

    /** The instructions for a server. */
    public String instructionsFor(String server) {
        return instructions != null ? instructions : INSTRUCTIONS.getOrDefault(server, "Salesforce custom MCP server " + server + ".");
    }
}
