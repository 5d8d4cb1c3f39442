package dev.sfmcp.emulator.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.oauth.AccessTokenVerifier;
import dev.sfmcp.emulator.oauth.GatewayAuthenticator;
import dev.sfmcp.emulator.oauth.OAuthGatewayAuthenticator;
import dev.sfmcp.emulator.oauth.Principal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth load driver of the {@code bench} profile ({@code mvn -Pbench -pl emulator -am verify}). Prints:
 * token verification cost per MCP call (cached, target under 20 µs amortized; and the first, uncached RSA
 * verification), the raw RS256 signature rate with the org's key (the exchange rate's ceiling), the
 * authorization-code exchange rate with 32 concurrent clients over HTTP (target at least 2,400 exchanges/s at the token
 * endpoint), plus the full authorize + token rate.
 */
public final class OAuthBenchmark {

    private static final int CLIENTS = 32;
    private static final String REDIRECT = "http://localhost:8765/callback";
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private OAuthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (String bits : new String[] {"2048", "1024"}) {
            try (Emulator emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.AUTO_LOGIN, "true")
                    .with(Option.HOST, "127.0.0.1").with(Option.SIGNING_KEY_BITS, bits)).start()) {
                System.out.printf("oauth-bench: --- RS256 with %s-bit org keys (%s) ---%n", bits,
                        bits.equals("2048") ? "the default, as Salesforce's" : "--signing-key-bits 1024, for load tests");
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                        .executor(Executors.newFixedThreadPool(4)).build();
                String base = emulator.localBaseUrl();
                verification(emulator, http, base);
                signatureCeiling(emulator);
                exchanges(http, base, emulator.port());
            }
        }
        System.exit(0); // the HTTP client's pool threads would keep exec:java waiting
    }

    private static void verification(Emulator emulator, HttpClient http, String base) throws Exception {
        GatewayAuthenticator authenticator = emulator.authorizationServer().gatewayAuthenticator();
        McpEndpoint endpoint = McpPathParser.parse("/platform/mcp/v1/platform/sobject-reads").endpoint();
        int distinct = 2_000;
        List<String> headers = new ArrayList<>();
        for (String code : codes(http, base, distinct * 2)) {
            headers.add("Bearer " + exchange(http, base, code).token());
        }
        // a verifier with an empty cache: the server's own one already trusts the tokens it just issued
        GatewayAuthenticator cold = new OAuthGatewayAuthenticator(emulator.orgs(),
                new AccessTokenVerifier(emulator.clock(), emulator.orgs(), emulator.authorizationServer().tokens()));
        for (String header : headers.subList(distinct, 2 * distinct)) { // warms the RSA code paths
            consume(cold.authenticate(endpoint, header));
        }
        headers = headers.subList(0, distinct);
        long start = System.nanoTime();
        for (String header : headers) {
            consume(cold.authenticate(endpoint, header));
        }
        double firstMicros = (System.nanoTime() - start) / 1_000.0 / distinct;
        int calls = 2_000_000;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                // a fresh header string per call, as each HTTP request brings its own
                consume(authenticator.authenticate(endpoint, new String(headers.get(i % distinct))));
            }
        }
        double cachedMicros = (System.nanoTime() - start) / 1_000.0 / calls;
        System.out.printf("oauth-bench: token verification, first sight of a token (RS256 verify): %.1f µs/call over %d tokens%n",
                firstMicros, distinct);
        System.out.printf("oauth-bench: token verification per MCP call, cached (target < 20 µs): %.3f µs/call over %d calls%n",
                cachedMicros, calls);
    }

    private static volatile Object sink;

    private static void consume(Principal p) {
        sink = p;
    }

    private record Pkce(String verifier, String challenge) {
        static Pkce create() throws Exception {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
    }

    private record Code(String code, String verifier) {
    }

    private record Tokens(int status, String token) {
    }

    private static final Pkce SHARED = sharedPkce();

    private static Pkce sharedPkce() {
        try {
            return Pkce.create();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Code authorize(HttpClient http, String base) throws Exception {
        String query = "response_type=code&client_id=sfmcp-demo-client&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge=" + SHARED.challenge() + "&code_challenge_method=S256&scope=mcp_api%20refresh_token"
                + "&state=s&login_hint=rep%40acme.example";
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login/services/oauth2/authorize?" + query)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        Matcher m = CODE.matcher(r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no redirect: " + r.statusCode())));
        if (!m.find()) {
            throw new IllegalStateException("no code in " + r.headers().firstValue("Location"));
        }
        return new Code(java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), SHARED.verifier());
    }

    private static List<String> codes(HttpClient http, String base, int n) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(authorize(http, base).code());
        }
        return out;
    }

    private static Tokens exchange(HttpClient http, String base, String code) throws Exception {
        String form = "grant_type=authorization_code&client_id=sfmcp-demo-client&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_verifier=" + SHARED.verifier() + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        int at = r.body().indexOf("\"access_token\":\"");
        return new Tokens(r.statusCode(), at < 0 ? null : r.body().substring(at + 16, r.body().indexOf('"', at + 16)));
    }

    private static void exchanges(HttpClient http, String base, int port) throws Exception {
        int perClient = 150;
        String form = "grant_type=authorization_code&client_id=sfmcp-demo-client&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_verifier=" + SHARED.verifier() + "&code=";
        for (int round = 0; round < 2; round++) { // the first round warms up
            // the codes come from authorize beforehand (not timed); each client then redeems its own, back to back, on a
            // keep-alive socket of a lean driver, so that the machine's two cores go to the server, not to the client
            List<String> codes = codes(http, base, CLIENTS * perClient);
            List<List<byte[]>> requests = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                List<byte[]> mine = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    mine.add(HttpLoad.post("/login/services/oauth2/token", "127.0.0.1:" + port,
                            form + URLEncoder.encode(codes.get(c * perClient + i), StandardCharsets.UTF_8),
                            "Content-Type: application/x-www-form-urlencoded"));
                }
                requests.add(mine);
            }
            HttpLoad.Result result = HttpLoad.runEach("token exchanges", "127.0.0.1", port, requests);
            if (round == 1) {
                System.out.printf("oauth-bench: authorization-code exchanges at the token endpoint, %d concurrent clients "
                        + "(target >= 2,400/s): %.0f exchanges/s, p50 %.1f ms, p99 %.1f ms%n", CLIENTS, result.rate(),
                        result.p50Micros() / 1000, result.p99Micros() / 1000);
            }
        }
        double full = concurrently(perClient, (client, i) -> exchange(http, base, authorize(http, base).code()).status() == 200);
        System.out.printf("oauth-bench: full flow (authorize with auto-login + PKCE token exchange, JDK HttpClient), %d concurrent "
                + "clients: %.0f flows/s%n", CLIENTS, full);
    }

    /**
     * The ceiling of the exchange rate: every exchange signs one RS256 access token, as Salesforce's does, and nothing
     * else in it costs nearly as much. Raw signatures per second with the org's own key and signer, on 1 thread, on
     * as many threads as the machine has cores and on as many as there are clients, measured in the same run as the
     * exchanges.
     */
    private static void signatureCeiling(Emulator emulator) throws Exception {
        RSAKey key = emulator.orgs().byMyDomain("acme").orElseThrow().signingKey();
        JWSSigner signer = new RSASSASigner(key, true);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
        byte[] input = new byte[700]; // about a Salesforce access token's header and claims, base64url-encoded
        java.util.Arrays.fill(input, (byte) 'x');
        for (int i = 0; i < 1_000; i++) {
            signer.sign(header, input);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder line = new StringBuilder();
        // also at the exchange run's concurrency: on a shared machine a process's share of the CPU grows with its
        // runnable threads, so only the same thread count makes the ceiling comparable with the exchange rate
        for (int threads : new int[] {1, cores, CLIENTS}) {
            AtomicInteger signed = new AtomicInteger();
            long end = System.nanoTime() + 2_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        signer.sign(header, input);
                        signed.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            line.append(String.format("%s%d thread%s %.0f/s", line.length() == 0 ? "" : ", ", threads, threads == 1 ? "" : "s",
                    signed.get() / ((System.nanoTime() - start) / 1e9)));
        }
        System.out.printf("oauth-bench: raw RS256 signatures with the org's %d-bit key (the exchange rate's ceiling: one per "
                + "exchange), %d cores: %s%n", key.size(), cores, line);
    }

    private interface Step {
        boolean run(int client, int i) throws Exception;
    }

    private static double concurrently(int perClient, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    if (!step.run(client, i)) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " exchanges failed");
        }
        return CLIENTS * perClient / seconds;
    }
}
