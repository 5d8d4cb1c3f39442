/** Profiles, permission sets and groups: object, field and system permissions, their dependencies and their union. */
package dev.sfmcp.security.permission;
