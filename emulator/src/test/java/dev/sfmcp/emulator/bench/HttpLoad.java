package dev.sfmcp.emulator.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * A minimal closed-loop HTTP/1.1 load driver for benchmarks: N clients, each on its own keep-alive socket, send
 * pre-built requests back to back for a fixed time and record each latency. The same driver measures the emulator
 * and the bare-framework ceiling, so their ratio is fair. Loopback only.
 */
final class HttpLoad {

    /** Figures of one run. */
    record Result(String name, long requests, double seconds, double p50Micros, double p99Micros, int responseBytes) {
        double rate() {
            return requests / seconds;
        }

        String line() {
            return String.format("%-34s %9.0f req/s   p50 %7.0f µs   p99 %7.0f µs   (%d requests, %d-byte responses)",
                    name, rate(), p50Micros, p99Micros, requests, responseBytes);
        }
    }

    private HttpLoad() {
    }

    /**
     * Runs {@code clients} clients for {@code seconds} after a warm-up; {@code requestFor} builds each client's raw
     * request bytes (it may differ per client, e.g. a session header).
     */
    static Result run(String name, String host, int port, int clients, double warmupSeconds, double seconds,
                      IntFunction<byte[]> requestFor) throws Exception {
        runPhase(host, port, clients, warmupSeconds, requestFor, null);
        List<long[]> samples = new ArrayList<>();
        int[] bytes = new int[1];
        long started = System.nanoTime();
        long total = runPhase(host, port, clients, seconds, requestFor, lat -> {
            synchronized (samples) {
                samples.add(lat);
            }
        }, bytes);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return new Result(name, total, elapsed, pct(all, 0.50) / 1000.0, pct(all, 0.99) / 1000.0, bytes[0]);
    }

    private static long runPhase(String host, int port, int clients, double seconds, IntFunction<byte[]> requestFor,
                                 java.util.function.Consumer<long[]> sink) throws Exception {
        return runPhase(host, port, clients, seconds, requestFor, sink, new int[1]);
    }

    private static long runPhase(String host, int port, int clients, double seconds, IntFunction<byte[]> requestFor,
                                 java.util.function.Consumer<long[]> sink, int[] responseBytes) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(clients);
        long[] counts = new long[clients];
        Throwable[] failure = new Throwable[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] lat = new long[2_000_000];
                int n = 0;
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                    byte[] request = requestFor.apply(client);
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        out.write(request);
                        out.flush();
                        int size = readResponse(in);
                        if (n < lat.length) {
                            lat[n] = System.nanoTime() - t0;
                        }
                        n++;
                        responseBytes[0] = size;
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                } finally {
                    counts[client] = n;
                    if (sink != null) {
                        sink.accept(Arrays.copyOf(lat, Math.min(n, lat.length)));
                    }
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        done.await();
        if (failure[0] != null) {
            throw new IllegalStateException("a load client failed", failure[0]);
        }
        return Arrays.stream(counts).sum();
    }

    /**
     * Sends each client's own list of requests once, back to back on one keep-alive socket per client (requests that
     * cannot be repeated, e.g. each redeeming another authorization code), all clients at once; fails on any non-2xx.
     */
    static Result runEach(String name, String host, int port, List<List<byte[]>> requestsPerClient) throws Exception {
        int clients = requestsPerClient.size();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[][] latencies = new long[clients][];
        int[] bytes = new int[1];
        Throwable[] failure = new Throwable[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                List<byte[]> mine = requestsPerClient.get(client);
                long[] lat = new long[mine.size()];
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < mine.size(); i++) {
                        long t0 = System.nanoTime();
                        out.write(mine.get(i));
                        out.flush();
                        bytes[0] = readResponse(in);
                        lat[i] = System.nanoTime() - t0;
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                    ready.countDown();
                } finally {
                    latencies[client] = lat;
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failure[0] != null) {
            throw new IllegalStateException("a load client failed", failure[0]);
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, all.length, elapsed, pct(all, 0.50) / 1000.0, pct(all, 0.99) / 1000.0, bytes[0]);
    }

    /** Reads one response (status line, headers, Content-Length body); answers the body size. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int contentLength = 0;
        boolean first = true;
        while (true) {
            line.setLength(0);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (line.length() == 0) {
                break;
            }
            if (first) {
                first = false;
                if (!line.toString().startsWith("HTTP/1.1 2")) {
                    throw new IOException("unexpected status: " + line);
                }
            } else if (line.toString().regionMatches(true, 0, "content-length:", 0, 15)) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(contentLength);
        if (body.length != contentLength) {
            throw new IOException("short body");
        }
        return contentLength;
    }

    static byte[] post(String path, String host, String body, String... headers) {
        StringBuilder request = new StringBuilder();
        request.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        return (request + body).getBytes(StandardCharsets.UTF_8);
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
