package dev.sfmcp.emulator.journal;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Journals the requests of the login hosts and the discovery documents as {@code OAUTH} entries: endpoint, client_id,
 * user, grant_type, status, OAuth error code and duration. Never a secret, a code, a verifier, a password or a token:
 * only those named facts are read, and a successful answer's body is not kept.
 */
public final class OAuthExchanges {

    /** The journal's kind for these requests. */
    public static final String KIND = "OAUTH";

    private static final Pattern ERROR_FIELD = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]{1,100})\"");
    private static final Pattern ERROR_PARAM = Pattern.compile("[?&#]error=([^&#]{1,100})");

    private final JournalRecorder recorder;

    public OAuthExchanges(JournalRecorder recorder) {
        this.recorder = recorder;
    }

    /** Before the request is handled: starts its exchange and clock. */
    public void begin(Context ctx) {
        recorder.begin(ctx, KIND, System.nanoTime());
    }

    /** After the response is decided: names what the request was and records it. */
    public void finish(Context ctx) {
        long ended = System.nanoTime();
        Exchange x = JournalRecorder.of(ctx);
        if (x == null || !recorder.enabled()) {
            return;
        }
        String endpoint = endpoint(ctx);
        x.oauth(endpoint, clientId(ctx), "token".equals(endpoint) ? param(ctx, "grant_type") : null);
        if (x.username == null && "login".equals(endpoint)) {
            String username = param(ctx, "username");
            x.caller(null, null, username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT));
        }
        x.errorCode(errorCode(ctx));
        recorder.finish(ctx, ended);
    }

    /** The endpoint's name from the path (and, for the authorize endpoint, the form that was posted). */
    static String endpoint(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/.well-known/") || path.contains("/.well-known/")) {
            return "discovery";
        }
        if (path.endsWith("/services/oauth2/authorize")) {
            if (!"POST".equals(ctx.method().name())) {
                return "authorize";
            }
            return param(ctx, "username") != null ? "login" : "approve";
        }
        int oauth2 = path.indexOf("/services/oauth2/");
        if (oauth2 >= 0) {
            return path.substring(oauth2 + "/services/oauth2/".length());
        }
        if (path.endsWith("/id/keys")) {
            return "jwks";
        }
        if (path.contains("/id/")) {
            return "id";
        }
        return "other";
    }

    /** The client_id of the query or form, or the user part of HTTP Basic client authentication (never its secret). */
    static String clientId(Context ctx) {
        String id = param(ctx, "client_id");
        if (id != null) {
            return id;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null && "POST".equals(ctx.method().name())) {
            String type = ctx.contentType();
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                v = ctx.formParam(name);
            }
        }
        return v == null || v.isBlank() ? null : v;
    }

    /** The OAuth error of a JSON error body or of an error redirect. */
    static String errorCode(Context ctx) {
        String location = ctx.res().getHeader("Location");
        if (location != null) {
            Matcher m = ERROR_PARAM.matcher(location);
            if (m.find()) {
                return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            }
        }
        if (ctx.statusCode() >= 400) {
            String body = ctx.result();
            if (body != null) {
                Matcher m = ERROR_FIELD.matcher(body);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
