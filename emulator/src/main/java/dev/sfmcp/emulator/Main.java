package dev.sfmcp.emulator;

import java.util.Arrays;
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
        long started = System.nanoTime();
        EmulatorConfig config;
        try {
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
                emulator.port(), (System.nanoTime() - started) / 1_000_000);
    }
}
