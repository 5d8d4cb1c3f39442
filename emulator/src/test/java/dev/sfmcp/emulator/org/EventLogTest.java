package dev.sfmcp.emulator.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EventLogTest {

    static ApiUsageEvent event(String at, String resource) {
        return new ApiUsageEvent(Instant.parse(at), "req-1", "00D5g000004ABCDEAW", "0055g00000ABCDEFGH", "rep@acme.example", "66.0",
                "GET", 200, "sfmcp-test", "127.0.0.1", "0H45g000000ABCDXYZ", "Demo App", resource, "Account", true);
    }

    @Test
    void dailyCsvHasTheRealColumnsAnd15CharacterIds() {
        EventLog log = new EventLog(10);
        log.record(event("2026-11-22T10:15:30.123Z", "/v66.0/query"));
        log.record(event("2026-11-23T00:00:01Z", "/v66.0/sobjects/Account"));
        String csv = log.csv(LocalDate.parse("2026-11-22"));
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("\"TIMESTAMP_DERIVED\",\"EVENT_TYPE\",\"REQUEST_ID\",\"ORGANIZATION_ID\""), lines[0]);
        assertEquals("\"2026-11-22T10:15:30.123Z\",\"ApiTotalUsage\",\"req-1\",\"00D5g000004ABCD\",\"0055g00000ABCDE\",\"rep@acme.example\","
                + "\"REST\",\"66.0\",\"GET\",\"200\",\"sfmcp-test\",\"127.0.0.1\",\"0H45g000000ABCD\",\"Demo App\",\"/v66.0/query\",\"Account\","
                + "\"true\",\"SALESFORCE_HOSTED_MCP\"", lines[1]);
        assertEquals(java.util.List.of(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-23")), log.days());
    }

    @Test
    void staysBounded() {
        EventLog log = new EventLog(2);
        log.record(event("2026-11-22T10:00:00Z", "a"));
        log.record(event("2026-11-22T10:00:01Z", "b"));
        log.record(event("2026-11-22T10:00:02Z", "c"));
        assertEquals(java.util.List.of("b", "c"), log.all().stream().map(ApiUsageEvent::apiResource).toList());
    }
}
