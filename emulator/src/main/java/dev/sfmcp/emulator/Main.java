package dev.sfmcp.emulator;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar sfmcp-emulator.jar}: starts the emulator from arguments and SFMCP_* environment variables. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(EmulatorConfig.helpText());
            return;
        }
        Clock clock = Clock.systemUTC();
        EmulatorConfig config;
        try {
            // the values are checked in the JVM that runs the emulator: a re-executing launcher only needs the switches
            config = EmulatorConfig.parse(args, System.getenv());
            Optional<TunedLaunch> tuned = TunedLaunch.plan(args, config);
            if (tuned.isPresent()) {
                System.exit(runTuned(tuned.get()));
                return;
            }
            config = EmulatorConfig.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sfmcp-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Emulator emulator;
        try {
            emulator = new Emulator(config).start();
        } catch (Emulator.PortInUseException e) {
            System.err.println("sfmcp-emulator: " + e.getMessage());
            System.exit(1);
            return;
        } catch (dev.sfmcp.fixtures.format.FixtureException | IllegalArgumentException e) {
            System.err.println("sfmcp-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "sfmcp-shutdown"));
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info("sfmcp-emulator {} listening on http://{}:{} (ready in {} ms)", Emulator.version(), config.host(),
                emulator.port(), clock.millis() - processStart());
        prepareAfterReady(emulator);
    }

    private static int runTuned(TunedLaunch tuned) {
        try {
            return tuned.run();
        } catch (java.io.IOException e) {
            System.err.println("sfmcp-emulator: cannot start the tuned JVM (" + e.getMessage() + "); use --tuned-jvm=false");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** When the process started: the launching JVM's start when this one was re-executed by {@link TunedLaunch}. */
    private static long processStart() {
        String launchedAt = System.getProperty(TunedLaunch.STARTED_AT);
        if (launchedAt != null && !launchedAt.equals("0")) {
            return Long.parseLong(launchedAt);
        }
        return ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                .orElseGet(() -> java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /**
     * Once the emulator is ready, on a low-priority thread: copies each org's reset snapshot (asked for at load, copied
     * before the first write otherwise), then generates the orgs' RS256 keys: a 2048-bit key costs 0.1 to 1 s of CPU,
     * which would otherwise delay readiness (at start) or the first token exchange (on first use).
     */
    private static void prepareAfterReady(Emulator emulator) {
        Thread thread = new Thread(() -> {
            emulator.orgs().all().forEach(org -> org.data().ifPresent(data -> data.engine().database().takePendingSnapshots()));
            emulator.orgs().all().forEach(dev.sfmcp.emulator.org.Org::signingKey);
        }, "sfmcp-signing-keys");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
