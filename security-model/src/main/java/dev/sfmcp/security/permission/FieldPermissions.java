package dev.sfmcp.security.permission;

/** Field-level security for one field (Salesforce's FieldPermissions): Edit needs Read. */
public record FieldPermissions(boolean read, boolean edit) {

    /** Hidden. */
    public static final FieldPermissions NONE = new FieldPermissions(false, false);
    /** Visible, read only. */
    public static final FieldPermissions READ = new FieldPermissions(true, false);
    /** Visible and editable. */
    public static final FieldPermissions EDIT = new FieldPermissions(true, true);

    public FieldPermissions {
        if (edit && !read) {
            throw new PermissionDependencyException("Invalid field permissions: Edit requires Read");
        }
    }

    /** Field permissions only add up across the profile and permission sets. */
    public FieldPermissions union(FieldPermissions other) {
        return new FieldPermissions(read || other.read, edit || other.edit);
    }
}
