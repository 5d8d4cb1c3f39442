/** Who may see and change what: profiles, permission sets, field-level security, org-wide defaults, roles and sharing. */
package dev.sfmcp.security;
