package dev.sfmcp.soql.query;

import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.id.SalesforceId;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.PicklistValue;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.schema.SearchGroup;
import dev.sfmcp.soql.schema.StandardObjects;
import dev.sfmcp.soql.store.OrgDatabase;
import dev.sfmcp.soql.store.StorageLayout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small fixed org for the query tests: the standard objects plus one custom object, a handful of records with
 * known values, and a clock frozen on Wednesday 2024-05-15 12:00 UTC. Rows are written with the store's
 * conventions directly, so the tests depend on the storage contract and not on the DML validation.
 */
final class QueryTestOrg implements AutoCloseable {

    static final Instant NOW = Instant.parse("2024-05-15T12:00:00Z");

    static final String U1 = id("005", 1);
    static final String U2 = id("005", 2);
    static final String U3 = id("005", 3);
    static final String A1 = id("001", 1);
    static final String A2 = id("001", 2);
    static final String A3 = id("001", 3);
    static final String A4 = id("001", 4);
    static final String A5 = id("001", 5);
    static final String A6 = id("001", 6);
    static final String A7 = id("001", 7);
    static final String C1 = id("003", 1);
    static final String C2 = id("003", 2);
    static final String C3 = id("003", 3);
    static final String C4 = id("003", 4);
    static final String C5 = id("003", 5);
    static final String O1 = id("006", 1);
    static final String O2 = id("006", 2);
    static final String O3 = id("006", 3);
    static final String O4 = id("006", 4);
    static final String T1 = id("00T", 1);
    static final String QUEUE = id("00G", 1);

    final Schema schema;
    final DataEngine data;
    final OrgDatabase database;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final QueryEngine engine;
    final String projectPrefix;

    QueryTestOrg() {
        schema = StandardObjects.schemaBuilder().add(project()).build();
        data = new DataEngine(schema, clock, "00D000000000001");
        database = data.database();
        projectPrefix = schema.find("Project__c").orElseThrow().keyPrefix();
        engine = data.queries();
        try (Connection c = database.connection()) {
            load(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(String prefix, int n) {
        return SalesforceId.to18(prefix + String.format("%012d", n));
    }

    String projectId(int n) {
        return id(projectPrefix, n);
    }

    private static SObjectType project() {
        List<PicklistValue> tags = new ArrayList<>();
        for (String t : List.of("Red", "Blue", "Green", "Yellow")) {
            tags.add(new PicklistValue(t, t + " Label", true, false, null, false, false));
        }
        return SObjectType.builder("Project__c").label("Project").owner(true).shareable(true).recentItems(true)
                .field(FieldDef.builder("Name", FieldType.STRING).length(80).nameField().searchGroup(SearchGroup.NAME)
                        .build())
                .field(FieldDef.builder("Account__c", FieldType.REFERENCE).label("Account")
                        .referenceTo(List.of("Account"), "Account__r").childRelationship("Projects__r", false).build())
                .field(FieldDef.builder("Tags__c", FieldType.MULTIPICKLIST).picklist(tags, false).build())
                .field(FieldDef.builder("Budget__c", FieldType.CURRENCY).build())
                .field(FieldDef.builder("Start__c", FieldType.DATE).build())
                .field(FieldDef.builder("Active__c", FieldType.BOOLEAN).build())
                .field(FieldDef.builder("Secret__c", FieldType.STRING).length(40).build())
                .field(FieldDef.builder("Notes__c", FieldType.TEXTAREA).length(32768).build())
                .build();
    }

    private void load(Connection c) throws SQLException {
        insert(c, "User", row("Id", U1, "Username", "alice@example.com", "FirstName", "Alice", "LastName", "Admin",
                "Name", "Alice Admin", "Alias", "alice", "Email", "alice@example.com", "IsActive", true));
        insert(c, "User", row("Id", U2, "Username", "bob@example.com", "FirstName", "Bob", "LastName", "Builder",
                "Name", "Bob Builder", "Alias", "bob", "Email", "bob@example.com", "IsActive", true, "ManagerId", U1));
        insert(c, "User", row("Id", U3, "Username", "carol@example.com", "FirstName", "Carol", "LastName", "Closed",
                "Name", "Carol Closed", "Alias", "carol", "IsActive", false));

        account(c, A1, "Acme", U1, "2024-05-15T08:00:00Z", "Industry", "Technology", "AnnualRevenue", 1000000,
                "NumberOfEmployees", 100, "Rating", "Hot", "Type", "Customer - Direct", "BillingCity", "San Francisco",
                "Phone", "555-0100", "Website", "acme.com");
        account(c, A2, "Globex", U2, "2024-05-14T10:00:00Z", "Industry", "Manufacturing", "AnnualRevenue", 5000000,
                "NumberOfEmployees", 500, "Rating", "Warm", "Type", "Prospect", "ParentId", A1,
                "BillingCity", "Springfield");
        account(c, A3, "Initech", U1, "2024-04-10T09:30:00Z", "Industry", "Technology", "NumberOfEmployees", 50,
                "ParentId", A2, "BillingCity", "Austin");
        account(c, A4, "Umbrella", U2, "2023-12-31T23:00:00Z", "Industry", "Healthcare", "AnnualRevenue",
                new BigDecimal("250000"), "Rating", "Cold", "ParentId", A3);
        account(c, A5, "O'Reilly Media", U1, "2024-02-01T00:00:00Z", "Industry", "Media", "Description", "Books");
        account(c, A6, "Deleted Corp", U1, "2024-05-01T00:00:00Z", "IsDeleted", true);
        account(c, A7, "acme labs", U2, "2024-05-12T15:00:00Z");

        contact(c, C1, "Ann", "Able", A1, U1, "Email", "ann@acme.com", "Title", "CEO", "LeadSource", "Web",
                "Birthdate", LocalDate.parse("1980-01-15"));
        contact(c, C2, "Ben", "Baker", A1, U2, "Email", "ben@acme.com", "Title", "CTO", "LeadSource", "Phone Inquiry",
                "DoNotCall", true);
        contact(c, C3, "Cat", "Cole", A2, U2, "LeadSource", "Web");
        contact(c, C4, "Dan", "Drake", null, U1);
        contact(c, C5, "Eve", "Evans", A3, U1, "ReportsToId", C1);

        opportunity(c, O1, "Acme Big Deal", A1, U1, "Prospecting", new BigDecimal("50000"), "2024-06-30", false, false);
        opportunity(c, O2, "Acme Renewal", A1, U1, "Closed Won", new BigDecimal("20000"), "2024-03-31", true, true);
        opportunity(c, O3, "Globex Expansion", A2, U2, "Closed Lost", new BigDecimal("75000"), "2024-05-01", true,
                false);
        opportunity(c, O4, "Initech Pilot", A3, U2, "Qualification", null, "2024-07-15", false, false);

        project(c, 1, "Apollo", A1, U1, "Red;Blue", new BigDecimal("100"), "2024-05-20", true);
        project(c, 2, "Gemini", A1, U2, "Blue", new BigDecimal("200"), "2024-05-10", false);
        project(c, 3, "Mercury", A2, U1, "Red;Green;Yellow", null, null, true);
        project(c, 4, "Skylab", null, U2, null, new BigDecimal("50"), "2023-11-01", false);

        insert(c, "Task", row("Id", id("00T", 1), "WhatId", A1, "WhoId", C1, "Subject", "Call", "ActivityDate",
                LocalDate.parse("2024-05-15"), "OwnerId", U1, "Status", "Not Started", "Priority", "Normal",
                "CreatedDate", utc("2024-05-15T09:00:00Z")));
        insert(c, "Task", row("Id", id("00T", 2), "WhatId", O1, "Subject", "Email", "OwnerId", U2,
                "Status", "Completed", "Priority", "High", "IsClosed", true, "CreatedDate", utc("2024-05-13T09:00:00Z")));
        insert(c, "Case", row("Id", id("500", 1), "CaseNumber", "00001001", "Subject", "Login issue", "AccountId", A1,
                "ContactId", C1, "Status", "New", "Priority", "High", "OwnerId", U1,
                "CreatedDate", utc("2024-05-15T07:00:00Z")));
        insert(c, "Group", row("Id", QUEUE, "Name", "Support Queue", "DeveloperName", "Support_Queue", "Type", "Queue"));
        insert(c, "Lead", row("Id", id("00Q", 1), "FirstName", "Lee", "LastName", "Lead", "Name", "Lee Lead",
                "Company", "Leads Inc", "Status", "Open - Not Contacted", "OwnerId", U1));
        insert(c, "Lead", row("Id", id("00Q", 2), "LastName", "Pure", "Name", "Pure", "Company", "100% Organic",
                "Title", "under_score", "Status", "Open - Not Contacted", "OwnerId", U2));
        insert(c, "Task", row("Id", id("00T", 3), "WhoId", id("00Q", 1), "Subject", "Meet", "OwnerId", U1,
                "Status", "Not Started", "Priority", "Low", "CreatedDate", utc("2024-05-14T09:00:00Z")));
        insert(c, "Case", row("Id", id("500", 3), "CaseNumber", "00001003", "Subject", "Printer jam", "Status", "New",
                "Priority", "Medium", "OwnerId", QUEUE, "CreatedDate", utc("2024-05-15T11:00:00Z")));
        insert(c, "Case", row("Id", id("500", 2), "CaseNumber", "00001002", "Subject", "Billing", "AccountId", A2,
                "Status", "Closed", "Priority", "Low", "OwnerId", U2, "IsClosed", true,
                "CreatedDate", utc("2024-05-02T07:00:00Z")));
    }

    private void account(Connection c, String id, String name, String owner, String created, Object... more)
            throws SQLException {
        Map<String, Object> r = row("Id", id, "Name", name, "OwnerId", owner, "CreatedDate", utc(created),
                "LastModifiedDate", utc(created), "SystemModstamp", utc(created), "CreatedById", U1,
                "LastModifiedById", U1);
        r.putAll(row(more));
        insert(c, "Account", r);
    }

    private void contact(Connection c, String id, String first, String last, String account, String owner,
                         Object... more) throws SQLException {
        Map<String, Object> r = row("Id", id, "FirstName", first, "LastName", last, "Name", first + " " + last,
                "AccountId", account, "OwnerId", owner, "CreatedDate", utc("2024-05-01T00:00:00Z"));
        r.putAll(row(more));
        insert(c, "Contact", r);
    }

    private void opportunity(Connection c, String id, String name, String account, String owner, String stage,
                             BigDecimal amount, String close, boolean closed, boolean won) throws SQLException {
        insert(c, "Opportunity", row("Id", id, "Name", name, "AccountId", account, "OwnerId", owner, "StageName", stage,
                "Amount", amount, "CloseDate", LocalDate.parse(close), "IsClosed", closed, "IsWon", won,
                "CreatedDate", utc("2024-01-10T00:00:00Z")));
    }

    private void project(Connection c, int n, String name, String account, String owner, String tags,
                         BigDecimal budget, String start, boolean active) throws SQLException {
        insert(c, "Project__c", row("Id", projectId(n), "Name", name, "Account__c", account, "OwnerId", owner,
                "Tags__c", tags, "Budget__c", budget, "Start__c", start == null ? null : LocalDate.parse(start),
                "Active__c", active, "Secret__c", "secret-" + n, "CreatedDate", utc("2024-05-0" + n + "T00:00:00Z")));
    }

    static LocalDateTime utc(String instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static void insert(Connection c, String table, Map<String, Object> values) throws SQLException {
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String col : values.keySet()) {
            cols.append(cols.length() == 0 ? "" : ", ").append(StorageLayout.quote(col));
            marks.append(marks.length() == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + StorageLayout.quote(table) + " (" + cols
                + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object v : values.values()) {
                ps.setObject(i++, v);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        data.close();
    }
}
