package dev.sfmcp.security.testorg;

import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.store.EngineSharingStore;
import dev.sfmcp.security.store.QueryFilterProbe;
import dev.sfmcp.soql.query.QueryEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.id.IdGenerator;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.schema.StandardObjects;
import dev.sfmcp.soql.store.OrgDatabase;
import dev.sfmcp.soql.store.StorageLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real org for tests: the engine's H2 storage for the standard objects plus two custom objects
 * ({@code Secret__c}, owned, and its master-detail child {@code Detail__c}), the security model over it, and
 * records written the way the engine writes them (the row and its sharing upkeep in one transaction).
 * Names given to users, roles, groups and records resolve to their Ids through {@link #id}.
 */
public final class TestOrg implements AutoCloseable {

    private static int orgs;

    public final Schema schema;
    public final OrgDatabase database;
    public final IdGenerator ids;
    public final EngineSharingStore store;
    public final OrgSecurity security;
    public final QueryEngine engine;
    public final QueryFilterProbe probe;
    public final Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private final Map<String, String> names = new HashMap<>();

    public TestOrg() {
        this.schema = schema();
        String orgId = "00D" + "T" + String.format("%011d", ++orgs);
        this.database = new OrgDatabase(schema, orgId);
        this.ids = IdGenerator.forOrg(orgId);
        this.engine = new QueryEngine(database, clock);
        this.probe = new QueryFilterProbe(engine);
        this.store = EngineSharingStore.root(database, ids, probe);
        this.security = OrgSecurity.withStandardProfiles(store);
    }

    public static Schema schema() {
        SObjectType secret = SObjectType.builder("Secret__c").keyPrefix("a00")
                .field(FieldDef.builder("Name", FieldType.STRING).length(80).nameField().build())
                .field(FieldDef.builder("Code__c", FieldType.STRING).length(40).build())
                .field(FieldDef.builder("Amount__c", FieldType.CURRENCY).precision(18, 2).build())
                .build();
        SObjectType detail = SObjectType.builder("Detail__c").keyPrefix("a01").owner(false)
                .field(FieldDef.builder("Name", FieldType.STRING).length(80).nameField().build())
                .field(FieldDef.builder("Secret__c", FieldType.REFERENCE).referenceTo(List.of("Secret__c"), "Secret__r")
                        .childRelationship("Details__r", true).build())
                .build();
        return StandardObjects.schemaBuilder().add(secret).add(detail).build();
    }

    /** Remembers {@code name} for {@code id} and returns the id. */
    public String name(String name, String id) {
        names.put(name, id);
        return id;
    }

    /** The Id a test name stands for; a value that is no name is returned as it is. */
    public String id(String name) {
        return names.getOrDefault(name, name);
    }

    /** Inserts a record and its rule shares in one transaction; returns its Id. */
    public String insert(String name, String sObject, Map<String, Object> fields) {
        SObjectType type = schema.require(sObject);
        String id = ids.next(type.keyPrefix());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Id", id);
        fields.forEach((k, v) -> values.put(k, v instanceof String s ? id(s) : v));
        database.inTransaction(c -> {
            List<String> cols = new ArrayList<>(values.keySet());
            String sql = "INSERT INTO " + StorageLayout.quote(type.name()) + " ("
                    + String.join(", ", cols.stream().map(StorageLayout::quote).toList()) + ") VALUES ("
                    + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < cols.size(); i++) {
                    ps.setObject(i + 1, values.get(cols.get(i)));
                }
                ps.executeUpdate();
            }
            security.recalculation(store.bound(c)).recordInserted(sObject, id, values);
            return null;
        });
        if (name != null) {
            name(name, id);
        }
        return id;
    }

    /** Updates fields of a record and keeps its sharing in step, in one transaction. */
    public void update(String sObject, String recordName, Map<String, Object> changes) {
        String id = id(recordName);
        database.inTransaction(c -> {
            List<String> cols = new ArrayList<>(changes.keySet());
            String sql = "UPDATE " + StorageLayout.quote(sObject) + " SET "
                    + String.join(", ", cols.stream().map(x -> StorageLayout.quote(x) + " = ?").toList()) + " WHERE \"Id\" = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String col : cols) {
                    Object v = changes.get(col);
                    ps.setObject(i++, v instanceof String s ? id(s) : v);
                }
                ps.setString(i, id);
                ps.executeUpdate();
            }
            Map<String, Object> after = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + StorageLayout.quote(sObject) + " WHERE \"Id\" = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int k = 1; k <= rs.getMetaData().getColumnCount(); k++) {
                        after.put(rs.getMetaData().getColumnName(k), rs.getObject(k));
                    }
                }
            }
            security.recalculation(store.bound(c)).recordUpdated(sObject, id, Set.copyOf(changes.keySet()), after);
            return null;
        });
    }

    /** Runs SOQL as the user whose view is given, through the engine's query path. */
    public com.fasterxml.jackson.databind.node.ObjectNode query(dev.sfmcp.soql.access.AccessView view, String soql) {
        return engine.query(view, soql, dev.sfmcp.soql.query.QueryOptions.defaults());
    }

    /** Whether one record passes {@code filter}, as the engine evaluates it. */
    public boolean passes(String sObject, String recordName, RecordFilter filter) {
        return probe.matches(null, sObject, id(recordName), filter);
    }

    /** Runs SQL work against the org's database (test setup only). */
    public <T> T sql(OrgDatabase.Work<T> work) {
        return database.read(work);
    }

    @Override
    public void close() {
        database.close();
    }

}
