package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.oauth.ScopeLabels;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import dev.sfmcp.fixtures.app.IpRange;
import dev.sfmcp.fixtures.app.IpRelaxationPolicyType;
import dev.sfmcp.fixtures.app.NamedUserJwtSessionTimeoutType;
import dev.sfmcp.fixtures.app.OauthClientType;
import dev.sfmcp.fixtures.app.PermittedUsersPolicyType;
import dev.sfmcp.fixtures.app.RefreshTokenPolicyType;
import dev.sfmcp.fixtures.app.RefreshTokenValidityUnit;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The External Client App settings form: every policy {@link ExternalClientApp} models, with Setup's wording and the
 * Metadata API names as field names, rendered for an app and read back into a new app value. The app record's own
 * checks decide what is valid; their message is shown beside the form.
 */
final class AppForm {

    /** The scopes offered as checkboxes (an app's other scopes are kept and shown too). */
    static final List<String> SCOPES = List.of("mcp_api", "refresh_token", "api", "openid", "id", "offline_access", "sfap_api",
            "einstein_gpt_api");

    private AppForm() {
    }

    /** The fields of {@code app}; {@code creating} adds the consumer key and API name, which never change afterwards. */
    static void fields(Markup m, ExternalClientApp app, boolean creating) {
        m.open("div", "class", "form-grid");
        if (creating) {
            text(m, "consumerKey", "Consumer key", app.consumerKey(), "The OAuth client_id; it cannot change later.");
            text(m, "developerName", "API name", app.developerName(), "Letters, digits and underscores.");
        }
        text(m, "label", "App name", app.label(), "What the approval page and OAuth Usage show.");
        select(m, "clientType", "Client type", OauthClientType.values(), app.clientType(),
                "Hosted MCP accepts External Client Apps only; a Connected App is refused, as on Salesforce.");
        label(m, "callbackUrls", "Callback URLs", "One per line; matched exactly.");
        m.element("textarea", String.join("\n", app.callbackUrls()), "name", "callbackUrls", "id", "callbackUrls", "rows", "5");
        label(m, "scopes", "Selected OAuth scopes", "mcp_api is what hosted MCP servers need.");
        m.open("div", "id", "scopes");
        Set<String> offered = new LinkedHashSet<>(SCOPES);
        offered.addAll(app.scopes());
        for (String scope : offered) {
            m.open("label", "class", "scope").empty("input", "type", "checkbox", "name", "scopes", "value", scope,
                    "checked", app.scopes().contains(scope) ? "checked" : null);
            m.text(" " + ScopeLabels.label(scope) + " (").element("code", scope).text(")").close("label").empty("br");
        }
        m.close("div");
        checkbox(m, "isPkceRequired", "Require Proof Key for Code Exchange (PKCE)", app.isPkceRequired(), null);
        text(m, "consumerSecret", "Consumer secret", app.consumerSecret() == null ? "" : app.consumerSecret(),
                "Empty: a public client without a secret.");
        checkbox(m, "isConsumerSecretOptional", "Web server flow works without the secret", app.isConsumerSecretOptional(),
                "Setup: the inverse of \"Require Secret for Web Server Flow\".");
        checkbox(m, "isSecretRequiredForRefreshToken", "Require secret for refresh token flow", app.isSecretRequiredForRefreshToken(), null);
        label(m, "isNamedUserJwtEnabled", "Access token format", "JWT-based access tokens for named users, or opaque session ids.");
        m.open("select", "name", "isNamedUserJwtEnabled", "id", "isNamedUserJwtEnabled");
        m.element("option", "JWT", "value", "true", "selected", app.isNamedUserJwtEnabled() ? "selected" : null);
        m.element("option", "Opaque", "value", "false", "selected", app.isNamedUserJwtEnabled() ? null : "selected");
        m.close("select");
        select(m, "namedUserJwtSessionTimeoutType", "JWT lifetime from", NamedUserJwtSessionTimeoutType.values(),
                app.namedUserJwtSessionTimeoutType(), "UserSession: the user's session timeout; Custom: the minutes below.");
        number(m, "namedUserJwtTimeout", "JWT lifetime (minutes, Custom)", app.namedUserJwtTimeout(),
                "One of " + ExternalClientApp.NAMED_USER_JWT_TIMEOUTS + ".");
        number(m, "sessionTimeoutInMinutes", "Opaque token lifetime (minutes)", app.sessionTimeoutInMinutes(), "0: the user's session timeout.");
        checkbox(m, "isRefreshTokenRotationEnabled", "Enable refresh token rotation", app.isRefreshTokenRotationEnabled(), null);
        select(m, "refreshTokenPolicyType", "Refresh token policy", RefreshTokenPolicyType.values(), app.refreshTokenPolicyType(), null);
        number(m, "refreshTokenValidityPeriod", "Refresh token validity period", app.refreshTokenValidityPeriod(),
                "For SpecificLifetime and SpecificInactivity.");
        select(m, "refreshTokenValidityUnit", "Validity unit", RefreshTokenValidityUnit.values(), app.refreshTokenValidityUnit(), null);
        select(m, "permittedUsersPolicyType", "Permitted users", PermittedUsersPolicyType.values(), app.permittedUsersPolicyType(),
                "AllSelfAuthorized: every user, after approving; AdminApprovedPreAuthorized: the profiles and permission sets below.");
        text(m, "commaSeparatedProfile", "Pre-authorized profiles", String.join(", ", app.commaSeparatedProfile()), "Comma-separated names.");
        text(m, "commaSeparatedPermissionSet", "Pre-authorized permission sets", String.join(", ", app.commaSeparatedPermissionSet()),
                "Comma-separated API names.");
        select(m, "ipRelaxationPolicyType", "IP relaxation", IpRelaxationPolicyType.values(), app.ipRelaxationPolicyType(), null);
        label(m, "trustedIpRanges", "Trusted IP ranges", "One range per line: start - end.");
        m.element("textarea", String.join("\n", app.trustedIpRanges().stream().map(r -> r.start() + " - " + r.end()).toList()),
                "name", "trustedIpRanges", "id", "trustedIpRanges", "rows", "3");
        checkbox(m, "isClientCredentialsFlowEnabled", "Enable client credentials flow", app.isClientCredentialsFlowEnabled(), null);
        text(m, "singleLogoutUrl", "Single logout URL", app.singleLogoutUrl() == null ? "" : app.singleLogoutUrl(), null);
        m.close("div");
    }

    /** The app the form describes, over {@code base} (whose consumer key stands unless creating). */
    static ExternalClientApp read(Context ctx, ExternalClientApp base, boolean creating) {
        ExternalClientApp.Builder b = base.toBuilder();
        try {
            if (creating) {
                b.consumerKey(trimmed(ctx, "consumerKey")).developerName(trimmed(ctx, "developerName"));
            }
            b.label(trimmed(ctx, "label"))
                    .clientType(OauthClientType.valueOf(required(ctx, "clientType")))
                    .callbackUrls(lines(ctx.formParam("callbackUrls")))
                    .scopes(ctx.formParams("scopes").toArray(String[]::new))
                    .isPkceRequired(ctx.formParam("isPkceRequired") != null)
                    .consumerSecret(trimmed(ctx, "consumerSecret"))
                    .isConsumerSecretOptional(ctx.formParam("isConsumerSecretOptional") != null)
                    .isSecretRequiredForRefreshToken(ctx.formParam("isSecretRequiredForRefreshToken") != null)
                    .isNamedUserJwtEnabled(Boolean.parseBoolean(ctx.formParam("isNamedUserJwtEnabled")))
                    .namedUserJwtTimeout(NamedUserJwtSessionTimeoutType.valueOf(required(ctx, "namedUserJwtSessionTimeoutType")),
                            whole(ctx, "namedUserJwtTimeout"))
                    .sessionTimeoutInMinutes(whole(ctx, "sessionTimeoutInMinutes"))
                    .isRefreshTokenRotationEnabled(ctx.formParam("isRefreshTokenRotationEnabled") != null)
                    .refreshTokenPolicy(RefreshTokenPolicyType.valueOf(required(ctx, "refreshTokenPolicyType")),
                            whole(ctx, "refreshTokenValidityPeriod"), RefreshTokenValidityUnit.valueOf(required(ctx, "refreshTokenValidityUnit")))
                    .permittedUsersPolicyType(PermittedUsersPolicyType.valueOf(required(ctx, "permittedUsersPolicyType")))
                    .commaSeparatedProfile(commaSeparated(ctx.formParam("commaSeparatedProfile")))
                    .commaSeparatedPermissionSet(commaSeparated(ctx.formParam("commaSeparatedPermissionSet")))
                    .ipRelaxationPolicyType(IpRelaxationPolicyType.valueOf(required(ctx, "ipRelaxationPolicyType")))
                    .trustedIpRanges(ranges(ctx.formParam("trustedIpRanges")))
                    .isClientCredentialsFlowEnabled(ctx.formParam("isClientCredentialsFlowEnabled") != null)
                    .singleLogoutUrl(trimmed(ctx, "singleLogoutUrl"));
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidApp(e.getMessage() == null ? "a required field is missing" : e.getMessage());
        }
    }

    /** The form's input does not make a valid app: the message says why, the form is shown again. */
    static final class InvalidApp extends RuntimeException {
        InvalidApp(String message) {
            super(message, null, false, false);
        }
    }

    private static String trimmed(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String required(Context ctx, String name) {
        String v = trimmed(ctx, name);
        if (v == null) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
        return v;
    }

    private static int whole(Context ctx, String name) {
        String v = trimmed(ctx, name);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String[] commaSeparated(String text) {
        return text == null ? new String[0] : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static IpRange[] ranges(String text) {
        List<IpRange> out = new ArrayList<>();
        for (String line : lines(text)) {
            String[] ends = line.split("\\s*-\\s*");
            if (ends.length != 2) {
                throw new IllegalArgumentException("trusted IP range '" + line + "' is not 'start - end'");
            }
            out.add(new IpRange(ends[0], ends[1]));
        }
        return out.toArray(IpRange[]::new);
    }

    private static void label(Markup m, String field, String text, String help) {
        m.open("label", "for", field).text(text);
        if (help != null) {
            m.element("span", help, "class", "help");
        }
        m.close("label");
    }

    private static void text(Markup m, String name, String label, String value, String help) {
        label(m, name, label, help);
        m.empty("input", "type", "text", "name", name, "id", name, "value", value == null ? "" : value);
    }

    private static void number(Markup m, String name, String label, int value, String help) {
        label(m, name, label, help);
        m.empty("input", "type", "number", "min", "0", "name", name, "id", name, "value", String.valueOf(value));
    }

    private static void checkbox(Markup m, String name, String label, boolean checked, String help) {
        label(m, name, label, help);
        m.open("div").empty("input", "type", "checkbox", "name", name, "id", name, "value", "true", "checked", checked ? "checked" : null)
                .close("div");
    }

    private static <E extends Enum<E>> void select(Markup m, String name, String label, E[] values, E current, String help) {
        label(m, name, label, help);
        m.open("select", "name", name, "id", name);
        for (E v : values) {
            m.element("option", v.name(), "value", v.name(), "selected", v == current ? "selected" : null);
        }
        m.close("select");
    }
}
