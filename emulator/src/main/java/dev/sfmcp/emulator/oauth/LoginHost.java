package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.http.Environment;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.org.Org;

/**
 * One of the login hosts Salesforce runs, served by the emulator under a path prefix of its one port:
 * {@code /login} plays {@code https://login.salesforce.com}, {@code /test} plays {@code https://test.salesforce.com}
 * and {@code /d/{myDomain}} plays {@code https://{myDomain}.my.salesforce.com}. The issuer is the base URL plus the
 * prefix, byte for byte what the protected resource metadata names.
 *
 * @param kind     which host
 * @param myDomain the My Domain label for {@link Kind#MY_DOMAIN}, else null
 */
public record LoginHost(Kind kind, String myDomain) {

    /** The three kinds of login host. */
    public enum Kind { LOGIN, SANDBOX, MY_DOMAIN }

    /** {@code login.salesforce.com}: production and Developer Edition orgs. */
    public static final LoginHost LOGIN = new LoginHost(Kind.LOGIN, null);
    /** {@code test.salesforce.com}: sandboxes and scratch orgs. */
    public static final LoginHost SANDBOX = new LoginHost(Kind.SANDBOX, null);

    public static LoginHost myDomain(String label) {
        return new LoginHost(Kind.MY_DOMAIN, label.toLowerCase());
    }

    /** The login host whose tokens an MCP URL form expects: My Domain for {@code /d/}, sandbox for {@code /sandbox/}. */
    public static LoginHost forEndpoint(McpEndpoint endpoint) {
        if (endpoint == null) {
            return LOGIN;
        }
        if (endpoint.orgQualified()) {
            return myDomain(endpoint.myDomainLabel());
        }
        return endpoint.environment().usesSandboxLogin() ? SANDBOX : LOGIN;
    }

    /** The path prefix on the emulator's port. */
    public String prefix() {
        return switch (kind) {
            case LOGIN -> "/login";
            case SANDBOX -> "/test";
            case MY_DOMAIN -> "/d/" + myDomain;
        };
    }

    /** The issuer URL for a base URL such as {@code http://localhost:8080}. */
    public String issuer(String baseUrl) {
        return baseUrl + prefix();
    }

    /** Whether users of this org log in here: production and Developer Edition on login, sandboxes and scratch orgs on test. */
    public boolean admits(Org org) {
        return switch (kind) {
            case LOGIN -> org.environment() == Environment.PRODUCTION || org.environment() == Environment.DEVELOPER;
            case SANDBOX -> org.environment().usesSandboxLogin();
            case MY_DOMAIN -> org.myDomain().equals(myDomain);
        };
    }
}
