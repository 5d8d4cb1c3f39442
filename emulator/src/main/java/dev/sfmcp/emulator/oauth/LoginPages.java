package dev.sfmcp.emulator.oauth;

import java.util.Map;

/**
 * The HTML of the login host: the login form (inputs {@code username} and {@code password}), the "Allow Access?"
 * approval page, and the error page shown instead of redirecting to an unknown client or unregistered callback.
 * Plain, script-free pages so that a test, a headless browser or a person can drive them.
 */
final class LoginPages {

    /** Salesforce's wording for a failed login. */
    static final String LOGIN_FAILED = "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

    private LoginPages() {
    }

    static String loginForm(String action, Map<String, String> hidden, String username, String error) {
        StringBuilder html = head("Login | Salesforce");
        html.append("<div id=\"login\"><h1>Salesforce</h1>\n");
        if (error != null) {
            html.append("<div id=\"error\" class=\"loginError\" role=\"alert\">").append(escape(error)).append("</div>\n");
        }
        html.append("<form id=\"login_form\" name=\"login\" method=\"post\" action=\"").append(escape(action)).append("\">\n");
        hiddenFields(html, hidden);
        html.append("<input type=\"hidden\" name=\"step\" value=\"login\">\n");
        html.append("<label for=\"username\">Username</label>\n<input type=\"email\" id=\"username\" name=\"username\" value=\"")
                .append(escape(username == null ? "" : username)).append("\" autocomplete=\"username\">\n");
        html.append("<label for=\"password\">Password</label>\n<input type=\"password\" id=\"password\" name=\"password\" "
                + "autocomplete=\"current-password\">\n");
        html.append("<input type=\"submit\" id=\"Login\" name=\"Login\" value=\"Log In\">\n</form>\n");
        html.append("<p class=\"emulator\">sfmcp-emulator: demo users log in with the password <code>emulator</code>.</p>\n");
        return html.append("</div></body></html>\n").toString();
    }

    static String approvalPage(String action, Map<String, String> hidden, String ticket, String appLabel, String username,
                               Iterable<String> scopes) {
        StringBuilder html = head("Allow Access? | Salesforce");
        html.append("<div id=\"approve\"><h1>Allow Access?</h1>\n<p><strong>").append(escape(appLabel))
                .append("</strong> is asking to:</p>\n<ul id=\"scopes\">\n");
        for (String scope : scopes) {
            html.append("<li>").append(escape(ScopeLabels.label(scope))).append("</li>\n");
        }
        html.append("</ul>\n<p>Do you want to allow access for ").append(escape(username)).append("?</p>\n");
        html.append("<form id=\"approve_form\" method=\"post\" action=\"").append(escape(action)).append("\">\n");
        hiddenFields(html, hidden);
        html.append("<input type=\"hidden\" name=\"step\" value=\"approve\">\n");
        html.append("<input type=\"hidden\" name=\"ticket\" value=\"").append(escape(ticket)).append("\">\n");
        html.append("<input type=\"submit\" id=\"oaapprove\" name=\"approve\" value=\"Allow\">\n");
        html.append("<input type=\"submit\" id=\"oadeny\" name=\"deny\" value=\"Deny\">\n</form>\n");
        return html.append("</div></body></html>\n").toString();
    }

    static String errorPage(OAuthError error) {
        StringBuilder html = head("Error | Salesforce");
        html.append("<div id=\"oauth_error\"><h1>OAuth Error</h1>\n<p>We can't authorize you because of an OAuth error. "
                + "For more information, contact your Salesforce administrator.</p>\n");
        html.append("<p id=\"error_code\">").append(escape(error.error())).append("</p>\n");
        html.append("<p id=\"error_description\">").append(escape(error.description())).append("</p>\n");
        return html.append("</div></body></html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(2048).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;background:#f3f3f3}"
                        + "#login,#approve,#oauth_error{max-width:24em;margin:4em auto;background:#fff;padding:2em;border-radius:6px}"
                        + "input{display:block;width:100%;margin:.4em 0 1em;padding:.5em;box-sizing:border-box}"
                        + ".loginError{color:#c23934}</style></head><body>\n");
    }

    private static void hiddenFields(StringBuilder html, Map<String, String> hidden) {
        hidden.forEach((k, v) -> {
            if (v != null) {
                html.append("<input type=\"hidden\" name=\"").append(escape(k)).append("\" value=\"").append(escape(v)).append("\">\n");
            }
        });
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
