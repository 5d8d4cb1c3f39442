package dev.sfmcp.emulator.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document names exactly the /_emulator routes the server registers, and hangs together. */
class OpenApiDocumentTest extends DemoOrgAdminTest {

    static JsonNode doc;

    @BeforeAll
    static void readDocument() throws Exception {
        String text = env.http().get("/_emulator/openapi.json").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("application/json")).extract().asString();
        doc = new ObjectMapper().readTree(text);
    }

    static Set<String> documented() {
        Set<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> out.add(method.toUpperCase() + " " + path.getKey()));
        }
        return out;
    }

    @Test
    void everyRegisteredAdminRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> registered = new TreeSet<>();
        for (String route : env.emulator.routes()) {
            if (route.substring(route.indexOf(' ') + 1).startsWith("/_emulator")) {
                registered.add(route);
            }
        }
        Set<String> documented = documented();
        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(registered);
        assertTrue(undocumented.isEmpty(), "registered but missing from openapi.json: " + undocumented);
        assertTrue(phantom.isEmpty(), "in openapi.json but not registered: " + phantom);
        assertTrue(registered.size() >= 50, registered.toString());
    }

    @Test
    void itIsOpenApi31WithUniqueOperationIdsResponsesAndResolvableReferences() {
        assertEquals("3.1.0", doc.path("openapi").asText());
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            if (!ids.add(op.getValue().path("operationId").asText())) {
                problems.add(name + ": duplicate operationId " + op.getValue().path("operationId").asText());
            }
            if (!op.getValue().path("responses").isObject() || op.getValue().path("responses").isEmpty()) {
                problems.add(name + ": no responses");
            }
            // every {param} of the path is declared as a path parameter
            for (String segment : path.getKey().split("/")) {
                if (segment.startsWith("{")) {
                    String param = segment.substring(1, segment.length() - 1);
                    boolean declared = false;
                    for (JsonNode p : op.getValue().path("parameters")) {
                        declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(param);
                    }
                    if (!declared) {
                        problems.add(name + ": path parameter " + param + " is not declared");
                    }
                }
            }
        }));
        collectRefs(doc, problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void collectRefs(JsonNode node, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String pointer = ref.asText().substring(1);
                if (doc.at(pointer).isMissingNode()) {
                    problems.add("unresolvable $ref " + ref.asText());
                }
            }
            node.elements().forEachRemaining(child -> collectRefs(child, problems));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, problems));
        }
    }

    @Test
    void onlyHealthIsOpenWhenAnAdminKeyIsSetAndTheDocumentSaysSo() {
        assertEquals(0, doc.at("/paths/~1_emulator~1health/get/security").size(), "health declares no security");
        assertFalse(doc.at("/paths/~1_emulator~1openapi.json/get/security").isArray(), "the document inherits the admin key");
        try (AdminApiFixture keyed = new AdminApiFixture("ADMIN_KEY", "s3cret")) {
            keyed.http().get("/_emulator/openapi.json").then().statusCode(401).body("error", equalTo("unauthorized"));
            keyed.http().header("X-Admin-Key", "s3cret").get("/_emulator/openapi.json").then().statusCode(200);
            keyed.http().get("/_emulator/health").then().statusCode(200);
            keyed.http().get("/_emulator/orgs/acme/users").then().statusCode(401);
            keyed.http().header("Authorization", "Bearer s3cret").get("/_emulator/orgs/acme/users").then().statusCode(200);
            keyed.http().header("Authorization", "Bearer wrong").get("/_emulator/orgs/acme/oauth/tokens").then().statusCode(401);
        }
    }
}
