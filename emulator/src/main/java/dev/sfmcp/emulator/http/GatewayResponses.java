package dev.sfmcp.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Renders the gateway's own error body, {@code {"errors":[{"message":...}]}}, the shape of its 401. */
public final class GatewayResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayResponses() {
    }

    /** The gateway body for a message. */
    public static String body(String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("errors").addObject().put("message", message);
        return root.toString();
    }

    /** Answers a gateway error. */
    public static void answer(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json").result(body(message));
    }
}
