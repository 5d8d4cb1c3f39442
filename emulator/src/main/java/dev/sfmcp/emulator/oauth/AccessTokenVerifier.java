package dev.sfmcp.emulator.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies access tokens: a JWT's signature against its org's key (found through {@code kid}), its My Domain issuer
 * and its server-side record (expiry, revocation); an opaque token through the store. Verified JWTs are cached by
 * their text until the record expires or is revoked, so a busy MCP session pays one RSA verification per token, not
 * per call.
 */
public final class AccessTokenVerifier {

    private static final int CACHE_LIMIT = 100_000;

    private final Clock clock;
    private final OrgRegistry orgs;
    private final TokenStore store;
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();
    private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();

    public AccessTokenVerifier(Clock clock, OrgRegistry orgs, TokenStore store) {
        this.clock = clock;
        this.orgs = orgs;
        this.store = store;
    }

    /** Whether a bearer value has the JWT shape (three dot-separated parts); opaque session tokens do not. */
    public static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return first > 0 && second > first + 1 && token.indexOf('.', second + 1) < 0 && second < token.length() - 1;
    }

    /** The record of a valid JWT access token, or empty. */
    public Optional<AccessToken> verifyJwt(String token) {
        Instant now = clock.instant();
        AccessToken cached = verified.get(token);
        if (cached != null) {
            if (cached.isValidAt(now)) {
                cached.use().mark(now);
                return Optional.of(cached);
            }
            verified.remove(token);
            return Optional.empty();
        }
        Optional<AccessToken> fresh = verifyUncached(token, now);
        fresh.ifPresent(record -> {
            record.use().mark(now);
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear(); // a crude bound: the cache is an optimisation, dropping it is always safe
            }
            verified.put(token, record);
        });
        return fresh;
    }

    /**
     * Trusts a JWT this emulator has just signed, so that the client's first MCP call does not pay an RSA
     * verification for a signature the server made itself.
     */
    public void remember(String jwt, AccessToken record) {
        if (verified.size() < CACHE_LIMIT) {
            verified.put(jwt, record);
        }
    }

    /** The record of a valid access token of either kind (JWT or opaque), or empty: what userinfo and revoke accept. */
    public Optional<AccessToken> verifyAny(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        if (looksLikeJwt(token)) {
            return verifyJwt(token);
        }
        Instant now = clock.instant();
        Optional<AccessToken> found = store.accessByOpaqueValue(token).filter(t -> t.isValidAt(now));
        found.ifPresent(t -> t.use().mark(now));
        return found;
    }

    private Optional<AccessToken> verifyUncached(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            String kid = jwt.getHeader().getKeyID();
            if (kid == null || !kid.startsWith("CORE_ATJWT.") || kid.length() < "CORE_ATJWT.".length() + 15) {
                return Optional.empty();
            }
            Optional<Org> org = orgs.byId(kid.substring("CORE_ATJWT.".length(), "CORE_ATJWT.".length() + 15));
            if (org.isEmpty() || !kid.equals(org.get().signingKey().getKeyID())) {
                return Optional.empty();
            }
            if (!jwt.verify(verifiers.computeIfAbsent(org.get().id(), k -> verifier(org.get())))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String issuer = claims.getIssuer();
            if (issuer == null || !issuer.endsWith(LoginHost.myDomain(org.get().myDomain()).prefix())) {
                return Optional.empty();
            }
            if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())
                    || (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant()))) {
                return Optional.empty();
            }
            Optional<AccessToken> record = store.accessByHandle(claims.getStringClaim("sfi"));
            return record.filter(r -> r.jwt() && r.grant().orgId().equals(org.get().id()) && r.isValidAt(now));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JWSVerifier verifier(Org org) {
        try {
            return new RSASSAVerifier(org.signingKey().toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("org " + org.id() + " has no usable public key", e);
        }
    }
}
