package dev.sfmcp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small client of the emulator's admin API ({@code /_emulator/...}): health, clock, reset, API usage and the event
 * log. Every unexpected answer becomes an {@link EmulatorRequestException} that names what the emulator said.
 */
public final class EmulatorAdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * A client of the emulator at a base URL.
     *
     * @param baseUrl the emulator's base URL, e.g. {@code http://localhost:32768}
     */
    public EmulatorAdminClient(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /**
     * A client that sends its requests through a given {@link HttpClient}.
     *
     * @param baseUrl the emulator's base URL
     * @param http    the HTTP client to use
     */
    public EmulatorAdminClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
    }

    /** @return the base URL this client talks to, without a trailing slash */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * {@code GET /_emulator/health}.
     *
     * @return the health document ({@code status}, {@code version}, ...)
     */
    public JsonNode health() {
        return send("GET", "/_emulator/health", null);
    }

    /**
     * {@code GET /_emulator/clock}.
     *
     * @return the emulator's current time and whether it is frozen
     */
    public ClockState clock() {
        return clockState(send("GET", "/_emulator/clock", null));
    }

    /**
     * Moves the emulator's clock forward (or back, with a negative duration), whether it runs or is frozen: token
     * expiry, session idle time, quotas and delays all follow.
     *
     * @param by how far to move
     * @return the clock after the move
     */
    public ClockState advanceClock(Duration by) {
        ObjectNode body = json.createObjectNode().put("duration", by.toString());
        return clockState(send("POST", "/_emulator/clock/advance", body));
    }

    /**
     * Sets the emulator's clock to an instant, and freezes or unfreezes it.
     *
     * @param now    the new current time
     * @param frozen whether time should stand still from there
     * @return the clock after the change
     */
    public ClockState setClock(Instant now, boolean frozen) {
        ObjectNode body = json.createObjectNode().put("now", now.toString()).put("frozen", frozen);
        return clockState(send("PUT", "/_emulator/clock", body));
    }

    /**
     * Stops time at the current instant until {@link #unfreezeClock()}.
     *
     * @return the frozen clock
     */
    public ClockState freezeClock() {
        return clockState(send("POST", "/_emulator/clock/freeze", json.createObjectNode()));
    }

    /**
     * Lets time run again from where it stood.
     *
     * @return the running clock
     */
    public ClockState unfreezeClock() {
        return clockState(send("POST", "/_emulator/clock/unfreeze", json.createObjectNode()));
    }

    /**
     * {@code POST /_emulator/reset}: every org back to its loaded fixture state, tokens and sessions dropped, quotas
     * refilled and the clock back to wall time.
     */
    public void reset() {
        send("POST", "/_emulator/reset", json.createObjectNode());
    }

    /**
     * {@code GET /_emulator/orgs/{org}/limits}: the org's daily API request allowance and what is left of it.
     *
     * @param org the org's My Domain name or Id
     * @return the {@code DailyApiRequests} figures and the whole limits document
     */
    public ApiUsage apiUsage(String org) {
        JsonNode limits = send("GET", "/_emulator/orgs/" + encode(org) + "/limits", null);
        JsonNode daily = limits.path("DailyApiRequests");
        if (!daily.path("Max").isNumber() || !daily.path("Remaining").isNumber()) {
            throw new EmulatorRequestException("the limits of org '" + org + "' carry no DailyApiRequests Max/Remaining: "
                    + limits, null);
        }
        return new ApiUsage(daily.get("Max").asLong(), daily.get("Remaining").asLong(), limits);
    }

    /**
     * The org's {@code ApiTotalUsage} event log for the emulator's current day (UTC).
     *
     * @param org the org's My Domain name or Id
     * @return one map per row, keyed by the CSV header (e.g. {@code API_FAMILY}, {@code URI}, {@code STATUS_CODE})
     */
    public List<Map<String, String>> eventLog(String org) {
        return eventLog(org, LocalDate.ofInstant(clock().now(), ZoneOffset.UTC));
    }

    /**
     * The org's {@code ApiTotalUsage} event log for one day:
     * {@code GET /_emulator/orgs/{org}/event-log-files/ApiTotalUsage?date=YYYY-MM-DD}.
     *
     * @param org  the org's My Domain name or Id
     * @param date the log date
     * @return one map per row, keyed by the CSV header
     */
    public List<Map<String, String>> eventLog(String org, LocalDate date) {
        String path = "/_emulator/orgs/" + encode(org) + "/event-log-files/ApiTotalUsage?date=" + date;
        HttpResponse<String> response = exchange("GET", path, null, "text/csv, application/json");
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json")) {
            List<Map<String, String>> rows = new ArrayList<>();
            JsonNode node = readJson("GET", path, response.body());
            JsonNode records = node.isArray() ? node : node.path("records");
            for (JsonNode record : records) {
                Map<String, String> row = new LinkedHashMap<>();
                record.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().asText()));
                rows.add(row);
            }
            return rows;
        }
        return EventLogCsv.parse(response.body());
    }

    private ClockState clockState(JsonNode node) {
        return new ClockState(Instant.parse(node.path("now").asText()), node.path("frozen").asBoolean());
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpResponse<String> response = exchange(method, path, body, "application/json");
        return readJson(method, path, response.body());
    }

    private JsonNode readJson(String method, String path, String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new EmulatorRequestException(method + " " + path + " answered a body that is not JSON: " + body, e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, JsonNode body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EmulatorRequestException(method + " " + path + " failed: the emulator at " + baseUrl
                    + " did not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorRequestException(method + " " + path + " was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new EmulatorRequestException(method, path, response.statusCode(), response.body());
        }
        return response;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
