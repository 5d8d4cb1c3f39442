package dev.sfmcp.emulator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real MCP clients against an in-process emulator, through the project's scripts in {@code tools/mcp-peers}: the
 * TypeScript SDK runs discovery, the headless PKCE login and tools/list; MCP Inspector's CLI lists tools with a
 * bearer header. Skipped (with the reason) only when the peers are not installed ({@code tools/mcp-peers/install.sh}).
 */
@Tag("peers")
class McpPeersTest {

    static final Path PEERS = locatePeers();
    static Emulator emulator;
    static final ObjectMapper JSON = new ObjectMapper();

    static Path locatePeers() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/mcp-peers");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("tools/mcp-peers");
    }

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isDirectory(PEERS.resolve("node_modules")),
                "MCP peers not installed: run tools/mcp-peers/install.sh to run the TypeScript SDK and Inspector tests");
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.AUTO_LOGIN, "true")).start();
        TestOrgs.addStandardSet(emulator);
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(PEERS.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("peer", ".out");
        Path err = Files.createTempFile("peer", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("peer did not finish in 120 s: " + String.join(" ", command));
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return run;
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.path("name").asText()));
        return out;
    }

    @ParameterizedTest(name = "TypeScript SDK on {0}")
    @CsvSource({
        "/platform/mcp/v1/platform/sobject-reads,                rep@acme.example,     6",
        "/platform/mcp/v1/d/acme/platform/sobject-all,           admin@acme.example,   11",
        "/platform/mcp/v1/sandbox/platform/sobject-mutations,    rep@acme.example.uat, 6",
    })
    void theTypeScriptSdkDiscoversLogsInAndListsTools(String path, String user, int toolCount) throws Exception {
        Run run = run(Map.of("LOGIN_HINT", user), "bash", "run-ts-sdk.sh", emulator.localBaseUrl() + path);
        assertEquals(0, run.exit(), "stdout: " + run.out() + "\nstderr: " + run.err());
        JsonNode result = JSON.readTree(run.out().lines().reduce((a, b) -> b).orElseThrow());
        List<String> tools = names(result.get("tools"));
        assertEquals(toolCount, tools.size(), tools.toString());
        assertEquals("Bearer", result.get("tokenType").asText());
        assertTrue(result.get("hasRefreshToken").asBoolean());
        assertTrue(result.get("steps").get(0).asText().contains("/services/oauth2/authorize"));
        // the SDK's soqlQuery call runs in the demo org as the logged-in user; the extra test orgs have no data
        boolean demo = user.endsWith("@acme.example");
        assertEquals(!demo, result.get("callIsError").asBoolean(), result.toString());
        assertTrue(result.get("callText").asText().contains(demo ? "\"totalSize\":1" : "has no data"), result.toString());
    }

    @ParameterizedTest(name = "Inspector CLI on {0}")
    @CsvSource({"/platform/mcp/v1/platform/sobject-all", "/platform/mcp/v1/d/acme/platform/sobject-reads"})
    void inspectorsCliListsToolsWithABearerHeader(String path) throws Exception {
        OAuthTestClient client = new OAuthTestClient(emulator);
        String token = client.accessToken("/login", "sfmcp-demo-client", "rep@acme.example");
        Run run = run(Map.of(), "bash", "run-inspector.sh", emulator.localBaseUrl() + path, token);
        assertEquals(0, run.exit(), "stdout: " + run.out() + "\nstderr: " + run.err());
        List<String> tools = names(JSON.readTree(run.out()).path("result").path("tools"));
        assertFalse(tools.isEmpty());
        assertTrue(tools.contains("soqlQuery"), tools.toString());
    }

    @ParameterizedTest(name = "Inspector CLI runs its own OAuth flow on {0}")
    @CsvSource({"/platform/mcp/v1/platform/sobject-reads", "/platform/mcp/v1/d/acme/platform/sobject-all"})
    void inspectorsCliRunsItsOwnDiscoveryAndPkceFlow(String path) throws Exception {
        Run run = run(Map.of(), "bash", "run-inspector-oauth.sh", emulator.localBaseUrl() + path);
        assertEquals(0, run.exit(), "stdout: " + run.out() + "\nstderr: " + run.err());
        assertTrue(names(JSON.readTree(run.out()).path("result").path("tools")).contains("soqlQuery"), run.out());
    }

    @org.junit.jupiter.api.Test
    void inspectorReportsTheIssuerMismatchOfThe20260813ShapeInSelfMode() throws Exception {
        try (Emulator self = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.AUTO_LOGIN, "true")
                .with(Option.PRM_MODE, "self")).start()) {
            String url = self.localBaseUrl() + "/platform/mcp/v1/platform/sobject-reads";
            Run run = run(Map.of(), "bash", "run-inspector-oauth.sh", url);
            assertTrue(run.exit() != 0, "the historic shape must fail in a client that checks the issuer");
            String envelope = (run.out() + "\n" + run.err()).lines().filter(l -> l.startsWith("{\"error\"")).findFirst()
                    .orElseThrow(() -> new AssertionError("no error envelope in: " + run.out() + run.err()));
            assertEquals("Issuer mismatch in authorization server metadata (RFC 8414 §3.3): expected \"" + url
                    + "\", received \"" + self.localBaseUrl() + "/login\"", JSON.readTree(envelope).path("error").path("message").asText());
        }
    }

    @org.junit.jupiter.api.Test
    void theTypeScriptSdkProceedsWithTheRealOpenIdConfigurationThatLacksS256() throws Exception {
        try (Emulator strict = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.AUTO_LOGIN, "true")
                .with(Option.OIDC_ADVERTISES_PKCE, "false")).start()) {
            Run run = run(Map.of(), "bash", "run-ts-sdk.sh", strict.localBaseUrl() + "/platform/mcp/v1/platform/sobject-reads");
            assertEquals(0, run.exit(), "stdout: " + run.out() + "\nstderr: " + run.err());
            assertTrue(run.out().contains("\"soqlQuery\""), run.out());
        }
    }

    @ParameterizedTest(name = "Inspector CLI refused without a valid token on {0}")
    @CsvSource({"/platform/mcp/v1/platform/sobject-all"})
    void inspectorsCliIsRefusedWithABadToken(String path) throws Exception {
        Run run = run(Map.of(), "bash", "run-inspector.sh", emulator.localBaseUrl() + path, "not-a-token");
        assertEquals(3, run.exit(), "exit 3 is the Inspector's 'auth required'; stdout: " + run.out() + "\nstderr: " + run.err());
    }
}
