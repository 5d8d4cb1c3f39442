package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.org.Org;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * The frame of every console page, as Lightning Setup frames its pages: a global header with the org's name, the org
 * picker, the user the console views data as and the emulator's clock, then a navigation bar reaching every page.
 */
final class ConsoleLayout {

    static final String STYLESHEET = ConsoleContext.ROOT + "/assets/console.css";

    private ConsoleLayout() {
    }

    /** A whole page of {@code section} around {@code body}; scripts (asset paths) are loaded at the end. */
    static String page(ConsoleContext c, Section section, String title, Markup body, String... scripts) {
        Markup m = start(title + " | " + c.org.name() + " | Setup");
        m.open("header", "class", "global-header").newline();
        m.open("a", "class", "brand", "href", c.path(Section.SERVERS.segment))
                .element("span", "sfmcp", "class", "cloud").text("Setup").close("a");
        m.element("span", c.org.name(), "class", "org-name", "id", "org-name");
        orgPicker(m, c, section);
        m.open("div", "class", "header-facts");
        c.viewAs().ifPresent(u -> m.open("span", "id", "view-as").text("Viewing as ").element("strong", u.username()).close("span"));
        m.element("span", "Clock " + when(c.clock.instant()),
                "id", "clock");
        if (c.lockable) {
            c.button(m, ConsoleContext.ROOT + "/lock", "Lock", "", "next", ConsoleContext.ROOT);
        }
        m.close("div").close("header").newline();
        m.open("nav", "class", "setup-nav", "aria-label", "Setup");
        for (Section s : Section.values()) {
            m.element("a", s.label, "href", c.path(s.segment), "class", s == section ? "active" : null,
                    "aria-current", s == section ? "page" : null, "id", "nav-" + s.segment);
        }
        m.close("nav").newline();
        m.open("main");
        notices(m, c);
        m.append(body);
        m.close("main").newline();
        for (String script : scripts) {
            m.open("script", "src", ConsoleContext.ROOT + "/assets/" + script).close("script");
        }
        return m.close("body").close("html").newline().toString();
    }

    /** A page outside any org (the admin-key form, an error): the header without org, picker or navigation. */
    static String plain(String title, Markup body) {
        Markup m = start(title + " | Setup");
        m.open("header", "class", "global-header").open("a", "class", "brand", "href", ConsoleContext.ROOT)
                .element("span", "sfmcp", "class", "cloud").text("Setup").close("a").close("header");
        m.open("main").append(body).close("main");
        return m.close("body").close("html").newline().toString();
    }

    private static Markup start(String title) {
        Markup m = new Markup(16_384);
        m.doctype().open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8");
        m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        m.element("title", title);
        m.empty("link", "rel", "stylesheet", "href", STYLESHEET);
        return m.close("head").open("body").newline();
    }

    private static void orgPicker(Markup m, ConsoleContext c, Section section) {
        // a GET form: switching orgs changes nothing, so it needs no CSRF token, and works without JavaScript
        m.open("form", "class", "org-picker", "method", "get", "action", ConsoleContext.ROOT + "/switch");
        m.element("label", "Org", "for", "org-picker");
        m.open("select", "name", "org", "id", "org-picker");
        for (Org o : c.orgs.all().stream().sorted(Comparator.comparing(Org::name)).toList()) {
            m.element("option", o.name() + " (" + o.myDomain() + ")", "value", o.myDomain(),
                    "selected", o.id().equals(c.org.id()) ? "selected" : null);
        }
        m.close("select").hidden("page", section.segment);
        m.element("button", "Switch", "type", "submit").close("form");
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    /** An instant as the console's tables show it: to the second, in UTC (the exact value is one hover away). */
    static String when(java.time.Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static void notices(Markup m, ConsoleContext c) {
        String notice = c.ctx.queryParam("notice");
        if (notice != null && !notice.isBlank()) {
            m.element("div", notice, "class", "notice ok", "role", "status", "id", "notice");
        }
    }
}
