package dev.sfmcp.security.principal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of who is in which group and who is above whom: the role hierarchy and the group membership
 * expanded once, in Java, so that a user's sharing filter names a flat set of user and group Ids. Rebuilt
 * (it is cheap) whenever a user's role, a role or a group changes.
 */
public final class PrincipalGraph {

    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, String> roleOfUser = new HashMap<>();
    private final Map<String, List<String>> childRoles = new HashMap<>();
    private final Map<String, List<String>> usersOfRole = new HashMap<>();
    /** member Id (user or group) to the groups that list it directly. */
    private final Map<String, List<String>> containingGroups = new HashMap<>();
    private final Map<String, Set<String>> groupsOfUser = new HashMap<>();

    /**
     * @param userRoles every user Id mapped to its role Id (null for users outside the hierarchy)
     */
    public PrincipalGraph(Map<String, String> userRoles, Collection<Role> roles, Collection<Group> publicGroups) {
        for (Role r : roles) {
            this.roles.put(r.id(), r);
            this.groups.put(r.groupId(), new Group(r.groupId(), r.name(), GroupType.Role, Set.of(), true, r.id()));
            this.groups.put(r.subordinatesGroupId(),
                    new Group(r.subordinatesGroupId(), r.name(), GroupType.RoleAndSubordinates, Set.of(), true, r.id()));
        }
        for (Role r : roles) {
            if (r.parentRoleId() != null) {
                if (!this.roles.containsKey(r.parentRoleId())) {
                    throw new IllegalArgumentException("Role " + r.name() + " reports to an unknown role " + r.parentRoleId());
                }
                childRoles.computeIfAbsent(r.parentRoleId(), k -> new java.util.ArrayList<>()).add(r.id());
            }
        }
        checkNoCycle();
        userRoles.forEach((user, role) -> {
            roleOfUser.put(user, role);
            if (role != null) {
                usersOfRole.computeIfAbsent(role, k -> new java.util.ArrayList<>()).add(user);
            }
        });
        for (Group g : publicGroups) {
            groups.put(g.id(), g);
            for (String member : g.memberIds()) {
                containingGroups.computeIfAbsent(member, k -> new java.util.ArrayList<>()).add(g.id());
            }
        }
    }

    private void checkNoCycle() {
        for (Role r : roles.values()) {
            Set<String> seen = new HashSet<>();
            for (String at = r.id(); at != null; at = roles.get(at).parentRoleId()) {
                if (!seen.add(at)) {
                    throw new IllegalArgumentException("The role hierarchy has a cycle through role " + r.name());
                }
            }
        }
    }

    public Role role(String roleId) {
        return roleId == null ? null : roles.get(roleId);
    }

    public Group group(String groupId) {
        return groups.get(groupId);
    }

    public String roleOf(String userId) {
        return roleOfUser.get(userId);
    }

    /** Roles strictly below {@code roleId}. */
    public Set<String> subordinateRoles(String roleId) {
        Set<String> out = new LinkedHashSet<>();
        if (roleId == null) {
            return out;
        }
        Deque<String> todo = new ArrayDeque<>(childRoles.getOrDefault(roleId, List.of()));
        while (!todo.isEmpty()) {
            String r = todo.pop();
            if (out.add(r)) {
                todo.addAll(childRoles.getOrDefault(r, List.of()));
            }
        }
        return out;
    }

    /** Users in roles strictly below the user's role: whose records the user reaches through the hierarchy. */
    public Set<String> subordinateUsers(String userId) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : subordinateRoles(roleOfUser.get(userId))) {
            out.addAll(usersOfRole.getOrDefault(r, List.of()));
        }
        return out;
    }

    /** Whether {@code upper} sits strictly above {@code lower} in the role hierarchy. */
    public boolean isAbove(String upperUserId, String lowerUserId) {
        String lowerRole = roleOfUser.get(lowerUserId);
        String upperRole = roleOfUser.get(upperUserId);
        if (lowerRole == null || upperRole == null) {
            return false;
        }
        for (String at = roles.get(lowerRole).parentRoleId(); at != null; at = roles.get(at).parentRoleId()) {
            if (at.equals(upperRole)) {
                return true;
            }
        }
        return false;
    }

    /** Every group the user belongs to: its role's groups, the RoleAndSubordinates groups above, public groups (nested). */
    public Set<String> groupsOf(String userId) {
        return groupsOfUser.computeIfAbsent(userId, this::computeGroups);
    }

    private Set<String> computeGroups(String userId) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(userId);
        String role = roleOfUser.get(userId);
        if (role != null) {
            todo.add(roles.get(role).groupId());
            for (String at = role; at != null; at = roles.get(at).parentRoleId()) {
                todo.add(roles.get(at).subordinatesGroupId());
            }
        }
        for (Group g : groups.values()) {
            if (g.type() == GroupType.Organization) {
                todo.add(g.id());
            }
        }
        while (!todo.isEmpty()) {
            String member = todo.pop();
            if (!member.equals(userId) && !out.add(member)) {
                continue;
            }
            todo.addAll(containingGroups.getOrDefault(member, List.of()));
        }
        return out;
    }

    /** The user's own Id and groups: who a share row must name for the user to get it directly. */
    public Set<String> principalsOf(String userId) {
        Set<String> out = new LinkedHashSet<>();
        out.add(userId);
        out.addAll(groupsOf(userId));
        return out;
    }

    /**
     * The user's principals plus those of every user below in the hierarchy (groups that do not grant access
     * using hierarchies excepted): share rows naming any of them reach the user when hierarchies apply.
     */
    public Set<String> principalsWithSubordinates(String userId) {
        Set<String> out = principalsOf(userId);
        for (String sub : subordinateUsers(userId)) {
            out.add(sub);
            for (String g : groupsOf(sub)) {
                Group group = groups.get(g);
                if (group == null || group.includeBosses()) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    /** Every user in the group, nested groups and role groups expanded. */
    public Set<String> usersIn(String groupId) {
        Set<String> out = new LinkedHashSet<>();
        for (String user : roleOfUser.keySet()) {
            if (groupsOf(user).contains(groupId)) {
                out.add(user);
            }
        }
        return out;
    }

    /** Whether {@code id} names a user or a group this graph knows. */
    public boolean knows(String id) {
        return roleOfUser.containsKey(id) || groups.containsKey(id);
    }
}
