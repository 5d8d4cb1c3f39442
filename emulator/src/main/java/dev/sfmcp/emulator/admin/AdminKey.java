package dev.sfmcp.emulator.admin;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The optional admin key: every /_emulator request but the health check must carry it. */
public final class AdminKey {

    private AdminKey() {
    }

    /** Refuses the request with 401 unless it carries the key; the health endpoint stays open. */
    public static void require(Context ctx, String key) {
        if (ctx.path().equals("/_emulator/health")) {
            return;
        }
        String given = ctx.header("X-Admin-Key");
        String authorization = ctx.header("Authorization");
        if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        }
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
            throw new AdminRequestException(401, "the admin API needs the admin key: 'Authorization: Bearer KEY' or 'X-Admin-Key: KEY'");
        }
    }
}
