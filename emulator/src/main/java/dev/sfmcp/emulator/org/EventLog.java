package dev.sfmcp.emulator.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An org's API Total Usage events, as Event Monitoring keeps them: listable as JSON and downloadable as the daily CSV
 * event log file. Bounded (the oldest events go first) so that a long load test cannot fill the heap.
 */
public final class EventLog {

    /** Column order used by real ingesters of the file. */
    public static final List<String> COLUMNS = List.of("TIMESTAMP_DERIVED", "EVENT_TYPE", "REQUEST_ID", "ORGANIZATION_ID",
            "USER_ID", "USER_NAME", "API_FAMILY", "API_VERSION", "HTTP_METHOD", "STATUS_CODE", "CLIENT_NAME", "CLIENT_IP",
            "CONNECTED_APP_ID", "CONNECTED_APP_NAME", "API_RESOURCE", "ENTITY_NAME", "COUNTS_AGAINST_API_LIMIT",
            "API_CLIENT_CATEGORY");

    private final int capacity;
    private final java.util.ArrayDeque<ApiUsageEvent> events = new java.util.ArrayDeque<>();

    public EventLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void record(ApiUsageEvent event) {
        if (events.size() >= capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** The events of one UTC day (the daily file's interval), oldest first. */
    public synchronized List<ApiUsageEvent> day(LocalDate date) {
        List<ApiUsageEvent> out = new ArrayList<>();
        for (ApiUsageEvent e : events) {
            if (LocalDate.ofInstant(e.timestamp(), ZoneOffset.UTC).equals(date)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every event kept, oldest first. */
    public synchronized List<ApiUsageEvent> all() {
        return List.copyOf(events);
    }

    /** The days that have events, as the EventLogFile list would show them. */
    public synchronized List<LocalDate> days() {
        return events.stream().map(e -> LocalDate.ofInstant(e.timestamp(), ZoneOffset.UTC)).distinct().sorted().toList();
    }

    public synchronized void clear() {
        events.clear();
    }

    /** The daily CSV file: a header of {@link #COLUMNS}, then one quoted row per event. */
    public String csv(LocalDate date) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", COLUMNS.stream().map(c -> "\"" + c + "\"").toList())).append('\n');
        for (ApiUsageEvent e : day(date)) {
            List<String> row = List.of(derived(e.timestamp()), ApiUsageEvent.EVENT_TYPE, e.requestId(), id15(e.orgId()),
                    id15(e.userId()), nz(e.username()), ApiUsageEvent.API_FAMILY, nz(e.apiVersion()), e.httpMethod(),
                    String.valueOf(e.statusCode()), nz(e.clientName()), nz(e.clientIp()), id15(e.connectedAppId()),
                    nz(e.connectedAppName()), nz(e.apiResource()), nz(e.entityName()),
                    String.valueOf(e.countsAgainstApiLimit()), ApiUsageEvent.CATEGORY);
            out.append(String.join(",", row.stream().map(EventLog::quote).toList())).append('\n');
        }
        return out.toString();
    }

    static String derived(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(t);
    }

    private static String id15(String id) {
        return id == null ? "" : id.length() == 18 ? id.substring(0, 15) : id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
