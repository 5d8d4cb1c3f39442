package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.http.BaseUrl;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.user.User;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One console request for one org: the org named by the URL, the browser's CSRF token, the base URL clients use, and
 * the user the console views data as. Pages read it; it also writes the bits every page shares (POST buttons,
 * redirects after a POST).
 */
final class ConsoleContext {

    static final String ROOT = "/_console";

    final Context ctx;
    final Org org;
    final OrgRegistry orgs;
    final Clock clock;
    /** Whether the emulator has an admin key, so the header offers to forget it in this browser. */
    final boolean lockable;
    private final String publicUrl;

    ConsoleContext(Context ctx, OrgRegistry orgs, Clock clock, String publicUrl, boolean lockable) {
        this.ctx = ctx;
        this.orgs = orgs;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.lockable = lockable;
        String key = ctx.pathParam("org");
        this.org = orgs.byKey(key).orElseThrow(() -> new ConsoleProblem(404, "No org '" + key + "' is loaded in this emulator."));
    }

    /** The console path of a page of this org, e.g. {@code /_console/orgs/acme/servers}. */
    String path(String sub) {
        return ROOT + "/orgs/" + encode(org.myDomain()) + "/" + sub;
    }

    String csrf() {
        return ConsoleSession.csrfToken(ctx);
    }

    /** The absolute base URL clients reach the emulator at, as the discovery documents give it. */
    String baseUrl() {
        return BaseUrl.of(ctx, publicUrl);
    }

    /** A one-button form that POSTs {@code fields} (name/value pairs) with the CSRF token. */
    Markup button(Markup m, String action, String label, String cssClass, String... fields) {
        m.open("form", "class", "inline", "method", "post", "action", action);
        m.hidden(ConsoleSession.CSRF_FIELD, csrf());
        for (int i = 0; i < fields.length; i += 2) {
            m.hidden(fields[i], fields[i + 1]);
        }
        return m.element("button", label, "type", "submit", "class", cssClass).close("form");
    }

    /** Opens a POST form carrying the CSRF token; the caller closes it. */
    Markup form(Markup m, String action, String id) {
        m.open("form", "method", "post", "action", action, "id", id);
        return m.hidden(ConsoleSession.CSRF_FIELD, csrf());
    }

    /** Post/redirect/get: back to a page of this org with a notice (shown escaped, as any text). */
    void redirect(String sub, String notice) {
        ctx.redirect(path(sub) + (notice == null ? "" : (sub.contains("?") ? "&" : "?") + "notice=" + encode(notice)), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A form field holding a whole number, 0 or more; a 400 page naming the field otherwise. */
    long wholeNumber(String field) {
        String raw = ctx.formParam(field);
        try {
            long v = Long.parseLong(raw == null ? "" : raw.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below, as a negative number is
        }
        throw new ConsoleProblem(400, "'" + field + "' must be a whole number, 0 or more, not '" + raw + "'.");
    }

    /** The org's data, or a page saying this org has none. */
    LoadedOrg data() {
        return org.data().orElseThrow(() -> new ConsoleProblem(409, "The org " + org.myDomain()
                + " was created without a fixture: it has no records, users or security model to show."));
    }

    /**
     * The user the console views data as: the one chosen on the Users page if they belong to this org, otherwise the
     * org's first active System Administrator (as {@code --no-auth} calls run), otherwise any active user.
     */
    Optional<User> viewAs() {
        if (org.data().isEmpty()) {
            return Optional.empty();
        }
        OrgSecurity security = org.data().get().security();
        String chosen = ConsoleSession.read(ctx, ConsoleSession.VIEW_AS_COOKIE);
        Optional<User> picked = chosen == null ? Optional.empty() : security.userByUsername(chosen);
        if (picked.isPresent()) {
            return picked;
        }
        List<User> active = security.users().stream().filter(User::active).sorted(Comparator.comparing(User::username)).toList();
        return active.stream().filter(u -> security.profile(u.profileId()).map(p -> p.name().equals("System Administrator")).orElse(false))
                .findFirst().or(() -> active.stream().findFirst());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
