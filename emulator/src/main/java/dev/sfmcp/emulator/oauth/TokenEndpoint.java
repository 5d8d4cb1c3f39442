package dev.sfmcp.emulator.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.BaseUrl;
import dev.sfmcp.emulator.journal.JournalRecorder;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import dev.sfmcp.fixtures.app.RefreshTokenPolicyType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /services/oauth2/token} of a login host: the authorization-code grant with PKCE S256 and the refresh-token
 * grant (with rotation and reuse detection), client authentication by post or Basic where the app requires a secret,
 * and Salesforce's refusals of every other grant. Answers Salesforce's token response fields.
 */
public final class TokenEndpoint {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Clock clock;
    private final OrgRegistry orgs;
    private final AuthorizationCodes codes;
    private final TokenStore store;
    private final AccessTokenMinter minter;
    private final String publicUrl;
    private final ObjectMapper json = new ObjectMapper();

    public TokenEndpoint(Clock clock, OrgRegistry orgs, AuthorizationCodes codes, TokenStore store, AccessTokenMinter minter,
                         String publicUrl) {
        this.clock = clock;
        this.orgs = orgs;
        this.codes = codes;
        this.store = store;
        this.minter = minter;
        this.publicUrl = publicUrl;
    }

    public void handle(Context ctx, LoginHost host) {
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
        try {
            String grantType = ctx.formParam("grant_type");
            if (grantType == null || grantType.isEmpty()) {
                throw OAuthError.missingGrantType();
            }
            ObjectNode body = switch (grantType) {
                case "authorization_code" -> authorizationCode(ctx, host);
                case "refresh_token" -> refreshToken(ctx, host);
                case "client_credentials", JWT_BEARER -> throw OAuthError.noValidScopes();
                default -> throw OAuthError.unsupportedGrantType();
            };
            ctx.status(200).contentType("application/json;charset=UTF-8").result(body.toString());
        } catch (OAuthError error) {
            ctx.status(error.status()).contentType("application/json;charset=UTF-8").result(error.json());
        }
    }

    private ObjectNode authorizationCode(Context ctx, LoginHost host) {
        ClientCredentials client = ClientCredentials.from(ctx);
        String codeValue = ctx.formParam("code");
        if (codeValue == null || codeValue.isEmpty()) {
            throw OAuthError.missingParameter("code");
        }
        Optional<AuthorizationCode> found = codes.find(codeValue);
        Org org = found.flatMap(c -> orgs.byId(c.orgId())).orElse(null);
        ExternalClientApp app = appFor(host, client.clientId(), org);
        authenticateClient(client, app, !app.isConsumerSecretOptional());
        AuthorizationCode code = found.orElseThrow(OAuthError::expiredCode);
        if (!code.clientId().equals(app.consumerKey()) || !code.loginHost().equals(host)) {
            throw OAuthError.authenticationFailure();
        }
        if (!code.redeemed().compareAndSet(false, true)) {
            // RFC 6749 §4.1.2: a replayed code revokes what the first redemption issued
            Grant first = code.issuedGrant().get();
            if (first != null) {
                first.revocation().revoke();
            }
            throw OAuthError.expiredCode();
        }
        if (!clock.instant().isBefore(code.expiresAt())) {
            throw OAuthError.expiredCode();
        }
        if (!code.redirectUri().equals(ctx.formParam("redirect_uri"))) {
            throw OAuthError.redirectMismatch();
        }
        if (code.codeChallenge() != null && !verifierMatches(ctx.formParam("code_verifier"), code.codeChallenge())) {
            throw OAuthError.invalidCodeVerifier();
        }
        OrgUser user = activeUser(org, code.userId());
        AppPolicies.checkPermittedUser(app, user);
        AppPolicies.checkIp(app, user, AppPolicies.clientIp(ctx), false);
        Grant grant = store.newGrant(org.id(), user.id(), user.username(), app.consumerKey(), code.scopes(), host);
        code.issuedGrant().set(grant);
        RefreshToken refresh = newRefreshToken(grant);
        return response(ctx, host, org, user, app, grant, refresh);
    }

    private ObjectNode refreshToken(Context ctx, LoginHost host) {
        ClientCredentials client = ClientCredentials.from(ctx);
        String value = ctx.formParam("refresh_token");
        if (value == null || value.isEmpty()) {
            throw OAuthError.missingParameter("refresh_token");
        }
        Optional<RefreshToken> found = store.refresh(value);
        Org org = found.flatMap(r -> orgs.byId(r.grant().orgId())).orElse(null);
        ExternalClientApp app = appFor(host, client.clientId(), org);
        authenticateClient(client, app, app.isSecretRequiredForRefreshToken());
        RefreshToken refresh = found.orElseThrow(OAuthError::expiredToken);
        Grant grant = refresh.grant();
        if (!grant.clientId().equals(app.consumerKey()) || grant.isRevoked()) {
            throw OAuthError.expiredToken();
        }
        if (refresh.isRotatedOut()) {
            // reuse of a rotated refresh token: somebody holds a copy, so the whole family goes
            grant.revocation().revoke();
            throw OAuthError.expiredToken();
        }
        Instant now = clock.instant();
        if (expired(app, refresh, now)) {
            throw OAuthError.expiredToken();
        }
        OrgUser user = activeUser(org, grant.userId());
        AppPolicies.checkPermittedUser(app, user);
        AppPolicies.checkIp(app, user, AppPolicies.clientIp(ctx), true);
        refresh.markUsed(now);
        RefreshToken next = null;
        if (app.isRefreshTokenRotationEnabled()) {
            refresh.retire();
            next = new RefreshToken(RandomTokens.refreshToken(), grant, now);
            store.putRefresh(next);
        }
        return response(ctx, grant.loginHost(), org, user, app, grant, next);
    }

    private static boolean expired(ExternalClientApp app, RefreshToken refresh, Instant now) {
        RefreshTokenPolicyType policy = app.refreshTokenPolicyType();
        return switch (policy) {
            case Infinite -> false;
            case Zero -> true;
            case SpecificLifetime -> !now.isBefore(refresh.issuedAt().plus(
                    app.refreshTokenValidityUnit().of(app.refreshTokenValidityPeriod())));
            case SpecificInactivity -> !now.isBefore(refresh.lastUsedAt().plus(
                    app.refreshTokenValidityUnit().of(app.refreshTokenValidityPeriod())));
        };
    }

    /** The app in force for this consumer key: in the grant's org when known, else in any org this host serves. */
    private ExternalClientApp appFor(LoginHost host, String clientId, Org org) {
        if (clientId == null || clientId.isEmpty()) {
            throw OAuthError.unknownClient();
        }
        if (org != null) {
            return org.apps().effective(clientId).orElseThrow(OAuthError::unknownClient);
        }
        for (Org candidate : orgs.all()) {
            if (host.admits(candidate)) {
                Optional<ExternalClientApp> app = candidate.apps().effective(clientId);
                if (app.isPresent()) {
                    return app.get();
                }
            }
        }
        throw OAuthError.unknownClient();
    }

    /** A wrong secret always fails; a missing one fails only where the app requires it. */
    private static void authenticateClient(ClientCredentials client, ExternalClientApp app, boolean secretRequired) {
        if (client.secret() != null) {
            if (!client.secretMatches(app.consumerSecret())) {
                throw OAuthError.invalidClientCredentials();
            }
        } else if (secretRequired) {
            throw OAuthError.invalidClientCredentials();
        }
    }

    private static OrgUser activeUser(Org org, String userId) {
        OrgUser user = org.userById(userId).orElseThrow(OAuthError::authenticationFailure);
        if (!user.isActive()) {
            throw OAuthError.inactiveUser();
        }
        if (!user.isApiEnabled()) {
            throw OAuthError.apiDisabled();
        }
        return user;
    }

    static boolean verifierMatches(String verifier, String challenge) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode response(Context ctx, LoginHost host, Org org, OrgUser user, ExternalClientApp app, Grant grant,
                                RefreshToken refresh) {
        JournalRecorder.caller(ctx, org.id(), user.id(), user.username());
        return response(BaseUrl.of(ctx, publicUrl), host, org, user, app, grant, refresh);
    }

    /**
     * Tokens for a user and an app as if the user had just logged in on the org's My Domain and approved the app with
     * all its scopes (Setup's "Log in as", and tests that want a token without the browser flow). The user must be
     * active and API-enabled and allowed by the app's policies, as at a real login; IP restrictions do not apply.
     */
    ObjectNode issueWithoutLogin(String base, Org org, OrgUser user, ExternalClientApp app) {
        activeUser(org, user.id());
        AppPolicies.checkPermittedUser(app, user);
        LoginHost host = LoginHost.myDomain(org.myDomain());
        Grant grant = store.newGrant(org.id(), user.id(), user.username(), app.consumerKey(), app.scopes(), host);
        RefreshToken refresh = newRefreshToken(grant);
        return response(base, host, org, user, app, grant, refresh);
    }

    /** A refresh token for a new grant, where its scopes ask for one ({@code refresh_token} or {@code offline_access}). */
    private RefreshToken newRefreshToken(Grant grant) {
        if (!grant.scopes().contains("refresh_token") && !grant.scopes().contains("offline_access")) {
            return null;
        }
        RefreshToken refresh = new RefreshToken(RandomTokens.refreshToken(), grant, clock.instant());
        store.putRefresh(refresh);
        return refresh;
    }

    private ObjectNode response(String base, LoginHost host, Org org, OrgUser user, ExternalClientApp app, Grant grant,
                                RefreshToken refresh) {
        String instanceUrl = LoginHost.myDomain(org.myDomain()).issuer(base);
        AccessTokenMinter.Minted minted = minter.mint(org, user, app, grant, instanceUrl);
        String id = host.issuer(base) + "/id/" + org.id() + "/" + user.id();
        String issuedAt = Long.toString(minted.record().issuedAt().toEpochMilli());
        ObjectNode body = json.createObjectNode();
        body.put("access_token", minted.value());
        if (refresh != null) {
            body.put("refresh_token", refresh.value());
        }
        body.put("signature", signature(id + issuedAt, app));
        body.put("scope", String.join(" ", grant.scopes()));
        body.put("instance_url", instanceUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        if (minted.record().jwt()) {
            body.put("api_instance_url", base);
            body.put("token_format", "jwt");
        }
        return body;
    }

    /** Base64 HMAC-SHA256 of {@code id + issued_at}, keyed with the consumer secret (the consumer key for public apps). */
    private static String signature(String data, ExternalClientApp app) {
        String key = app.consumerSecret() != null ? app.consumerSecret() : app.consumerKey();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

}
