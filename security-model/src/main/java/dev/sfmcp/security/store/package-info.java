/** The security model's side of the data engine: share tables, record scans, filter probes and the change listener. */
package dev.sfmcp.security.store;
