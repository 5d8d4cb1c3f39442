package dev.sfmcp.security.permission;

import java.util.Objects;

/** A profile: every user has exactly one; its permissions are held by the permission set it owns. */
public record Profile(String id, String name, PermissionSet permissions) {

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permissions, "permissions");
    }
}
