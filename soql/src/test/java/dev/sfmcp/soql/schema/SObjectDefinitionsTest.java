package dev.sfmcp.soql.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Custom objects defined in the JSON form fixtures use, settled together with the standard objects. */
class SObjectDefinitionsTest {

    @Test
    void readsACustomObjectWithAMasterDetailAndSharedPicklists() throws Exception {
        String json = """
                {"picklists": {"Tier": [{"value": "Gold", "default": true}, "Silver"]},
                 "objects": [
                   {"name": "Project__c", "label": "Project", "fields": [
                     {"name": "Name", "type": "string", "length": 80, "required": true, "nameField": true, "search": "NAME"},
                     {"name": "Tier__c", "type": "picklist", "values": "Tier", "restricted": true},
                     {"name": "Budget__c", "type": "currency", "precision": 16, "scale": 2},
                     {"address": "Site", "label": "Site"}]},
                   {"name": "Task__c", "label": "Project Task", "owner": false, "shareable": false, "fields": [
                     {"name": "Project__c", "type": "reference", "required": true, "ref": ["Project__c"], "rel": "Project__r",
                      "child": "Tasks__r", "cascade": true}]}]}""";
        List<SObjectType> types = SObjectDefinitions.read(new ObjectMapper().readTree(json));
        Schema.Builder builder = StandardObjects.schemaBuilder();
        types.forEach(builder::add);
        Schema schema = builder.build();
        SObjectType project = schema.find("project__c").orElseThrow();
        assertTrue(project.keyPrefix().startsWith("a"));
        FieldDef tier = project.field("Tier__c").orElseThrow();
        assertTrue(tier.restrictedPicklist());
        assertEquals("Gold", tier.defaultPicklistValue().orElseThrow().value());
        assertTrue(tier.defaultedOnCreate());
        assertEquals(16, project.field("Budget__c").orElseThrow().precision());
        assertEquals("SiteAddress", project.field("SiteCity").orElseThrow().compoundFieldName());
        ChildRelationship tasks = project.childRelationship("TASKS__R").orElseThrow();
        assertEquals("Task__c", tasks.childSObject());
        assertTrue(tasks.cascadeDelete());
        SObjectType task = schema.find("Task__c").orElseThrow();
        assertFalse(task.hasOwner());
        assertTrue(task.field("OwnerId").isEmpty());
        assertNotEquals(project.keyPrefix(), task.keyPrefix());
        assertEquals("Project__c", task.fieldByRelationshipName("Project__r").orElseThrow().name());
    }
}
