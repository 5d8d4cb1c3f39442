package dev.sfmcp.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An org's daily API request allowance as its limits resource reports it ({@code DailyApiRequests}).
 *
 * @param max       the allowance over the rolling 24 hours
 * @param remaining what is left of it
 * @param limits    the whole limits document, for the other limits it carries
 */
public record ApiUsage(long max, long remaining, JsonNode limits) {

    /** @return the requests counted against the allowance: {@code max - remaining} */
    public long used() {
        return max - remaining;
    }
}
