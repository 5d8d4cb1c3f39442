package dev.sfmcp.soql.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The SOQL corpus: every case in {@code soql/corpus*.json} runs against the fixed org and must give its expected
 * records or its exact Salesforce error. Cases name Ids as {@code {A1}}, {@code {P1}} (see {@link QueryTestOrg}).
 * An expected positioned error gives {@code at} ("row:column") and {@code text}; the header is composed here
 * independently of the engine's renderer, for single-line queries.
 */
class SoqlCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static QueryTestOrg org;

    @BeforeAll
    static void open() {
        org = new QueryTestOrg();
    }

    @AfterAll
    static void close() {
        org.close();
    }

    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String file : List.of("corpus-select.json", "corpus-where.json", "corpus-aggregate.json",
                "corpus-errors.json", "corpus-access.json", "corpus-children.json", "corpus-rollup.json")) {
            try (InputStream in = SoqlCorpusTest.class.getResourceAsStream("/soql/" + file)) {
                if (in == null) {
                    continue;
                }
                JSON.readTree(in).forEach(out::add);
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpus(JsonNode c) {
        String soql = ids(c.get("soql").asText());
        AccessView view = "restricted".equals(c.path("view").asText())
                ? new RestrictedView(ZoneOffset.UTC)
                : AccessView.system(QueryTestOrg.U1, ZoneOffset.UTC, Locale.US);
        QueryOptions options = c.path("queryAll").asBoolean() ? QueryOptions.queryAll() : QueryOptions.defaults();
        if (c.has("apiVersion")) {
            options = options.withApiVersion(c.get("apiVersion").asText());
        }
        QueryOptions run = options;
        if (c.has("errorCode")) {
            SalesforceException e = assertThrows(SalesforceException.class,
                    () -> org.engine.query(view, soql, run), "expected an error");
            assertEquals(c.get("errorCode").asText(), e.error().errorCode(), e.error().message());
            String expected = c.has("at") ? header(soql, c.get("at").asText()) + ids(c.get("text").asText())
                    : ids(c.get("message").asText());
            assertEquals(expected, e.error().message());
            return;
        }
        ObjectNode result = org.engine.query(view, soql, run);
        if (c.has("totalSize")) {
            assertEquals(c.get("totalSize").asLong(), result.get("totalSize").asLong(), result.toString());
        }
        if (c.has("names")) {
            String key = c.path("key").asText("Name");
            List<String> actual = new ArrayList<>();
            result.get("records").forEach(r -> actual.add(r.get(key).isNull() ? null : r.get(key).asText()));
            List<String> expected = new ArrayList<>();
            c.get("names").forEach(n -> expected.add(n.isNull() ? null : ids(n.asText())));
            if (c.path("unordered").asBoolean()) {
                actual.sort(java.util.Comparator.nullsFirst(String::compareTo));
                expected.sort(java.util.Comparator.nullsFirst(String::compareTo));
            }
            assertEquals(expected, actual, result.toString());
        }
        if (c.has("children")) {
            assertChildren(c, result);
        }
        if (c.has("records")) {
            JsonNode expected = parseIds(c.get("records"));
            JsonNode actual = result.get("records").deepCopy();
            if (!c.path("withAttributes").asBoolean()) {
                stripAttributes(actual);
            }
            assertEquals(expected, actual);
        }
    }

    /**
     * {@code children}: per top-level record, null where the subquery {@code childKey} must read null, else the
     * {@code childField} values of its records in order, nested as a done QueryResult of that size.
     */
    private static void assertChildren(JsonNode c, ObjectNode result) {
        String key = c.get("childKey").asText();
        String field = c.get("childField").asText();
        JsonNode records = result.get("records");
        assertEquals(c.get("children").size(), records.size(), result.toString());
        for (int i = 0; i < records.size(); i++) {
            JsonNode expected = c.get("children").get(i);
            JsonNode actual = records.get(i).get(key);
            assertNotNull(actual, "no key " + key + " in " + records.get(i));
            if (expected.isNull()) {
                assertTrue(actual.isNull(), "expected null children: " + actual);
                continue;
            }
            assertEquals(expected.size(), actual.get("totalSize").asInt(), actual.toString());
            assertTrue(actual.get("done").asBoolean(), actual.toString());
            List<String> values = new ArrayList<>();
            actual.get("records").forEach(r -> values.add(r.get(field).asText()));
            List<String> wanted = new ArrayList<>();
            expected.forEach(v -> wanted.add(ids(v.asText())));
            assertEquals(wanted, values, actual.toString());
        }
    }

    private static String header(String soql, String at) {
        String[] rc = at.split(":");
        int column = Integer.parseInt(rc[1]);
        String line = soql.split("\n", -1)[Integer.parseInt(rc[0]) - 1];
        return "\n" + line + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + rc[0] + ":Column:" + column + "\n";
    }

    static String ids(String text) {
        return ids(text, org);
    }

    static String ids(String text, QueryTestOrg org) {
        String out = text;
        for (Map.Entry<String, String> e : Map.ofEntries(
                Map.entry("{U1}", QueryTestOrg.U1), Map.entry("{U2}", QueryTestOrg.U2),
                Map.entry("{A1}", QueryTestOrg.A1), Map.entry("{A2}", QueryTestOrg.A2),
                Map.entry("{A3}", QueryTestOrg.A3), Map.entry("{A4}", QueryTestOrg.A4),
                Map.entry("{A5}", QueryTestOrg.A5), Map.entry("{A6}", QueryTestOrg.A6),
                Map.entry("{A7}", QueryTestOrg.A7), Map.entry("{C1}", QueryTestOrg.C1),
                Map.entry("{C2}", QueryTestOrg.C2), Map.entry("{C3}", QueryTestOrg.C3),
                Map.entry("{C4}", QueryTestOrg.C4), Map.entry("{C5}", QueryTestOrg.C5),
                Map.entry("{O1}", QueryTestOrg.O1), Map.entry("{O2}", QueryTestOrg.O2),
                Map.entry("{O3}", QueryTestOrg.O3), Map.entry("{O4}", QueryTestOrg.O4),
                Map.entry("{T1}", QueryTestOrg.T1),
                Map.entry("{P1}", org.projectId(1)), Map.entry("{P2}", org.projectId(2)),
                Map.entry("{P3}", org.projectId(3)), Map.entry("{P4}", org.projectId(4)),
                Map.entry("{A1_15}", QueryTestOrg.A1.substring(0, 15))).entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static JsonNode parseIds(JsonNode node) {
        try {
            return JSON.readTree(ids(node.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stripAttributes(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("attributes");
            Iterator<JsonNode> it = o.elements();
            while (it.hasNext()) {
                stripAttributes(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(SoqlCorpusTest::stripAttributes);
        }
    }
}
