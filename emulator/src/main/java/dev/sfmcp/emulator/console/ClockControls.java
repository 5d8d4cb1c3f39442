package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.org.EmulatorClock;
import java.time.Duration;

/**
 * Buttons that move the emulator's one clock forward, on the pages where time matters (pending activation, app
 * propagation, the rolling 24-hour quota): a trainer shows "active in 2 min" turn Active without waiting. The same
 * clock the admin API's {@code POST /_emulator/clock/advance} moves.
 */
final class ClockControls {

    private static final long[] STEPS = {60, 600, 3600, 86_400};
    private static final String[] LABELS = {"+1 min", "+10 min", "+1 h", "+1 day"};

    private final EmulatorClock clock;

    ClockControls(EmulatorClock clock) {
        this.clock = clock;
    }

    /** The strip of advance buttons; each returns to {@code back}. */
    static void render(Markup m, ConsoleContext c, Section back) {
        m.open("div", "class", "card clock-controls", "id", "clock-controls").element("strong", "Advance the clock ");
        for (int i = 0; i < STEPS.length; i++) {
            c.button(m, c.path("clock/advance"), LABELS[i], "", "seconds", String.valueOf(STEPS[i]), "back", back.segment);
            m.text(" ");
        }
        m.close("div");
    }

    void advance(ConsoleContext c) {
        long seconds = c.wholeNumber("seconds");
        if (seconds == 0 || seconds > Duration.ofDays(366).toSeconds()) {
            throw new ConsoleProblem(400, "The clock moves forward by 1 second to 366 days from the console, not " + seconds + " s.");
        }
        clock.advance(Duration.ofSeconds(seconds));
        Section back = Section.SERVERS;
        for (Section s : Section.values()) {
            if (s.segment.equals(c.ctx.formParam("back"))) {
                back = s;
            }
        }
        c.redirect(back.segment, "The clock moved forward " + ServersPage.describe(Duration.ofSeconds(seconds)) + ".");
    }
}
