package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.html.Markup;
import java.util.Map;

/**
 * The HTML of the login host: the login form (inputs {@code username} and {@code password}), the "Allow Access?"
 * approval page, and the error page shown instead of redirecting to an unknown client or unregistered callback.
 * Script-free pages in the console's style (its stylesheet), with one form each, so that a test, a headless browser,
 * the client module's form reader or a person can drive them; field names, ids and URLs are a contract.
 */
final class LoginPages {

    /** Salesforce's wording for a failed login. */
    static final String LOGIN_FAILED = "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

    /** The console's stylesheet, served on the same port. */
    private static final String STYLESHEET = "/_console/assets/console.css";

    private LoginPages() {
    }

    static String loginForm(String action, Map<String, String> hidden, String username, String error) {
        Markup m = head("Login | Salesforce");
        m.open("div", "id", "login", "class", "login-card").element("div", "sfmcp", "class", "logo").element("h1", "Salesforce").newline();
        if (error != null) {
            m.element("div", error, "id", "error", "class", "loginError", "role", "alert").newline();
        }
        m.open("form", "id", "login_form", "name", "login", "method", "post", "action", action).newline();
        hiddenFields(m, hidden);
        m.hidden("step", "login").newline();
        m.element("label", "Username", "for", "username").newline();
        m.empty("input", "type", "email", "id", "username", "name", "username", "value", username == null ? "" : username,
                "autocomplete", "username").newline();
        m.element("label", "Password", "for", "password").newline();
        m.empty("input", "type", "password", "id", "password", "name", "password", "autocomplete", "current-password").newline();
        m.empty("input", "type", "submit", "id", "Login", "name", "Login", "value", "Log In").newline();
        m.close("form").newline();
        m.open("p", "class", "emulator").text("sfmcp-emulator: demo users log in with the password ").element("code", "emulator")
                .text(".").close("p");
        return m.close("div").close("body").close("html").newline().toString();
    }

    static String approvalPage(String action, Map<String, String> hidden, String ticket, String appLabel, String username,
                               Iterable<String> scopes) {
        Markup m = head("Allow Access? | Salesforce");
        m.open("div", "id", "approve", "class", "login-card").element("div", "sfmcp", "class", "logo").element("h1", "Allow Access?").newline();
        m.open("p").element("strong", appLabel).text(" is asking to:").close("p").newline();
        m.open("ul", "id", "scopes").newline();
        for (String scope : scopes) {
            m.element("li", ScopeLabels.label(scope)).newline();
        }
        m.close("ul").newline();
        m.element("p", "Do you want to allow access for " + username + "?").newline();
        m.open("form", "id", "approve_form", "method", "post", "action", action).newline();
        hiddenFields(m, hidden);
        m.hidden("step", "approve").newline();
        m.hidden("ticket", ticket).newline();
        m.empty("input", "type", "submit", "id", "oaapprove", "name", "approve", "value", "Allow").newline();
        m.empty("input", "type", "submit", "id", "oadeny", "name", "deny", "value", "Deny").newline();
        m.close("form").newline();
        return m.close("div").close("body").close("html").newline().toString();
    }

    static String errorPage(OAuthError error) {
        Markup m = head("Error | Salesforce");
        m.open("div", "id", "oauth_error", "class", "login-card").element("div", "sfmcp", "class", "logo").element("h1", "OAuth Error").newline();
        m.element("p", "We can't authorize you because of an OAuth error. For more information, contact your Salesforce administrator.")
                .newline();
        m.element("p", error.error(), "id", "error_code").newline();
        m.element("p", error.description(), "id", "error_description").newline();
        return m.close("div").close("body").close("html").newline().toString();
    }

    private static Markup head(String title) {
        Markup m = new Markup(2048);
        m.doctype().open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").element("title", title)
                .empty("link", "rel", "stylesheet", "href", STYLESHEET).close("head").newline();
        return m.open("body", "class", "login").newline();
    }

    private static void hiddenFields(Markup m, Map<String, String> hidden) {
        hidden.forEach((k, v) -> {
            if (v != null) {
                m.hidden(k, v).newline();
            }
        });
    }

    /** HTML-escapes text (the console's one escaper). */
    static String escape(String s) {
        return Markup.escape(s);
    }
}
