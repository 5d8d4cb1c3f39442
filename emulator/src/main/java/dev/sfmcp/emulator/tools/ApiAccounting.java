package dev.sfmcp.emulator.tools;

/**
 * What an org counts of each tool call: the DailyApiRequests quota, charged before the call runs, and one
 * ApiTotalUsage event per call whatever its outcome.
 */
public interface ApiAccounting {

    /** Counts the call against the quota; false when the org is out of requests. */
    boolean charge();

    /** Records the call's ApiTotalUsage event. */
    void record(ToolCall call, RestResource resource, int statusCode, boolean countedAgainstLimit);
}
