package dev.sfmcp.emulator.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With --admin-key the console asks for the key once, keeps it in a cookie, and lets nothing through without it. */
class ConsoleAdminKeyHttpTest {

    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.ADMIN_KEY, "s3cret")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aLockedConsoleAnswersTheKeyFormAndUnlocksWithTheRightKeyOnly() {
        ConsoleClient browser = new ConsoleClient(emulator.localBaseUrl());
        Response locked = browser.get("/_console/orgs/acme/users");
        assertEquals(401, locked.statusCode());
        assertTrue(locked.asString().contains("id=\"key-form\""), locked.asString());
        assertFalse(locked.asString().contains("admin@acme.example"), "no org data before the key");
        assertTrue(locked.asString().contains("<input type=\"hidden\" name=\"next\" value=\"/_console/orgs/acme/users\">"));

        Response wrong = browser.post("/_console/orgs/acme/users", "/_console/key", Map.of("adminKey", "guess", "next", "/_console/orgs/acme/users"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.asString().contains("That is not this emulator&#39;s admin key."));

        Response right = browser.post("/_console/key", "/_console/key", Map.of("adminKey", "s3cret", "next", "/_console/orgs/acme/users"));
        assertEquals(303, right.statusCode());
        assertEquals("/_console/orgs/acme/users", right.header("Location"));
        assertTrue(right.header("Set-Cookie") != null && right.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("sfmcp_console_key=") && c.contains("HttpOnly") && c.contains("SameSite=Strict")));
        Response users = browser.get("/_console/orgs/acme/users");
        assertEquals(200, users.statusCode());
        assertTrue(users.asString().contains("admin@acme.example"));

        assertTrue(users.asString().contains("action=\"/_console/lock\""), "the header offers Lock");
        Response lockedAgain = browser.post("/_console/orgs/acme/users", "/_console/lock", Map.of());
        assertEquals(303, lockedAgain.statusCode());
        assertEquals(401, browser.get("/_console/orgs/acme/users").statusCode());
    }

    @Test
    void postsAreRefusedWithoutTheKeyEvenWithAValidCsrfToken() {
        ConsoleClient browser = new ConsoleClient(emulator.localBaseUrl());
        Response refused = browser.post("/_console/key", "/_console/orgs/acme/servers/deactivate", Map.of("server", "platform/sobject-all"));
        assertEquals(401, refused.statusCode());
        assertEquals("ACTIVE", emulator.orgs().byKey("acme").orElseThrow().servers().state("platform/sobject-all").name());
    }

    @Test
    void scriptsMayUseTheAdminKeyHeaderAndTheStylesheetStaysOpen() {
        ConsoleClient script = new ConsoleClient(emulator.localBaseUrl());
        assertEquals(200, script.http().header("X-Admin-Key", "s3cret").get("/_console/orgs/acme/servers").statusCode());
        assertEquals(200, script.get("/_console/assets/console.css").statusCode());
        assertEquals(303, script.post("/_console/key", "/_console/key", Map.of("adminKey", "s3cret", "next", "https://evil.example/"))
                .statusCode());
        assertEquals("/_console", script.post("/_console/key", "/_console/key", Map.of("adminKey", "s3cret", "next", "//evil.example/"))
                .header("Location"), "the key form never redirects off the console");
    }
}
