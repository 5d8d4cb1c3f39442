package dev.sfmcp.emulator.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.client.EmulatorAdminClient;
import dev.sfmcp.client.EmulatorRequestException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client module's admin calls against a real emulator: what a test using the container or extension would do. */
class AdminClientHttpTest extends DemoOrgAdminTest {

    static EmulatorAdminClient admin;

    @BeforeAll
    static void connectClient() {
        admin = new EmulatorAdminClient(env.emulator.localBaseUrl());
    }

    @BeforeEach
    void reset() {
        admin.reset();
    }

    static JsonNode byUsername(JsonNode users, String username) {
        return StreamSupport.stream(users.spliterator(), false).filter(u -> u.path("username").asText().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " not in " + users));
    }

    @Test
    void usersAreListedCreatedDeactivatedMovedAndGivenPermissionSets() {
        assertEquals(5, admin.users("acme").size());
        JsonNode created = admin.createUser("acme", Map.of("username", "temp@acme.example", "lastName", "Temp",
                "profile", "Standard User", "permissionSets", List.of("Project_Administrator")));
        assertEquals("temp@acme.example", created.path("username").asText());
        assertFalse(admin.setUserActive("acme", "temp@acme.example", false).path("active").asBoolean());
        assertEquals("Sales Rep", admin.changeRole("acme", "temp@acme.example", "Sales Rep").path("role").asText());
        assertTrue(admin.changeRole("acme", "temp@acme.example", null).path("role").isNull());
        assertEquals(0, admin.unassignPermissionSet("acme", "temp@acme.example", "Project_Administrator").path("permissionSets").size());
        assertEquals(1, admin.assignPermissionSet("acme", "temp@acme.example", "Project_Administrator").path("permissionSets").size());
        assertFalse(byUsername(admin.users("acme"), "temp@acme.example").path("active").asBoolean());
        EmulatorRequestException duplicate = assertThrows(EmulatorRequestException.class, () ->
                admin.createUser("acme", Map.of("username", "temp@acme.example", "lastName", "Temp", "profile", "Standard User")));
        assertEquals(409, duplicate.status());
    }

    @Test
    void recordsAreArrangedAsTheSystemAndExplained() {
        String ownerId = admin.query("acme", "SELECT Id FROM User WHERE Username = 'rep2@acme.example'").path("records").get(0)
                .path("Id").asText();
        String id = admin.createRecord("acme", "Account", Map.of("Name", "Client Arranged", "OwnerId", ownerId));
        assertEquals("Client Arranged", admin.record("acme", "Account", id).path("Name").asText());
        admin.updateRecord("acme", "Account", id, Map.of("Name", "Client Renamed"));
        assertEquals(1, admin.query("acme", "SELECT Id FROM Account WHERE Name = 'Client Renamed'").path("totalSize").asInt());
        assertEquals("ALL", byUsername(admin.whoCanAccess("acme", "Account", id), "rep2@acme.example").path("access").asText());
        assertEquals("NONE", admin.recordAccess("acme", "Account", id, "rep@acme.example").path("access").asText());
        admin.deleteRecord("acme", "Account", id);
        EmulatorRequestException gone = assertThrows(EmulatorRequestException.class, () -> admin.record("acme", "Account", id));
        assertEquals(404, gone.status());
        EmulatorRequestException invalid = assertThrows(EmulatorRequestException.class,
                () -> admin.createRecord("acme", "Account", Map.of("Industry", "Energy")));
        assertTrue(invalid.getMessage().contains("REQUIRED_FIELD_MISSING"), invalid.getMessage());
    }

    @Test
    void tokensAreListedAndRevoked() {
        String token = env.token("manager@acme.example");
        JsonNode tokens = admin.tokens("acme", "sfmcp-demo-client", "manager@acme.example");
        assertEquals(2, tokens.size(), tokens.toString());
        String accessId = StreamSupport.stream(tokens.spliterator(), false).filter(t -> t.path("kind").asText().equals("access"))
                .findFirst().orElseThrow().path("id").asText();
        admin.revokeToken("acme", accessId);
        AdminApiFixture.assertGatewayRefuses(env, token);
        assertEquals(1, admin.revokeTokens("acme", null, "manager@acme.example"));
        assertEquals(0, admin.tokens("acme", null, "manager@acme.example").size());
    }

    @Test
    void orgsAreLoadedExportedAndDeleted() {
        JsonNode loaded = admin.loadOrg(OrgLifecycleHttpTest.GLOBEX);
        assertEquals("globex", loaded.path("myDomain").asText());
        String exported = admin.exportOrg("globex", "json");
        assertTrue(exported.contains("Globex HQ"), exported);
        admin.deleteOrg("globex");
        assertEquals("globex", admin.loadOrg(exported).path("myDomain").asText(), "a JSON export loads back");
        admin.deleteOrg("globex");
        assertEquals(404, assertThrows(EmulatorRequestException.class, () -> admin.deleteOrg("globex")).status());
    }
}
