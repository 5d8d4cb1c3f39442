package dev.sfmcp.emulator.bench;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 2's benchmark: ping and tools/list over HTTP with 32 concurrent clients, beside a bare Javalin endpoint that
 * returns a fixed body of the same size (the framework's ceiling), and the jar's startup-to-ready time.
 * Run with {@code mvn -Pbench -pl emulator -am verify}.
 */
public final class TransportBenchmark {

    static final int CLIENTS = 32;

    private TransportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "8"));
        System.out.println("== Transport benchmark: " + CLIENTS + " concurrent keep-alive clients, " + seconds + " s per run, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        try (Emulator emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.NO_AUTH, "true")).start()) {
            String path = "/platform/mcp/v1/platform/sobject-all";
            String host = "127.0.0.1:" + emulator.port();
            List<String> sessions = new ArrayList<>();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < CLIENTS; i++) {
                HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create(emulator.localBaseUrl() + path))
                        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                sessions.add(init.headers().firstValue("Mcp-Session-Id").orElseThrow());
            }
            HttpLoad.Result ping = HttpLoad.run("MCP ping", "127.0.0.1", emulator.port(), CLIENTS, 3, seconds,
                    c -> mcp(path, host, sessions.get(c), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
            HttpLoad.Result list = HttpLoad.run("MCP tools/list (sobject-all)", "127.0.0.1", emulator.port(), CLIENTS, 3, seconds,
                    c -> mcp(path, host, sessions.get(c), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"));
            String fixed = "x".repeat(list.responseBytes());
            Javalin bare = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.routes.post("/bare", ctx -> ctx.contentType("application/json").result(fixed));
            }).start("127.0.0.1", 0);
            try {
                HttpLoad.Result ceiling = HttpLoad.run("bare Javalin, same body size", "127.0.0.1", bare.port(), CLIENTS, 3, seconds,
                        c -> HttpLoad.post("/bare", "127.0.0.1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                                "Content-Type: application/json"));
                System.out.println(ping.line());
                System.out.println(list.line());
                System.out.println(ceiling.line());
                System.out.printf("tools/list / bare Javalin = %.0f %% (target >= 40 %%), tools/list p99 %.2f ms (target < 10 ms)%n",
                        100 * list.rate() / ceiling.rate(), list.p99Micros() / 1000);
            } finally {
                bare.stop();
            }
            // after the in-JVM runs, so that both servers are warm: wrk's figures are the fair ones on 2 cores
            if (WrkLoad.available()) {
                wrkFigures(emulator, path, sessions.get(0), seconds);
            } else {
                System.out.println("(wrk is not installed: apt-get install wrk for figures from a native driver; the in-JVM"
                        + " driver above shares the 2 cores with the server)");
            }
        }
        startup();
    }

    /** The same load from wrk, beside a bare Javalin endpoint returning a body of the same size. */
    static void wrkFigures(Emulator emulator, String path, String session, double seconds) throws Exception {
        java.util.Map<String, String> headers = java.util.Map.of("Content-Type", "application/json",
                "Accept", "application/json, text/event-stream", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        String url = emulator.localBaseUrl() + path;
        int size = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .headers("Content-Type", "application/json", "Accept", "application/json, text/event-stream", "Mcp-Session-Id", session)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body().length;
        HttpLoad.Result ping = WrkLoad.run("MCP ping", url, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", headers, CLIENTS, seconds, 36);
        HttpLoad.Result list = WrkLoad.run("MCP tools/list (sobject-all)", url, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", headers, CLIENTS, seconds, size);
        String fixed = "x".repeat(size);
        Javalin bare = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/bare", ctx -> ctx.contentType("application/json").result(fixed));
        }).start("127.0.0.1", 0);
        try {
            HttpLoad.Result ceiling = WrkLoad.run("bare Javalin, same body size", "http://127.0.0.1:" + bare.port() + "/bare",
                    "{}", java.util.Map.of("Content-Type", "application/json"), CLIENTS, seconds, size);
            System.out.println(ping.line());
            System.out.println(list.line());
            System.out.println(ceiling.line());
            System.out.printf("[wrk] tools/list / bare Javalin = %.0f %% (target >= 40 %%), tools/list p99 %.2f ms (target < 10 ms)%n",
                    100 * list.rate() / ceiling.rate(), list.p99Micros() / 1000);
        } finally {
            bare.stop();
        }
    }

    /** Startup to ready of the packaged jar: process start until /_emulator/health answers 200. */
    static void startup() throws Exception {
        Path jar = Path.of("target", "sfmcp-emulator.jar");
        if (!Files.exists(jar)) {
            System.out.println("startup: target/sfmcp-emulator.jar not built (run the bench with verify), skipped");
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "--port", String.valueOf(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (true) {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health")).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            break;
                        }
                    } catch (java.io.IOException notYet) {
                        Thread.sleep(5);
                    }
                    if (System.nanoTime() - t0 > 30_000_000_000L) {
                        throw new IllegalStateException("the jar did not become ready in 30 s");
                    }
                }
                times.add((System.nanoTime() - t0) / 1_000_000);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
        times.sort(null);
        System.out.println("startup to ready (java -jar, health 200): runs " + times + " ms, median " + times.get(2)
                + " ms (target < 1100 ms)");
    }

    private static byte[] mcp(String path, String host, String session, String body) {
        return HttpLoad.post(path, host, body, "Content-Type: application/json", "Accept: application/json, text/event-stream",
                "Mcp-Session-Id: " + session, "MCP-Protocol-Version: 2025-11-25");
    }
}
