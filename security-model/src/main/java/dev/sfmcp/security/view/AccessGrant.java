package dev.sfmcp.security.view;

import dev.sfmcp.soql.access.RecordFilter;

/**
 * One labelled part of a user's record filter: the union of a user's grants is the filter the engine compiles;
 * the label is what "why can this user see this record?" answers.
 *
 * @param detail what the grant is about in words (a rule's name, the subordinates' count), for the console
 */
public record AccessGrant(AccessReason reason, String detail, RecordFilter filter) {
}
