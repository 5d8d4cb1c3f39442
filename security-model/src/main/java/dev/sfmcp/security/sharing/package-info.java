/** Org-wide defaults, sharing rules, manual shares, and the upkeep of the share rows that materialise them. */
package dev.sfmcp.security.sharing;
