package dev.sfmcp.soql.sosl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.schema.StandardObjects;
import dev.sfmcp.soql.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SOSL's approximate relevance within an object: exact name, then name prefix, then a word inside the name, then
 * another field; newer records first within a rank; a RETURNING clause with ORDER BY keeps its own order.
 * Records are inserted one minute apart in the order below, so that their modification times differ.
 */
class SearchRankingTest {

    private static final String USER = "005000000000001AAA";
    private static DataEngine engine;
    private static AccessView admin;

    @BeforeAll
    static void open() {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T09:00:00Z"));
        engine = new DataEngine(StandardObjects.schema(), clock, "00D0000000RANK1");
        admin = AccessView.system(USER, ZoneOffset.UTC, Locale.US);
        for (Map<String, Object> account : List.<Map<String, Object>>of(
                Map.of("Name", "Global Media Partners"),
                Map.of("Name", "Media"),
                Map.of("Name", "Media Group"),
                Map.of("Name", "Northwind", "Description", "media buyer"),
                Map.of("Name", "Media Group West"),
                Map.of("Name", "Mediation Services"),
                Map.of("Name", "Contoso"))) {
            engine.bulkInsert("Account", List.of(account), USER);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "FIND {media} RETURNING Account(Name)|Media;Media Group West;Media Group;Global Media Partners;Northwind",
            "FIND {MEDIA} RETURNING Account(Name)|Media;Media Group West;Media Group;Global Media Partners;Northwind",
            "FIND {media} IN NAME FIELDS RETURNING Account(Name)|Media;Media Group West;Media Group;Global Media Partners",
            "FIND {media*} RETURNING Account(Name)|Mediation Services;Media Group West;Media Group;Media;Global Media Partners;Northwind",
            "FIND {media group} RETURNING Account(Name)|Media Group West;Media Group",
            "FIND {\"media group\"} RETURNING Account(Name)|Media Group;Media Group West",
            "FIND {northwind OR media} RETURNING Account(Name)|Northwind;Media;Media Group West;Media Group;Global Media Partners",
            "FIND {media AND NOT group} RETURNING Account(Name)|Media;Global Media Partners;Northwind",
            "FIND {media} RETURNING Account(Name ORDER BY Name)|Global Media Partners;Media;Media Group;Media Group West;Northwind",
            "FIND {media} RETURNING Account(Name LIMIT 2)|Media;Media Group West",
            "FIND {media} RETURNING Account(Name WHERE Name != 'Media')|Media Group West;Media Group;Global Media Partners;Northwind",
    })
    void ranksNameMatchesFirstThenNewer(String sosl, String expected) {
        JsonNode records = engine.search(admin, sosl).get("searchRecords");
        List<String> names = new ArrayList<>();
        records.forEach(r -> names.add(r.get("Name").asText()));
        assertEquals(Arrays.asList(expected.split(";")), names);
    }
}
