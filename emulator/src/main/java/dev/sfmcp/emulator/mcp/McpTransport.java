package dev.sfmcp.emulator.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.oauth.Principal;
import dev.sfmcp.emulator.fault.ConnectionDrop;
import dev.sfmcp.emulator.fault.FaultInjector;
import dev.sfmcp.emulator.fault.FaultRule;
import dev.sfmcp.emulator.journal.Exchange;
import dev.sfmcp.emulator.journal.JournalRecorder;
import dev.sfmcp.emulator.oauth.GatewayRejection;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Streamable HTTP transport of one MCP endpoint: Accept and media-type rules, sessions, the protocol-version
 * header, batches, notifications and responses (202), and JSON answers. Authentication and the endpoint's existence
 * are settled before this runs.
 */
public final class McpTransport {

    /** Session header, as 2025-03-26 spells it (header names are case-insensitive). */
    public static final String SESSION_HEADER = "Mcp-Session-Id";
    public static final String VERSION_HEADER = "MCP-Protocol-Version";
    /** The body Salesforce's gateway answers with when Accept lacks a required type (hosted-mcp.md §5). */
    static final String NOT_ACCEPTABLE_BODY =
            "{\"error\":{\"code\":406,\"message\":\"Accept header must include both application/json and text/event-stream\"}}";

    private final ObjectMapper json;
    private final SessionRegistry sessions;
    private final McpDispatcher dispatcher;
    private final FaultInjector faults;
    private final Consumer<Principal> tokenExpirer;
    private final Consumer<Principal> quotaExhauster;

    /**
     * @param tokenExpirer   what the EXPIRE_TOKEN fault does to the caller's token beyond refusing this request
     * @param quotaExhauster what the EXHAUST_QUOTA fault does: use up the caller's org's daily API requests
     */
    public McpTransport(ObjectMapper json, SessionRegistry sessions, McpDispatcher dispatcher, FaultInjector faults,
                        Consumer<Principal> tokenExpirer, Consumer<Principal> quotaExhauster) {
        this.quotaExhauster = quotaExhauster;
        this.json = json;
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.faults = faults;
        this.tokenExpirer = tokenExpirer;
    }

    /** GET opens no SSE stream here: 405, which clients read as "request-response mode". */
    public void get(Context ctx) {
        ctx.header("Allow", "POST, DELETE");
        reject(405, JsonRpcError.SERVER_ERROR, "Method not allowed.");
    }

    /** DELETE ends the session named by the header. */
    public void delete(Context ctx, McpEndpoint endpoint, Principal principal) {
        McpSession session = requireSession(ctx, endpoint, principal);
        sessions.close(session.id());
        ctx.status(200);
    }

    /** POST carries one JSON-RPC message (or, under 2025-03-26, a batch). */
    public void post(Context ctx, McpEndpoint endpoint, Principal principal) {
        checkAccept(ctx.header("Accept"));
        checkContentType(ctx.header("Content-Type"));
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            throw rejection(400, JsonRpcError.parseError(), null);
        }
        if (body == null || body.isMissingNode()) {
            throw rejection(400, JsonRpcError.parseError(), null);
        }
        if (body.isArray()) {
            postBatch(ctx, endpoint, principal, (ArrayNode) body);
            return;
        }
        if (!body.isObject()) {
            throw rejection(400, JsonRpcError.invalidRequest("a JSON-RPC message must be an object"), null);
        }
        if ("initialize".equals(body.path("method").asText(null)) && body.has("id")) {
            initialize(ctx, endpoint, principal, (ObjectNode) body);
            return;
        }
        McpSession session = requireSession(ctx, endpoint, principal);
        checkVersionHeader(ctx.header(VERSION_HEADER));
        String answer = handle(ctx, session, endpoint, principal, (ObjectNode) body);
        respond(ctx, answer);
    }

    private void postBatch(Context ctx, McpEndpoint endpoint, Principal principal, ArrayNode batch) {
        String sessionId = ctx.header(SESSION_HEADER);
        McpSession session = sessionId == null ? null : sessions.find(sessionId, endpoint, principal.sessionBindingKey());
        if (session == null || !ProtocolVersion.allowsBatches(session.protocolVersion())) {
            String version = session == null ? "initialize" : session.protocolVersion();
            throw rejection(400, JsonRpcError.invalidRequest(session == null
                    ? "JSON-RPC batches are not accepted before a 2025-03-26 session is initialized"
                    : "JSON-RPC batches are not supported in protocol version " + version), null);
        }
        if (batch.isEmpty()) {
            throw rejection(400, JsonRpcError.invalidRequest("an empty JSON-RPC batch"), null);
        }
        checkVersionHeader(ctx.header(VERSION_HEADER));
        List<String> answers = new ArrayList<>();
        for (JsonNode message : batch) {
            if (!message.isObject()) {
                answers.add(errorResponse(null, JsonRpcError.invalidRequest("a JSON-RPC message must be an object")));
                continue;
            }
            if ("initialize".equals(message.path("method").asText(null))) {
                answers.add(errorResponse(message.get("id"), JsonRpcError.invalidRequest("initialize must not be part of a batch")));
                continue;
            }
            String answer = handle(ctx, session, endpoint, principal, (ObjectNode) message);
            if (answer != null) {
                answers.add(answer);
            }
        }
        respond(ctx, answers.isEmpty() ? null : "[" + String.join(",", answers) + "]");
    }

    private void initialize(Context ctx, McpEndpoint endpoint, Principal principal, ObjectNode request) {
        JsonNode id = request.get("id");
        checkId(id);
        String existing = ctx.header(SESSION_HEADER);
        if (existing != null && sessions.find(existing, endpoint, principal.sessionBindingKey()) != null) {
            throw rejection(400, JsonRpcError.invalidRequest("Server already initialized"), id);
        }
        JsonNode params = request.get("params");
        JsonNode requested = params == null ? null : params.get("protocolVersion");
        if (params == null || !params.isObject() || requested == null || !requested.isTextual()) {
            respond(ctx, errorResponse(id, JsonRpcError.invalidParams(
                    "Invalid params: initialize needs params.protocolVersion, params.capabilities and params.clientInfo")));
            return;
        }
        String version = ProtocolVersion.negotiate(requested.asText());
        String clientName = params.path("clientInfo").path("name").asText("unknown");
        applyFault(ctx, null, endpoint, principal, "initialize", null);
        McpSession session = sessions.open(endpoint, principal.sessionBindingKey(), version, clientName, ctx.ip(),
                dispatcher.catalogVariantFor(principal));
        ctx.header(SESSION_HEADER, session.id());
        String result = write(dispatcher.initializeResult(endpoint, version));
        journal(ctx, session, "initialize", null, params, result, null, false);
        respond(ctx, resultResponse(id, result));
    }

    /** One message of a session: a request answers a response; a notification or a response answers nothing. */
    private String handle(Context ctx, McpSession session, McpEndpoint endpoint, Principal principal, ObjectNode message) {
        if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
            throw rejection(400, JsonRpcError.invalidRequest("jsonrpc must be \"2.0\""), message.get("id"));
        }
        JsonNode method = message.get("method");
        if (method == null) {
            if (message.has("result") || message.has("error")) {
                return null;
            }
            throw rejection(400, JsonRpcError.invalidRequest("a message needs a method, a result or an error"), message.get("id"));
        }
        if (!method.isTextual()) {
            throw rejection(400, JsonRpcError.invalidRequest("method must be a string"), message.get("id"));
        }
        if (!message.has("id")) {
            if ("notifications/initialized".equals(method.asText())) {
                session.markInitialized();
            }
            journal(ctx, session, method.asText(), null, message.get("params"), null, null, false);
            return null;
        }
        JsonNode id = message.get("id");
        checkId(id);
        JsonNode params = message.get("params");
        String tool = "tools/call".equals(method.asText()) && params != null ? params.path("name").asText(null) : null;
        if (params != null && !params.isNull() && !params.isObject()) {
            JsonRpcError error = JsonRpcError.invalidParams("Invalid params: params must be an object");
            journal(ctx, session, method.asText(), tool, params, null, errorObject(error), true);
            return errorResponse(id, error);
        }
        Optional<FaultRule> fault = applyFault(ctx, session, endpoint, principal, method.asText(), tool);
        try {
            DispatchResult result;
            if (fault.isPresent() && fault.get().type() == dev.sfmcp.emulator.fault.FaultType.UNKNOWN_EXCEPTION
                    && "tools/call".equals(method.asText())) {
                result = dispatcher.unknownException(fault.get().fired() * 7919L + fault.get().id().hashCode());
            } else if (fault.isPresent() && fault.get().type() == dev.sfmcp.emulator.fault.FaultType.EMPTY_TOOLS_LIST
                    && "tools/list".equals(method.asText())) {
                result = dispatcher.emptyToolsList();
            } else {
                result = dispatcher.dispatch(session, endpoint, principal, method.asText(), params);
            }
            journal(ctx, session, method.asText(), tool, params, result.json(), null, result.toolError());
            return resultResponse(id, result.json());
        } catch (McpProtocolException e) {
            journal(ctx, session, method.asText(), tool, params, null, errorObject(e.error()), true);
            return errorResponse(id, e.error());
        }
    }

    /**
     * Applies a fault that matches this call: HTTP-level ones end the request here; latency waits; tool-level ones
     * are returned for the caller to apply.
     */
    private Optional<FaultRule> applyFault(Context ctx, McpSession session, McpEndpoint endpoint, Principal principal,
                                           String method, String tool) {
        Optional<FaultRule> fired = faults.fire(endpoint.server(), tool, principal.username(), method);
        if (fired.isEmpty()) {
            return fired;
        }
        FaultRule rule = fired.get();
        switch (rule.type()) {
            case LATENCY -> {
                try {
                    Thread.sleep(rule.latencyMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case HTTP_500 -> throw new TransportRejection(500, dev.sfmcp.emulator.http.GatewayResponses.body(
                    "An unexpected error occurred. Please try again later."));
            case HTTP_503 -> throw new TransportRejection(503, dev.sfmcp.emulator.http.GatewayResponses.body("Service Unavailable"));
            case EXPIRE_SESSION -> {
                if (session != null) {
                    sessions.close(session.id());
                }
                throw rejection(404, new JsonRpcError(JsonRpcError.SESSION_NOT_FOUND, "Session not found", null), null);
            }
            case EXPIRE_TOKEN -> {
                tokenExpirer.accept(principal);
                throw GatewayRejection.invalidToken();
            }
            case DROP_CONNECTION -> throw new ConnectionDrop();
            case EXHAUST_QUOTA -> quotaExhauster.accept(principal);
            default -> {
                // UNKNOWN_EXCEPTION and EMPTY_TOOLS_LIST are applied by the caller
            }
        }
        return fired;
    }

    private void journal(Context ctx, McpSession session, String method, String tool, JsonNode params, String result,
                         String error, boolean isError) {
        Exchange exchange = JournalRecorder.of(ctx);
        if (exchange == null) {
            return;
        }
        if (session != null) {
            exchange.session(session.id());
        }
        JsonNode arguments = tool != null && params != null ? params.get("arguments") : params;
        String sobject = arguments != null && arguments.path("sobject-name").isTextual() ? arguments.get("sobject-name").asText() : null;
        exchange.message(method, tool, sobject, arguments == null || arguments.isNull() ? null : arguments.toString(),
                result, error, isError);
    }

    private String errorObject(JsonRpcError error) {
        ObjectNode e = json.createObjectNode();
        e.put("code", error.code());
        e.put("message", error.message());
        return e.toString();
    }

    private McpSession requireSession(Context ctx, McpEndpoint endpoint, Principal principal) {
        String id = ctx.header(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            throw rejection(400, new JsonRpcError(JsonRpcError.SERVER_ERROR, "Bad Request: Mcp-Session-Id header is required", null), null);
        }
        McpSession session = sessions.find(id, endpoint, principal.sessionBindingKey());
        if (session == null) {
            throw rejection(404, new JsonRpcError(JsonRpcError.SESSION_NOT_FOUND, "Session not found", null), null);
        }
        return session;
    }

    private void checkVersionHeader(String header) {
        if (header != null && !ProtocolVersion.isSupported(header.trim())) {
            throw rejection(400, new JsonRpcError(JsonRpcError.SERVER_ERROR, "Bad Request: Unsupported protocol version: "
                    + header.trim() + " (supported versions: " + String.join(", ", ProtocolVersion.SUPPORTED) + ")", null), null);
        }
    }

    private void checkId(JsonNode id) {
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw rejection(400, JsonRpcError.invalidRequest("id must be a string or an integer, never null"), null);
        }
    }

    static void checkAccept(String accept) {
        boolean jsonOk = false;
        boolean sseOk = false;
        if (accept != null) {
            for (String range : accept.split(",")) {
                String type = mediaType(range);
                jsonOk |= type.equals("application/json");
                sseOk |= type.equals("text/event-stream");
            }
        }
        if (!jsonOk || !sseOk) {
            throw new TransportRejection(406, NOT_ACCEPTABLE_BODY);
        }
    }

    private void checkContentType(String contentType) {
        if (contentType == null || !mediaType(contentType).equals("application/json")) {
            throw rejection(415, new JsonRpcError(JsonRpcError.SERVER_ERROR,
                    "Unsupported Media Type: Content-Type must be application/json", null), null);
        }
    }

    /** The bare media type of a header value, lower case, without parameters. */
    static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon >= 0 ? value.substring(0, semicolon) : value).trim().toLowerCase(Locale.ROOT);
    }

    private void respond(Context ctx, String answer) {
        if (answer == null) {
            ctx.status(202);
            return;
        }
        ctx.status(200).contentType("application/json").result(answer);
    }

    private String resultResponse(JsonNode id, String result) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id.toString() + ",\"result\":" + result + "}";
    }

    private String errorResponse(JsonNode id, JsonRpcError error) {
        ObjectNode response = json.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? json.nullNode() : id);
        ObjectNode e = response.putObject("error");
        e.put("code", error.code());
        e.put("message", error.message());
        if (error.data() != null) {
            e.set("data", error.data());
        }
        return write(response);
    }

    private TransportRejection rejection(int status, JsonRpcError error, JsonNode id) {
        return new TransportRejection(status, errorResponse(id, error));
    }

    private void reject(int status, int code, String message) {
        throw rejection(status, new JsonRpcError(code, message, null), null);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
