package dev.sfmcp.soql.sosl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.query.QueryFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SOSL corpus ({@code sosl/corpus.json}) over the same fixed org as the SOQL corpus. */
class SoslCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static QueryFixtures fixtures;
    private static SearchEngine search;

    @BeforeAll
    static void open() {
        fixtures = QueryFixtures.open();
        search = new SearchEngine(fixtures.schema(), fixtures.engine());
    }

    @AfterAll
    static void close() {
        fixtures.close();
    }

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = SoslCorpusTest.class.getResourceAsStream("/sosl/corpus.json")) {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).forEach(out::add);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpus(JsonNode c) throws IOException {
        String sosl = c.get("sosl").asText();
        AccessView view = "restricted".equals(c.path("view").asText()) ? fixtures.restricted() : fixtures.admin();
        if (c.has("errorCode")) {
            SalesforceException e = assertThrows(SalesforceException.class, () -> search.search(view, sosl));
            assertEquals(c.get("errorCode").asText(), e.error().errorCode(), e.error().message());
            String expected = c.has("at") ? "\n" + sosl + "\n" + " ".repeat(column(c) - 1) + "^\nERROR at Row:1:Column:"
                    + column(c) + "\n" + c.get("text").asText() : c.get("message").asText();
            assertEquals(expected, e.error().message());
            return;
        }
        ObjectNode result = search.search(view, sosl);
        JsonNode actual = result.get("searchRecords").deepCopy();
        if (!c.path("withAttributes").asBoolean()) {
            strip(actual);
        }
        assertEquals(JSON.readTree(fixtures.ids(c.get("records").toString())), actual);
    }

    private static int column(JsonNode c) {
        return Integer.parseInt(c.get("at").asText().split(":")[1]);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("attributes");
            Iterator<JsonNode> it = o.elements();
            while (it.hasNext()) {
                strip(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(SoslCorpusTest::strip);
        }
    }
}
