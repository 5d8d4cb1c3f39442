package dev.sfmcp.emulator.junit;

import dev.sfmcp.client.EmulatorAdminClient;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Issue 8's in-process figures, in a fresh JVM: the first start of the emulator as the JUnit extension does it
 * (cold: class loading included) until health answers, later starts (warm: what each test pays with
 * {@link Lifecycle#PER_METHOD}), and the extension's reset between tests. Run with
 * {@code mvn -Pbench -pl emulator -am verify}.
 */
public final class InProcessStartupBenchmark {

    private InProcessStartupBenchmark() {
    }

    public static void main(String[] args) {
        EmulatorConfig config = EmulatorConfig.defaults().with(Option.HOST, "127.0.0.1").with(Option.PORT, "0");
        System.out.println("== In-process start (JUnit extension path), " + Runtime.getRuntime().availableProcessors() + " cores");
        long cpuBefore = processCpuNanos();
        long cold = startToHealthy(config);
        long cpu = processCpuNanos() - cpuBefore;
        // CPU time beside wall time: on a shared machine the wall time mostly measures the other tenants.
        System.out.printf("first start to healthy (cold JVM): %.1f ms wall, %.1f ms CPU (all threads), load average %.1f%n",
                cold / 1e6, cpu / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            warm.add(startToHealthy(config));
        }
        System.out.printf("later starts to healthy (per-method lifecycle): median %.1f ms, max %.1f ms over %d%n",
                median(warm) / 1e6, Collections.max(warm) / 1e6, warm.size());
        try (Emulator emulator = new Emulator(config).start()) {
            HostedMcpEmulatorRuntime runtime = new HostedMcpEmulatorRuntime(emulator, HostedMcpEmulatorRuntime.OAuthClient.DEMO);
            List<Long> resets = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long started = System.nanoTime();
                runtime.reset();
                resets.add(System.nanoTime() - started);
            }
            System.out.printf("reset between tests: median %.3f ms, max %.3f ms over %d (clock + sessions; org reset "
                    + "joins when POST /_emulator/reset exists)%n", median(resets) / 1e6, Collections.max(resets) / 1e6, resets.size());
        }
    }

    private static long startToHealthy(EmulatorConfig config) {
        long started = System.nanoTime();
        try (Emulator emulator = new Emulator(config).start()) {
            new EmulatorAdminClient(emulator.localBaseUrl()).health();
            return System.nanoTime() - started;
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
