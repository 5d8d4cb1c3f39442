package dev.sfmcp.emulator.oauth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The client's identity on a token request: {@code client_id} and {@code client_secret} from the form
 * (client_secret_post) or from HTTP Basic (client_secret_basic); the token endpoint accepts both.
 *
 * @param clientId the consumer key, or null
 * @param secret   the secret sent, or null when none was
 */
public record ClientCredentials(String clientId, String secret) {

    /** Reads Basic first, then the form. A malformed Basic header counts as wrong credentials. */
    public static ClientCredentials from(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw OAuthError.invalidClientCredentials();
                }
                String id = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                String secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                return new ClientCredentials(id, secret.isEmpty() ? null : secret);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClientCredentials();
            }
        }
        String secret = ctx.formParam("client_secret");
        return new ClientCredentials(ctx.formParam("client_id"), secret == null || secret.isEmpty() ? null : secret);
    }

    /** Whether the secret sent equals the app's (constant time). */
    public boolean secretMatches(String expected) {
        return secret != null && expected != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
