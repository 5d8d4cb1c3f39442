package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * What every console request passes first: the admin key, when the emulator has one (asked once on a form, then
 * kept in a cookie; {@code X-Admin-Key} works too, for scripts), and, for every POST, the CSRF token echoed from the
 * browser's cookie. The stylesheet and scripts stay open so the key form itself is styled.
 */
final class ConsoleGuard {

    private final String adminKey;

    /** @param adminKey the emulator's admin key, or null when it has none */
    ConsoleGuard(String adminKey) {
        this.adminKey = adminKey;
    }

    void check(Context ctx) {
        String path = ctx.path();
        if (path.startsWith(ConsoleContext.ROOT + "/assets/")) {
            return;
        }
        boolean post = "POST".equals(ctx.method().name());
        if (post && !ConsoleSession.csrfEchoed(ctx)) {
            throw new ConsoleProblem(403, "This form is out of date or was sent from another site. Reload the page and try again.");
        }
        if (adminKey != null && !path.equals(ConsoleContext.ROOT + "/key") && !unlocked(ctx)) {
            throw new KeyRequired(post ? ConsoleContext.ROOT : pathAndQuery(ctx), null);
        }
    }

    private boolean unlocked(Context ctx) {
        String given = ConsoleSession.read(ctx, ConsoleSession.KEY_COOKIE);
        if (given == null) {
            given = ctx.header("X-Admin-Key");
        }
        return given != null && ConsoleSession.sameSecret(given, adminKey);
    }

    /** {@code POST /_console/key}: a right key is kept in a cookie and the browser goes where it was going. */
    void unlock(Context ctx) {
        String given = ctx.formParam("adminKey");
        String next = safeNext(ctx.formParam("next"));
        if (adminKey == null) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        if (given == null || !ConsoleSession.sameSecret(given, adminKey)) {
            throw new KeyRequired(next, "That is not this emulator's admin key.");
        }
        ConsoleSession.write(ctx, ConsoleSession.KEY_COOKIE, given);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /_console/lock}: forgets the key in this browser. */
    static void lock(Context ctx) {
        ConsoleSession.clear(ctx, ConsoleSession.KEY_COOKIE);
        ctx.redirect(ConsoleContext.ROOT, HttpStatus.SEE_OTHER);
    }

    /** The admin-key form, as the answer to a locked request. */
    static void keyForm(Context ctx, KeyRequired problem) {
        Markup m = new Markup();
        m.element("h1", "Admin key required");
        m.element("p", "This emulator was started with --admin-key (SFMCP_ADMIN_KEY). Enter it once; this browser keeps it in a cookie.");
        if (problem.getMessage() != null) {
            m.element("div", problem.getMessage(), "class", "notice problem", "role", "alert");
        }
        m.open("form", "method", "post", "action", ConsoleContext.ROOT + "/key", "id", "key-form", "class", "card");
        m.hidden(ConsoleSession.CSRF_FIELD, ConsoleSession.csrfToken(ctx));
        m.hidden("next", problem.next);
        m.element("label", "Admin key", "for", "adminKey").text(" ");
        m.empty("input", "type", "password", "name", "adminKey", "id", "adminKey", "autocomplete", "off");
        m.text(" ").element("button", "Unlock", "type", "submit", "class", "primary");
        m.close("form");
        ctx.status(401).html(ConsoleLayout.plain("Admin key required", m));
    }

    /** Only console paths: the key form must not become an open redirect. */
    private static String safeNext(String next) {
        return next != null && next.startsWith(ConsoleContext.ROOT) && !next.startsWith("//") ? next : ConsoleContext.ROOT;
    }

    private static String pathAndQuery(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }

    /** The request lacks the admin key: answered with the key form. */
    static final class KeyRequired extends RuntimeException {
        final String next;

        KeyRequired(String next, String message) {
            super(message, null, false, false);
            this.next = next;
        }
    }
}
