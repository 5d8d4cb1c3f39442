package dev.sfmcp.emulator.bench;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 2's benchmark: ping and tools/list over HTTP with 32 concurrent clients, beside a bare Javalin endpoint that
 * returns a fixed body of the same size (the framework's ceiling); the jar's startup-to-ready time is
 * {@link JarStartupBenchmark}'s.
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

    private static byte[] mcp(String path, String host, String session, String body) {
        return HttpLoad.post(path, host, body, "Content-Type: application/json", "Accept: application/json, text/event-stream",
                "Mcp-Session-Id: " + session, "MCP-Protocol-Version: 2025-11-25");
    }
}
