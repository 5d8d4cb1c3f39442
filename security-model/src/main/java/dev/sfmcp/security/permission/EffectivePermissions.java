package dev.sfmcp.security.permission;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one user may do, object by object and field by field: the union of the profile and of every assigned
 * permission set (those inside assigned groups included). View All Data and Modify All Data widen object
 * access the way Salesforce does (they imply Read, resp. every object permission, on every object); field-level
 * security still applies to them, which is why the System Administrator profile grants every field.
 */
public final class EffectivePermissions {

    /**
     * Fields that follow the object rather than FLS: the record Id and the audit fields are readable wherever the
     * object is and never editable; the name and owner cannot lose FLS (they are universally required).
     */
    private static final Set<String> SYSTEM_FIELDS = Set.of("id", "isdeleted", "createdbyid", "createddate",
            "lastmodifiedbyid", "lastmodifieddate", "systemmodstamp", "lastvieweddate", "lastreferenceddate");
    private static final Set<String> ALWAYS_EDITABLE_FIELDS = Set.of("name", "ownerid");

    private final List<PermissionSet> sets;
    private final EnumSet<SystemPermission> system = EnumSet.noneOf(SystemPermission.class);
    private final ConcurrentHashMap<String, ObjectPermissions> objectCache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, FieldPermissions> fieldCache = new ConcurrentHashMap<>();

    public EffectivePermissions(List<PermissionSet> sets) {
        this.sets = List.copyOf(sets);
        for (PermissionSet s : this.sets) {
            system.addAll(s.systemPermissions());
        }
        if (system.contains(SystemPermission.MODIFY_ALL_DATA)) {
            system.add(SystemPermission.VIEW_ALL_DATA);
        }
    }

    /** The sets this user's permissions come from, the profile's first. */
    public List<PermissionSet> sources() {
        return sets;
    }

    public boolean has(SystemPermission permission) {
        return system.contains(permission);
    }

    public Set<SystemPermission> systemPermissions() {
        return EnumSet.copyOf(system);
    }

    /** The union of every source's permissions on {@code sObject}, widened by View/Modify All Data. */
    public ObjectPermissions object(String sObject) {
        return objectCache.computeIfAbsent(sObject.toLowerCase(Locale.ROOT), key -> {
            ObjectPermissions p = ObjectPermissions.NONE;
            for (PermissionSet s : sets) {
                p = p.union(s.objectPermissions(key));
            }
            if (system.contains(SystemPermission.MODIFY_ALL_DATA)) {
                p = ObjectPermissions.FULL;
            } else if (system.contains(SystemPermission.VIEW_ALL_DATA)) {
                p = p.union(new ObjectPermissions(true, false, false, false, true, false));
            }
            return p;
        });
    }

    /**
     * The user's field-level security on {@code sObject.field}. A field is never visible on an object the user
     * cannot read, and never editable on one the user can neither create nor edit.
     */
    public FieldPermissions field(String sObject, String field) {
        String key = sObject.toLowerCase(Locale.ROOT) + "." + field.toLowerCase(Locale.ROOT);
        return fieldCache.computeIfAbsent(key, k -> {
            ObjectPermissions o = object(sObject);
            if (!o.read()) {
                return FieldPermissions.NONE;
            }
            String f = field.toLowerCase(Locale.ROOT);
            if (SYSTEM_FIELDS.contains(f)) {
                return FieldPermissions.READ;
            }
            boolean writable = o.create() || o.edit();
            if (ALWAYS_EDITABLE_FIELDS.contains(f)) {
                return writable ? FieldPermissions.EDIT : FieldPermissions.READ;
            }
            FieldPermissions p = FieldPermissions.NONE;
            for (PermissionSet s : sets) {
                p = p.union(s.fieldPermissions(sObject, field));
            }
            return p.edit() && !writable ? FieldPermissions.READ : p;
        });
    }
}
