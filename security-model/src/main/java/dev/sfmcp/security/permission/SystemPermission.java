package dev.sfmcp.security.permission;

/** The user permissions (org-wide, not per object) that change what the emulator lets a user do. */
public enum SystemPermission {
    /** PermissionsApiEnabled: without it a user cannot get an API (and so MCP) token. */
    API_ENABLED,
    /** PermissionsViewAllData: read every record of every object, whatever the sharing. */
    VIEW_ALL_DATA,
    /** PermissionsModifyAllData: read, edit, delete and transfer every record; implies View All Data. */
    MODIFY_ALL_DATA,
    /** PermissionsTransferAnyEntity ("Transfer Record"): change the owner of records the user can edit. */
    TRANSFER_ANY_ENTITY
}
