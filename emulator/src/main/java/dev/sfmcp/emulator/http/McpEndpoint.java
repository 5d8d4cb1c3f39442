package dev.sfmcp.emulator.http;

/**
 * One MCP URL, parsed once: which API version, which org (by My Domain, or the token's org for the plain forms),
 * which environment and which server.
 *
 * @param version     the version segment, {@code v1}
 * @param environment production, sandbox, scratch or developer
 * @param myDomain    the My Domain name of the {@code /d/} forms, else null (the org comes from the token)
 * @param sandboxName the sandbox name of {@code d/{myDomain}--{sandbox}/sandbox/}, else null
 * @param server      the server path: {@code platform/sobject-reads} or {@code custom/{ApiName}}
 * @param path        the canonical request path, starting with {@code /platform/mcp/}
 */
public record McpEndpoint(String version, Environment environment, String myDomain, String sandboxName,
                          String server, String path) {

    /** Whether the URL names its org ({@code /d/{myDomain}/} forms). */
    public boolean orgQualified() {
        return myDomain != null;
    }

    /** Whether the server is an admin-built custom server. */
    public boolean isCustom() {
        return server.startsWith("custom/");
    }

    /** The My Domain host label of the org this URL names, e.g. {@code acme--uat}; null for the plain forms. */
    public String myDomainLabel() {
        if (myDomain == null) {
            return null;
        }
        return sandboxName == null ? myDomain : myDomain + "--" + sandboxName;
    }
}
