package dev.sfmcp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.fixtures.format.FixtureException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The org load that runs beside Jetty's start: who waits for it, and how its failure reaches them. */
class OrgLoadTest {

    @Test
    void waitersReturnOnlyOnceTheLoadIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean loaded = new AtomicBoolean();
        OrgLoad load = OrgLoad.begin(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loaded.set(true);
        });
        AtomicBoolean sawLoaded = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            load.await();
            sawLoaded.set(loaded.get());
        });
        waiter.start();
        release.countDown();
        waiter.join();
        assertTrue(sawLoaded.get(), "await returned before the load had finished");
    }

    @Test
    void aFailureIsThrownToEveryoneWhoWaits() {
        IllegalArgumentException failure = new IllegalArgumentException("--generate needs an org");
        OrgLoad load = OrgLoad.begin(() -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalArgumentException.class, load::await));
        assertSame(failure, assertThrows(IllegalArgumentException.class, load::await));
    }

    @Test
    void aBrokenFixtureFailsStartWithItsMessageAndLeavesThePortFree(@TempDir Path dir) throws Exception {
        Path fixture = Files.writeString(dir.resolve("broken.yaml"), "settings: [\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        EmulatorConfig config = EmulatorConfig.defaults().with(Option.PORT, String.valueOf(port)).with(Option.FIXTURE, fixture.toString());
        try (Emulator emulator = new Emulator(config)) { // constructing returns at once: the load runs on its own thread
            FixtureException e = assertThrows(FixtureException.class, emulator::start);
            assertTrue(e.getMessage().contains("broken.yaml"), e.getMessage());
            assertSame(e, assertThrows(FixtureException.class, emulator::orgs));
        }
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void theLoadedOrgsAreThereWhenStartReturns() {
        try (Emulator emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start()) {
            assertTrue(emulator.orgs().byMyDomain("acme").isPresent());
        }
    }
}
