package dev.sfmcp.emulator.fault;

/**
 * Which calls a fault applies to; a null field matches anything.
 *
 * @param server the MCP server path, e.g. {@code platform/sobject-all}
 * @param tool   the tool name of a tools/call
 * @param user   the caller's username
 * @param method the JSON-RPC method, e.g. {@code tools/call}
 */
public record FaultMatch(String server, String tool, String user, String method) {

    public static final FaultMatch ANY = new FaultMatch(null, null, null, null);

    public boolean matches(String server, String tool, String user, String method) {
        return (this.server == null || this.server.equals(server)) && (this.tool == null || this.tool.equals(tool))
                && (this.user == null || this.user.equalsIgnoreCase(user)) && (this.method == null || this.method.equals(method));
    }
}
