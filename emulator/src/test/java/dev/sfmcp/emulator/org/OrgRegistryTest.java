package dev.sfmcp.emulator.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.http.Environment;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgRegistryTest {

    final EmulatorClock clock = new EmulatorClock();

    @Test
    void orgsAreFoundByIdInEitherFormAndByMyDomain() {
        OrgRegistry registry = new OrgRegistry();
        Org demo = registry.add(CodeBuiltDemoOrg.create(clock, List.of("platform/sobject-reads")));
        assertSame(demo, registry.byId(CodeBuiltDemoOrg.ORG_ID).orElseThrow());
        assertSame(demo, registry.byId(demo.id()).orElseThrow());
        assertSame(demo, registry.byMyDomain("ACME").orElseThrow());
        assertSame(demo, registry.byKey(demo.id()).orElseThrow());
        assertTrue(registry.byId(CodeBuiltDemoOrg.ORG_ID + "XXX").isEmpty(), "a wrong checksum is another Id");
        assertEquals("admin@acme.example", registry.findUser("Admin@Acme.Example").orElseThrow().user().username());
        assertTrue(demo.servers().isActive("platform/sobject-reads"));
        assertTrue(!demo.servers().isActive("platform/sobject-all"));
    }

    @Test
    void theDemoOrgHasTheFiveUsersAndTheDemoApp() {
        Org demo = CodeBuiltDemoOrg.create(clock, List.of());
        assertEquals(List.of("admin@acme.example", "manager@acme.example", "readonly@acme.example", "rep2@acme.example",
                "rep@acme.example"), demo.users().stream().map(OrgUser::username).sorted().toList());
        assertTrue(demo.users().stream().allMatch(u -> u.checkPassword("emulator") && !u.checkPassword("Emulator")));
        assertEquals(List.of("mcp_api", "refresh_token"), demo.apps().effective("sfmcp-demo-client").orElseThrow().scopes());
        assertEquals("System Administrator", demo.user("admin@acme.example").orElseThrow().profileName());
    }

    @Test
    void duplicatesAndMalformedMyDomainsAreRefused() {
        OrgRegistry registry = new OrgRegistry();
        registry.add(CodeBuiltDemoOrg.create(clock, List.of()));
        assertThrows(IllegalArgumentException.class, () -> registry.add(CodeBuiltDemoOrg.create(clock, List.of())));
        assertThrows(IllegalArgumentException.class, () -> Org.builder("00DKd000009XXXX", "x", "bad_domain").build(clock));
        assertThrows(IllegalArgumentException.class, () -> Org.builder("00DKd000009XXXX", "x", "acme--uat").build(clock),
                "a sandbox My Domain on a production org");
        assertEquals(Environment.SANDBOX, Org.builder("00DKd000009XXXX", "x", "acme--uat").environment(Environment.SANDBOX)
                .build(clock).environment());
    }
}
