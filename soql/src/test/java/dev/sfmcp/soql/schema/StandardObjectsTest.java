package dev.sfmcp.soql.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StandardObjectsTest {

    private final Schema schema = StandardObjects.schema();

    @Test
    void looksUpObjectsFieldsAndRelationshipsCaseInsensitively() {
        SObjectType contact = schema.find("contact").orElseThrow();
        assertEquals("Contact", contact.name());
        assertEquals("003", contact.keyPrefix());
        assertEquals("AccountId", contact.fieldByRelationshipName("ACCOUNT").orElseThrow().name());
        assertEquals("Email", contact.field("email").orElseThrow().name());
        assertEquals(SearchGroup.EMAIL, contact.field("Email").orElseThrow().searchGroup());
        assertTrue(contact.field("MailingCity").isPresent());
        assertEquals(FieldType.ADDRESS, contact.field("MailingAddress").orElseThrow().type());
        assertFalse(contact.field("MailingAddress").orElseThrow().stored());
    }

    @Test
    void childRelationshipsComeFromTheLookupsOfOtherObjects() {
        SObjectType account = schema.find("Account").orElseThrow();
        ChildRelationship contacts = account.childRelationship("contacts").orElseThrow();
        assertEquals(new ChildRelationship("Contact", "AccountId", "Contacts", true), contacts);
        assertTrue(account.childRelationship("Opportunities").isPresent());
        assertEquals("WhatId", account.childRelationship("Tasks").orElseThrow().field());
        SObjectType lead = schema.find("Lead").orElseThrow();
        assertEquals("WhoId", lead.childRelationship("Tasks").orElseThrow().field());
        SObjectType opp = schema.find("Opportunity").orElseThrow();
        assertTrue(opp.childRelationship("OpportunityLineItems").orElseThrow().cascadeDelete());
    }

    @Test
    void systemFieldsAreAddedAndReadOnly() {
        SObjectType account = schema.find("Account").orElseThrow();
        assertEquals("Id", account.fields().get(0).name());
        for (String name : List.of("Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", "LastViewedDate")) {
            FieldDef f = account.field(name).orElseThrow(() -> new AssertionError(name));
            assertFalse(f.createable() || f.updateable(), name);
        }
        FieldDef owner = account.field("OwnerId").orElseThrow();
        assertTrue(owner.createable() && owner.updateable());
        assertEquals(List.of("Group", "User"), schema.find("Case").orElseThrow().field("OwnerId").orElseThrow().referenceTo());
        assertFalse(schema.find("CampaignMember").orElseThrow().hasOwner());
        assertEquals("AccountShare", account.shareTableName());
    }

    @Test
    void picklistsCarryRealValues() {
        FieldDef stage = schema.find("Opportunity").orElseThrow().field("StageName").orElseThrow();
        PicklistValue won = stage.picklistValue("closed won").orElseThrow();
        assertEquals(100, won.probability());
        assertTrue(won.closed() && won.won());
        assertTrue(stage.requiredOnCreate());
        FieldDef status = schema.find("Lead").orElseThrow().field("Status").orElseThrow();
        assertEquals("Open - Not Contacted", status.defaultPicklistValue().orElseThrow().value());
        assertTrue(schema.find("Account").orElseThrow().field("Industry").orElseThrow().picklistValue("Media").isPresent());
    }

    @Test
    void customObjectsGetPrefixesSystemFieldsAndChildRelationships() {
        SObjectType invoice = SObjectType.builder("Invoice__c").label("Invoice")
                .field(FieldDef.builder("Name", FieldType.STRING).length(80).required().nameField().build())
                .field(FieldDef.builder("Account__c", FieldType.REFERENCE).referenceTo(List.of("Account"), "Account__r")
                        .childRelationship("Invoices__r", true).build())
                .build();
        Schema custom = StandardObjects.schemaBuilder().add(invoice).build();
        SObjectType settled = custom.find("INVOICE__C").orElseThrow();
        assertEquals("a00", settled.keyPrefix());
        assertTrue(settled.custom());
        assertEquals("Invoices", settled.labelPlural());
        assertEquals("Invoice__Share", settled.shareTableName());
        assertEquals("Account__c", settled.fieldByRelationshipName("account__r").orElseThrow().name());
        assertEquals("Invoice__c", custom.find("Account").orElseThrow().childRelationship("Invoices__r").orElseThrow().childSObject());
        assertEquals(settled, custom.byKeyPrefix("a00").orElseThrow());
    }

    @Test
    void labelsDeriveFromApiNames() {
        assertEquals("Annual Revenue", Labels.fromApiName("AnnualRevenue"));
        assertEquals("Account ID", Labels.fromApiName("AccountId"));
        assertEquals("Due Date", Labels.fromApiName("Due_Date__c"));
    }
}
