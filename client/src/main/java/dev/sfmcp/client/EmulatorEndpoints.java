package dev.sfmcp.client;

/**
 * The URLs of a running emulator, derived from its base URL: the MCP URL forms and the login host's OAuth endpoints
 * (issuer prefixes {@code /login}, {@code /test}, {@code /d/{myDomain}}). The Testcontainers container and the
 * in-process JUnit runtime both answer them.
 */
public interface EmulatorEndpoints {

    /** The MCP path prefix of the live API version. */
    String API_PREFIX = "/platform/mcp/v1/";

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234} */
    String getBaseUrl();

    /**
     * The production MCP URL of a server.
     *
     * @param server e.g. {@code sobject-reads}, {@code platform/sobject-all} or {@code custom/MyServer}
     * @return e.g. {@code http://127.0.0.1:41234/platform/mcp/v1/platform/sobject-reads}
     */
    default String getMcpUrl(String server) {
        return getBaseUrl() + API_PREFIX + serverPath(server);
    }

    /**
     * The sandbox MCP URL of a server ({@code /platform/mcp/v1/sandbox/...}).
     *
     * @param server e.g. {@code sobject-reads}
     * @return the sandbox URL
     */
    default String getSandboxMcpUrl(String server) {
        return getBaseUrl() + API_PREFIX + "sandbox/" + serverPath(server);
    }

    /**
     * The My Domain MCP URL of a server ({@code /platform/mcp/v1/d/{myDomain}/...}).
     *
     * @param myDomain the org's My Domain name, e.g. {@code acme}
     * @param server   e.g. {@code sobject-reads}
     * @return the org-qualified URL
     */
    default String getMyDomainMcpUrl(String myDomain, String server) {
        return getBaseUrl() + API_PREFIX + "d/" + myDomain + "/" + serverPath(server);
    }

    /**
     * The My Domain sandbox MCP URL of a server ({@code /platform/mcp/v1/d/{myDomain}--{sandbox}/sandbox/...}).
     *
     * @param myDomain    the production org's My Domain name
     * @param sandboxName the sandbox's name
     * @param server      e.g. {@code sobject-reads}
     * @return the org-qualified sandbox URL
     */
    default String getMyDomainSandboxMcpUrl(String myDomain, String sandboxName, String server) {
        return getBaseUrl() + API_PREFIX + "d/" + myDomain + "--" + sandboxName + "/sandbox/" + serverPath(server);
    }

    /** @return the production login host (the {@code login.salesforce.com} role), also its OAuth issuer */
    default String getLoginUrl() {
        return getBaseUrl() + "/login";
    }

    /** @return the sandbox login host (the {@code test.salesforce.com} role) */
    default String getSandboxLoginUrl() {
        return getBaseUrl() + "/test";
    }

    /**
     * @param myDomain the org's My Domain name, e.g. {@code acme}
     * @return the org's My Domain login host
     */
    default String getMyDomainLoginUrl(String myDomain) {
        return getBaseUrl() + "/d/" + myDomain;
    }

    /** @return the production authorize endpoint */
    default String getAuthorizeUrl() {
        return getLoginUrl() + "/services/oauth2/authorize";
    }

    /** @return the production token endpoint */
    default String getTokenUrl() {
        return getLoginUrl() + "/services/oauth2/token";
    }

    /** A server name as a path: {@code sobject-reads} becomes {@code platform/sobject-reads}. */
    static String serverPath(String server) {
        String trimmed = server.startsWith("/") ? server.substring(1) : server;
        return trimmed.contains("/") ? trimmed : "platform/" + trimmed;
    }
}
