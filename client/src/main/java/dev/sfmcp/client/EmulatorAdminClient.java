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
 * log, users, records as the system and who can see them, OAuth tokens, and loading, exporting and deleting orgs. Every unexpected answer becomes an {@link EmulatorRequestException} that names what the emulator said.
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

    // ---- users ----------------------------------------------------------------------------------------------

    /**
     * {@code GET /_emulator/orgs/{org}/users}.
     *
     * @param org the org's My Domain or Id
     * @return the users: {@code id, username, name, email, profile, role, permissionSets, active, apiEnabled}
     */
    public JsonNode users(String org) {
        return send("GET", orgPath(org) + "/users", null).path("users");
    }

    /**
     * {@code POST /_emulator/orgs/{org}/users}: creates a user who can log in at once (password {@code emulator}
     * unless given).
     *
     * @param org    the org's My Domain or Id
     * @param fields {@code username}, {@code lastName} and {@code profile} at least; {@code role},
     *               {@code permissionSets} (a list), {@code password}, {@code firstName}, {@code email}, ...
     * @return the created user
     */
    public JsonNode createUser(String org, Map<String, ?> fields) {
        return send("POST", orgPath(org) + "/users", json.valueToTree(fields));
    }

    /**
     * Activates or deactivates a user; a deactivated user's tokens are refused at once.
     *
     * @param org      the org's My Domain or Id
     * @param username the user
     * @param active   the new state
     * @return the user
     */
    public JsonNode setUserActive(String org, String username, boolean active) {
        ObjectNode body = json.createObjectNode().put("active", active);
        return send("PATCH", userPath(org, username), body);
    }

    /**
     * Moves a user to another role.
     *
     * @param org      the org's My Domain or Id
     * @param username the user
     * @param roleName the role's name, or null to take the user out of the hierarchy
     * @return the user
     */
    public JsonNode changeRole(String org, String username, String roleName) {
        ObjectNode body = json.createObjectNode();
        if (roleName == null) {
            body.putNull("roleName");
        } else {
            body.put("roleName", roleName);
        }
        return send("PATCH", userPath(org, username), body);
    }

    /**
     * Assigns a permission set.
     *
     * @param org           the org's My Domain or Id
     * @param username      the user
     * @param permissionSet the permission set's API name
     * @return the user
     */
    public JsonNode assignPermissionSet(String org, String username, String permissionSet) {
        return send("POST", userPath(org, username) + "/permission-sets/" + encode(permissionSet), json.createObjectNode());
    }

    /**
     * Removes a permission set assignment.
     *
     * @param org           the org's My Domain or Id
     * @param username      the user
     * @param permissionSet the permission set's API name
     * @return the user
     */
    public JsonNode unassignPermissionSet(String org, String username, String permissionSet) {
        return send("DELETE", userPath(org, username) + "/permission-sets/" + encode(permissionSet), null);
    }

    // ---- records as the system -------------------------------------------------------------------------------

    /**
     * Creates a record as the system, bypassing access (the engine's validation still applies).
     *
     * @param org     the org's My Domain or Id
     * @param sObject the object's API name
     * @param fields  the field values
     * @return the new record's Id
     */
    public String createRecord(String org, String sObject, Map<String, ?> fields) {
        return send("POST", orgPath(org) + "/sobjects/" + encode(sObject), json.valueToTree(fields)).path("id").asText();
    }

    /**
     * Reads a record as the system.
     *
     * @param org     the org's My Domain or Id
     * @param sObject the object's API name
     * @param id      the record Id
     * @return the record with every field
     */
    public JsonNode record(String org, String sObject, String id) {
        return send("GET", recordPath(org, sObject, id), null);
    }

    /**
     * Updates a record as the system.
     *
     * @param org     the org's My Domain or Id
     * @param sObject the object's API name
     * @param id      the record Id
     * @param fields  the field values to change
     */
    public void updateRecord(String org, String sObject, String id, Map<String, ?> fields) {
        send("PATCH", recordPath(org, sObject, id), json.valueToTree(fields));
    }

    /**
     * Deletes a record as the system.
     *
     * @param org     the org's My Domain or Id
     * @param sObject the object's API name
     * @param id      the record Id
     */
    public void deleteRecord(String org, String sObject, String id) {
        send("DELETE", recordPath(org, sObject, id), null);
    }

    /**
     * Runs SOQL as the system (every record, every field).
     *
     * @param org  the org's My Domain or Id
     * @param soql the query
     * @return the REST query result ({@code totalSize, done, records})
     */
    public JsonNode query(String org, String soql) {
        return send("GET", orgPath(org) + "/query?q=" + encode(soql), null);
    }

    /**
     * Who can see a record and why: every active user with their access ({@code NONE, READ, EDIT, ALL}) and the
     * grants that give it.
     *
     * @param org     the org's My Domain or Id
     * @param sObject the object's API name
     * @param id      the record Id
     * @return the {@code users} list
     */
    public JsonNode whoCanAccess(String org, String sObject, String id) {
        return send("GET", recordPath(org, sObject, id) + "/access", null).path("users");
    }

    /**
     * One user's access to a record and why.
     *
     * @param org      the org's My Domain or Id
     * @param sObject  the object's API name
     * @param id       the record Id
     * @param username the user
     * @return {@code access}, {@code why} (grants per level) and {@code shareRows}
     */
    public JsonNode recordAccess(String org, String sObject, String id, String username) {
        return send("GET", recordPath(org, sObject, id) + "/access?user=" + encode(username), null);
    }

    // ---- OAuth usage ---------------------------------------------------------------------------------------

    /**
     * Live OAuth tokens of an org (by id, never by value).
     *
     * @param org  the org's My Domain or Id
     * @param app  only this app's (consumer key), or null
     * @param user only this user's (username), or null
     * @return the tokens: {@code id, kind, app, user, scopes, issued, expires, lastUsed}
     */
    public JsonNode tokens(String org, String app, String user) {
        return send("GET", orgPath(org) + "/oauth/tokens" + query("app", app, "user", user), null).path("tokens");
    }

    /**
     * Revokes one token by its id; the next MCP request with it gets the gateway's 401.
     *
     * @param org     the org's My Domain or Id
     * @param tokenId the id from {@link #tokens}
     */
    public void revokeToken(String org, String tokenId) {
        send("DELETE", orgPath(org) + "/oauth/tokens/" + encode(tokenId), null);
    }

    /**
     * Revokes every token of an app, of a user, or of a user for one app.
     *
     * @param org  the org's My Domain or Id
     * @param app  the consumer key, or null
     * @param user the username, or null (not both null)
     * @return how many grants were revoked
     */
    public int revokeTokens(String org, String app, String user) {
        return send("DELETE", orgPath(org) + "/oauth/tokens" + query("app", app, "user", user), null).path("revokedGrants").asInt();
    }

    // ---- orgs ----------------------------------------------------------------------------------------------

    /**
     * Loads a fixture into a new org (or several); they answer at their My Domain URLs at once.
     *
     * @param fixture the fixture text, YAML (or JSON)
     * @return the new org's summary ({@code myDomain}, {@code id}, ...), or {@code {"orgs": [...]}} for several
     */
    public JsonNode loadOrg(String fixture) {
        boolean isJson = fixture.stripLeading().startsWith("{");
        HttpResponse<String> response = exchange("POST", "/_emulator/orgs",
                HttpRequest.BodyPublishers.ofString(fixture), isJson ? "application/json" : "application/yaml", "application/json");
        return readJson("POST", "/_emulator/orgs", response.body());
    }

    /**
     * Exports an org as a fixture with its records as they are now.
     *
     * @param org    the org's My Domain or Id
     * @param format {@code yaml} or {@code json}
     * @return the fixture text
     */
    public String exportOrg(String org, String format) {
        return exchange("GET", orgPath(org) + "/export?format=" + encode(format), null, "*/*").body();
    }

    /**
     * Deletes an org; its URLs and tokens stop working.
     *
     * @param org the org's My Domain or Id
     */
    public void deleteOrg(String org) {
        send("DELETE", orgPath(org), null);
    }

    private static String orgPath(String org) {
        return "/_emulator/orgs/" + encode(org);
    }

    private static String userPath(String org, String username) {
        return orgPath(org) + "/users/" + encode(username);
    }

    private static String recordPath(String org, String sObject, String id) {
        return orgPath(org) + "/sobjects/" + encode(sObject) + "/" + encode(id);
    }

    private static String query(String name1, String value1, String name2, String value2) {
        StringBuilder q = new StringBuilder();
        if (value1 != null) {
            q.append(q.length() == 0 ? "?" : "&").append(name1).append('=').append(encode(value1));
        }
        if (value2 != null) {
            q.append(q.length() == 0 ? "?" : "&").append(name2).append('=').append(encode(value2));
        }
        return q.toString();
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
        return body == null ? exchange(method, path, null, null, accept)
                : exchange(method, path, HttpRequest.BodyPublishers.ofString(body.toString()), "application/json", accept);
    }

    private HttpResponse<String> exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                                          String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", contentType).method(method, body);
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
