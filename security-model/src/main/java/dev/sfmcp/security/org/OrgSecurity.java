package dev.sfmcp.security.org;

import dev.sfmcp.security.explain.AccessExplainer;
import dev.sfmcp.security.permission.EffectivePermissions;
import dev.sfmcp.security.permission.PermissionSet;
import dev.sfmcp.security.permission.PermissionSetGroup;
import dev.sfmcp.security.permission.Profile;
import dev.sfmcp.security.permission.StandardProfiles;
import dev.sfmcp.security.permission.SystemPermission;
import dev.sfmcp.security.principal.Group;
import dev.sfmcp.security.principal.GroupType;
import dev.sfmcp.security.principal.PrincipalGraph;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.security.sharing.ManualSharing;
import dev.sfmcp.security.sharing.ObjectSharing;
import dev.sfmcp.security.sharing.SharingRecalculation;
import dev.sfmcp.security.sharing.SharingRule;
import dev.sfmcp.security.sharing.SharingSettings;
import dev.sfmcp.security.store.SharingStore;
import dev.sfmcp.security.user.User;
import dev.sfmcp.security.view.SharingContext;
import dev.sfmcp.security.view.UserAccessView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One org's security: profiles, permission sets, users, roles, groups, sharing settings and rules, and the
 * per-user views built from them. Every change drops the cached views (they are cheap to rebuild) and, where
 * share rows depend on it, recalculates them through the engine's store in the caller's transaction.
 */
public final class OrgSecurity {

    private final SharingStore store;
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();
    private final Map<String, PermissionSetGroup> permissionSetGroups = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, SharingRule> rules = new LinkedHashMap<>();
    private final SharingSettings settings = SharingSettings.salesforceDefaults();

    private final Map<String, Saved> snapshots = new ConcurrentHashMap<>();

    /** Every definition as it was when a snapshot was taken. */
    private record Saved(Map<String, Profile> profiles, Map<String, PermissionSet> permissionSets,
                         Map<String, PermissionSetGroup> permissionSetGroups, Map<String, User> users,
                         Map<String, Role> roles, Map<String, Group> groups, Map<String, SharingRule> rules,
                         Map<String, ObjectSharing> settings) {
    }

    private volatile SharingContext context;
    private final Map<String, UserAccessView> views = new ConcurrentHashMap<>();
    private final ManualSharing manualSharing;
    private final AccessExplainer explainer;

    /** @param store the engine's share tables; every row change made here runs in the caller's transaction */
    public OrgSecurity(SharingStore store) {
        this.store = store;
        this.manualSharing = new ManualSharing(store, () -> context().principals(), o -> context().settings().of(o));
        this.explainer = new AccessExplainer(store, this::viewFor, this::users, () -> context().principals(),
                o -> context().settings().of(o));
    }

    /** An org holding the four standard profiles and Salesforce's default sharing settings. */
    public static OrgSecurity withStandardProfiles(SharingStore store) {
        OrgSecurity org = new OrgSecurity(store);
        StandardProfiles.all().forEach(org::putProfile);
        return org;
    }

    // ---- definitions --------------------------------------------------------------------------------

    public synchronized void putProfile(Profile profile) {
        profiles.put(profile.id(), profile);
        changed();
    }

    public synchronized void putPermissionSet(PermissionSet set) {
        permissionSets.put(set.id(), set);
        changed();
    }

    public synchronized void putPermissionSetGroup(PermissionSetGroup group) {
        permissionSetGroups.put(group.id(), group);
        group.permissionSets().forEach(s -> permissionSets.putIfAbsent(s.id(), s));
        changed();
    }

    /** Adds or replaces a user; its profile, role and assignments must exist. */
    public synchronized void putUser(User user) {
        require(profiles.containsKey(user.profileId()), "Unknown profile " + user.profileId() + " for user " + user.username());
        require(user.roleId() == null || roles.containsKey(user.roleId()), "Unknown role " + user.roleId() + " for user " + user.username());
        user.permissionSetIds().forEach(id -> require(permissionSets.containsKey(id), "Unknown permission set " + id));
        user.permissionSetGroupIds().forEach(id -> require(permissionSetGroups.containsKey(id), "Unknown permission set group " + id));
        for (User other : users.values()) {
            require(other.id().equals(user.id()) || !other.username().equalsIgnoreCase(user.username()),
                    "Duplicate username: " + user.username());
        }
        users.put(user.id(), user);
        changed();
    }

    /** Adds or replaces a role; the hierarchy must stay a tree. */
    public synchronized void putRole(Role role) {
        Role previous = roles.put(role.id(), role);
        try {
            changed();
            context();
        } catch (IllegalArgumentException e) {
            if (previous == null) {
                roles.remove(role.id());
            } else {
                roles.put(role.id(), previous);
            }
            changed();
            throw e;
        }
    }

    /** Adds or replaces a public group, a queue or the All Internal Users group. */
    public synchronized void putGroup(Group group) {
        require(group.type() != GroupType.Role && group.type() != GroupType.RoleAndSubordinates,
                "Role groups come with their role and cannot be defined directly");
        groups.put(group.id(), group);
        changed();
    }

    public synchronized void setSharing(ObjectSharing sharing) {
        settings.put(sharing);
        changed();
        store.atomically(tx -> recalculation(tx).allRulesChanged(sharing.sObject()));
    }

    /** Adds or replaces a sharing rule and recalculates the rows it governs. */
    public synchronized void putRule(SharingRule rule) {
        require(context().principals().group(rule.sharedWithGroupId()) != null,
                "Sharing rule " + rule.name() + " shares with an unknown group " + rule.sharedWithGroupId());
        if (rule instanceof SharingRule.OwnerBased owner) {
            require(context().principals().group(owner.ownedByGroupId()) != null,
                    "Sharing rule " + rule.name() + " shares records owned by an unknown group " + owner.ownedByGroupId());
        }
        require(context().settings().of(rule.sObject()).keepsShareRows(), "Sharing rule " + rule.name()
                + " needs " + rule.sObject() + " to be Private or Public Read Only, not " + context().settings().of(rule.sObject()).model().label());
        SharingRule previous = rules.put(rule.id(), rule);
        changed();
        store.atomically(tx -> {
            if (previous instanceof SharingRule.CriteriaBased && !previous.sharedWithGroupId().equals(rule.sharedWithGroupId())) {
                recalculation(tx).ruleChanged(previous.sObject(), previous.sharedWithGroupId());
            }
            return rule instanceof SharingRule.CriteriaBased ? recalculation(tx).ruleChanged(rule.sObject(), rule.sharedWithGroupId()) : 0;
        });
    }

    public synchronized void removeRule(String ruleId) {
        SharingRule rule = rules.remove(ruleId);
        changed();
        if (rule instanceof SharingRule.CriteriaBased) {
            store.atomically(tx -> recalculation(tx).ruleChanged(rule.sObject(), rule.sharedWithGroupId()));
        }
    }

    /**
     * Saves every definition under {@code name}, to go with the engine's snapshot of the same name (the engine
     * keeps the share rows; this keeps what they were computed from).
     */
    public synchronized void snapshot(String name) {
        snapshots.put(name, new Saved(new LinkedHashMap<>(profiles), new LinkedHashMap<>(permissionSets),
                new LinkedHashMap<>(permissionSetGroups), new LinkedHashMap<>(users), new LinkedHashMap<>(roles),
                new LinkedHashMap<>(groups), new LinkedHashMap<>(rules), new LinkedHashMap<>(settings.all())));
    }

    /** Returns every definition to the snapshot {@code name}; no share row is touched. */
    public synchronized void restore(String name) {
        Saved saved = snapshots.get(name);
        require(saved != null, "No security snapshot named " + name);
        replace(profiles, saved.profiles());
        replace(permissionSets, saved.permissionSets());
        replace(permissionSetGroups, saved.permissionSetGroups());
        replace(users, saved.users());
        replace(roles, saved.roles());
        replace(groups, saved.groups());
        replace(rules, saved.rules());
        saved.settings().values().forEach(settings::put);
        settings.retainOnly(saved.settings().keySet());
        changed();
    }

    private static <V> void replace(Map<String, V> target, Map<String, V> source) {
        target.clear();
        target.putAll(source);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private void changed() {
        context = null;
        views.clear();
    }

    // ---- questions ----------------------------------------------------------------------------------

    public synchronized Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public synchronized Optional<User> userByUsername(String username) {
        return users.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
    }

    public synchronized Collection<User> users() {
        return List.copyOf(users.values());
    }

    public synchronized Optional<Profile> profile(String profileId) {
        return Optional.ofNullable(profiles.get(profileId));
    }

    public synchronized Optional<Profile> profileByName(String name) {
        return profiles.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A permission set by Id (including those that came with a permission set group). */
    public synchronized Optional<PermissionSet> permissionSet(String setId) {
        return Optional.ofNullable(permissionSets.get(setId));
    }

    public synchronized Optional<Role> role(String roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }

    /** A role by its name (case-insensitive), as Setup's role pages and the admin API name roles. */
    public synchronized Optional<Role> roleByName(String name) {
        return roles.values().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Every role, in the order they were defined. */
    public synchronized List<Role> roles() {
        return List.copyOf(roles.values());
    }

    /** Every profile, in the order they were defined. */
    public synchronized List<Profile> profiles() {
        return List.copyOf(profiles.values());
    }

    /** Every permission set (including those of permission set groups), in the order they were defined. */
    public synchronized List<PermissionSet> permissionSets() {
        return List.copyOf(permissionSets.values());
    }

    /** A permission set by its API name (case-insensitive). */
    public synchronized Optional<PermissionSet> permissionSetByName(String name) {
        return permissionSets.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    public synchronized List<SharingRule> rules() {
        return List.copyOf(rules.values());
    }

    public ObjectSharing sharing(String sObject) {
        return context().settings().of(sObject);
    }

    /** The user's permissions: profile, assigned sets, and the sets of assigned groups. */
    public synchronized EffectivePermissions effectivePermissions(String userId) {
        User user = users.get(userId);
        require(user != null, "Unknown user " + userId);
        List<PermissionSet> sets = new ArrayList<>();
        sets.add(profiles.get(user.profileId()).permissions());
        user.permissionSetIds().forEach(id -> sets.add(permissionSets.get(id)));
        user.permissionSetGroupIds().forEach(id -> sets.addAll(permissionSetGroups.get(id).permissionSets()));
        return new EffectivePermissions(sets);
    }

    /** Whether the user may get an API token: active and API Enabled. */
    public ApiAccess apiAccess(String userId) {
        User user = user(userId).orElseThrow(() -> new IllegalArgumentException("Unknown user " + userId));
        return new ApiAccess(userId, user.active(), effectivePermissions(userId).has(SystemPermission.API_ENABLED));
    }

    /** The user's view, the AccessView every query and write of the user runs through. */
    public UserAccessView viewFor(String userId) {
        UserAccessView view = views.get(userId);
        if (view != null) {
            return view;
        }
        synchronized (this) {
            User user = users.get(userId);
            require(user != null, "Unknown user " + userId);
            UserAccessView built = new UserAccessView(user, effectivePermissions(userId), context());
            views.put(userId, built);
            return built;
        }
    }

    /** The role hierarchy and group membership as of now. */
    public PrincipalGraph principals() {
        return context().principals();
    }

    private SharingContext context() {
        SharingContext c = context;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (context == null) {
                Map<String, String> userRoles = new HashMap<>();
                users.values().forEach(u -> userRoles.put(u.id(), u.roleId()));
                Map<String, List<SharingRule>> byObject = new HashMap<>();
                rules.values().forEach(r -> byObject.computeIfAbsent(r.sObject().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r));
                byObject.replaceAll((k, v) -> List.copyOf(v));
                SharingSettings snapshot = new SharingSettings();
                settings.all().values().forEach(snapshot::put);
                context = new SharingContext(new PrincipalGraph(userRoles, roles.values(), groups.values()), snapshot, Map.copyOf(byObject));
            }
            return context;
        }
    }

    // ---- collaborators ------------------------------------------------------------------------------

    /**
     * Share-row upkeep for record changes, writing through {@code tx}: the engine's record-change listener calls
     * it with a store bound to the write's own transaction.
     */
    public SharingRecalculation recalculation(SharingStore tx) {
        return new SharingRecalculation(tx, o -> context().rules(o), o -> context().settings().of(o));
    }

    public ManualSharing manualSharing() {
        return manualSharing;
    }

    /** Manual sharing writing through {@code tx}, e.g. many shares loaded in one transaction. */
    public ManualSharing manualSharing(SharingStore tx) {
        return new ManualSharing(tx, () -> context().principals(), o -> context().settings().of(o));
    }

    public AccessExplainer explainer() {
        return explainer;
    }

    public SharingStore store() {
        return store;
    }
}
