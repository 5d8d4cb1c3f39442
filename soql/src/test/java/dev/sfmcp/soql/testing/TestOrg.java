package dev.sfmcp.soql.testing;

import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.PicklistValue;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.schema.StandardObjects;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small org for engine tests: the standard objects plus a custom object {@code Invoice__c} and a custom field
 * {@code Account.Active__c}, two users, and a clock the test moves.
 */
public final class TestOrg implements AutoCloseable {

    private static final AtomicInteger ORGS = new AtomicInteger();

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T15:30:00Z"));
    public final DataEngine engine;
    public final String admin;
    public final String other;

    public TestOrg() {
        engine = new DataEngine(schema(), clock, String.format("00D%012dAAA", ORGS.incrementAndGet()));
        String profile = engine.bulkInsert("Profile", List.of(Map.of("Name", "System Administrator")), null).get(0);
        admin = user("Admin", "admin@example.com", profile, null);
        other = user("Other", "other@example.com", profile, null);
    }

    /** The custom schema used by the tests. */
    public static Schema schema() {
        SObjectType invoice = SObjectType.builder("Invoice__c").label("Invoice")
                .field(FieldDef.builder("Name", FieldType.STRING).label("Invoice Name").length(80).required().nameField().build())
                .field(FieldDef.builder("Status__c", FieldType.PICKLIST).label("Status")
                        .picklist(List.of(PicklistValue.of("Draft"), PicklistValue.of("Sent"), PicklistValue.of("Paid")), true).build())
                .field(FieldDef.builder("Code__c", FieldType.STRING).label("Code").length(20).unique(true).externalId(true).build())
                .field(FieldDef.builder("Account__c", FieldType.REFERENCE).label("Account")
                        .referenceTo(List.of("Account"), "Account__r").childRelationship("Invoices__r", false).build())
                .field(FieldDef.builder("Amount__c", FieldType.CURRENCY).label("Amount").precision(16, 2).build())
                .field(FieldDef.builder("Due__c", FieldType.DATE).label("Due").build())
                .field(FieldDef.builder("Tags__c", FieldType.MULTIPICKLIST).label("Tags")
                        .picklist(List.of(PicklistValue.of("Urgent"), PicklistValue.of("Export"), PicklistValue.of("Late")), false).build())
                .build();
        SObjectType account = StandardObjects.types().stream().filter(t -> t.name().equals("Account")).findFirst().orElseThrow()
                .toBuilder().field(FieldDef.builder("Active__c", FieldType.BOOLEAN).label("Active").build()).build();
        return StandardObjects.schemaBuilder().add(account).add(invoice).build();
    }

    public String user(String lastName, String email, String profileId, String roleId) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("LastName", lastName);
        u.put("Username", email);
        u.put("Email", email);
        u.put("Alias", lastName.substring(0, Math.min(8, lastName.length())));
        u.put("ProfileId", profileId);
        u.put("UserRoleId", roleId);
        u.put("TimeZoneSidKey", "America/Los_Angeles");
        u.put("LocaleSidKey", "en_US");
        u.put("EmailEncodingKey", "UTF-8");
        u.put("LanguageLocaleKey", "en_US");
        return engine.bulkInsert("User", List.of(u), null).get(0);
    }

    /** The administrator's unrestricted view. */
    public AccessView adminView() {
        return AccessView.system(admin, ZoneId.of("America/Los_Angeles"), Locale.US);
    }

    @Override
    public void close() {
        engine.close();
    }
}
