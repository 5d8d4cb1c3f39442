package dev.sfmcp.emulator.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.oauth.Principal;
import dev.sfmcp.emulator.tools.ArgumentCheck;
import dev.sfmcp.emulator.tools.ToolCall;
import dev.sfmcp.emulator.tools.ToolCatalog;
import dev.sfmcp.emulator.tools.ToolDefinition;
import dev.sfmcp.emulator.tools.ToolOperations;
import dev.sfmcp.emulator.tools.ToolResult;
import dev.sfmcp.soql.SalesforceError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 4 of a tool call: runs one JSON-RPC request of an initialized session and answers its serialized
 * {@code result}, or throws {@link McpProtocolException} for a JSON-RPC error.
 */
public final class McpDispatcher {

    private final ObjectMapper json;
    private final ToolCatalog catalog;
    private final ToolOperations operations;
    private final PromptProvider prompts;
    private final ServerIdentity identity;
    private final McpSettings settings;
    private final Map<String, String> toolPages = new ConcurrentHashMap<>();

    public McpDispatcher(ObjectMapper json, ToolCatalog catalog, ToolOperations operations, PromptProvider prompts,
                         ServerIdentity identity, McpSettings settings) {
        this.json = json;
        this.catalog = catalog;
        this.operations = operations;
        this.prompts = prompts;
        this.identity = identity;
        this.settings = settings;
    }

    /** The result of {@code initialize} for an endpoint at a negotiated version. */
    public ObjectNode initializeResult(McpEndpoint endpoint, String version) {
        ObjectNode result = json.createObjectNode();
        result.put("protocolVersion", version);
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        if (catalog.servesPrompts(endpoint.server())) {
            capabilities.putObject("prompts").put("listChanged", false);
        }
        ObjectNode info = result.putObject("serverInfo");
        info.put("name", identity.name());
        if (ProtocolVersion.hasTitles(version)) {
            info.put("title", identity.title(endpoint.server()));
        }
        info.put("version", identity.version());
        result.put("instructions", identity.instructionsFor(endpoint.server()));
        return result;
    }

    /** Answers one request's serialized result. */
    public DispatchResult dispatch(McpSession session, McpEndpoint endpoint, Principal principal, String method, JsonNode params) {
        return switch (method) {
            case "ping" -> DispatchResult.of("{}");
            case "tools/list" -> DispatchResult.of(toolsList(session, endpoint, params));
            case "tools/call" -> {
                ObjectNode result = toolsCall(session, endpoint, principal, params);
                yield new DispatchResult(write(result), result.path("isError").asBoolean());
            }
            case "prompts/list" -> DispatchResult.of(write(promptsList(endpoint, principal, params)));
            case "prompts/get" -> DispatchResult.of(write(promptsGet(endpoint, principal, params)));
            case "initialize" -> throw new McpProtocolException(JsonRpcError.invalidRequest("Server already initialized"));
            default -> throw new McpProtocolException(JsonRpcError.methodNotFound(method));
        };
    }

    /** An empty tools/list page (the EMPTY_TOOLS_LIST fault). */
    public DispatchResult emptyToolsList() {
        return DispatchResult.of("{\"tools\":[]}");
    }

    /** The tool error the real service answers for an internal failure, with an ErrorId like the live one. */
    public DispatchResult unknownException(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String errorId = (1_000_000_000 + random.nextInt(1_000_000_000)) + "-" + (100_000 + random.nextInt(900_000))
                + " (" + random.nextInt() + ")";
        return new DispatchResult(write(renderToolResult(ToolResult.failure(SalesforceError.of("UNKNOWN_EXCEPTION",
                "An unexpected error occurred. Please include this ErrorId if you contact support: " + errorId, 500)))), true);
    }

    private String toolsList(McpSession session, McpEndpoint endpoint, JsonNode params) {
        int offset = decodeCursor(params);
        String variant = settings.catalogVariant();
        boolean titles = ProtocolVersion.hasTitles(session.protocolVersion());
        String key = variant + '|' + endpoint.server() + '|' + titles + '|' + offset;
        return toolPages.computeIfAbsent(key, k -> write(renderToolPage(variant, endpoint.server(), titles, offset)));
    }

    private ObjectNode renderToolPage(String variant, String server, boolean titles, int offset) {
        List<ToolDefinition> tools = catalog.tools(variant, server);
        if (offset > tools.size()) {
            throw new McpProtocolException(JsonRpcError.invalidParams("Invalid params: invalid cursor"));
        }
        int end = Math.min(tools.size(), offset + settings.toolsPageSize());
        ObjectNode result = json.createObjectNode();
        ArrayNode list = result.putArray("tools");
        for (ToolDefinition tool : tools.subList(offset, end)) {
            ObjectNode t = list.addObject();
            t.put("name", tool.name());
            if (titles) {
                t.put("title", tool.title());
            }
            t.put("description", tool.description());
            t.set("inputSchema", tool.inputSchema());
            ObjectNode annotations = tool.annotations().deepCopy();
            if (!titles) {
                annotations.remove("title");
            }
            t.set("annotations", annotations);
        }
        if (end < tools.size()) {
            result.put("nextCursor", encodeCursor(end));
        }
        return result;
    }

    private ObjectNode toolsCall(McpSession session, McpEndpoint endpoint, Principal principal, JsonNode params) {
        if (params == null || !params.isObject()) {
            throw new McpProtocolException(JsonRpcError.invalidParams("Invalid params: tools/call needs params with a tool name"));
        }
        JsonNode name = params.get("name");
        if (name == null || !name.isTextual()) {
            throw new McpProtocolException(JsonRpcError.invalidParams("Invalid params: tools/call needs a string 'name'"));
        }
        Optional<ToolDefinition> found = catalog.find(settings.catalogVariant(), endpoint.server(), name.asText(),
                settings.compatToolNames());
        if (found.isEmpty()) {
            throw new McpProtocolException(JsonRpcError.invalidParams("Unknown tool: " + name.asText()));
        }
        ToolDefinition tool = found.get();
        JsonNode rawArguments = params.get("arguments");
        if (rawArguments != null && !rawArguments.isNull() && !rawArguments.isObject()) {
            return renderToolResult(ToolResult.failure(SalesforceError.of(ArgumentCheck.INVALID_ARGUMENT,
                    "The arguments of tool " + tool.name() + " must be a JSON object.")));
        }
        ObjectNode arguments = rawArguments == null || rawArguments.isNull()
                ? json.createObjectNode() : ((ObjectNode) rawArguments).deepCopy();
        ArgumentCheck.applyAliases(arguments, tool.argumentAliases());
        Optional<SalesforceError> mistake = ArgumentCheck.check(tool, arguments);
        if (mistake.isPresent()) {
            return renderToolResult(ToolResult.failure(mistake.get()));
        }
        return renderToolResult(operations.run(new ToolCall(tool, arguments, endpoint, principal, session.clientName(), session.clientIp())));
    }

    /** A tool result as MCP's CallToolResult: structuredContent plus the same JSON as text, or isError with the REST error array. */
    ObjectNode renderToolResult(ToolResult outcome) {
        ObjectNode result = json.createObjectNode();
        ArrayNode content = result.putArray("content");
        ObjectNode text = content.addObject();
        text.put("type", "text");
        if (outcome.isError()) {
            text.put("text", write(dev.sfmcp.emulator.http.RestErrorBody.of(outcome.errors())));
            result.put("isError", true);
        } else {
            text.put("text", write(outcome.value()));
            if (outcome.value() != null && outcome.value().isObject()) {
                result.set("structuredContent", outcome.value());
            }
            result.put("isError", false);
        }
        return result;
    }

    private JsonNode promptsList(McpEndpoint endpoint, Principal principal, JsonNode params) {
        requirePrompts(endpoint, "prompts/list");
        decodeCursor(params);
        ObjectNode result = json.createObjectNode();
        result.set("prompts", prompts.list(endpoint, principal));
        return result;
    }

    private JsonNode promptsGet(McpEndpoint endpoint, Principal principal, JsonNode params) {
        requirePrompts(endpoint, "prompts/get");
        if (params == null || !params.path("name").isTextual()) {
            throw new McpProtocolException(JsonRpcError.invalidParams("Invalid params: prompts/get needs a string 'name'"));
        }
        return prompts.get(endpoint, principal, params.get("name").asText(), params.get("arguments"));
    }

    private void requirePrompts(McpEndpoint endpoint, String method) {
        if (!catalog.servesPrompts(endpoint.server())) {
            throw new McpProtocolException(JsonRpcError.methodNotFound(method));
        }
    }

    private static int decodeCursor(JsonNode params) {
        JsonNode cursor = params == null ? null : params.get("cursor");
        if (cursor == null || cursor.isNull()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.asText()), StandardCharsets.UTF_8);
            if (decoded.startsWith("o:")) {
                int offset = Integer.parseInt(decoded.substring(2));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new McpProtocolException(JsonRpcError.invalidParams("Invalid params: invalid cursor"));
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new McpProtocolException(JsonRpcError.internal("cannot serialize the result"));
        }
    }
}
