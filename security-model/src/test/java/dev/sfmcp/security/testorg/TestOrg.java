package dev.sfmcp.security.testorg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.store.EngineSharingStore;
import dev.sfmcp.security.store.QueryFilterProbe;
import dev.sfmcp.security.store.EngineBinding;
import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.id.IdGenerator;
import dev.sfmcp.soql.query.QueryEngine;
import dev.sfmcp.soql.query.QueryOptions;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.schema.StandardObjects;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real org for tests: the engine (DataEngine for DML, QueryEngine for SOQL) over the standard objects plus two
 * custom objects ({@code Secret__c}, owned, and its master-detail child {@code Detail__c}), with the security
 * model installed as its record-change listener. Names given to users, roles, groups and records resolve to
 * their Ids through {@link #id}.
 */
public final class TestOrg implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static int orgs;

    public final Schema schema;
    public final Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    public final DataEngine data;
    public final QueryEngine engine;
    public final IdGenerator ids;
    public final QueryFilterProbe probe;
    public final EngineSharingStore store;
    public final OrgSecurity security;
    public final EngineBinding binding;
    private final Map<String, String> names = new HashMap<>();

    public TestOrg() {
        this.schema = schema();
        String orgId = "00D" + "T" + String.format("%011d", ++orgs);
        this.data = new DataEngine(schema, clock, orgId);
        this.ids = data.ids();
        this.engine = data.queries();
        this.probe = new QueryFilterProbe(engine);
        this.binding = EngineBinding.attach(data);
        this.store = binding.store();
        this.security = binding.security();
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

    /** The unrestricted view, as fixtures load and change data. */
    public AccessView system() {
        return AccessView.system(null, ZoneOffset.UTC, Locale.US);
    }

    /** A JSON body from field values, names resolved to Ids. */
    public ObjectNode body(Map<String, ?> fields) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        fields.forEach((k, v) -> resolved.put(k, v instanceof String s ? id(s) : v));
        return JSON.valueToTree(resolved);
    }

    /** Adds a user to the security model and its User record to the engine, under the same Id. */
    public void putUser(dev.sfmcp.security.user.User user) {
        binding.putUser(user);
    }

    /** Loads a record through the engine (its rule shares are written by the listener); returns its Id. */
    public String insert(String name, String sObject, Map<String, Object> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((k, v) -> values.put(k, v instanceof String s ? id(s) : v));
        String id = data.bulkInsert(sObject, List.of(values), null).get(0);
        if (name != null) {
            name(name, id);
        }
        return id;
    }

    /** Updates a record through the engine as the system. */
    public void update(String sObject, String recordName, Map<String, Object> changes) {
        data.update(system(), sObject, id(recordName), body(changes));
    }

    /** Runs SOQL as the user whose view is given, through the engine's query path. */
    public ObjectNode query(AccessView view, String soql) {
        return engine.query(view, soql, QueryOptions.defaults());
    }

    /** Whether one record passes {@code filter}, as the engine evaluates it. */
    public boolean passes(String sObject, String recordName, RecordFilter filter) {
        return probe.matches(null, sObject, id(recordName), filter);
    }

    @Override
    public void close() {
        data.close();
    }
}
