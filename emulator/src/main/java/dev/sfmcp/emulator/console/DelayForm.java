package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import java.time.Duration;

/**
 * The one-field form that sets an org's delay in seconds: server activation on MCP Servers, app propagation on External
 * Client Apps (what the admin API's {@code PUT /_emulator/orgs/{org}/delays} sets, and {@code --realistic-delays}
 * presets to 2 and 10 minutes).
 */
final class DelayForm {

    private DelayForm() {
    }

    static void render(Markup m, ConsoleContext c, String action, String label, Duration current) {
        c.form(m, c.path(action), "delay-form").open("div", "class", "copy-row");
        m.element("label", label, "for", "delaySeconds");
        m.empty("input", "type", "number", "min", "0", "name", "seconds", "id", "delaySeconds", "value", String.valueOf(current.toSeconds()));
        m.element("button", "Set", "type", "submit").close("div").close("form");
    }

    /** The form's delay; a 400 page for anything but a whole number of seconds, 0 or more. */
    static Duration read(ConsoleContext c) {
        return Duration.ofSeconds(c.wholeNumber("seconds"));
    }
}
