/** One org's security definitions and the facade other modules call (views, API access facts, rules, shares). */
package dev.sfmcp.security.org;
