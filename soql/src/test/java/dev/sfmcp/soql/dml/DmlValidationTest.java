package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.testing.TestOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every DML validation error of the corpus {@code dml-validation.json}, with its exact code, message, fields and status. */
class DmlValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestOrg org;
    private static final Map<String, String> PLACEHOLDERS = new HashMap<>();

    @BeforeAll
    static void seed() throws IOException {
        org = new TestOrg();
        var view = org.adminView();
        String account = org.engine.create(view, "Account", JSON.readTree("{\"Name\":\"Acme\"}")).get("id").asText();
        String contact = org.engine.create(view, "Contact", JSON.readTree("{\"LastName\":\"Doe\",\"AccountId\":\"" + account + "\"}")).get("id").asText();
        String deleted = org.engine.create(view, "Account", JSON.readTree("{\"Name\":\"Gone\"}")).get("id").asText();
        org.engine.delete(view, "Account", deleted);
        String invoice = org.engine.create(view, "Invoice__c", JSON.readTree("{\"Name\":\"INV-1\",\"Code__c\":\"C-1\"}")).get("id").asText();
        PLACEHOLDERS.put("$account", account);
        PLACEHOLDERS.put("$contact", contact);
        PLACEHOLDERS.put("$deletedAccount", deleted);
        PLACEHOLDERS.put("$invoiceCode", "c-1");
        PLACEHOLDERS.put("$invoice", invoice);
    }

    @AfterAll
    static void close() {
        org.close();
    }

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = DmlValidationTest.class.getResourceAsStream("dml-validation.json")) {
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : JSON.readTree(in)) {
                out.add(Arguments.of(c.get("case").asText(), c));
            }
            return out.stream();
        }
    }

    private static String fill(String text) {
        String out = text;
        for (Map.Entry<String, String> e : PLACEHOLDERS.entrySet()) {
            out = out.replace(e.getKey() + "\"", e.getValue() + "\"");
            if (out.endsWith(e.getKey())) {
                out = out.substring(0, out.length() - e.getKey().length()) + e.getValue();
            }
            if (out.equals(e.getKey())) {
                out = e.getValue();
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersTheSalesforceError(String name, JsonNode c) throws IOException {
        var view = org.adminView();
        String object = c.get("object").asText();
        String id = c.has("id") ? fill(c.get("id").asText()) : null;
        JsonNode body = c.has("body") ? JSON.readTree(fill(c.get("body").toString())) : null;
        SalesforceException e = assertThrows(SalesforceException.class, () -> {
            switch (c.get("op").asText()) {
                case "create" -> org.engine.create(view, object, body);
                case "update" -> org.engine.update(view, object, id, body);
                case "delete" -> org.engine.delete(view, object, id);
                case "retrieve" -> org.engine.retrieve(view, object, id, null);
                default -> fail("unknown op");
            }
        });
        SalesforceError error = e.error();
        assertEquals(c.get("errorCode").asText(), error.errorCode());
        assertEquals(fill(c.get("message").asText()), error.message());
        List<String> fields = new ArrayList<>();
        c.get("fields").forEach(f -> fields.add(f.asText()));
        assertEquals(fields, error.fields());
        assertEquals(c.path("status").asInt(400), error.httpStatus());
    }
}
