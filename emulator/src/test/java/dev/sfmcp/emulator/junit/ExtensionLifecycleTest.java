package dev.sfmcp.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.sfmcp.emulator.Emulator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension's lifecycle, observed by running small test classes through the JUnit engine: one emulator per class
 * or per method, reset between tests or not, closed when done, and configuration mistakes reported clearly.
 */
class ExtensionLifecycleTest {

    private static volatile boolean launching;

    /** Scenario classes run only when launched from here, not when a build tool picks them up by themselves. */
    static boolean launchedByThisTest() {
        return launching;
    }

    private static synchronized EngineExecutionResults run(Class<?> scenario) {
        launching = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute();
        } finally {
            launching = false;
        }
    }

    private static void assertAllPassed(EngineExecutionResults results, int tests) {
        String failures = results.allEvents().failed().stream().map(ExtensionLifecycleTest::describe)
                .reduce("", (a, b) -> a + "\n" + b);
        assertEquals("", failures);
        results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
    }

    private static String describe(Event event) {
        return event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Duration offsetFromWallTime(HostedMcpEmulatorRuntime runtime) {
        return Duration.between(Clock.systemUTC().instant(), runtime.getEmulator().clock().instant()).abs();
    }

    // ---- one emulator per class, reset before each test ---------------------------------------------------

    @EnabledIf("dev.sfmcp.emulator.junit.ExtensionLifecycleTest#launchedByThisTest")
    @HostedMcpEmulatorTest(noAuth = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetBetweenTests {
        static Emulator first;
        static int port;

        @Test
        @Order(1)
        void movesTheClockAndOpensASession(HostedMcpEmulatorRuntime runtime) {
            first = runtime.getEmulator();
            port = runtime.getPort();
            runtime.advanceClock(Duration.ofDays(5));
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(runtime.getBaseUrl())
                    .endpoint("/platform/mcp/v1/platform/sobject-reads").build()).build();
            client.initialize();
            assertEquals(1, runtime.getEmulator().sessions().size());
        }

        @Test
        @Order(2)
        void startsFromAResetEmulator(HostedMcpEmulatorRuntime runtime) {
            assertSame(first, runtime.getEmulator(), "one emulator for the class");
            assertTrue(offsetFromWallTime(runtime).toMinutes() < 1, "the clock is back to wall time");
            assertEquals(0, runtime.getEmulator().sessions().size(), "sessions are dropped");
        }
    }

    @Test
    void perClassEmulatorIsResetBeforeEachTestAndClosedAfterTheClass() {
        assertAllPassed(run(ResetBetweenTests.class), 2);
        assertTrue(!listening(ResetBetweenTests.port), "closed after the class");
    }

    // ---- opting out of the reset ------------------------------------------------------------------------

    @EnabledIf("dev.sfmcp.emulator.junit.ExtensionLifecycleTest#launchedByThisTest")
    @HostedMcpEmulatorTest(resetOnEachTest = false)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class KeepStateBetweenTests {
        @Test
        @Order(1)
        void movesTheClock(HostedMcpEmulatorRuntime runtime) {
            runtime.advanceClock(Duration.ofDays(5));
        }

        @Test
        @Order(2)
        void seesTheMovedClock(HostedMcpEmulatorRuntime runtime) {
            assertTrue(offsetFromWallTime(runtime).toDays() >= 4, "state kept: " + offsetFromWallTime(runtime));
        }
    }

    @Test
    void resetOnEachTestFalseKeepsState() {
        assertAllPassed(run(KeepStateBetweenTests.class), 2);
    }

    // ---- one emulator per method ------------------------------------------------------------------------

    @EnabledIf("dev.sfmcp.emulator.junit.ExtensionLifecycleTest#launchedByThisTest")
    @HostedMcpEmulatorTest(lifecycle = Lifecycle.PER_METHOD)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FreshEmulatorPerMethod {
        static Emulator first;
        static Emulator second;
        static int firstPort;
        static int secondPort;

        @Test
        @Order(1)
        void one(Emulator emulator) {
            first = emulator;
            firstPort = emulator.port();
        }

        @Test
        @Order(2)
        void two(Emulator emulator) {
            second = emulator;
            secondPort = emulator.port();
            assertTrue(!listening(firstPort) || firstPort == secondPort, "the first test's emulator is closed");
        }
    }

    @Test
    void perMethodStartsAFreshEmulatorForEachTest() {
        assertAllPassed(run(FreshEmulatorPerMethod.class), 2);
        assertNotSame(FreshEmulatorPerMethod.first, FreshEmulatorPerMethod.second);
        assertTrue(!listening(FreshEmulatorPerMethod.secondPort), "closed after its test");
    }

    @EnabledIf("dev.sfmcp.emulator.junit.ExtensionLifecycleTest#launchedByThisTest")
    @HostedMcpEmulatorTest(lifecycle = Lifecycle.PER_METHOD)
    static class PerMethodConstructorInjection {
        PerMethodConstructorInjection(HostedMcpEmulatorRuntime runtime) {
        }

        @Test
        void neverRuns() {
        }
    }

    @Test
    void perMethodRefusesConstructorInjectionWithAReason() {
        EngineExecutionResults results = run(PerMethodConstructorInjection.class);
        String failure = results.allEvents().failed().stream().map(ExtensionLifecycleTest::describe).findFirst().orElse("");
        assertTrue(failure.contains("with Lifecycle.PER_METHOD inject into test methods, not constructors"), failure);
    }

    // ---- an instance field registration -------------------------------------------------------------------

    @EnabledIf("dev.sfmcp.emulator.junit.ExtensionLifecycleTest#launchedByThisTest")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InstanceFieldRegistration {
        static int firstPort;
        static int secondPort;

        @RegisterExtension
        final HostedMcpEmulatorExtension salesforce = HostedMcpEmulatorExtension.newInstance().build();

        @Test
        @Order(1)
        void one(HostedMcpEmulatorRuntime runtime) {
            firstPort = runtime.getPort();
        }

        @Test
        @Order(2)
        void two(HostedMcpEmulatorRuntime runtime) {
            secondPort = runtime.getPort();
        }
    }

    @Test
    void anInstanceFieldGetsAFreshEmulatorForEachTest() {
        assertAllPassed(run(InstanceFieldRegistration.class), 2);
        assertNotEquals(InstanceFieldRegistration.firstPort, InstanceFieldRegistration.secondPort);
        assertTrue(!listening(InstanceFieldRegistration.firstPort), "the first test's emulator is closed");
        assertTrue(!listening(InstanceFieldRegistration.secondPort), "the second test's emulator is closed");
    }

    // ---- configuration mistakes -------------------------------------------------------------------------

    @EnabledIf("dev.sfmcp.emulator.junit.ExtensionLifecycleTest#launchedByThisTest")
    @HostedMcpEmulatorTest(options = "no-such-option=1")
    static class UnknownOption {
        @Test
        void neverRuns() {
        }
    }

    @EnabledIf("dev.sfmcp.emulator.junit.ExtensionLifecycleTest#launchedByThisTest")
    @HostedMcpEmulatorTest(options = "catalog")
    static class OptionWithoutValue {
        @Test
        void neverRuns() {
        }
    }

    @Test
    void configurationMistakesFailTheClassWithAClearMessage() {
        String unknown = run(UnknownOption.class).allEvents().failed().stream().map(ExtensionLifecycleTest::describe)
                .findFirst().orElse("");
        assertTrue(unknown.contains("the emulator has no option 'no-such-option'"), unknown);
        String noValue = run(OptionWithoutValue.class).allEvents().failed().stream().map(ExtensionLifecycleTest::describe)
                .findFirst().orElse("");
        assertTrue(noValue.contains("must be written name=value"), noValue);
    }

    @Test
    void theRuntimeIsUnavailableBeforeTheExtensionStarts() {
        HostedMcpEmulatorExtension extension = HostedMcpEmulatorExtension.newInstance().build();
        IllegalStateException e = assertThrows(IllegalStateException.class, extension::getRuntime);
        assertNotEquals("", e.getMessage());
    }
}
