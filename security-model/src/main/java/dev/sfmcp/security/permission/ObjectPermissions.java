package dev.sfmcp.security.permission;

import java.util.ArrayList;
import java.util.List;

/**
 * One object's permissions as a profile or permission set grants them (Salesforce's ObjectPermissions). The
 * dependencies between the flags are enforced here, on definition, as Setup enforces them: a definition that
 * breaks them is refused rather than silently widened.
 */
public record ObjectPermissions(boolean read, boolean create, boolean edit, boolean delete,
                                boolean viewAll, boolean modifyAll) {

    /** No access to the object. */
    public static final ObjectPermissions NONE = new ObjectPermissions(false, false, false, false, false, false);
    /** Read only. */
    public static final ObjectPermissions READ = new ObjectPermissions(true, false, false, false, false, false);
    /** Read, Create, Edit: no Delete. */
    public static final ObjectPermissions READ_CREATE_EDIT = new ObjectPermissions(true, true, true, false, false, false);
    /** Read, Create, Edit, Delete: what a standard profile gives on most sales objects. */
    public static final ObjectPermissions CRED = new ObjectPermissions(true, true, true, true, false, false);
    /** Everything, View All and Modify All included. */
    public static final ObjectPermissions FULL = new ObjectPermissions(true, true, true, true, true, true);

    public ObjectPermissions {
        List<String> broken = new ArrayList<>();
        if (create && !read) broken.add("Create requires Read");
        if (edit && !read) broken.add("Edit requires Read");
        if (delete && !(read && edit)) broken.add("Delete requires Read and Edit");
        if (viewAll && !read) broken.add("View All requires Read");
        if (modifyAll && !(read && edit && delete && viewAll)) broken.add("Modify All requires Read, Edit, Delete and View All");
        if (!broken.isEmpty()) {
            throw new PermissionDependencyException("Invalid object permissions: " + String.join("; ", broken));
        }
    }

    /** What a user holding both this and {@code other} may do: permissions only add up. */
    public ObjectPermissions union(ObjectPermissions other) {
        return new ObjectPermissions(read || other.read, create || other.create, edit || other.edit,
                delete || other.delete, viewAll || other.viewAll, modifyAll || other.modifyAll);
    }

    /**
     * Parses the short notation used by fixtures and tests: letters R, C, E, D, V (View All), M (Modify All),
     * e.g. {@code "RCED"}; an empty string or {@code "-"} means none.
     */
    public static ObjectPermissions parse(String flags) {
        String f = flags == null ? "" : flags.trim().toUpperCase();
        if (f.equals("-")) {
            f = "";
        }
        for (char c : f.toCharArray()) {
            if ("RCEDVM".indexOf(c) < 0) {
                throw new PermissionDependencyException("Unknown object permission letter '" + c + "' in \"" + flags + "\" (use R, C, E, D, V, M)");
            }
        }
        return new ObjectPermissions(f.contains("R"), f.contains("C"), f.contains("E"), f.contains("D"),
                f.contains("V"), f.contains("M"));
    }
}
