package dev.sfmcp.emulator.tools;

import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.query.QueryEngine;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything one tool call needs from its org, already resolved for the caller: the org's data engine and query
 * engine, the caller's access view and identity, the admin-authored schema guidance, and the clock.
 */
public record ToolContext(DataEngine engine, QueryEngine queries, SearchService search, AccessView view,
                          CallerIdentity caller, SchemaGuidance guidance, Clock clock) {

    /** SOSL, when the org's engine has it. */
    public Optional<SearchService> searchService() {
        return Optional.ofNullable(search);
    }
}
