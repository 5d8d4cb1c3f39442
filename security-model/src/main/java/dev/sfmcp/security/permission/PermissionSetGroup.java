package dev.sfmcp.security.permission;

import java.util.List;
import java.util.Objects;

/** A permission set group: assigning it assigns every set it contains (muting is not modelled). */
public record PermissionSetGroup(String id, String name, List<PermissionSet> permissionSets) {

    public PermissionSetGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        permissionSets = List.copyOf(permissionSets);
    }
}
