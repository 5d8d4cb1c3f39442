package dev.sfmcp.soql.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One sObject type: what describe prints about it, its fields in describe order, and its relationships in both
 * directions. Names are looked up case-insensitively. Build with {@link #builder(String)}, which adds the
 * system fields every object has; a {@link Schema} fills in the child relationships.
 */
public final class SObjectType {

    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean custom;
    private final boolean queryable;
    private final boolean searchable;
    private final boolean createable;
    private final boolean updateable;
    private final boolean deletable;
    private final boolean hasOwner;
    private final boolean shareable;
    private final boolean recentItems;
    private final List<FieldDef> fields;
    private final List<FieldDef> storedFields;
    private final Map<String, FieldDef> fieldsByKey;
    private final Map<String, FieldDef> fieldsByRelationship;
    private final List<ChildRelationship> childRelationships;
    private final Map<String, ChildRelationship> childrenByKey;

    private SObjectType(Builder b, String keyPrefix, List<FieldDef> fields, List<ChildRelationship> children) {
        this.name = b.name;
        this.label = b.label;
        this.labelPlural = b.labelPlural;
        this.keyPrefix = keyPrefix;
        this.custom = b.name.toLowerCase(Locale.ROOT).endsWith("__c");
        this.queryable = b.queryable;
        this.searchable = b.searchable;
        this.createable = b.createable;
        this.updateable = b.updateable;
        this.deletable = b.deletable;
        this.hasOwner = b.hasOwner;
        this.shareable = b.shareable;
        this.recentItems = b.recentItems;
        this.fields = List.copyOf(fields);
        this.storedFields = this.fields.stream().filter(FieldDef::stored).toList();
        Map<String, FieldDef> byKey = new LinkedHashMap<>();
        Map<String, FieldDef> byRel = new LinkedHashMap<>();
        for (FieldDef f : fields) {
            byKey.put(f.key(), f);
            if (f.relationshipName() != null) {
                byRel.put(f.relationshipName().toLowerCase(Locale.ROOT), f);
            }
        }
        this.fieldsByKey = Collections.unmodifiableMap(byKey);
        this.fieldsByRelationship = Collections.unmodifiableMap(byRel);
        this.childRelationships = List.copyOf(children);
        Map<String, ChildRelationship> childKeys = new LinkedHashMap<>();
        for (ChildRelationship c : children) {
            childKeys.putIfAbsent(c.relationshipName().toLowerCase(Locale.ROOT), c);
        }
        this.childrenByKey = Collections.unmodifiableMap(childKeys);
    }

    /** This type with its key prefix and child relationships settled by the schema. */
    SObjectType settle(String prefix, List<ChildRelationship> children) {
        SObjectType settled = new SObjectType(source, prefix, fields, children);
        settled.source = source;
        return settled;
    }

    private Builder source;

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public boolean custom() { return custom; }
    public boolean queryable() { return queryable; }
    public boolean searchable() { return searchable; }
    public boolean createable() { return createable; }
    public boolean updateable() { return updateable; }
    public boolean deletable() { return deletable; }
    /** Whether records have an OwnerId (false for detail sides of master-detail and for setup objects). */
    public boolean hasOwner() { return hasOwner; }
    /** Whether the object has a share table ({@link #shareTableName()}). */
    public boolean shareable() { return shareable; }
    /** Whether the object tracks LastViewedDate and LastReferencedDate (recent-item support). */
    public boolean recentItems() { return recentItems; }
    /** Fields in describe order (Id first). */
    public List<FieldDef> fields() { return fields; }
    public List<ChildRelationship> childRelationships() { return childRelationships; }

    /** The field named {@code name}, case-insensitively. */
    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fieldsByKey.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The reference field whose child-to-parent relationship is {@code relationship} ({@code Account}, {@code Foo__r}). */
    public Optional<FieldDef> fieldByRelationshipName(String relationship) {
        return Optional.ofNullable(fieldsByRelationship.get(relationship.toLowerCase(Locale.ROOT)));
    }

    /** The parent-to-child relationship named {@code relationship} ({@code Contacts}). */
    public Optional<ChildRelationship> childRelationship(String relationship) {
        return Optional.ofNullable(childrenByKey.get(relationship.toLowerCase(Locale.ROOT)));
    }

    /** The name field ({@code Name}, {@code CaseNumber}, {@code Subject}). */
    public Optional<FieldDef> nameField() {
        return fields.stream().filter(FieldDef::nameField).findFirst();
    }

    /** Fields with a column of their own, in describe order. */
    public List<FieldDef> storedFields() {
        return storedFields;
    }

    /** The share table's name as Salesforce names it: {@code AccountShare}, {@code Foo__Share}. */
    public String shareTableName() {
        return custom ? name.substring(0, name.length() - 3) + "__Share" : name + "Share";
    }

    @Override
    public String toString() {
        return name;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this type's definition, to add custom fields to it (e.g. to a standard object). */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.label = source.label;
        b.labelPlural = source.labelPlural;
        b.keyPrefix = keyPrefix;
        b.queryable = queryable;
        b.searchable = searchable;
        b.createable = createable;
        b.updateable = updateable;
        b.deletable = deletable;
        b.hasOwner = hasOwner;
        b.shareable = shareable;
        b.recentItems = recentItems;
        b.ownerTypes = source.ownerTypes;
        b.fields.addAll(source.fields);
        return b;
    }

    /** Builds an {@link SObjectType}; the system fields are added on {@link #build()}. */
    public static final class Builder {
        private static final java.util.Set<String> SYSTEM_KEYS = java.util.Set.of("id", "ownerid", "isdeleted",
                "createddate", "createdbyid", "lastmodifieddate", "lastmodifiedbyid", "systemmodstamp",
                "lastvieweddate", "lastreferenceddate");
        private final String name;
        private String label;
        private String labelPlural;
        private String keyPrefix;
        private boolean queryable = true;
        private boolean searchable = true;
        private boolean createable = true;
        private boolean updateable = true;
        private boolean deletable = true;
        private boolean hasOwner = true;
        private boolean shareable = true;
        private boolean recentItems = true;
        private List<String> ownerTypes = List.of("User");
        private final List<FieldDef> fields = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder label(String v) { label = v; return this; }
        public Builder labelPlural(String v) { labelPlural = v; return this; }
        /** The 3-character Id prefix; custom objects without one get {@code a00}, {@code a01}, ... from the schema. */
        public Builder keyPrefix(String v) { keyPrefix = v; return this; }
        public Builder queryable(boolean v) { queryable = v; return this; }
        public Builder searchable(boolean v) { searchable = v; return this; }
        public Builder createable(boolean v) { createable = v; return this; }
        public Builder updateable(boolean v) { updateable = v; return this; }
        public Builder deletable(boolean v) { deletable = v; return this; }
        /** Whether records have an owner; {@code ownerTypes} are what OwnerId may reference (User, or Group and User for queues). */
        public Builder owner(boolean v, List<String> types) { hasOwner = v; ownerTypes = types; return this; }
        public Builder owner(boolean v) { hasOwner = v; return this; }
        public Builder shareable(boolean v) { shareable = v; return this; }
        public Builder recentItems(boolean v) { recentItems = v; return this; }
        public Builder field(FieldDef f) { fields.add(f); return this; }

        /**
         * An address: the compound field {@code <prefix>Address} (virtual) and its stored components
         * {@code <prefix>Street}, {@code City}, {@code State}, {@code PostalCode}, {@code Country},
         * {@code Latitude}, {@code Longitude}, {@code GeocodeAccuracy}.
         */
        public Builder address(String prefix, String labelPrefix) {
            String compound = prefix + "Address";
            String lp = labelPrefix.isEmpty() ? "" : labelPrefix + " ";
            fields.add(FieldDef.builder(prefix + "Street", FieldType.TEXTAREA).label(lp + "Street").length(255)
                    .compoundFieldName(compound).searchGroup(SearchGroup.OTHER).build());
            fields.add(FieldDef.builder(prefix + "City", FieldType.STRING).label(lp + "City").length(40)
                    .compoundFieldName(compound).searchGroup(SearchGroup.OTHER).build());
            fields.add(FieldDef.builder(prefix + "State", FieldType.STRING).label(lp + "State/Province").length(80)
                    .compoundFieldName(compound).searchGroup(SearchGroup.OTHER).build());
            fields.add(FieldDef.builder(prefix + "PostalCode", FieldType.STRING).label(lp + "Zip/Postal Code").length(20)
                    .compoundFieldName(compound).searchGroup(SearchGroup.OTHER).build());
            fields.add(FieldDef.builder(prefix + "Country", FieldType.STRING).label(lp + "Country").length(80)
                    .compoundFieldName(compound).searchGroup(SearchGroup.OTHER).build());
            fields.add(FieldDef.builder(prefix + "Latitude", FieldType.DOUBLE).label(lp + "Latitude").precision(18, 15)
                    .compoundFieldName(compound).build());
            fields.add(FieldDef.builder(prefix + "Longitude", FieldType.DOUBLE).label(lp + "Longitude").precision(18, 15)
                    .compoundFieldName(compound).build());
            fields.add(FieldDef.builder(prefix + "GeocodeAccuracy", FieldType.PICKLIST).label(lp + "Geocode Accuracy")
                    .length(40).picklist(List.of("Address", "NearAddress", "Block", "Street", "ExtendedZip", "Zip",
                            "Neighborhood", "City", "County", "State", "Unknown").stream().map(PicklistValue::of).toList(), true)
                    .compoundFieldName(compound).build());
            fields.add(FieldDef.builder(compound, FieldType.ADDRESS).label(lp + "Address").readOnly().build());
            return this;
        }

        public SObjectType build() {
            if (label == null) {
                label = Labels.fromApiName(name);
            }
            if (labelPlural == null) {
                labelPlural = label.endsWith("s") ? label + "es" : label.endsWith("y") ? label.substring(0, label.length() - 1) + "ies" : label + "s";
            }
            List<FieldDef> all = new ArrayList<>();
            Map<String, FieldDef> given = new LinkedHashMap<>();
            for (FieldDef f : fields) {
                given.put(f.key(), f);
            }
            addUnlessGiven(all, given, FieldDef.builder("Id", FieldType.ID).label(label + " ID").system()
                    .nillable(false).defaultedOnCreate(true).caseSensitive(true).build());
            if (hasOwner) {
                addUnlessGiven(all, given, FieldDef.builder("OwnerId", FieldType.REFERENCE).label("Owner ID")
                        .nillable(false).defaultedOnCreate(true).referenceTo(ownerTypes, "Owner").build());
            }
            addUnlessGiven(all, given, FieldDef.builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").system().build());
            for (FieldDef f : fields) {
                if (!SYSTEM_KEYS.contains(f.key())) {
                    all.add(f);
                }
            }
            addUnlessGiven(all, given, audit("CreatedDate", FieldType.DATETIME, "Created Date", null));
            addUnlessGiven(all, given, audit("CreatedById", FieldType.REFERENCE, "Created By ID", "CreatedBy"));
            addUnlessGiven(all, given, audit("LastModifiedDate", FieldType.DATETIME, "Last Modified Date", null));
            addUnlessGiven(all, given, audit("LastModifiedById", FieldType.REFERENCE, "Last Modified By ID", "LastModifiedBy"));
            addUnlessGiven(all, given, audit("SystemModstamp", FieldType.DATETIME, "System Modstamp", null));
            if (recentItems) {
                addUnlessGiven(all, given, FieldDef.builder("LastViewedDate", FieldType.DATETIME).label("Last Viewed Date").system().build());
                addUnlessGiven(all, given, FieldDef.builder("LastReferencedDate", FieldType.DATETIME).label("Last Referenced Date").system().build());
            }
            SObjectType built = new SObjectType(this, keyPrefix, all, List.of());
            built.source = this;
            return built;
        }

        private static FieldDef audit(String name, FieldType type, String label, String relationship) {
            FieldDef.Builder b = FieldDef.builder(name, type).label(label).system().nillable(false).defaultedOnCreate(true);
            if (relationship != null) {
                b.referenceTo(List.of("User"), relationship);
            }
            return b.build();
        }

        private static void addUnlessGiven(List<FieldDef> all, Map<String, FieldDef> given, FieldDef standard) {
            all.add(given.getOrDefault(standard.key(), standard));
        }
    }
}
