package dev.sfmcp.emulator.org;

import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.time.Clock;
import java.util.Collection;

/**
 * For OAuth unit tests that need an org without records: the demo org's OAuth-relevant facts (My Domain {@code acme},
 * users with password {@code emulator}) built in code, with the demo app read from the fixture's definition. The
 * running emulator loads the real demo org from the fixtures module.
 */
public final class CodeBuiltDemoOrg {

    /** The demo org's Id (15 characters). */
    public static final String ORG_ID = "00DKd000001ACME";
    /** The demo External Client App's consumer key. */
    public static final String CLIENT_ID = "sfmcp-demo-client";
    /** Every demo user's password. */
    public static final String PASSWORD = "emulator";
    /** The callbacks of the demo app: Inspector, Claude, Cursor, Postman and scripts. */
    public static final String[] CALLBACKS = {
        "http://127.0.0.1:6276/oauth/callback",
        "http://localhost:6274/oauth/callback",
        "https://claude.ai/api/mcp/auth_callback",
        "cursor://anysphere.cursor-mcp/oauth/callback",
        "https://oauth.pstmn.io/v1/callback",
        "https://oauth.pstmn.io/v1/browser-callback",
        "http://localhost:8765/callback",
    };

    private static final String SYSTEM_ADMINISTRATOR = "00eKd000001SYSA";
    private static final String STANDARD_USER = "00eKd000001STDU";
    private static final String READ_ONLY = "00eKd000001READ";

    private CodeBuiltDemoOrg() {
    }

    /** The demo External Client App: no secret, PKCE, JWT access tokens, {@code mcp_api refresh_token}. */
    public static ExternalClientApp demoApp() {
        return dev.sfmcp.fixtures.demo.DemoOrg.definition().externalClientApps().stream()
                .filter(app -> app.consumerKey().equals(CLIENT_ID)).findFirst().orElseThrow();
    }

    /** Builds the demo org with the given servers active. */
    public static Org create(Clock clock, Collection<String> activeServers) {
        return create(clock, activeServers, 2048);
    }

    /** Builds the demo org with a signing key of the given size. */
    public static Org create(Clock clock, Collection<String> activeServers, int signingKeyBits) {
        Org org = Org.builder(ORG_ID, "Acme", "acme").activeServers(activeServers).signingKeyBits(signingKeyBits).build(clock);
        org.apps().install(demoApp());
        String orgId = org.id();
        org.putUser(UserRecord.of("005Kd000001ADMN", "admin@acme.example", orgId, SYSTEM_ADMINISTRATOR,
                "System Administrator", "Ada Admin", PASSWORD));
        org.putUser(UserRecord.of("005Kd000001MNGR", "manager@acme.example", orgId, STANDARD_USER,
                "Standard User", "Morgan Manager", PASSWORD));
        org.putUser(UserRecord.of("005Kd000001REPA", "rep@acme.example", orgId, STANDARD_USER,
                "Standard User", "Riley Rep", PASSWORD));
        org.putUser(UserRecord.of("005Kd000001REPB", "rep2@acme.example", orgId, STANDARD_USER,
                "Standard User", "Robin Rep", PASSWORD));
        org.putUser(UserRecord.of("005Kd000001RDON", "readonly@acme.example", orgId, READ_ONLY,
                "Read Only", "Reese Readonly", PASSWORD));
        return org;
    }
}
