package dev.sfmcp.soql.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One field of an sObject, with everything describe prints about it and what the engine needs to store,
 * validate and search it. Build with {@link #builder(String, FieldType)}.
 *
 * @param name                  API name in its describe spelling
 * @param length                maximum characters of text types (0 otherwise)
 * @param precision             total digits of decimal types (0 otherwise)
 * @param scale                 digits after the point of decimal types
 * @param nillable              whether the field may be null; required on create means not nillable, createable
 *                              and not defaulted on create
 * @param calculated            a formula or engine-derived field (read-only; Contact.Name, Opportunity.IsClosed)
 * @param autoNumber            an auto-number field (read-only; CaseNumber)
 * @param system                a system field the engine maintains (Id, CreatedDate, IsDeleted, ...)
 * @param nameField             the object's name field
 * @param caseSensitive         whether text comparisons on it are case-sensitive
 * @param restrictedPicklist    whether only listed picklist values are accepted
 * @param referenceTo           the parent object types of a reference field (several when polymorphic)
 * @param relationshipName      the child-to-parent relationship name ({@code Account}, {@code Foo__r})
 * @param childRelationshipName the parent-to-child name this lookup adds on each parent ({@code Contacts}), or null
 * @param cascadeDelete         whether deleting the parent deletes the child (master-detail)
 * @param compoundFieldName     the compound (address) field this component belongs to, or null
 * @param searchGroup           the SOSL group the field is searched in, or null when SOSL does not search it
 * @param defaultValue          the value set on create when the request omits the field (text form), or null
 */
public record FieldDef(String name, String label, FieldType type, int length, int precision, int scale,
                       boolean nillable, boolean defaultedOnCreate, boolean createable, boolean updateable,
                       boolean unique, boolean externalId, boolean calculated, boolean autoNumber, boolean system,
                       boolean nameField, boolean caseSensitive, List<PicklistValue> picklistValues,
                       boolean restrictedPicklist, List<String> referenceTo, String relationshipName,
                       String childRelationshipName, boolean cascadeDelete, String compoundFieldName,
                       SearchGroup searchGroup, String defaultValue) {

    public FieldDef {
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
    }

    /** Whether a create must give a value (REQUIRED_FIELD_MISSING otherwise). */
    public boolean requiredOnCreate() {
        return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }

    /** Whether the field has a column of its own; the compound address field is virtual. */
    public boolean stored() {
        return type != FieldType.ADDRESS;
    }

    /** Whether the field is polymorphic (references several object types: What, Who, Owner). */
    public boolean polymorphic() {
        return referenceTo.size() > 1;
    }

    /** Whether SOSL searches the field. */
    public boolean searchable() {
        return searchGroup != null;
    }

    /** The picklist entry named {@code value} (case-insensitive), if listed. */
    public Optional<PicklistValue> picklistValue(String value) {
        return picklistValues.stream().filter(p -> p.value().equalsIgnoreCase(value)).findFirst();
    }

    /** The default picklist entry, if one is marked. */
    public Optional<PicklistValue> defaultPicklistValue() {
        return picklistValues.stream().filter(PicklistValue::defaultValue).findFirst();
    }

    /** The name's lower-case form, used as the case-insensitive lookup key. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Whether this is a custom field ({@code __c}). */
    public boolean custom() {
        return name.toLowerCase(Locale.ROOT).endsWith("__c");
    }

    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** Builds a {@link FieldDef}; defaults are those of an optional, editable standard field. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private int length;
        private int precision;
        private int scale;
        private boolean nillable = true;
        private boolean defaultedOnCreate;
        private boolean createable = true;
        private boolean updateable = true;
        private boolean unique;
        private boolean externalId;
        private boolean calculated;
        private boolean autoNumber;
        private boolean system;
        private boolean nameField;
        private boolean caseSensitive;
        private List<PicklistValue> picklistValues = List.of();
        private boolean restrictedPicklist;
        private List<String> referenceTo = List.of();
        private String relationshipName;
        private String childRelationshipName;
        private boolean cascadeDelete;
        private String compoundFieldName;
        private SearchGroup searchGroup;
        private String defaultValue;

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.length = switch (type) {
                case ID, REFERENCE -> 18;
                case STRING, EMAIL, URL, PICKLIST -> 255;
                case PHONE -> 40;
                case TEXTAREA -> 32768;
                case MULTIPICKLIST -> 4099;
                default -> 0;
            };
            if (type == FieldType.CURRENCY) {
                precision = 18;
                scale = 2;
            } else if (type == FieldType.DOUBLE || type == FieldType.PERCENT) {
                precision = 18;
                scale = 2;
            }
            if (type == FieldType.BOOLEAN) {
                nillable = false;
                defaultedOnCreate = true;
            }
        }

        public Builder label(String v) { label = v; return this; }
        public Builder length(int v) { length = v; return this; }
        public Builder precision(int p, int s) { precision = p; scale = s; return this; }
        public Builder required() { nillable = false; return this; }
        public Builder nillable(boolean v) { nillable = v; return this; }
        public Builder defaultedOnCreate(boolean v) { defaultedOnCreate = v; return this; }
        public Builder createable(boolean v) { createable = v; return this; }
        public Builder updateable(boolean v) { updateable = v; return this; }
        /** Neither createable nor updateable. */
        public Builder readOnly() { createable = false; updateable = false; return this; }
        public Builder unique(boolean v) { unique = v; return this; }
        public Builder externalId(boolean v) { externalId = v; return this; }
        /** A formula or engine-derived field: read-only. */
        public Builder calculated() { calculated = true; return readOnly(); }
        /** An auto-number field: read-only, set on create. */
        public Builder autoNumber() { autoNumber = true; defaultedOnCreate = true; nillable = false; return readOnly(); }
        public Builder system() { system = true; return readOnly(); }
        public Builder nameField() { nameField = true; return this; }
        public Builder caseSensitive(boolean v) { caseSensitive = v; return this; }
        public Builder picklist(List<PicklistValue> values, boolean restricted) {
            picklistValues = values;
            restrictedPicklist = restricted;
            return this;
        }
        public Builder referenceTo(List<String> parents, String relationship) {
            referenceTo = parents;
            relationshipName = relationship;
            return this;
        }
        public Builder childRelationship(String name, boolean cascade) {
            childRelationshipName = name;
            cascadeDelete = cascade;
            return this;
        }
        public Builder compoundFieldName(String v) { compoundFieldName = v; return this; }
        public Builder searchGroup(SearchGroup v) { searchGroup = v; return this; }
        public Builder defaultValue(String v) { defaultValue = v; defaultedOnCreate = v != null || defaultedOnCreate; return this; }

        public FieldDef build() {
            String shownLabel = label != null ? label : Labels.fromApiName(name);
            if (picklistValues.stream().anyMatch(PicklistValue::defaultValue)) {
                // a picklist with a default value is filled in on create, so it is never "missing"
                defaultedOnCreate = true;
            }
            return new FieldDef(name, shownLabel, type, length, precision, scale, nillable, defaultedOnCreate,
                    createable, updateable, unique, externalId, calculated, autoNumber, system, nameField,
                    caseSensitive, picklistValues, restrictedPicklist, referenceTo, relationshipName,
                    childRelationshipName, cascadeDelete, compoundFieldName, searchGroup, defaultValue);
        }
    }
}
