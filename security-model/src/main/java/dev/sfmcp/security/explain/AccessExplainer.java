package dev.sfmcp.security.explain;

import dev.sfmcp.security.principal.PrincipalGraph;
import dev.sfmcp.security.sharing.ObjectSharing;
import dev.sfmcp.security.sharing.ShareRow;
import dev.sfmcp.security.store.SharingStore;
import dev.sfmcp.security.user.User;
import dev.sfmcp.security.view.AccessGrant;
import dev.sfmcp.security.view.UserAccessView;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.RecordFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers questions about access to one record by asking the engine to evaluate each of the user's grants on
 * that record: the explanation is exactly what queries would do, never a second implementation of sharing.
 */
public final class AccessExplainer {

    private final SharingStore store;
    private final Function<String, UserAccessView> views;
    private final Supplier<Collection<User>> users;
    private final Supplier<PrincipalGraph> principals;
    private final Function<String, ObjectSharing> settingsOf;

    public AccessExplainer(SharingStore store, Function<String, UserAccessView> views, Supplier<Collection<User>> users,
                           Supplier<PrincipalGraph> principals, Function<String, ObjectSharing> settingsOf) {
        this.settingsOf = settingsOf;
        this.store = store;
        this.views = views;
        this.users = users;
        this.principals = principals;
    }

    /** Why (and how far) {@code userId} reaches record {@code recordId} of {@code sObject}. */
    public AccessExplanation explain(String userId, String sObject, String recordId) {
        UserAccessView view = views.apply(userId);
        boolean readable = view.canReadObject(sObject);
        List<AccessGrant> read = matching(view, sObject, recordId, AccessLevel.READ);
        List<AccessGrant> edit = read.isEmpty() ? List.of() : matching(view, sObject, recordId, AccessLevel.EDIT);
        List<AccessGrant> all = edit.isEmpty() ? List.of() : matching(view, sObject, recordId, AccessLevel.ALL);
        AccessLevel max = !all.isEmpty() ? AccessLevel.ALL : !edit.isEmpty() ? AccessLevel.EDIT : !read.isEmpty() ? AccessLevel.READ : null;
        // the rows that reach the user: through the user's groups, and through subordinates' when hierarchies apply
        Set<String> mine = settingsOf.apply(sObject).grantAccessUsingHierarchies()
                ? principals.get().principalsWithSubordinates(userId) : principals.get().principalsOf(userId);
        List<ShareRow> rows = new ArrayList<>();
        if (readable) {
            for (ShareRow row : store.rows(sObject, recordId)) {
                if (mine.contains(row.userOrGroupId())) {
                    rows.add(row);
                }
            }
        }
        return new AccessExplanation(userId, sObject, recordId, readable, max, read, edit, all, rows);
    }

    /** Every active user who reaches the record with at least {@code minimum}, with the highest level each has. */
    public List<UserAccess> whoCanAccess(String sObject, String recordId, AccessLevel minimum) {
        List<UserAccess> out = new ArrayList<>();
        for (User user : users.get()) {
            if (!user.active()) {
                continue;
            }
            UserAccessView view = views.apply(user.id());
            AccessLevel max = null;
            for (AccessLevel level : AccessLevel.values()) {
                if (passes(view.recordFilter(sObject, level), sObject, recordId)) {
                    max = level;
                } else {
                    break;
                }
            }
            if (max != null && max.covers(minimum)) {
                out.add(new UserAccess(user.id(), user.username(), max));
            }
        }
        return out;
    }

    private List<AccessGrant> matching(UserAccessView view, String sObject, String recordId, AccessLevel level) {
        List<AccessGrant> out = new ArrayList<>();
        for (AccessGrant grant : view.grants(sObject, level)) {
            if (passes(grant.filter(), sObject, recordId)) {
                out.add(grant);
            }
        }
        return out;
    }

    private boolean passes(RecordFilter filter, String sObject, String recordId) {
        return !(filter instanceof RecordFilter.None) && store.matches(sObject, recordId, filter);
    }
}
