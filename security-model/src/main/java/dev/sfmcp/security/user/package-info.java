/** Org users as the security model sees them, with their salted password hash. */
package dev.sfmcp.security.user;
