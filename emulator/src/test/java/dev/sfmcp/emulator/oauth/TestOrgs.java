package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.http.Environment;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.org.CodeBuiltDemoOrg;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.UserRecord;

/** Extra orgs for tests: a sandbox, a Developer Edition and a scratch org beside the demo org, each with one user. */
final class TestOrgs {

    private TestOrgs() {
    }

    /** Adds an org whose only user is {@code username} (password {@code emulator}) and installs the demo app in it. */
    static Org add(Emulator emulator, String orgId15, String myDomain, Environment environment, String userId15, String username) {
        Org org = emulator.addOrg(Org.builder(orgId15, myDomain, myDomain).environment(environment)
                .activeServers(McpPathParser.sobjectServers()).build(emulator.clock()));
        org.apps().install(CodeBuiltDemoOrg.demoApp());
        org.putUser(UserRecord.of(userId15, username, org.id(), "00eKd000002STDU", "Standard User", username, "emulator"));
        return org;
    }

    static void addStandardSet(Emulator emulator) {
        add(emulator, "00DKd000002SBOX", "acme--uat", Environment.SANDBOX, "005Kd000002SBOX", "rep@acme.example.uat");
        add(emulator, "00DKd000003DEVE", "devco", Environment.DEVELOPER, "005Kd000003DEVE", "dev@devco.example");
        add(emulator, "00DKd000004SCRA", "scratchy", Environment.SCRATCH, "005Kd000004SCRA", "test-abc@scratchy.example");
    }
}
