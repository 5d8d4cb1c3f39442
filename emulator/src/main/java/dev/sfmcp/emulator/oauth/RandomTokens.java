package dev.sfmcp.emulator.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for codes, refresh tokens and handles, from one SecureRandom per thread (no lock contention). */
final class RandomTokens {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    static String bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.get().nextBytes(b);
        return URL.encodeToString(b);
    }

    /** A server-side handle. */
    static String handle() {
        return bytes(18);
    }

    /** An authorization code, shaped like Salesforce's ({@code aPrx...}). */
    static String code() {
        return "aPrx" + bytes(48);
    }

    /** A refresh token, shaped like Salesforce's ({@code 5Aep861...}). */
    static String refreshToken() {
        return "5Aep861" + bytes(60).replace('-', 'x').replace('_', 'y');
    }

    /** An opaque access token, {@code <15-char org Id>!<random>} as Salesforce's session Ids look. */
    static String opaque(String orgId15) {
        return orgId15 + "!AQ" + bytes(72).replace('-', 'x').replace('_', 'Z');
    }
}
