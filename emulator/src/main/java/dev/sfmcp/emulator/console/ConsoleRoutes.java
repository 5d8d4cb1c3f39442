package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.journal.RequestJournal;
import dev.sfmcp.emulator.oauth.AuthorizationServer;
import dev.sfmcp.emulator.org.EmulatorClock;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.SetupException;
import dev.sfmcp.soql.SalesforceException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The web console's routes, all under {@code /_console} on the emulator's port ({@code /console} redirects there):
 * one page per Setup area of the selected org, {@code /_console/orgs/{org}/{page}}, each a class of this package.
 * Pages are server-rendered HTML and work without JavaScript; forms POST and redirect.
 */
public final class ConsoleRoutes {

    private static final Map<String, String> ASSETS = Map.of(
            "console.css", "text/css; charset=utf-8",
            "journal.js", "text/javascript; charset=utf-8",
            "copy.js", "text/javascript; charset=utf-8");

    private final OrgRegistry orgs;
    private final Clock clock;
    private final String publicUrl;
    private final ConsoleGuard guard;
    private final boolean lockable;
    private final OAuthUsagePage oauthUsage;
    private final UsersPage users;
    private final JournalPage journal;
    private final ClockControls clockControls;

    /**
     * @param adminKey  the emulator's admin key, or null: with one, the console asks for it once
     * @param publicUrl the configured public URL, or null to take the base URL from each request
     */
    public ConsoleRoutes(OrgRegistry orgs, AuthorizationServer authorizationServer, RequestJournal journal, EmulatorClock clock,
                         String adminKey, String publicUrl) {
        this.orgs = orgs;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.guard = new ConsoleGuard(adminKey);
        this.lockable = adminKey != null;
        this.oauthUsage = new OAuthUsagePage(authorizationServer.tokens());
        this.users = new UsersPage(authorizationServer);
        this.journal = new JournalPage(journal);
        this.clockControls = new ClockControls(clock);
    }

    public void register(RoutesConfig routes) {
        routes.before(ConsoleContext.ROOT, guard::check);
        routes.before(ConsoleContext.ROOT + "/<rest>", guard::check);
        routes.get("/console", ctx -> ctx.redirect(ConsoleContext.ROOT, HttpStatus.FOUND));
        routes.get(ConsoleContext.ROOT, this::home);
        routes.get(ConsoleContext.ROOT + "/assets/{name}", ConsoleRoutes::asset);
        routes.get(ConsoleContext.ROOT + "/key", ctx -> ConsoleGuard.keyForm(ctx, new ConsoleGuard.KeyRequired(ConsoleContext.ROOT, null)));
        routes.post(ConsoleContext.ROOT + "/key", guard::unlock);
        routes.post(ConsoleContext.ROOT + "/lock", ConsoleGuard::lock);
        routes.get(ConsoleContext.ROOT + "/switch", this::switchOrg);

        String org = ConsoleContext.ROOT + "/orgs/{org}";
        routes.get(org, ctx -> ctx.redirect(ctx.path() + "/" + Section.SERVERS.segment, HttpStatus.FOUND));
        page(routes, org + "/servers", ServersPage::render);
        action(routes, org + "/servers/activate", c -> ServersPage.activate(c, true));
        action(routes, org + "/servers/deactivate", c -> ServersPage.activate(c, false));
        action(routes, org + "/servers/delay", ServersPage::setDelay);
        action(routes, org + "/clock/advance", clockControls::advance);

        page(routes, org + "/apps", AppsPage::list);
        page(routes, org + "/apps/new", AppsPage::newApp);
        action(routes, org + "/apps", AppsPage::create);
        action(routes, org + "/apps/delay", AppsPage::setDelay);
        page(routes, org + "/apps/{consumerKey}", AppsPage::detail);
        action(routes, org + "/apps/{consumerKey}", AppsPage::save);
        action(routes, org + "/apps/{consumerKey}/delete", AppsPage::delete);

        page(routes, org + "/oauth-usage", oauthUsage::render);
        action(routes, org + "/oauth-usage/revoke", oauthUsage::revokeToken);
        action(routes, org + "/oauth-usage/revoke-app", oauthUsage::revokeApp);
        action(routes, org + "/oauth-usage/revoke-user", oauthUsage::revokeUser);

        page(routes, org + "/users", users::render);
        action(routes, org + "/users", UsersPage::create);
        action(routes, org + "/users/view-as", UsersPage::viewAs);
        postPage(routes, org + "/users/log-in-as", users::logInAs);
        action(routes, org + "/users/active", UsersPage::setActive);
        action(routes, org + "/users/role", UsersPage::changeRole);
        action(routes, org + "/users/permission-sets/add", c -> UsersPage.assignPermissionSet(c, true));
        action(routes, org + "/users/permission-sets/remove", c -> UsersPage.assignPermissionSet(c, false));

        page(routes, org + "/data", DataPages::objects);
        page(routes, org + "/data/{sobject}", DataPages::records);
        page(routes, org + "/data/{sobject}/{id}", DataPages::record);

        page(routes, org + "/event-log-files", EventLogFilesPage::render);
        routes.get(org + "/event-log-files/ApiTotalUsage.csv", ctx -> EventLogFilesPage.download(context(ctx)));
        page(routes, org + "/api-usage", ApiUsagePage::render);
        action(routes, org + "/api-usage", ApiUsagePage::setLimits);
        page(routes, org + "/journal", journal::render);
        routes.get(org + "/journal/feed", ctx -> journal.feed(context(ctx)));
        action(routes, org + "/journal/clear", journal::clear);

        routes.exception(ConsoleProblem.class, (e, ctx) -> {
            Markup m = new Markup();
            m.element("h1", e.status() == 404 ? "Not found" : "This can't be done");
            m.element("div", e.getMessage(), "class", "notice problem", "role", "alert", "id", "problem");
            m.open("p").element("a", "Back to the console", "href", ConsoleContext.ROOT).close("p");
            ctx.status(e.status()).html(ConsoleLayout.plain("Problem", m));
        });
        routes.exception(ConsoleGuard.KeyRequired.class, (e, ctx) -> ConsoleGuard.keyForm(ctx, e));
    }

    private ConsoleContext context(Context ctx) {
        return new ConsoleContext(ctx, orgs, clock, publicUrl, lockable);
    }

    /**
     * What every console page answers with besides its HTML: no caching, and a policy that lets only the console's own
     * scripts run and no other site frame it, a second line of defence behind escaping (inline styles stay allowed for
     * the usage meter's width).
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private void page(RoutesConfig routes, String path, Function<ConsoleContext, String> render) {
        routes.get(path, ctx -> respond(ctx, render));
    }

    /** A POST answered with a page instead of a redirect: what it shows (an issued token) must not travel in a URL. */
    private void postPage(RoutesConfig routes, String path, Function<ConsoleContext, String> render) {
        routes.post(path, ctx -> respond(ctx, render));
    }

    private void respond(Context ctx, Function<ConsoleContext, String> render) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.html(explained(() -> render.apply(context(ctx))));
    }

    private void action(RoutesConfig routes, String path, Consumer<ConsoleContext> act) {
        routes.post(path, ctx -> explained(() -> {
            act.accept(context(ctx));
            return null;
        }));
    }

    /**
     * Runs a page or action, turning the domain's refusals into console problems: the admin API answers the same
     * exceptions as JSON, and its handlers are the emulator-wide ones, so the console translates them here.
     */
    private static <T> T explained(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SetupException e) {
            throw new ConsoleProblem(e.status(), e.getMessage());
        } catch (SalesforceException e) {
            throw new ConsoleProblem(e.error().httpStatus() > 0 ? e.error().httpStatus() : 400,
                    e.error().errorCode() + ": " + e.error().message());
        }
    }

    private void home(Context ctx) {
        Org first = orgs.all().stream().min(Comparator.comparing(Org::name)).orElse(null);
        if (first == null) {
            Markup m = new Markup();
            m.element("h1", "No org is loaded");
            m.element("p", "Start the emulator with the demo org, or give --fixture, or load an org through the admin API.");
            ctx.html(ConsoleLayout.plain("No org", m));
            return;
        }
        ctx.redirect(ConsoleContext.ROOT + "/orgs/" + ConsoleContext.encode(first.myDomain()) + "/" + Section.SERVERS.segment,
                HttpStatus.FOUND);
    }

    private void switchOrg(Context ctx) {
        Org org = orgs.byKey(ctx.queryParam("org"))
                .orElseThrow(() -> new ConsoleProblem(404, "No org '" + ctx.queryParam("org") + "' is loaded in this emulator."));
        String page = ctx.queryParam("page");
        boolean known = false;
        for (Section s : Section.values()) {
            known |= s.segment.equals(page);
        }
        ctx.redirect(ConsoleContext.ROOT + "/orgs/" + ConsoleContext.encode(org.myDomain()) + "/"
                + (known ? page : Section.SERVERS.segment), HttpStatus.SEE_OTHER);
    }

    private static void asset(Context ctx) {
        String name = ctx.pathParam("name");
        String type = ASSETS.get(name);
        if (type == null) {
            throw new ConsoleProblem(404, "No console asset '" + name + "'.");
        }
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new ConsoleProblem(404, "No console asset '" + name + "'.");
            }
            ctx.header("Cache-Control", "max-age=300").contentType(type).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
