package dev.sfmcp.security.explain;

import dev.sfmcp.security.sharing.ShareRow;
import dev.sfmcp.security.view.AccessGrant;
import dev.sfmcp.soql.access.AccessLevel;
import java.util.List;

/**
 * The answer to "why can this user see this record?": the highest access the user has, the grants that give
 * each level, and the share rows that are involved.
 *
 * @param objectReadable whether the user may read the object at all (false: no grant can help)
 * @param maxAccess      the highest level reached, or null when the record is invisible to the user
 * @param readGrants     the grants through which the user reads the record
 * @param editGrants     the grants through which the user edits it
 * @param allGrants      the grants giving full access (delete, share, transfer)
 * @param shareRows      the record's share rows naming the user, one of the user's groups or a subordinate
 */
public record AccessExplanation(String userId, String sObject, String recordId, boolean objectReadable,
                                AccessLevel maxAccess, List<AccessGrant> readGrants, List<AccessGrant> editGrants,
                                List<AccessGrant> allGrants, List<ShareRow> shareRows) {

    public AccessExplanation {
        readGrants = List.copyOf(readGrants);
        editGrants = List.copyOf(editGrants);
        allGrants = List.copyOf(allGrants);
        shareRows = List.copyOf(shareRows);
    }

    public boolean canRead() {
        return maxAccess != null;
    }
}
