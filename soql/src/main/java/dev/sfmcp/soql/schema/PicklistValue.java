package dev.sfmcp.soql.schema;

/**
 * One picklist entry as describe lists it.
 *
 * @param probability the default Probability of an Opportunity stage (null for other picklists)
 * @param closed      for Opportunity stages and Case/Task statuses: the value means the record is closed
 * @param won         for Opportunity stages: the value means the deal is won
 */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue,
                            Integer probability, boolean closed, boolean won) {

    /** An active, non-default value whose label is the value. */
    public static PicklistValue of(String value) {
        return new PicklistValue(value, value, true, false, null, false, false);
    }
}
