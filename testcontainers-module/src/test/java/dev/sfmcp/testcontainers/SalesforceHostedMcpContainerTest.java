package dev.sfmcp.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The container's configuration, without starting anything: each fluent call becomes the variable the emulator reads. */
class SalesforceHostedMcpContainerTest {

    @Test
    void fluentCallsBecomeSfmcpVariables() {
        try (SalesforceHostedMcpContainer container = new SalesforceHostedMcpContainer()
                .withDemoOrg(false)
                .withAutoLogin(true)
                .withActiveServers("sobject-reads", "platform/sobject-all", "custom/Orders")
                .withApiRequestLimit(250)
                .withRealisticDelays()
                .withNoAuth(true)
                .withEmulatorOption("--session-idle-timeout", "5m")
                .withFixtureFromClasspath("fixtures/tiny-org.yaml")) {
            Map<String, String> env = container.getEnvMap();
            assertEquals("0.0.0.0", env.get("SFMCP_HOST"));
            assertEquals("false", env.get("SFMCP_DEMO"));
            assertEquals("true", env.get("SFMCP_AUTO_LOGIN"));
            assertEquals("platform/sobject-reads,platform/sobject-all,custom/Orders", env.get("SFMCP_ACTIVE_SERVERS"));
            assertEquals("250", env.get("SFMCP_API_REQUEST_LIMIT"));
            assertEquals("true", env.get("SFMCP_REALISTIC_DELAYS"));
            assertEquals("true", env.get("SFMCP_NO_AUTH"));
            assertEquals("5m", env.get("SFMCP_SESSION_IDLE_TIMEOUT"));
            assertEquals("/fixtures/tiny-org.yaml", env.get("SFMCP_FIXTURE"));
            assertEquals(List.of(8080), container.getExposedPorts());
            assertEquals(1, container.getCopyToFileContainerPathMap().size());
        }
    }

    @Test
    void fixturesThatDoNotExistAreRefusedAtOnce() {
        try (SalesforceHostedMcpContainer container = new SalesforceHostedMcpContainer()) {
            IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                    () -> container.withFixture(Path.of("no/such/org.yaml")));
            assertEquals("fixture " + Path.of("no/such/org.yaml").toAbsolutePath() + " does not exist", path.getMessage());
            IllegalArgumentException resource = assertThrows(IllegalArgumentException.class,
                    () -> container.withFixtureFromClasspath("fixtures/missing.yaml"));
            assertEquals("no classpath resource named 'fixtures/missing.yaml'", resource.getMessage());
        }
    }

    @Test
    void theImageIsOverridableAndMustBeCompatible() {
        String previous = System.getProperty(SalesforceHostedMcpContainer.IMAGE_PROPERTY);
        System.setProperty(SalesforceHostedMcpContainer.IMAGE_PROPERTY, "mirror.example/sfmcp/emulator:1.2");
        try {
            assertEquals("mirror.example/sfmcp/emulator:1.2", SalesforceHostedMcpContainer.defaultImageName().asCanonicalNameString());
        } finally {
            if (previous == null) {
                System.clearProperty(SalesforceHostedMcpContainer.IMAGE_PROPERTY);
            } else {
                System.setProperty(SalesforceHostedMcpContainer.IMAGE_PROPERTY, previous);
            }
        }
        assertThrows(IllegalStateException.class, () -> new SalesforceHostedMcpContainer("redis:7"));
    }

    @ParameterizedTest
    @CsvSource({
            "sobject-reads, platform/sobject-reads",
            "platform/sobject-all, platform/sobject-all",
            "/platform/sobject-deletes, platform/sobject-deletes",
            "custom/Orders, custom/Orders",
    })
    void serverNamesAcceptTheShortForm(String given, String path) {
        assertEquals(path, dev.sfmcp.client.EmulatorEndpoints.serverPath(given));
    }
}
