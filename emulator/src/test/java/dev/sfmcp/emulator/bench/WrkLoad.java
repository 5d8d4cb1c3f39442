package dev.sfmcp.emulator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a loopback endpoint with {@code wrk} (Debian's package), a native load generator, so the server under test
 * does not share its CPU with a Java driver. Answers null when wrk is not installed.
 */
final class WrkLoad {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("\\s(50|99)%\\s+([0-9.]+)(us|ms|s)");

    /** wrk's threads: one per core of this 2-core machine. */
    static final int THREADS = 2;

    private WrkLoad() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** POSTs {@code body} with {@code headers} over {@code connections} connections: a warm-up run, then the measured run. */
    static HttpLoad.Result run(String name, String url, String body, Map<String, String> headers, int connections,
                               double seconds, int responseBytes) throws Exception {
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = [==[").append(body).append("]==]\n");
        headers.forEach((k, v) -> lua.append("wrk.headers[\"").append(k).append("\"] = \"").append(v).append("\"\n"));
        return measure(name, url, lua.toString(), connections, 4, seconds, responseBytes);
    }

    /**
     * POSTs per-client requests (each its own headers and body, e.g. its own token and MCP session): each of wrk's
     * {@value #THREADS} threads cycles through its share of the clients, request by request.
     */
    static HttpLoad.Result run(String name, String url, List<Map<String, String>> clientHeaders, List<String> clientBodies,
                               int connections, double warmupSeconds, double seconds, int responseBytes) throws Exception {
        if (clientHeaders.size() != clientBodies.size() || clientHeaders.size() % THREADS != 0) {
            throw new IllegalArgumentException("one header set and one body per client, a multiple of " + THREADS + " clients");
        }
        StringBuilder lua = new StringBuilder("local clients = {\n");
        for (int i = 0; i < clientHeaders.size(); i++) {
            lua.append("  {h = {");
            clientHeaders.get(i).forEach((k, v) -> lua.append("[\"").append(k).append("\"] = \"").append(v).append("\", "));
            lua.append("}, b = [==[").append(clientBodies.get(i)).append("]==]},\n");
        }
        lua.append("""
                }
                local threads = 0
                function setup(thread)
                  thread:set("tid", threads)
                  threads = threads + 1
                end
                local requests = {}
                local n = 0
                function init(args)
                  local per = #clients / %d
                  for i = 1, per do
                    local c = clients[tid * per + i]
                    requests[i] = wrk.format("POST", nil, c.h, c.b)
                  end
                end
                function request()
                  n = n + 1
                  if n > #requests then n = 1 end
                  return requests[n]
                end
                """.formatted(THREADS));
        return measure(name, url, lua.toString(), connections, warmupSeconds, seconds, responseBytes);
    }

    private static HttpLoad.Result measure(String name, String url, String lua, int connections, double warmupSeconds,
                                           double seconds, int responseBytes) throws Exception {
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(script, lua);
        try {
            if (warmupSeconds > 0) {
                wrk(url, script, connections, (int) Math.ceil(warmupSeconds));
            }
            String out = wrk(url, script, connections, (int) Math.ceil(seconds));
            if (out.contains("Non-2xx")) {
                throw new IllegalStateException("wrk saw error responses from " + url + ":\n" + out);
            }
            Matcher rate = RATE.matcher(out);
            if (!rate.find()) {
                throw new IllegalStateException("cannot read wrk's output:\n" + out);
            }
            double p50 = 0;
            double p99 = 0;
            Matcher lat = LATENCY.matcher(out);
            while (lat.find()) {
                double v = Double.parseDouble(lat.group(2)) * switch (lat.group(3)) {
                    case "us" -> 1;
                    case "ms" -> 1000;
                    default -> 1_000_000;
                };
                if (lat.group(1).equals("50")) {
                    p50 = v;
                } else {
                    p99 = v;
                }
            }
            double rps = Double.parseDouble(rate.group(1));
            return new HttpLoad.Result(name + " [wrk]", Math.round(rps * Math.ceil(seconds)), Math.ceil(seconds), p50, p99, responseBytes);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String wrk(String url, Path script, int connections, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return out;
    }
}
