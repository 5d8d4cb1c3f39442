/** Who is whom to sharing: roles and their hierarchy, public groups, role groups, expanded in Java into principal sets. */
package dev.sfmcp.security.principal;
