package dev.sfmcp.security.permission;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named bundle of object, field and system permissions. A profile carries one too (as in Salesforce, where
 * every profile owns a permission set); users receive the union of their profile's and every assigned set's.
 *
 * <p>Field permissions are kept per object as a default (what every field of the object gets unless listed)
 * plus explicit entries that override the default inside this set. The default lets the standard profiles say
 * "all fields" without knowing every field of every object.
 */
public final class PermissionSet {

    private final String id;
    private final String name;
    private final String label;
    private final Map<String, ObjectPermissions> objects;
    private final Map<String, FieldPermissions> fieldDefaults;
    private final Map<String, FieldPermissions> fields;
    private final Set<SystemPermission> system;
    private final ObjectPermissions otherObjects;
    private final FieldPermissions otherObjectFields;

    private PermissionSet(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.label = b.label == null ? b.name : b.label;
        this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(b.objects));
        this.fieldDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(b.fieldDefaults));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
        this.system = Collections.unmodifiableSet(b.system.isEmpty() ? EnumSet.noneOf(SystemPermission.class) : EnumSet.copyOf(b.system));
        this.otherObjects = b.otherObjects;
        this.otherObjectFields = b.otherObjectFields;
    }

    public String id() { return id; }

    /** The API name (e.g. {@code Sales_Ops}). */
    public String name() { return name; }

    public String label() { return label; }

    public Set<SystemPermission> systemPermissions() { return system; }

    /** The object permissions this set grants on {@code sObject} (NONE when it says nothing about it). */
    public ObjectPermissions objectPermissions(String sObject) {
        ObjectPermissions p = objects.get(key(sObject));
        return p != null ? p : otherObjects;
    }

    /** Objects this set names explicitly, by their lower-cased API name. */
    public Set<String> namedObjects() { return objects.keySet(); }

    /** What this set grants on one field, the object's field default applied. */
    public FieldPermissions fieldPermissions(String sObject, String field) {
        FieldPermissions explicit = fields.get(key(sObject) + "." + key(field));
        if (explicit != null) {
            return explicit;
        }
        FieldPermissions byDefault = fieldDefaults.get(key(sObject));
        if (byDefault != null) {
            return byDefault;
        }
        return objects.containsKey(key(sObject)) ? FieldPermissions.NONE : otherObjectFields;
    }

    static String key(String apiName) {
        return apiName.toLowerCase(Locale.ROOT);
    }

    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    @Override
    public String toString() {
        return "PermissionSet[" + name + "]";
    }

    /** Builds a permission set; every dependency is checked as the parts are added. */
    public static final class Builder {
        private final String id;
        private final String name;
        private String label;
        private final Map<String, ObjectPermissions> objects = new LinkedHashMap<>();
        private final Map<String, FieldPermissions> fieldDefaults = new LinkedHashMap<>();
        private final Map<String, FieldPermissions> fields = new LinkedHashMap<>();
        private final Set<SystemPermission> system = EnumSet.noneOf(SystemPermission.class);
        private ObjectPermissions otherObjects = ObjectPermissions.NONE;
        private FieldPermissions otherObjectFields = FieldPermissions.NONE;

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Grants {@code permissions} on {@code sObject}; its fields default to {@code fieldDefault}. */
        public Builder object(String sObject, ObjectPermissions permissions, FieldPermissions fieldDefault) {
            objects.put(key(sObject), permissions);
            fieldDefaults.put(key(sObject), fieldDefault);
            return this;
        }

        /** Grants {@code permissions} on {@code sObject} without touching its fields. */
        public Builder object(String sObject, ObjectPermissions permissions) {
            objects.put(key(sObject), permissions);
            return this;
        }

        /** The permissions on objects this set does not name (e.g. custom objects created later). */
        public Builder otherObjects(ObjectPermissions permissions, FieldPermissions fieldDefault) {
            this.otherObjects = permissions;
            this.otherObjectFields = fieldDefault;
            return this;
        }

        public Builder field(String sObject, String field, FieldPermissions permissions) {
            fields.put(key(sObject) + "." + key(field), permissions);
            return this;
        }

        public Builder system(SystemPermission... permissions) {
            system.addAll(java.util.List.of(permissions));
            return this;
        }

        public PermissionSet build() {
            if (system.contains(SystemPermission.MODIFY_ALL_DATA) && !system.contains(SystemPermission.VIEW_ALL_DATA)) {
                throw new PermissionDependencyException("Invalid system permissions in " + name + ": Modify All Data requires View All Data");
            }
            return new PermissionSet(this);
        }
    }
}
