package dev.sfmcp.soql.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads sObject definitions from the compact JSON form used by {@code standard-objects.json} (and usable by
 * fixtures for custom objects): {@code {"picklists":{...},"objects":[{"name":..., "fields":[...]}]}}. Field
 * keys are documented in that resource's {@code _comment}.
 */
public final class SObjectDefinitions {

    private SObjectDefinitions() {
    }

    /** The object types the document defines, in order. */
    public static List<SObjectType> read(JsonNode document) {
        JsonNode shared = document.path("picklists");
        List<SObjectType> out = new ArrayList<>();
        for (JsonNode o : document.path("objects")) {
            out.add(readObject(o, shared));
        }
        return out;
    }

    private static SObjectType readObject(JsonNode o, JsonNode shared) {
        SObjectType.Builder b = SObjectType.builder(o.path("name").asText());
        if (o.has("label")) { b.label(o.get("label").asText()); }
        if (o.has("labelPlural")) { b.labelPlural(o.get("labelPlural").asText()); }
        if (o.has("keyPrefix")) { b.keyPrefix(o.get("keyPrefix").asText()); }
        List<String> ownerTypes = o.has("ownerTypes") ? strings(o.get("ownerTypes")) : List.of("User");
        b.owner(o.path("owner").asBoolean(true), ownerTypes);
        b.shareable(o.path("shareable").asBoolean(true));
        b.recentItems(o.path("recentItems").asBoolean(true));
        b.searchable(o.path("searchable").asBoolean(true));
        b.queryable(o.path("queryable").asBoolean(true));
        b.createable(o.path("createable").asBoolean(true));
        b.updateable(o.path("updateable").asBoolean(true));
        b.deletable(o.path("deletable").asBoolean(true));
        for (JsonNode f : o.path("fields")) {
            if (f.has("address")) {
                String prefix = f.get("address").asText();
                b.address(prefix, f.has("label") ? f.get("label").asText() : prefix);
            } else {
                b.field(readField(f, shared));
            }
        }
        return b.build();
    }

    private static FieldDef readField(JsonNode f, JsonNode shared) {
        FieldType type = FieldType.ofApiName(f.path("type").asText());
        FieldDef.Builder b = FieldDef.builder(f.path("name").asText(), type);
        if (f.has("label")) { b.label(f.get("label").asText()); }
        if (f.has("length")) { b.length(f.get("length").asInt()); }
        if (f.has("precision")) { b.precision(f.get("precision").asInt(), f.path("scale").asInt(0)); }
        if (f.path("required").asBoolean()) { b.required(); }
        if (f.path("defaultedOnCreate").asBoolean()) { b.defaultedOnCreate(true); }
        if (f.has("createable")) { b.createable(f.get("createable").asBoolean()); }
        if (f.has("updateable")) { b.updateable(f.get("updateable").asBoolean()); }
        if (f.path("readOnly").asBoolean()) { b.readOnly(); }
        if (f.path("calculated").asBoolean()) { b.calculated(); }
        if (f.path("autoNumber").asBoolean()) { b.autoNumber(); }
        if (f.path("unique").asBoolean()) { b.unique(true); }
        if (f.path("externalId").asBoolean()) { b.externalId(true); }
        if (f.path("caseSensitive").asBoolean()) { b.caseSensitive(true); }
        if (f.path("nameField").asBoolean()) { b.nameField(); }
        if (f.has("default")) { b.defaultValue(f.get("default").asText()); }
        if (f.has("values")) {
            JsonNode values = f.get("values");
            if (values.isTextual()) {
                values = shared.path(values.asText());
            }
            b.picklist(picklist(values), f.path("restricted").asBoolean(false));
        }
        if (f.has("ref")) {
            b.referenceTo(strings(f.get("ref")), f.has("rel") ? f.get("rel").asText() : null);
        }
        if (f.has("child")) {
            b.childRelationship(f.get("child").asText(), f.path("cascade").asBoolean(false));
        }
        if (f.has("search")) {
            b.searchGroup(SearchGroup.valueOf(f.get("search").asText().toUpperCase(Locale.ROOT)));
        }
        return b.build();
    }

    private static List<PicklistValue> picklist(JsonNode values) {
        List<PicklistValue> out = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isTextual()) {
                out.add(PicklistValue.of(v.asText()));
            } else {
                String value = v.path("value").asText();
                out.add(new PicklistValue(value, v.path("label").asText(value), v.path("active").asBoolean(true),
                        v.path("default").asBoolean(false), v.has("probability") ? v.get("probability").asInt() : null,
                        v.path("closed").asBoolean(false), v.path("won").asBoolean(false)));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
