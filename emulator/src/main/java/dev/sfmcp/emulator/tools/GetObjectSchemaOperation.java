package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * getObjectSchema. Without {@code objects}: the compact index of the queryable business objects the caller can read,
 * {@code {"index":{"objectCount":N,"objects":[{name,label,custom}]},"details":[]}}. With {@code objects}
 * (comma-separated): one detail per object, built from describe (fields with type, length, required flag, picklist
 * values, references; child relationships) plus the admin's guidance.
 */
public final class GetObjectSchemaOperation implements ContextualOperation {

    /** Objects that are plumbing rather than business data; the index leaves them out. */
    private static final Set<String> NOT_BUSINESS = Set.of("Profile", "UserRole", "Organization");

    @Override
    public ToolResult run(ToolCall call, ToolContext context) {
        JsonNode objects = call.arguments().get("objects");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (objects == null || objects.asText().isBlank()) {
            ObjectNode global = context.engine().describeGlobal(context.view());
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (JsonNode o : global.path("sobjects")) {
                if (o.path("queryable").asBoolean() && !NOT_BUSINESS.contains(o.path("name").asText())) {
                    list.addObject().put("name", o.path("name").asText()).put("label", o.path("label").asText())
                            .put("custom", o.path("custom").asBoolean());
                }
            }
            ObjectNode index = result.putObject("index");
            index.put("objectCount", list.size());
            index.set("objects", list);
            result.putArray("details");
            return ToolResult.success(result);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : objects.asText().split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        result.putNull("index");
        ArrayNode details = result.putArray("details");
        for (String name : names) {
            details.add(detail(context, name));
        }
        return ToolResult.success(result);
    }

    private ObjectNode detail(ToolContext context, String name) {
        ObjectNode describe;
        try {
            describe = context.engine().describe(context.view(), name);
        } catch (SalesforceException e) {
            if (e.httpStatus() == 404) {
                throw new SalesforceException(SalesforceError.of("INVALID_TYPE",
                        "sObject type '" + name + "' is not supported. If you are attempting to use a custom object, be sure to "
                                + "append the '__c' after the entity name. Please reference your WSDL or the describe call for the "
                                + "appropriate names."));
            }
            throw e;
        }
        String apiName = describe.path("name").asText(name);
        Map<String, String> fieldGuidance = context.guidance().forFields(apiName);
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("name", apiName);
        detail.put("label", describe.path("label").asText());
        detail.put("labelPlural", describe.path("labelPlural").asText());
        detail.put("custom", describe.path("custom").asBoolean());
        detail.put("keyPrefix", describe.path("keyPrefix").asText(null));
        detail.put("createable", describe.path("createable").asBoolean());
        detail.put("updateable", describe.path("updateable").asBoolean());
        detail.put("deletable", describe.path("deletable").asBoolean());
        String guidance = context.guidance().forObject(apiName);
        if (guidance != null) {
            detail.put("guidance", guidance);
        }
        ArrayNode fields = detail.putArray("fields");
        for (JsonNode f : describe.path("fields")) {
            ObjectNode field = fields.addObject();
            field.put("name", f.path("name").asText());
            field.put("label", f.path("label").asText());
            field.put("type", f.path("type").asText());
            if (f.path("length").asInt() > 0) {
                field.put("length", f.path("length").asInt());
            }
            boolean required = !f.path("nillable").asBoolean(true) && f.path("createable").asBoolean()
                    && !f.path("defaultedOnCreate").asBoolean();
            field.put("required", required);
            field.put("nillable", f.path("nillable").asBoolean());
            field.put("createable", f.path("createable").asBoolean());
            field.put("updateable", f.path("updateable").asBoolean());
            if (f.path("picklistValues").size() > 0) {
                ArrayNode values = field.putArray("picklistValues");
                for (JsonNode v : f.path("picklistValues")) {
                    if (v.path("active").asBoolean(true)) {
                        values.addObject().put("value", v.path("value").asText()).put("label", v.path("label").asText())
                                .put("defaultValue", v.path("defaultValue").asBoolean());
                    }
                }
                field.put("restrictedPicklist", f.path("restrictedPicklist").asBoolean());
            }
            if (f.path("referenceTo").size() > 0) {
                field.set("referenceTo", f.path("referenceTo"));
                field.put("relationshipName", f.path("relationshipName").asText(null));
            }
            String fg = fieldGuidance.get(f.path("name").asText());
            if (fg != null) {
                field.put("guidance", fg);
            }
        }
        ArrayNode children = detail.putArray("childRelationships");
        for (JsonNode c : describe.path("childRelationships")) {
            if (!c.path("relationshipName").isNull() && c.has("relationshipName")) {
                children.addObject().put("relationshipName", c.path("relationshipName").asText())
                        .put("childSObject", c.path("childSObject").asText()).put("field", c.path("field").asText());
            }
        }
        return detail;
    }
}
