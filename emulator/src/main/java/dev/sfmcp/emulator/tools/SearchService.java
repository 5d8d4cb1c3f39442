package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.access.AccessView;

/** SOSL for the find tool: answers the REST {@code {"searchRecords":[...]}} body or throws SalesforceException. */
@FunctionalInterface
public interface SearchService {

    ObjectNode search(AccessView view, String sosl);
}
