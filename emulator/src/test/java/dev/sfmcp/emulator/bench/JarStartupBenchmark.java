package dev.sfmcp.emulator.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Issue 2's start-up figure: the packaged jar started as a process ({@code java -jar target/sfmcp-emulator.jar}), N
 * times per variant, from the process start until {@code /_emulator/health} answers 200 (the emulator answers nothing
 * before its orgs are loaded). Prints min and median wall time and the median CPU time of the process tree (the
 * launching JVM and the tuned one it starts), which, unlike wall time, does not grow with the machine's other load.
 * Variants: with and without the demo org, tuned re-execution on (the default) and off. The first tuned start after a
 * build writes the class-data-sharing archive and is not counted. Run with {@code mvn -Pbench -pl emulator -am verify}.
 */
public final class JarStartupBenchmark {

    private static final int RUNS = 7;

    private JarStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/sfmcp-emulator.jar");
        if (!Files.exists(jar)) {
            System.out.println("startup-bench: " + jar + " not built (run the bench with verify), skipped");
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        System.out.printf("startup-bench: %d runs per variant, %d cores, load average %.1f%n", RUNS,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        start(http, jar, List.of()); // trains the class-data-sharing archive of this build (if it is not there yet)
        for (List<String> variant : List.of(List.<String>of(), List.of("--demo=false"), List.of("--tuned-jvm=false"),
                List.of("--tuned-jvm=false", "--demo=false"))) {
            List<Long> wall = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                long[] figures = start(http, jar, variant);
                wall.add(figures[0]);
                cpu.add(figures[1]);
            }
            Collections.sort(wall);
            Collections.sort(cpu);
            System.out.printf("startup-bench: java -jar %-34s to ready: min %5d ms, median %5d ms wall; median %5d ms CPU "
                    + "(target < 1100 ms wall)%n", String.join(" ", variant).isEmpty() ? "(demo org, tuned JVM)" : String.join(" ", variant),
                    wall.get(0), wall.get(RUNS / 2), cpu.get(RUNS / 2));
        }
    }

    /** One start: {wall ms, CPU ms of the process tree} until health answers 200. */
    private static long[] start(HttpClient http, Path jar, List<String> options) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", String.valueOf(port)));
        command.addAll(options);
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health")).build();
            while (true) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet: poll again in 5 ms (a busy retry loop took one of the two cores from the start
                    // it measures; once Jetty listens, the request itself waits for the orgs, so the figure stays exact)
                    Thread.sleep(5);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the jar exited with status " + process.exitValue() + ": " + command);
                }
                if (System.nanoTime() - t0 > 60_000_000_000L) {
                    throw new IllegalStateException("the jar was not ready in 60 s: " + command);
                }
            }
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long cpu = cpuMillis(process.toHandle());
            for (ProcessHandle child : process.toHandle().descendants().toList()) {
                cpu += cpuMillis(child);
            }
            return new long[] {wall, cpu};
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }
}
