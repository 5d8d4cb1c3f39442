package dev.sfmcp.soql.schema;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The built-in standard objects (Account, Contact, Opportunity, Lead, Case, Task, Event, Campaign,
 * CampaignMember, Product2, Pricebook2, PricebookEntry, OpportunityLineItem, User, Profile, UserRole, Group,
 * Organization) with their real standard fields, picklist values, relationship names and key prefixes, kept
 * as data in {@code standard-objects.json}.
 */
public final class StandardObjects {

    private static final List<SObjectType> TYPES = load();

    private StandardObjects() {
    }

    /** The standard types, unsettled: add custom objects to {@link #schemaBuilder()} before building. */
    public static List<SObjectType> types() {
        return TYPES;
    }

    /** A schema builder holding the standard objects, ready for custom objects and fields. */
    public static Schema.Builder schemaBuilder() {
        Schema.Builder b = Schema.builder();
        TYPES.forEach(b::add);
        return b;
    }

    /** The schema of a fresh org: the standard objects only. */
    public static Schema schema() {
        return schemaBuilder().build();
    }

    private static List<SObjectType> load() {
        try (InputStream in = StandardObjects.class.getResourceAsStream("standard-objects.json")) {
            if (in == null) {
                throw new IllegalStateException("standard-objects.json is missing from the classpath");
            }
            return SObjectDefinitions.read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
