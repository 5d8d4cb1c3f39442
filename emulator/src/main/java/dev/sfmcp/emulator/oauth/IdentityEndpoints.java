package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.journal.JournalRecorder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.sfmcp.emulator.http.BaseUrl;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity side of a login host: {@code /services/oauth2/revoke}, {@code /services/oauth2/userinfo}, the identity
 * URL {@code /id/{orgId}/{userId}}, the JWKS {@code /id/keys} and the registration endpoint that exists but refuses
 * (no dynamic client registration).
 */
public final class IdentityEndpoints {

    private final Clock clock;
    private final OrgRegistry orgs;
    private final TokenStore store;
    private final AccessTokenVerifier verifier;
    private final String publicUrl;
    private final ObjectMapper json = new ObjectMapper();

    public IdentityEndpoints(Clock clock, OrgRegistry orgs, TokenStore store, AccessTokenVerifier verifier, String publicUrl) {
        this.clock = clock;
        this.orgs = orgs;
        this.store = store;
        this.verifier = verifier;
        this.publicUrl = publicUrl;
    }

    /** RFC 7009: a refresh token revokes its whole family, an access token itself. */
    public void revoke(Context ctx) {
        String token = "POST".equals(ctx.method().name()) ? ctx.formParam("token") : ctx.queryParam("token");
        if (token == null || token.isEmpty()) {
            oauthError(ctx, OAuthError.missingParameter("token"));
            return;
        }
        Optional<RefreshToken> refresh = store.refresh(token);
        if (refresh.isPresent()) {
            Grant grant = refresh.get().grant();
            JournalRecorder.caller(ctx, grant.orgId(), grant.userId(), grant.username());
            grant.revocation().revoke();
            ctx.status(200).result("");
            return;
        }
        Optional<AccessToken> access = verifier.verifyAny(token);
        if (access.isPresent()) {
            Grant grant = access.get().grant();
            JournalRecorder.caller(ctx, grant.orgId(), grant.userId(), grant.username());
            access.get().revocation().revoke();
            ctx.status(200).result("");
            return;
        }
        oauthError(ctx, OAuthError.unsupportedTokenType());
    }

    /**
     * RFC 7662 introspection, as the login hosts' OpenID configuration lists it: the caller authenticates as an app
     * of the host's orgs; the answer is {@code {"active":false}} for anything that is not a live token.
     */
    public void introspect(Context ctx, LoginHost host) {
        ClientCredentials client;
        try {
            client = ClientCredentials.from(ctx);
        } catch (OAuthError e) {
            oauthError(ctx, e);
            return;
        }
        Optional<dev.sfmcp.fixtures.app.ExternalClientApp> app = orgs.all().stream().filter(host::admits)
                .map(o -> o.apps().effective(client.clientId())).flatMap(Optional::stream).findFirst();
        if (app.isEmpty()) {
            oauthError(ctx, OAuthError.unknownClient());
            return;
        }
        if (app.get().consumerSecret() != null ? !client.secretMatches(app.get().consumerSecret()) : client.secret() != null) {
            oauthError(ctx, OAuthError.invalidClientCredentials());
            return;
        }
        String token = ctx.formParam("token");
        ObjectNode body = json.createObjectNode();
        Optional<AccessToken> access = verifier.verifyAny(token);
        Optional<RefreshToken> refresh = access.isPresent() ? Optional.empty()
                : store.refresh(token).filter(r -> !r.grant().isRevoked() && !r.isRotatedOut());
        Grant grant = access.map(AccessToken::grant).or(() -> refresh.map(RefreshToken::grant)).orElse(null);
        if (grant == null) {
            body.put("active", false);
        } else {
            body.put("active", true);
            body.put("scope", String.join(" ", grant.scopes()));
            body.put("client_id", grant.clientId());
            body.put("username", grant.username());
            body.put("sub", host.issuer(BaseUrl.of(ctx, publicUrl)) + "/id/" + grant.orgId() + "/" + grant.userId());
            body.put("token_type", access.isPresent() ? "access_token" : "refresh_token");
            access.ifPresent(a -> {
                body.put("exp", a.expiresAt().getEpochSecond());
                body.put("iat", a.issuedAt().getEpochSecond());
                body.put("nbf", a.issuedAt().getEpochSecond());
            });
        }
        ctx.status(200).contentType("application/json;charset=UTF-8").result(body.toString());
    }

    /** Dynamic client registration is not supported: the endpoint answers 401 invalid_client. */
    public void register(Context ctx) {
        oauthError(ctx, OAuthError.invalidClientCredentials());
    }

    public void userinfo(Context ctx, LoginHost host) {
        Optional<Resolved> who = bearer(ctx);
        if (who.isEmpty()) {
            badToken(ctx);
            return;
        }
        String base = BaseUrl.of(ctx, publicUrl);
        Org org = who.get().org();
        OrgUser user = who.get().user();
        ObjectNode body = json.createObjectNode();
        body.put("sub", host.issuer(base) + "/id/" + org.id() + "/" + user.id());
        body.put("user_id", user.id());
        body.put("organization_id", org.id());
        body.put("preferred_username", user.username());
        body.put("nickname", user.username().split("@")[0]);
        body.put("name", user.displayName());
        body.put("email", user.email());
        body.put("email_verified", true);
        body.put("zoneinfo", user.timeZone());
        body.put("locale", user.locale());
        body.put("language", user.locale());
        body.put("active", user.isActive());
        body.put("user_type", "STANDARD");
        body.put("utcOffset", utcOffsetMillis(user));
        body.put("is_app_installed", true);
        ObjectNode urls = body.putObject("urls");
        urls.put("rest", LoginHost.myDomain(org.myDomain()).issuer(base) + "/services/data/v{version}/");
        ctx.status(200).contentType("application/json;charset=UTF-8").result(body.toString());
    }

    /** The identity URL: the token's own user only. */
    public void identity(Context ctx, LoginHost host) {
        Optional<Resolved> who = bearer(ctx);
        if (who.isEmpty()) {
            badToken(ctx);
            return;
        }
        Org org = who.get().org();
        OrgUser user = who.get().user();
        String orgId = ctx.pathParam("orgId");
        String userId = ctx.pathParam("userId");
        if (orgs.byId(orgId).filter(o -> o == org).isEmpty() || org.userById(userId).filter(u -> u.id().equals(user.id())).isEmpty()) {
            ctx.status(403).contentType("text/plain").result("Bad_Id");
            return;
        }
        String base = BaseUrl.of(ctx, publicUrl);
        ObjectNode body = json.createObjectNode();
        body.put("id", host.issuer(base) + "/id/" + org.id() + "/" + user.id());
        body.put("asserted_user", true);
        body.put("user_id", user.id());
        body.put("organization_id", org.id());
        body.put("username", user.username());
        body.put("nick_name", user.username().split("@")[0]);
        body.put("display_name", user.displayName());
        body.put("email", user.email());
        body.put("email_verified", true);
        body.put("status", (String) null);
        body.put("active", user.isActive());
        body.put("user_type", "STANDARD");
        body.put("language", user.locale());
        body.put("locale", user.locale());
        body.put("timezone", user.timeZone());
        body.put("utcOffset", utcOffsetMillis(user));
        body.put("is_app_installed", true);
        ObjectNode urls = body.putObject("urls");
        String instance = LoginHost.myDomain(org.myDomain()).issuer(base);
        urls.put("rest", instance + "/services/data/v{version}/");
        urls.put("query", instance + "/services/data/v{version}/query/");
        urls.put("profile", instance + "/" + user.id());
        ctx.status(200).contentType("application/json;charset=UTF-8").result(body.toString());
    }

    /** The public keys of the orgs whose users log in at this host. */
    public void keys(Context ctx, LoginHost host) {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        for (Org org : orgs.all()) {
            if (host.admits(org)) {
                RSAKey key = org.signingKey().toPublicJWK();
                keys.add(key);
            }
        }
        ctx.status(200).contentType("application/json;charset=UTF-8").result(new JWKSet(keys).toString(true));
    }

    private long utcOffsetMillis(OrgUser user) {
        try {
            return ZoneId.of(user.timeZone()).getRules().getOffset(clock.instant()).getTotalSeconds() * 1000L;
        } catch (java.time.DateTimeException e) {
            return 0;
        }
    }

    private record Resolved(Org org, OrgUser user) {
    }

    private Optional<Resolved> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : ctx.queryParam("oauth_token");
        Optional<Resolved> resolved = verifier.verifyAny(token).flatMap(t -> orgs.byId(t.grant().orgId())
                .flatMap(o -> o.userById(t.grant().userId()).map(u -> new Resolved(o, u))));
        resolved.ifPresent(r -> JournalRecorder.caller(ctx, r.org().id(), r.user().id(), r.user().username()));
        return resolved;
    }

    private static void badToken(Context ctx) {
        ctx.status(403).contentType("text/plain").result("Bad_OAuth_Token");
    }

    private static void oauthError(Context ctx, OAuthError error) {
        ctx.status(error.status()).contentType("application/json;charset=UTF-8").result(error.json());
    }
}
