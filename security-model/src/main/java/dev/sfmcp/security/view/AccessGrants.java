package dev.sfmcp.security.view;

import dev.sfmcp.security.permission.EffectivePermissions;
import dev.sfmcp.security.permission.ObjectPermissions;
import dev.sfmcp.security.permission.SystemPermission;
import dev.sfmcp.security.principal.PrincipalGraph;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.security.sharing.ObjectSharing;
import dev.sfmcp.security.sharing.SharingModel;
import dev.sfmcp.security.sharing.SharingRule;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.RecordFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out, for one user, the grants that reach records of an object at a level. This is where Salesforce's
 * record access rules live; what is materialised and what is a filter:
 * <ul>
 *   <li>ownership and the role hierarchy: {@code OwnerIn(user + users in roles below)}, no rows;</li>
 *   <li>manual shares and criteria-based rules: share rows, reached by {@code SharedWith(user's principals)},
 *       where the principals are the user, the user's groups (expanded in Java) and, when hierarchies apply,
 *       the same for every subordinate;</li>
 *   <li>owner-based rules: {@code OwnerIn(members of the source group)} for users who receive the rule;</li>
 *   <li>implicit child access: {@code ParentVisible(AccountId, Account, OwnerIn(owners whose role opens it))};</li>
 *   <li>implicit parent read: {@code ChildVisible(child, AccountId, the child's own grants)};</li>
 *   <li>Controlled by Parent: {@code ParentVisible(parentField, parent, the parent's filter at the same level)}.</li>
 * </ul>
 */
public final class AccessGrants {

    /** The children whose access gives read on their Account, and whose Account owner may reach them. */
    private static final List<String> ACCOUNT_CHILDREN = List.of("Contact", "Opportunity", "Case");
    private static final int MAX_PARENT_DEPTH = 8;

    private final String userId;
    private final EffectivePermissions permissions;
    private final SharingContext context;

    public AccessGrants(String userId, EffectivePermissions permissions, SharingContext context) {
        this.userId = userId;
        this.permissions = permissions;
        this.context = context;
    }

    /** Every grant of {@code level} on {@code sObject}; empty when the user reaches no record. */
    public List<AccessGrant> grants(String sObject, AccessLevel level) {
        return grants(sObject, level, 0);
    }

    private List<AccessGrant> grants(String sObject, AccessLevel level, int depth) {
        ObjectPermissions object = permissions.object(sObject);
        if (!object.read()) {
            return List.of();
        }
        AccessGrant bypass = bypass(object, level);
        if (bypass != null) {
            return List.of(bypass);
        }
        ObjectSharing sharing = context.settings().of(sObject);
        List<AccessGrant> out = new ArrayList<>();
        if (sharing.model() == SharingModel.CONTROLLED_BY_PARENT) {
            if (depth >= MAX_PARENT_DEPTH) {
                throw new IllegalStateException("Controlled by Parent chain too deep at " + sObject);
            }
            RecordFilter parent = union(grants(sharing.parentObject(), level, depth + 1));
            if (!(parent instanceof RecordFilter.None)) {
                out.add(new AccessGrant(AccessReason.CONTROLLED_BY_PARENT, sharing.parentObject(),
                        parent instanceof RecordFilter.All ? RecordFilter.ALL
                                : new RecordFilter.ParentVisible(sharing.parentField(), sharing.parentObject(), parent)));
            }
            if (sharing.owned()) {
                out.addAll(ownership(sharing));
            }
            return out;
        }
        if (sharing.model().grants(level)) {
            return List.of(new AccessGrant(AccessReason.ORG_WIDE_DEFAULT, sharing.model().label(), RecordFilter.ALL));
        }
        out.addAll(ownGrants(sObject, sharing, level));
        out.addAll(implicitChild(sObject, sharing, level));
        if (sObject.equalsIgnoreCase("Account") && level == AccessLevel.READ) {
            out.addAll(implicitParent());
        }
        return out;
    }

    private AccessGrant bypass(ObjectPermissions object, AccessLevel level) {
        if (permissions.has(SystemPermission.MODIFY_ALL_DATA)) {
            return new AccessGrant(AccessReason.MODIFY_ALL_DATA, "Modify All Data", RecordFilter.ALL);
        }
        if (object.modifyAll()) {
            return new AccessGrant(AccessReason.MODIFY_ALL, "Modify All", RecordFilter.ALL);
        }
        if (level == AccessLevel.READ && permissions.has(SystemPermission.VIEW_ALL_DATA)) {
            return new AccessGrant(AccessReason.VIEW_ALL_DATA, "View All Data", RecordFilter.ALL);
        }
        if (level == AccessLevel.READ && object.viewAll()) {
            return new AccessGrant(AccessReason.VIEW_ALL, "View All", RecordFilter.ALL);
        }
        return null;
    }

    private List<AccessGrant> ownership(ObjectSharing sharing) {
        List<AccessGrant> out = new ArrayList<>();
        out.add(new AccessGrant(AccessReason.OWNER, "owner", new RecordFilter.OwnerIn(Set.of(userId))));
        Set<String> queues = new LinkedHashSet<>();
        for (String g : context.principals().groupsOf(userId)) {
            var group = context.principals().group(g);
            if (group != null && group.type() == dev.sfmcp.security.principal.GroupType.Queue) {
                queues.add(g);
            }
        }
        if (!queues.isEmpty()) {
            out.add(new AccessGrant(AccessReason.OWNER, "member of the owning queue", new RecordFilter.OwnerIn(queues)));
        }
        if (sharing.grantAccessUsingHierarchies()) {
            Set<String> below = context.principals().subordinateUsers(userId);
            if (!below.isEmpty()) {
                out.add(new AccessGrant(AccessReason.ROLE_HIERARCHY, below.size() + " users below in the role hierarchy",
                        new RecordFilter.OwnerIn(below)));
            }
        }
        return out;
    }

    /** Ownership, hierarchy, share rows and owner-based rules: the grants that do not come from another record. */
    private List<AccessGrant> ownGrants(String sObject, ObjectSharing sharing, AccessLevel level) {
        List<AccessGrant> out = new ArrayList<>();
        if (sharing.owned()) {
            out.addAll(ownership(sharing));
        }
        PrincipalGraph graph = context.principals();
        Set<String> principals = sharing.grantAccessUsingHierarchies()
                ? graph.principalsWithSubordinates(userId) : graph.principalsOf(userId);
        if (sharing.keepsShareRows()) {
            out.add(new AccessGrant(AccessReason.SHARE_ROW, "manual shares and criteria-based rules",
                    new RecordFilter.SharedWith(principals, level)));
        }
        for (SharingRule rule : context.rules(sObject)) {
            if (rule instanceof SharingRule.OwnerBased owner && rule.accessLevel().covers(level)
                    && principals.contains(rule.sharedWithGroupId())) {
                Set<String> owners = graph.usersIn(owner.ownedByGroupId());
                if (!owners.isEmpty()) {
                    out.add(new AccessGrant(AccessReason.SHARING_RULE, rule.name(), new RecordFilter.OwnerIn(owners)));
                }
            }
        }
        return out;
    }

    private List<AccessGrant> implicitChild(String sObject, ObjectSharing sharing, AccessLevel level) {
        if (ACCOUNT_CHILDREN.stream().noneMatch(sObject::equalsIgnoreCase) || !permissions.object("Account").read()) {
            return List.of();
        }
        PrincipalGraph graph = context.principals();
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(userId);
        if (sharing.grantAccessUsingHierarchies()) {
            candidates.addAll(graph.subordinateUsers(userId));
        }
        Set<String> owners = new LinkedHashSet<>();
        for (String owner : candidates) {
            Role role = graph.role(graph.roleOf(owner));
            AccessLevel opened = role == null ? null : role.accessForAccountOwner(sObject);
            if (opened != null && opened.covers(level)) {
                owners.add(owner);
            }
        }
        if (owners.isEmpty()) {
            return List.of();
        }
        return List.of(new AccessGrant(AccessReason.IMPLICIT_CHILD, "owner of the Account",
                new RecordFilter.ParentVisible("AccountId", "Account", new RecordFilter.OwnerIn(owners))));
    }

    private List<AccessGrant> implicitParent() {
        List<AccessGrant> out = new ArrayList<>();
        for (String child : ACCOUNT_CHILDREN) {
            ObjectSharing sharing = context.settings().of(child);
            if (sharing.model() == SharingModel.CONTROLLED_BY_PARENT || !permissions.object(child).read()) {
                continue;
            }
            RecordFilter childFilter = union(ownGrants(child, sharing, AccessLevel.READ));
            if (!(childFilter instanceof RecordFilter.None)) {
                out.add(new AccessGrant(AccessReason.IMPLICIT_PARENT, child,
                        new RecordFilter.ChildVisible(child, "AccountId", childFilter)));
            }
        }
        return out;
    }

    /** The filter the grants add up to. */
    public static RecordFilter union(List<AccessGrant> grants) {
        return RecordFilter.anyOf(grants.stream().map(AccessGrant::filter).toList());
    }
}
