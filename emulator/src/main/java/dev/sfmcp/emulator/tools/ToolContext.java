package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.access.AccessView;
import java.time.Clock;

/**
 * Everything one tool call needs from its org, already resolved for the caller: the org's data engine (SOQL, SOSL,
 * DML, describe), the caller's access view and identity, the admin-authored schema guidance, the org's API
 * accounting (quota and event log), the REST API version and the clock.
 */
public record ToolContext(DataEngine engine, AccessView view, CallerIdentity caller, SchemaGuidance guidance,
                          ApiAccounting accounting, String apiVersion, Clock clock) {
}
