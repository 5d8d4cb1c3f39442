package dev.sfmcp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EventLogFile CSV as Salesforce writes it: a quoted header, quoted values, commas and quotes inside values. */
class EventLogCsvTest {

    @Test
    void readsRowsKeyedByTheHeader() {
        String csv = "\"EVENT_TYPE\",\"URI\",\"STATUS_CODE\",\"CLIENT_NAME\"\r\n"
                + "\"ApiTotalUsage\",\"/platform/mcp/v1/platform/sobject-reads\",\"200\",\"Claude, \"\"desktop\"\"\"\r\n"
                + "\"ApiTotalUsage\",\"/platform/mcp/v1/platform/sobject-all\",\"403\",\"\"\r\n";
        List<Map<String, String>> rows = EventLogCsv.parse(csv);
        assertEquals(2, rows.size());
        assertEquals("Claude, \"desktop\"", rows.get(0).get("CLIENT_NAME"));
        assertEquals("403", rows.get(1).get("STATUS_CODE"));
        assertEquals("", rows.get(1).get("CLIENT_NAME"));
        assertEquals(List.of(), EventLogCsv.parse("\"EVENT_TYPE\",\"URI\"\n"));
        assertEquals(List.of(), EventLogCsv.parse(""));
    }
}
