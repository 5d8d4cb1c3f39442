package dev.sfmcp.emulator.tools;

import dev.sfmcp.emulator.oauth.Principal;
import dev.sfmcp.soql.SalesforceException;

/** Finds the org and user of a call and builds its {@link ToolContext}. */
@FunctionalInterface
public interface ToolContextResolver {

    /**
     * @throws SalesforceException when the caller's org or user is gone (e.g. deactivated since the token was issued)
     */
    ToolContext resolve(Principal principal);
}
