package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import dev.sfmcp.fixtures.app.OauthClientType;
import dev.sfmcp.fixtures.app.PermittedUsersPolicyType;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /services/oauth2/authorize} of a login host: checks the client and its callback (an unknown client or an
 * unregistered callback is shown as an error page, never redirected to), then the request (errors are redirected to
 * the callback), shows the login form and, for self-authorized apps the user has not approved yet, the approval page;
 * finally redirects with a single-use code. With auto-login on, a request naming a {@code login_hint} user skips the
 * pages, for headless clients.
 */
public final class AuthorizeEndpoint {

    private static final List<String> CARRIED = List.of("response_type", "client_id", "redirect_uri", "code_challenge",
            "code_challenge_method", "scope", "state", "resource", "nonce", "prompt");
    private static final Duration APPROVAL_WINDOW = Duration.ofMinutes(15);

    private record PendingApproval(String orgId, String userId, Instant expiresAt) {
    }

    private final Clock clock;
    private final OrgRegistry orgs;
    private final AuthorizationCodes codes;
    private final Approvals approvals;
    private final boolean autoLogin;
    private final Map<String, PendingApproval> pending = new ConcurrentHashMap<>();

    public AuthorizeEndpoint(Clock clock, OrgRegistry orgs, AuthorizationCodes codes, Approvals approvals, boolean autoLogin) {
        this.clock = clock;
        this.orgs = orgs;
        this.codes = codes;
        this.approvals = approvals;
        this.autoLogin = autoLogin;
    }

    /** The parameters of one authorize request, from the query string (GET) or the form (POST). */
    private record Request(Map<String, String> params) {
        String get(String name) {
            String v = params.get(name);
            return v == null || v.isEmpty() ? null : v;
        }

        static Request of(Context ctx) {
            Map<String, String> params = new LinkedHashMap<>();
            boolean post = "POST".equals(ctx.method().name());
            for (String name : CARRIED) {
                String v = post && ctx.formParam(name) != null ? ctx.formParam(name) : ctx.queryParam(name);
                if (v != null) {
                    params.put(name, v);
                }
            }
            return new Request(params);
        }
    }

    public void handle(Context ctx, LoginHost host) {
        ctx.header("Cache-Control", "no-store");
        Request request = Request.of(ctx);
        String clientId = request.get("client_id");
        List<ExternalClientApp> apps = new ArrayList<>();
        for (Org org : orgs.all()) {
            if (host.admits(org)) {
                org.apps().effective(clientId).ifPresent(apps::add);
            }
        }
        if (apps.isEmpty()) {
            page(ctx, OAuthError.unknownClient());
            return;
        }
        String redirectUri = request.get("redirect_uri");
        if (redirectUri == null || apps.stream().noneMatch(a -> a.callbackUrls().contains(redirectUri))) {
            page(ctx, OAuthError.redirectMismatch());
            return;
        }
        try {
            List<String> scopes = checkRequest(request, apps.get(0));
            boolean post = "POST".equals(ctx.method().name());
            String step = post ? ctx.formParam("step") : null;
            if ("approve".equals(step)) {
                approve(ctx, host, request, scopes);
            } else if ("login".equals(step)) {
                login(ctx, host, request, scopes, ctx.formParam("username"), ctx.formParam("password"));
            } else if (autoLogin && ctx.queryParam("login_hint") != null) {
                autoLogin(ctx, host, request, scopes, ctx.queryParam("login_hint"));
            } else {
                ctx.status(200).contentType("text/html; charset=utf-8").result(
                        LoginPages.loginForm(action(host), request.params(), ctx.queryParam("login_hint"), null));
            }
        } catch (OAuthError error) {
            redirectError(ctx, redirectUri, error, request.get("state"));
        }
    }

    /** The request checks that are answered by redirect; returns the scopes asked for (or the app's). */
    private static List<String> checkRequest(Request request, ExternalClientApp app) {
        if (!"code".equals(request.get("response_type"))) {
            throw OAuthError.unsupportedResponseType();
        }
        String challenge = request.get("code_challenge");
        if (challenge == null && app.isPkceRequired()) {
            throw OAuthError.missingCodeChallenge();
        }
        if (challenge != null && !"S256".equals(request.get("code_challenge_method"))) {
            throw OAuthError.unsupportedChallengeMethod();
        }
        String scope = request.get("scope");
        List<String> scopes = scope == null ? app.scopes()
                : List.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split("[ +]+"))));
        for (String s : scopes) {
            if (!allows(app, s) || (app.clientType() == OauthClientType.ConnectedApp
                    && s.equals(OAuthGatewayAuthenticator.MCP_SCOPE))) {
                throw OAuthError.invalidScope();
            }
        }
        return scopes;
    }

    /** Whether the app grants a scope; {@code refresh_token} and {@code offline_access} are one permission in Setup. */
    private static boolean allows(ExternalClientApp app, String scope) {
        if (scope.equals("refresh_token") || scope.equals("offline_access")) {
            return app.grantsRefreshTokens();
        }
        return app.scopes().contains(scope);
    }

    private void login(Context ctx, LoginHost host, Request request, List<String> scopes, String username, String password) {
        Optional<OrgRegistry.OrgAndUser> found = orgs.findUser(username);
        if (found.isEmpty() || !host.admits(found.get().org()) || !found.get().user().checkPassword(password)) {
            ctx.status(200).contentType("text/html; charset=utf-8").result(
                    LoginPages.loginForm(action(host), request.params(), username, LoginPages.LOGIN_FAILED));
            return;
        }
        proceed(ctx, host, request, scopes, found.get().org(), found.get().user(), false);
    }

    private void autoLogin(Context ctx, LoginHost host, Request request, List<String> scopes, String hint) {
        Optional<OrgRegistry.OrgAndUser> found = orgs.findUser(hint).filter(f -> host.admits(f.org()));
        if (found.isEmpty()) {
            ctx.status(200).contentType("text/html; charset=utf-8").result(LoginPages.loginForm(action(host), request.params(),
                    hint, "Auto-login: no user '" + hint + "' logs in here; log in with the form."));
            return;
        }
        proceed(ctx, host, request, scopes, found.get().org(), found.get().user(), true);
    }

    private void approve(Context ctx, LoginHost host, Request request, List<String> scopes) {
        PendingApproval approval = pending.remove(String.valueOf(ctx.formParam("ticket")));
        if (approval == null || approval.expiresAt().isBefore(clock.instant())) {
            ctx.status(200).contentType("text/html; charset=utf-8").result(LoginPages.loginForm(action(host), request.params(),
                    null, "Your session has expired. Please log in again."));
            return;
        }
        if (ctx.formParam("deny") != null) {
            throw OAuthError.denied();
        }
        Org org = orgs.byId(approval.orgId()).orElseThrow(OAuthError::authenticationFailure);
        OrgUser user = org.userById(approval.userId()).orElseThrow(OAuthError::authenticationFailure);
        approvals.record(user.id(), request.get("client_id"));
        proceed(ctx, host, request, scopes, org, user, true);
    }

    /** After a successful login: user checks, app policies, the approval page if needed, then the code. */
    private void proceed(Context ctx, LoginHost host, Request request, List<String> scopes, Org org, OrgUser user,
                         boolean approved) {
        String redirectUri = request.get("redirect_uri");
        ExternalClientApp app = org.apps().effective(request.get("client_id")).orElse(null);
        if (app == null || !app.callbackUrls().contains(redirectUri)) {
            // the consumer key exists in another org only: for this user's org it is unknown
            page(ctx, app == null ? OAuthError.unknownClient() : OAuthError.redirectMismatch());
            return;
        }
        checkRequest(request, app);
        if (!user.isActive()) {
            throw OAuthError.inactiveUser();
        }
        if (!user.isApiEnabled()) {
            throw OAuthError.apiDisabled();
        }
        AppPolicies.checkPermittedUser(app, user);
        boolean consentPrompted = request.get("prompt") != null && List.of(request.get("prompt").split(" ")).contains("consent");
        if (!approved && app.permittedUsersPolicyType() == PermittedUsersPolicyType.AllSelfAuthorized
                && (consentPrompted || !approvals.has(user.id(), app.consumerKey()))) {
            String ticket = RandomTokens.handle();
            pending.put(ticket, new PendingApproval(org.id(), user.id(), clock.instant().plus(APPROVAL_WINDOW)));
            ctx.status(200).contentType("text/html; charset=utf-8").result(LoginPages.approvalPage(action(host),
                    request.params(), ticket, app.label(), user.username(), scopes));
            return;
        }
        if (app.permittedUsersPolicyType() == PermittedUsersPolicyType.AllSelfAuthorized) {
            approvals.record(user.id(), app.consumerKey());
        }
        String code = codes.issue(org.id(), user.id(), app.consumerKey(), redirectUri, request.get("code_challenge"), scopes, host);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", request.get("state"));
        redirect(ctx, redirectUri, params);
    }

    private static String action(LoginHost host) {
        return host.prefix() + "/services/oauth2/authorize";
    }

    private static void page(Context ctx, OAuthError error) {
        ctx.status(400).contentType("text/html; charset=utf-8").result(LoginPages.errorPage(error));
    }

    private static void redirectError(Context ctx, String redirectUri, OAuthError error, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error());
        params.put("error_description", error.description());
        params.put("state", state);
        redirect(ctx, redirectUri, params);
    }

    private static void redirect(Context ctx, String redirectUri, Map<String, String> params) {
        StringBuilder url = new StringBuilder(redirectUri);
        char sep = redirectUri.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null) {
                url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        ctx.status(302).header("Location", url.toString()).result("");
    }
}
