package dev.sfmcp.emulator.org;

import java.time.Instant;

/**
 * One {@code ApiTotalUsage} event, with the columns of the real EventLogFile (hosted-mcp.md §11). Ids are kept in
 * their 18-character form; the CSV writes ORGANIZATION_ID and the other Ids with 15 characters as the real files do.
 */
public record ApiUsageEvent(Instant timestamp, String requestId, String orgId, String userId, String username,
                            String apiVersion, String httpMethod, int statusCode, String clientName, String clientIp,
                            String connectedAppId, String connectedAppName, String apiResource, String entityName,
                            boolean countsAgainstApiLimit) {

    /** The category the real log gives hosted-MCP traffic. */
    public static final String CATEGORY = "SALESFORCE_HOSTED_MCP";
    public static final String EVENT_TYPE = "ApiTotalUsage";
    public static final String API_FAMILY = "REST";
}
