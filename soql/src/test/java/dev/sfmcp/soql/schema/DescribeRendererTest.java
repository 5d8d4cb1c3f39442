package dev.sfmcp.soql.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.testing.RestrictedView;
import dev.sfmcp.soql.testing.TestOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** The describe JSON: its shape, and what a restricted view leaves out or marks read-only. */
class DescribeRendererTest {

    private static DescribeRenderer describer;
    private static final AccessView ADMIN = AccessView.system("005000000000001AAA", ZoneOffset.UTC, Locale.US);

    @BeforeAll
    static void build() {
        describer = new DescribeRenderer(TestOrg.schema(), "v66.0");
    }

    @AfterAll
    static void done() {
        describer = null;
    }

    private static JsonNode field(JsonNode describe, String name) {
        for (JsonNode f : describe.get("fields")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void objectLevelShape() {
        JsonNode d = describer.describe(ADMIN, "opportunity");
        assertEquals("Opportunity", d.get("name").asText());
        assertEquals("Opportunities", d.get("labelPlural").asText());
        assertEquals("006", d.get("keyPrefix").asText());
        assertFalse(d.get("custom").asBoolean());
        for (String flag : List.of("queryable", "searchable", "createable", "updateable", "deletable")) {
            assertTrue(d.get(flag).asBoolean(), flag);
        }
        assertEquals("/services/data/v66.0/sobjects/Opportunity/describe", d.get("urls").get("describe").asText());
        assertTrue(d.get("recordTypeInfos").isArray());
        JsonNode lineItems = null;
        for (JsonNode c : d.get("childRelationships")) {
            if ("OpportunityLineItems".equals(c.get("relationshipName").asText())) {
                lineItems = c;
            }
        }
        assertNotNull(lineItems);
        assertEquals("OpportunityLineItem", lineItems.get("childSObject").asText());
        assertEquals("OpportunityId", lineItems.get("field").asText());
        assertTrue(lineItems.get("cascadeDelete").asBoolean());
    }

    @Test
    void fieldLevelShape() {
        JsonNode d = describer.describe(ADMIN, "Opportunity");
        JsonNode stage = field(d, "StageName");
        assertEquals("picklist", stage.get("type").asText());
        assertEquals("Stage", stage.get("label").asText());
        assertFalse(stage.get("nillable").asBoolean());
        List<String> values = new ArrayList<>();
        stage.get("picklistValues").forEach(v -> values.add(v.get("value").asText()));
        assertEquals("Prospecting", values.get(0));
        assertTrue(values.contains("Closed Won"));
        JsonNode account = field(d, "AccountId");
        assertEquals("reference", account.get("type").asText());
        assertEquals("Account", account.get("relationshipName").asText());
        assertEquals("Account", account.get("referenceTo").get(0).asText());
        assertEquals(18, account.get("length").asInt());
        JsonNode amount = field(d, "Amount");
        assertEquals("currency", amount.get("type").asText());
        assertEquals(18, amount.get("precision").asInt());
        assertEquals(2, amount.get("scale").asInt());
        JsonNode isWon = field(d, "IsWon");
        assertTrue(isWon.get("calculated").asBoolean());
        assertFalse(isWon.get("createable").asBoolean());
        JsonNode id = field(d, "Id");
        assertEquals("id", id.get("type").asText());
        assertFalse(id.get("createable").asBoolean());
        JsonNode what = field(describer.describe(ADMIN, "Task"), "WhatId");
        assertTrue(what.get("polymorphicForeignKey").asBoolean());
        assertTrue(what.get("referenceTo").size() > 1);
        JsonNode billing = field(describer.describe(ADMIN, "Account"), "BillingCity");
        assertEquals("BillingAddress", billing.get("compoundFieldName").asText());
        assertEquals("address", field(describer.describe(ADMIN, "Account"), "BillingAddress").get("type").asText());
    }

    @Test
    void globalDescribeListsEveryReadableObject() {
        JsonNode g = describer.describeGlobal(new RestrictedView("005000000000001AAA").hideObject("Lead").denyCreate("Case"));
        assertEquals("UTF-8", g.get("encoding").asText());
        List<String> names = new ArrayList<>();
        JsonNode caseObject = null;
        for (JsonNode o : g.get("sobjects")) {
            names.add(o.get("name").asText());
            if (o.get("name").asText().equals("Case")) {
                caseObject = o;
            }
        }
        assertTrue(names.containsAll(List.of("Account", "Contact", "Opportunity", "Invoice__c")));
        assertFalse(names.contains("Lead"));
        assertFalse(caseObject.get("createable").asBoolean());
        assertTrue(caseObject.get("updateable").asBoolean());
    }

    @Test
    void childRelationshipsToUnreadableChildrenAreLeftOut() {
        JsonNode d = describer.describe(new RestrictedView("005000000000001AAA").hideObject("Contact"), "Account");
        for (JsonNode c : d.get("childRelationships")) {
            assertNotEquals("Contact", c.get("childSObject").asText());
        }
        assertTrue(d.get("childRelationships").size() > 0);
    }
}
