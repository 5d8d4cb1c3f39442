package dev.sfmcp.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.http.McpPathParser.McpPath;
import dev.sfmcp.emulator.http.McpPathParser.PathProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McpPathParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // path | environment | myDomain | sandbox | server
            "/platform/mcp/v1/platform/sobject-reads, PRODUCTION, -, -, platform/sobject-reads",
            "/platform/mcp/v1/platform/sobject-mutations, PRODUCTION, -, -, platform/sobject-mutations",
            "/platform/mcp/v1/platform/sobject-deletes, PRODUCTION, -, -, platform/sobject-deletes",
            "/platform/mcp/v1/platform/sobject-all, PRODUCTION, -, -, platform/sobject-all",
            "/platform/mcp/v1/platform/sobject-all/, PRODUCTION, -, -, platform/sobject-all",
            "/platform/mcp/v1/sandbox/platform/sobject-reads, SANDBOX, -, -, platform/sobject-reads",
            "/platform/mcp/v1/d/acme/platform/sobject-all, PRODUCTION, acme, -, platform/sobject-all",
            "/platform/mcp/v1/d/ACME/platform/sobject-all, PRODUCTION, acme, -, platform/sobject-all",
            "/platform/mcp/v1/d/acme--uat/sandbox/platform/sobject-reads, SANDBOX, acme, uat, platform/sobject-reads",
            "/platform/mcp/v1/d/acme/scratch/platform/sobject-all, SCRATCH, acme, -, platform/sobject-all",
            "/platform/mcp/v1/d/acme/develop/platform/sobject-all, DEVELOPER, acme, -, platform/sobject-all",
            "/platform/mcp/v1/custom/Customer360, PRODUCTION, -, -, custom/Customer360",
            "/platform/mcp/v1/sandbox/custom/Customer360, SANDBOX, -, -, custom/Customer360",
            "/platform/mcp/v1/d/acme/custom/My_Server, PRODUCTION, acme, -, custom/My_Server",
    })
    void parsesEveryDocumentedForm(String path, Environment environment, String myDomain, String sandbox, String server) {
        McpPath parsed = McpPathParser.parse(path);
        assertTrue(parsed.isValid(), () -> path + ": " + parsed.detail());
        McpEndpoint endpoint = parsed.endpoint();
        assertEquals("v1", endpoint.version());
        assertEquals(environment, endpoint.environment());
        assertEquals(myDomain, endpoint.myDomain());
        assertEquals(sandbox, endpoint.sandboxName());
        assertEquals(server, endpoint.server());
        assertEquals(myDomain != null, endpoint.orgQualified());
        assertEquals(server.startsWith("custom/"), endpoint.isCustom());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/platform/mcp/v1-beta.2/platform/sobject-reads, RETIRED_VERSION",
            "/platform/mcp/v1-beta.1/sobject-all, RETIRED_VERSION",
            "/platform/mcp/v2/platform/sobject-reads, MALFORMED",
            "/platform/mcp/, MALFORMED",
            "/platform/mcp/v1, MALFORMED",
            "/platform/mcp/v1/platform, MALFORMED",
            "/platform/mcp/v1/platform/sobject-reads/extra, MALFORMED",
            "/platform/mcp/v1//platform/sobject-reads, MALFORMED",
            "/platform/mcp/v1/d/platform/sobject-all, MALFORMED",
            "/platform/mcp/v1/d/acme/sandbox/platform/sobject-all, MALFORMED",
            "/platform/mcp/v1/d/acme--uat/platform/sobject-all, MALFORMED",
            "/platform/mcp/v1/d/ac_me/platform/sobject-all, MALFORMED",
            "/platform/mcp/v1/custom/9bad, MALFORMED",
            "/platform/mcp/v1/platform/sobject-everything, UNKNOWN_SERVER",
            "/platform/mcp/v1/foo/bar, UNKNOWN_SERVER",
            "/platform/mcp/v1/analytics/tableau-next, NOT_EMULATED",
            "/platform/mcp/v1/platform/metadata-experts, NOT_EMULATED",
            "/services/data/v60.0/query, MALFORMED",
    })
    void refusesWhatIsNotAnEndpoint(String path, PathProblem problem) {
        McpPath parsed = McpPathParser.parse(path);
        assertFalse(parsed.isValid(), path);
        assertEquals(problem, parsed.problem());
        assertFalse(parsed.detail().isBlank());
    }

    @org.junit.jupiter.api.Test
    void sandboxMyDomainKeepsItsLabel() {
        McpEndpoint endpoint = McpPathParser.parse("/platform/mcp/v1/d/acme--uat/sandbox/platform/sobject-reads").endpoint();
        assertEquals("acme--uat", endpoint.myDomainLabel());
        assertTrue(endpoint.environment().usesSandboxLogin());
    }
}
