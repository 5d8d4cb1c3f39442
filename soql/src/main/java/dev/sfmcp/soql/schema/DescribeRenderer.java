package dev.sfmcp.soql.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;

/**
 * The REST describe JSON ({@code GET /sobjects} and {@code GET /sobjects/{o}/describe}) as one caller sees it:
 * objects and fields the view cannot read are left out, and createable/updateable/deletable reflect the view's
 * rights as well as the metadata.
 */
public final class DescribeRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;
    private final String apiVersion;

    public DescribeRenderer(Schema schema, String apiVersion) {
        this.schema = schema;
        this.apiVersion = apiVersion;
    }

    /** {@code GET /sobjects}: {@code {encoding, maxBatchSize, sobjects:[...]}}. */
    public ObjectNode describeGlobal(AccessView view) {
        ObjectNode out = JSON.objectNode();
        out.put("encoding", "UTF-8");
        out.put("maxBatchSize", 200);
        ArrayNode objects = out.putArray("sobjects");
        for (SObjectType t : schema.objects()) {
            if (view.canReadObject(t.name())) {
                objects.add(objectFlags(view, t));
            }
        }
        return out;
    }

    /** {@code GET /sobjects/{o}/describe}; an object the view cannot read is NOT_FOUND, as an unknown one is. */
    public ObjectNode describe(AccessView view, String sObject) {
        SObjectType t = schema.find(sObject).filter(o -> view.canReadObject(o.name()))
                .orElseThrow(() -> new SalesforceException(SalesforceError.of("NOT_FOUND", "The requested resource does not exist", 404)));
        ObjectNode out = objectFlags(view, t);
        ArrayNode children = JSON.arrayNode();
        for (ChildRelationship c : t.childRelationships()) {
            if (!view.canReadObject(c.childSObject()) || !view.canReadField(c.childSObject(), c.field())) {
                continue;
            }
            ObjectNode child = children.addObject();
            child.put("cascadeDelete", c.cascadeDelete());
            child.put("childSObject", c.childSObject());
            child.put("deprecatedAndHidden", false);
            child.put("field", c.field());
            child.putArray("junctionIdListNames");
            child.putArray("junctionReferenceTo");
            child.put("relationshipName", c.relationshipName());
            child.put("restrictedDelete", false);
        }
        out.set("childRelationships", children);
        ArrayNode fields = JSON.arrayNode();
        for (FieldDef f : t.fields()) {
            if (view.canReadField(t.name(), f.name())) {
                fields.add(field(view, t, f));
            }
        }
        out.set("fields", fields);
        out.putArray("recordTypeInfos");
        return out;
    }

    private ObjectNode objectFlags(AccessView view, SObjectType t) {
        ObjectNode o = JSON.objectNode();
        o.put("activateable", false);
        o.put("createable", t.createable() && view.canCreate(t.name()));
        o.put("custom", t.custom());
        o.put("customSetting", false);
        o.put("deletable", t.deletable() && view.canDelete(t.name()));
        o.put("deprecatedAndHidden", false);
        o.put("feedEnabled", false);
        o.put("keyPrefix", t.keyPrefix());
        o.put("label", t.label());
        o.put("labelPlural", t.labelPlural());
        o.put("layoutable", true);
        o.put("mergeable", false);
        o.put("mruEnabled", t.recentItems());
        o.put("name", t.name());
        o.put("queryable", t.queryable());
        o.put("replicateable", true);
        o.put("retrieveable", true);
        o.put("searchable", t.searchable());
        o.put("triggerable", true);
        o.put("undeletable", t.deletable());
        o.put("updateable", t.updateable() && view.canEdit(t.name()));
        ObjectNode urls = o.putObject("urls");
        String base = "/services/data/" + apiVersion + "/sobjects/" + t.name();
        urls.put("rowTemplate", base + "/{ID}");
        urls.put("describe", base + "/describe");
        urls.put("sobject", base);
        return o;
    }

    private ObjectNode field(AccessView view, SObjectType t, FieldDef f) {
        boolean editable = view.canEditField(t.name(), f.name()) && !f.system() && !f.calculated() && !f.autoNumber();
        ObjectNode o = JSON.objectNode();
        o.put("aggregatable", f.type() != FieldType.TEXTAREA && f.type() != FieldType.ADDRESS && f.type() != FieldType.BOOLEAN);
        o.put("autoNumber", f.autoNumber());
        o.put("byteLength", f.type().isText() || f.type().isId() ? f.length() * 3 : 0);
        o.put("calculated", f.calculated());
        o.putNull("calculatedFormula");
        o.put("cascadeDelete", false);
        o.put("caseSensitive", f.caseSensitive());
        if (f.compoundFieldName() == null) {
            o.putNull("compoundFieldName");
        } else {
            o.put("compoundFieldName", f.compoundFieldName());
        }
        o.put("createable", f.createable() && editable);
        o.put("custom", f.custom());
        if (f.type() == FieldType.BOOLEAN) {
            o.put("defaultValue", "true".equalsIgnoreCase(f.defaultValue()));
        } else {
            o.putNull("defaultValue");
        }
        o.put("defaultedOnCreate", f.defaultedOnCreate());
        o.put("dependentPicklist", false);
        o.put("digits", f.type() == FieldType.INT ? 9 : 0);
        o.put("externalId", f.externalId());
        o.put("filterable", f.type() != FieldType.TEXTAREA || f.length() <= 255);
        o.put("groupable", f.type() != FieldType.TEXTAREA && f.type() != FieldType.ADDRESS && !f.type().isDecimal() && f.type() != FieldType.MULTIPICKLIST);
        o.put("htmlFormatted", false);
        o.put("idLookup", f.name().equals("Id") || f.externalId() || (f.unique() && f.type() == FieldType.STRING));
        o.put("label", f.label());
        o.put("length", f.type().isText() || f.type().isId() ? f.length() : 0);
        o.put("name", f.name());
        o.put("nameField", f.nameField());
        o.put("namePointing", f.polymorphic());
        o.put("nillable", f.nillable());
        o.put("permissionable", !f.system() && f.nillable() && !f.nameField());
        ArrayNode picklist = o.putArray("picklistValues");
        for (PicklistValue p : f.picklistValues()) {
            ObjectNode v = picklist.addObject();
            v.put("active", p.active());
            v.put("defaultValue", p.defaultValue());
            v.put("label", p.label());
            v.putNull("validFor");
            v.put("value", p.value());
        }
        o.put("polymorphicForeignKey", f.polymorphic());
        o.put("precision", f.type().isDecimal() ? f.precision() : 0);
        ArrayNode refs = o.putArray("referenceTo");
        f.referenceTo().forEach(refs::add);
        if (f.relationshipName() == null) {
            o.putNull("relationshipName");
        } else {
            o.put("relationshipName", f.relationshipName());
        }
        o.put("restrictedPicklist", f.restrictedPicklist());
        o.put("scale", f.type().isDecimal() ? f.scale() : 0);
        o.put("soapType", f.type().soapType());
        o.put("sortable", f.type() != FieldType.MULTIPICKLIST && f.type() != FieldType.ADDRESS && !(f.type() == FieldType.TEXTAREA && f.length() > 255));
        o.put("type", f.type().apiName());
        o.put("unique", f.unique());
        o.put("updateable", f.updateable() && editable);
        return o;
    }
}
