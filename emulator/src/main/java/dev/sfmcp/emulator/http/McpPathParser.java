package dev.sfmcp.emulator.http;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses every MCP URL form of the real gateway ({@code /platform/mcp/v1/...}) into an {@link McpEndpoint}, or says
 * precisely why a path is not one: malformed, a retired version, or a server the gateway does not know.
 */
public final class McpPathParser {

    /** Where every MCP URL starts. */
    public static final String PREFIX = "/platform/mcp/";
    /** The live version segment. */
    public static final String LIVE_VERSION = "v1";

    private static final Set<String> RETIRED_VERSIONS = Set.of("v1-beta.1", "v1-beta.2");
    private static final Set<String> SOBJECT_SERVERS = Set.of(
            "platform/sobject-reads", "platform/sobject-mutations", "platform/sobject-deletes", "platform/sobject-all");
    /** Product servers that exist on the real gateway but are outside what the emulator serves. */
    private static final Set<String> PRODUCT_SERVERS = Set.of(
            "platform/salesforce-api-context", "platform/metadata-experts", "platform/api-catalog", "platform/flows",
            "platform/invocable-actions", "platform/prompt-builder", "platform/data-360", "analytics/tableau-next",
            "data/data-cloud-queries");
    private static final Pattern MY_DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?");
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

    private McpPathParser() {
    }

    /** The four standard sObject servers. */
    public static Set<String> sobjectServers() {
        return SOBJECT_SERVERS;
    }

    /** Parses a request path (without query string). */
    public static McpPath parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            return McpPath.invalid(PathProblem.MALFORMED, "not an MCP path");
        }
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.length() <= PREFIX.length()) {
            return McpPath.invalid(PathProblem.MALFORMED, "the path names no API version");
        }
        List<String> segments = List.of(path.substring(PREFIX.length()).split("/", -1));
        if (segments.isEmpty() || segments.get(0).isEmpty()) {
            return McpPath.invalid(PathProblem.MALFORMED, "the path names no API version");
        }
        String version = segments.get(0);
        if (RETIRED_VERSIONS.contains(version)) {
            return McpPath.invalid(PathProblem.RETIRED_VERSION,
                    "MCP API version '" + version + "' has been retired; use " + LIVE_VERSION);
        }
        if (!LIVE_VERSION.equals(version)) {
            return McpPath.invalid(PathProblem.MALFORMED, "unknown MCP API version '" + version + "'");
        }
        if (segments.stream().anyMatch(String::isEmpty)) {
            return McpPath.invalid(PathProblem.MALFORMED, "the path has an empty segment");
        }
        int i = 1;
        Environment environment = Environment.PRODUCTION;
        String myDomain = null;
        String sandboxName = null;
        if (i < segments.size() && segments.get(i).equals("sandbox")) {
            environment = Environment.SANDBOX;
            i++;
        } else if (i < segments.size() && segments.get(i).equals("d")) {
            if (i + 1 >= segments.size()) {
                return McpPath.invalid(PathProblem.MALFORMED, "the /d/ form needs a My Domain name");
            }
            String domain = segments.get(i + 1);
            i += 2;
            int split = domain.indexOf("--");
            if (split >= 0) {
                myDomain = domain.substring(0, split);
                sandboxName = domain.substring(split + 2);
                if (i >= segments.size() || !segments.get(i).equals("sandbox")) {
                    return McpPath.invalid(PathProblem.MALFORMED,
                            "a sandbox My Domain '" + domain + "' must be followed by /sandbox/");
                }
                environment = Environment.SANDBOX;
                i++;
            } else {
                myDomain = domain;
                if (i < segments.size()) {
                    switch (segments.get(i)) {
                        case "scratch" -> { environment = Environment.SCRATCH; i++; }
                        case "develop" -> { environment = Environment.DEVELOPER; i++; }
                        case "sandbox" -> {
                            return McpPath.invalid(PathProblem.MALFORMED,
                                    "a sandbox must be addressed as /d/{myDomain}--{sandboxName}/sandbox/");
                        }
                        default -> { }
                    }
                }
            }
            if (!MY_DOMAIN.matcher(myDomain).matches() || (sandboxName != null && !MY_DOMAIN.matcher(sandboxName).matches())) {
                return McpPath.invalid(PathProblem.MALFORMED, "'" + domain + "' is not a valid My Domain name");
            }
            myDomain = myDomain.toLowerCase();
            sandboxName = sandboxName == null ? null : sandboxName.toLowerCase();
        }
        List<String> serverSegments = segments.subList(i, segments.size());
        if (serverSegments.size() != 2) {
            return McpPath.invalid(PathProblem.MALFORMED, serverSegments.isEmpty()
                    ? "the path names no MCP server" : "'" + String.join("/", serverSegments) + "' is not an MCP server path");
        }
        String server = serverSegments.get(0) + "/" + serverSegments.get(1);
        if (serverSegments.get(0).equals("custom")) {
            if (!API_NAME.matcher(serverSegments.get(1)).matches()) {
                return McpPath.invalid(PathProblem.MALFORMED, "'" + serverSegments.get(1) + "' is not a valid custom server API name");
            }
        } else if (PRODUCT_SERVERS.contains(server)) {
            return McpPath.invalid(PathProblem.NOT_EMULATED, "the MCP server '" + server + "' is not emulated");
        } else if (!SOBJECT_SERVERS.contains(server)) {
            return McpPath.invalid(PathProblem.UNKNOWN_SERVER, "no MCP server named '" + server + "'");
        }
        return McpPath.valid(new McpEndpoint(version, environment, myDomain, sandboxName, server, path));
    }

    /** Why a path is not an MCP endpoint. */
    public enum PathProblem {
        MALFORMED,
        RETIRED_VERSION,
        UNKNOWN_SERVER,
        NOT_EMULATED
    }

    /** The outcome of parsing: an endpoint, or a problem with a message. */
    public record McpPath(McpEndpoint endpoint, PathProblem problem, String detail) {

        static McpPath valid(McpEndpoint endpoint) {
            return new McpPath(endpoint, null, null);
        }

        static McpPath invalid(PathProblem problem, String detail) {
            return new McpPath(null, problem, detail);
        }

        public boolean isValid() {
            return endpoint != null;
        }
    }
}
