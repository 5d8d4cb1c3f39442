package dev.sfmcp.emulator.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import dev.sfmcp.fixtures.app.NamedUserJwtSessionTimeoutType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Issues access tokens: RS256 JWTs with Salesforce's header ({@code tnk}, {@code ver}, {@code kid}, {@code tty}) and
 * claims ({@code scp}, {@code aud}, {@code sub}, {@code mty}, {@code sfi}, {@code roles}, {@code iss}, {@code hsc},
 * {@code client_id}) when the app issues JWTs for named users, else opaque {@code 00D...!...} session tokens; either
 * way the token is recorded in the {@link TokenStore}.
 */
public final class AccessTokenMinter {

    /** An issued token: the value the client gets and the server-side record. */
    public record Minted(String value, AccessToken record) {
    }

    private final Clock clock;
    private final TokenStore store;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();
    private final BiConsumer<String, AccessToken> onJwtIssued;

    public AccessTokenMinter(Clock clock, TokenStore store) {
        this(clock, store, (jwt, record) -> { });
    }

    /** @param onJwtIssued told of every JWT issued (the verifier's cache takes them) */
    public AccessTokenMinter(Clock clock, TokenStore store, BiConsumer<String, AccessToken> onJwtIssued) {
        this.clock = clock;
        this.store = store;
        this.onJwtIssued = onJwtIssued;
    }

    /** How long the app's access tokens live for this user. */
    public static Duration lifetime(Org org, OrgUser user, ExternalClientApp app) {
        if (app.isNamedUserJwtEnabled() && app.namedUserJwtSessionTimeoutType() == NamedUserJwtSessionTimeoutType.Custom) {
            return Duration.ofMinutes(app.namedUserJwtTimeout());
        }
        if (!app.isNamedUserJwtEnabled() && app.sessionTimeoutInMinutes() > 0) {
            return Duration.ofMinutes(app.sessionTimeoutInMinutes());
        }
        return user.sessionTimeout() != null ? user.sessionTimeout() : org.sessionTimeout();
    }

    /**
     * Issues an access token under a grant.
     *
     * @param myDomainIssuer the org's My Domain URL on this emulator ({@code iss} and {@code aud} of the JWT)
     */
    public Minted mint(Org org, OrgUser user, ExternalClientApp app, Grant grant, String myDomainIssuer) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime(org, user, app));
        AccessToken record = new AccessToken(RandomTokens.handle(), grant, app.isNamedUserJwtEnabled(), now, expires,
                new Grant.Revocation());
        if (!app.isNamedUserJwtEnabled()) {
            String value = RandomTokens.opaque(org.id15());
            store.putAccess(record, value);
            return new Minted(value, record);
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .customParam("tnk", "core/" + org.instanceName().toLowerCase() + "/" + org.id())
                .customParam("ver", "1.0")
                .keyID(org.signingKey().getKeyID())
                .customParam("tty", "sfdc-core-token")
                .type(JOSEObjectType.JWT)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("scp", String.join(" ", grant.scopes()))
                .audience(List.of(myDomainIssuer))
                .subject("uid:" + user.id())
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .claim("mty", "oauth")
                .claim("sfi", record.handle())
                .claim("roles", List.of())
                .issuer(myDomainIssuer)
                .claim("hsc", false)
                .expirationTime(Date.from(expires))
                .issueTime(Date.from(now))
                .claim("client_id", app.consumerKey())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signers.computeIfAbsent(org.id(), k -> signer(org)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token for org " + org.id(), e);
        }
        store.putAccess(record, null);
        String value = jwt.serialize();
        onJwtIssued.accept(value, record);
        return new Minted(value, record);
    }

    private static JWSSigner signer(Org org) {
        try {
            return new RSASSASigner(org.signingKey(), true); // a 1024-bit load-test key is allowed on purpose
        } catch (JOSEException e) {
            throw new IllegalStateException("org " + org.id() + " has no private signing key", e);
        }
    }
}
