package dev.sfmcp.emulator.console;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's per-browser state, all in cookies scoped to {@code /_console} so that a restart loses nothing that
 * matters: the CSRF token (double-submit: every form carries it, every POST must echo the cookie), the admin key once
 * typed, and the user the console views data as. Cookies are HttpOnly and SameSite=Strict.
 */
final class ConsoleSession {

    static final String CSRF_COOKIE = "sfmcp_console_csrf";
    static final String KEY_COOKIE = "sfmcp_console_key";
    static final String VIEW_AS_COOKIE = "sfmcp_console_view_as";
    /** The form field that carries the CSRF token. */
    static final String CSRF_FIELD = "_csrf";

    private static final String ATTRIBUTE = "sfmcp.console.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSession() {
    }

    /** This browser's CSRF token: the cookie's, or a new one set on this response. */
    static String csrfToken(Context ctx) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String token = read(ctx, CSRF_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            write(ctx, CSRF_COOKIE, token);
        }
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** Whether a POST echoes this browser's CSRF cookie in its form. */
    static boolean csrfEchoed(Context ctx) {
        String cookie = read(ctx, CSRF_COOKIE);
        String field = ctx.formParam(CSRF_FIELD);
        return cookie != null && field != null && sameSecret(cookie, field);
    }

    /** Constant-time comparison of two secrets. */
    static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String read(Context ctx, String name) {
        String raw = ctx.cookie(name);
        return raw == null || raw.isEmpty() ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    static void write(Context ctx, String name, String value) {
        ctx.res().addHeader("Set-Cookie", name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                + "; Path=/_console; HttpOnly; SameSite=Strict");
    }

    static void clear(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=/_console; Max-Age=0; HttpOnly; SameSite=Strict");
    }
}
