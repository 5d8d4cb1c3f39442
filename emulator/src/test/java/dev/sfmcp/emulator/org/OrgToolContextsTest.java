package dev.sfmcp.emulator.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfmcp.emulator.oauth.Principal;
import dev.sfmcp.emulator.tools.ToolContext;
import dev.sfmcp.fixtures.demo.DemoOrg;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.user.User;
import dev.sfmcp.soql.SalesforceException;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tool call's context is reused while the user's access view stands, and rebuilt as soon as the security model changes. */
class OrgToolContextsTest {

    static final EmulatorClock CLOCK = new EmulatorClock();
    static Org acme;
    static OrgToolContexts contexts;

    @BeforeAll
    static void load() {
        OrgRegistry orgs = new OrgRegistry();
        acme = orgs.add(OrgAssembly.of(DemoOrg.load(CLOCK), CLOCK, 1024));
        contexts = new OrgToolContexts(orgs, CLOCK, null);
    }

    static Principal as(String username) {
        User user = acme.data().orElseThrow().security().userByUsername(username).orElseThrow();
        return new Principal(acme.id(), user.id(), username, "sfmcp-demo-client", Set.of("mcp_api"));
    }

    @Test
    void aContextIsReusedUntilTheUserChanges() {
        OrgSecurity security = acme.data().orElseThrow().security();
        Principal rep2 = as("rep2@acme.example");
        ToolContext first = contexts.resolve(rep2);
        assertSame(first, contexts.resolve(rep2), "nothing changed: the same context");
        assertEquals("rep2@acme.example", first.caller().username());

        User user = security.user(rep2.userId()).orElseThrow();
        security.putUser(user.withActive(false));
        SalesforceException inactive = assertThrows(SalesforceException.class, () -> contexts.resolve(rep2));
        assertEquals("INVALID_SESSION_ID", inactive.errors().get(0).errorCode());

        security.putUser(user.withActive(true));
        ToolContext again = contexts.resolve(rep2);
        assertNotSame(first, again, "a change to the security model builds a new context");
        assertSame(security.viewFor(rep2.userId()), again.view(), "on the model's current view of the user");
    }

    @Test
    void anUnknownUserIsAnInvalidSession() {
        Principal ghost = new Principal(acme.id(), "005000000000000AAA", "ghost@acme.example", "sfmcp-demo-client", Set.of("mcp_api"));
        SalesforceException e = assertThrows(SalesforceException.class, () -> contexts.resolve(ghost));
        assertEquals("INVALID_SESSION_ID", e.errors().get(0).errorCode());
    }
}
