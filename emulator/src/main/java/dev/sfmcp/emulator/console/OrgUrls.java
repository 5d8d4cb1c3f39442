package dev.sfmcp.emulator.console;

import dev.sfmcp.client.EmulatorEndpoints;
import dev.sfmcp.emulator.org.Org;

/**
 * The URLs a client configures for one org, on the base URL the browser reached the console at: the MCP URL of a
 * server in the org's environment ({@code sandbox/}, {@code scratch/}, {@code develop/} segments), and the login
 * host's OAuth endpoints (the org's My Domain host, which admits its users whatever the environment).
 */
record OrgUrls(String baseUrl, Org org) implements EmulatorEndpoints {

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    /** The MCP URL of a server, e.g. {@code platform/sobject-all}, as the org's environment writes it. */
    String mcp(String server) {
        String segment = switch (org.environment()) {
            case SANDBOX -> "sandbox/";
            case SCRATCH -> "scratch/";
            case DEVELOPER -> "develop/";
            case PRODUCTION -> "";
        };
        return baseUrl + API_PREFIX + segment + EmulatorEndpoints.serverPath(server);
    }

    /** The login host that issues this org's tokens (the My Domain host). */
    String loginHost() {
        return getMyDomainLoginUrl(org.myDomain());
    }

    String authorize() {
        return loginHost() + "/services/oauth2/authorize";
    }

    String token() {
        return loginHost() + "/services/oauth2/token";
    }
}
