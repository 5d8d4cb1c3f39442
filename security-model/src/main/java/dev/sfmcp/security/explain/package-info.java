/** Questions about access to one record ("why can this user see it?", "who can?") answered by the engine. */
package dev.sfmcp.security.explain;
