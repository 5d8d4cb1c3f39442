package dev.sfmcp.emulator.org;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.fixtures.org.OrgAssembler;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.permission.PermissionSet;
import dev.sfmcp.security.permission.Profile;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.security.user.User;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Setup's Users page for one org: list, create, activate or deactivate, assign and unassign permission sets, change
 * the role. Every change goes to the org's security model (so the next login, token check and tool call see it) and
 * to the {@code User} record the engine holds (so SOQL on User agrees).
 */
public final class UserAdministration {

    /** The password of users created without one: the demo org's. */
    public static final String DEFAULT_PASSWORD = "emulator";

    // Salesforce wants "the form of an email address"; this is its shape, not a full RFC 5322 check
    private static final Pattern USERNAME = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Org org;
    private final LoadedOrg data;
    private final OrgRegistry orgs;

    private UserAdministration(Org org, LoadedOrg data, OrgRegistry orgs) {
        this.org = org;
        this.data = data;
        this.orgs = orgs;
    }

    /**
     * The Users page of a fixture-loaded org.
     *
     * @param orgs every org, because a username must be unique across all of them; null checks this org only
     * @throws SetupException 409 when the org has no security model (built in code without a fixture)
     */
    public static UserAdministration of(Org org, OrgRegistry orgs) {
        LoadedOrg data = org.data().orElseThrow(() -> SetupException.conflict("the org " + org.myDomain()
                + " was built without a fixture: its users cannot be administered"));
        return new UserAdministration(org, data, orgs);
    }

    private OrgSecurity security() {
        return data.security();
    }

    /** Every user, by username. */
    public List<UserSummary> list() {
        List<UserSummary> out = new ArrayList<>();
        for (User u : security().users()) {
            out.add(summary(u));
        }
        out.sort(Comparator.comparing(UserSummary::username));
        return out;
    }

    /** One user, by username (case-insensitive). */
    public UserSummary describe(String username) {
        return summary(user(username));
    }

    /** Creates a user, with a User record, ready to log in; answers it as listed. */
    public UserSummary create(NewUser spec) {
        if (spec.username() == null || !USERNAME.matcher(spec.username()).matches()) {
            throw SetupException.invalid("Username: enter a username in the form of an email address (e.g., john@acme.com), not '"
                    + spec.username() + "'");
        }
        if (spec.lastName() == null || spec.lastName().isBlank()) {
            throw SetupException.invalid("Last Name: you must enter a value");
        }
        if (spec.profile() == null || spec.profile().isBlank()) {
            throw SetupException.invalid("Profile: you must enter a value");
        }
        Profile profile = security().profileByName(spec.profile())
                .orElseThrow(() -> SetupException.notFound("no profile named '" + spec.profile() + "' in " + org.myDomain()
                        + "; one of " + security().profiles().stream().map(Profile::name).toList()));
        String roleId = spec.role() == null || spec.role().isBlank() ? null : role(spec.role()).id();
        List<String> setIds = spec.permissionSets().stream().map(n -> permissionSet(n).id()).distinct().toList();
        ZoneId zone;
        try {
            zone = spec.timeZone() == null ? null : ZoneId.of(spec.timeZone());
        } catch (DateTimeException e) {
            throw SetupException.invalid("Time Zone: '" + spec.timeZone() + "' is not an IANA time zone such as America/Los_Angeles");
        }
        Locale locale = spec.locale() == null ? null : Locale.forLanguageTag(spec.locale().replace('_', '-'));
        synchronized (data) {
            boolean taken = orgs != null ? orgs.findUser(spec.username()).isPresent() || security().userByUsername(spec.username()).isPresent()
                    : security().userByUsername(spec.username()).isPresent();
            if (taken) {
                throw SetupException.conflict("Duplicate Username: '" + spec.username().toLowerCase(Locale.ROOT)
                        + "' already exists in this or another org. Usernames must be unique in all orgs.");
            }
            String id = data.engine().ids().next("005");
            User user = new User(id, spec.username().toLowerCase(Locale.ROOT), spec.active(), profile.id(), roleId, setIds, List.of(),
                    null, zone, locale, spec.email() == null ? spec.username().toLowerCase(Locale.ROOT) : spec.email(),
                    spec.firstName(), spec.lastName(), null)
                    .withPassword(spec.password() == null ? DEFAULT_PASSWORD : spec.password());
            try {
                data.engine().bulkInsert("User", List.of(OrgAssembler.userRecord(user, org.name(), null)), creator());
            } catch (SalesforceException e) {
                throw SetupException.invalid(e.error().errorCode() + ": " + e.error().message());
            }
            security().putUser(user);
            org.putUser(new SecurityModelUser(data, user, org.sessionTimeout()));
            return summary(user);
        }
    }

    /** Activates or deactivates a user; a deactivated user's tokens stop working at once (401 at the gateway). */
    public UserSummary setActive(String username, boolean active) {
        synchronized (data) {
            User user = user(username).withActive(active);
            save(user, Map.of("IsActive", active));
            return summary(user);
        }
    }

    /** Assigns a permission set by API name; assigning one the user has changes nothing. */
    public UserSummary assignPermissionSet(String username, String permissionSetName) {
        return changeAssignment(username, permissionSetName, true);
    }

    /** Removes a permission set assignment; 404 when the user does not have it. */
    public UserSummary unassignPermissionSet(String username, String permissionSetName) {
        return changeAssignment(username, permissionSetName, false);
    }

    private UserSummary changeAssignment(String username, String permissionSetName, boolean assign) {
        synchronized (data) {
            User user = user(username);
            PermissionSet set = permissionSet(permissionSetName);
            boolean has = user.permissionSetIds().contains(set.id());
            if (has == assign) {
                if (assign) {
                    return summary(user);
                }
                throw SetupException.notFound("user " + user.username() + " is not assigned the permission set '" + set.name() + "'");
            }
            List<String> ids = new ArrayList<>(user.permissionSetIds());
            if (assign) {
                ids.add(set.id());
            } else {
                ids.remove(set.id());
            }
            User changed = user.withPermissionSets(ids, user.permissionSetGroupIds());
            save(changed, Map.of());
            return summary(changed);
        }
    }

    /** Moves a user to the role named {@code roleName}, or out of the hierarchy when it is null or blank. */
    public UserSummary changeRole(String username, String roleName) {
        synchronized (data) {
            User user = user(username);
            String roleId = roleName == null || roleName.isBlank() ? null : role(roleName).id();
            User changed = user.withRole(roleId);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("UserRoleId", roleId);
            save(changed, row);
            return summary(changed);
        }
    }

    /**
     * Brings the org's login directory back in line with the security model, after a reset returned the model to its
     * loaded state: users created since are dropped, users it holds are (re)listed.
     */
    public void resync() {
        synchronized (data) {
            for (OrgUser known : org.users()) {
                if (known instanceof SecurityModelUser && security().user(known.id()).isEmpty()) {
                    org.removeUser(known.username());
                }
            }
            for (User u : security().users()) {
                if (org.userById(u.id()).isEmpty()) {
                    org.putUser(new SecurityModelUser(data, u, org.sessionTimeout()));
                }
            }
        }
    }

    private void save(User user, Map<String, Object> recordChange) {
        try {
            security().putUser(user);
        } catch (IllegalArgumentException e) {
            throw SetupException.conflict(e.getMessage());
        }
        if (!recordChange.isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            recordChange.forEach((k, v) -> {
                if (v == null) {
                    body.putNull(k);
                } else if (v instanceof Boolean b) {
                    body.put(k, b);
                } else {
                    body.put(k, v.toString());
                }
            });
            data.engine().update(systemView(), "User", user.id(), body);
        }
    }

    private User user(String username) {
        return security().userByUsername(username)
                .orElseThrow(() -> SetupException.notFound("no user '" + username + "' in org " + org.myDomain()));
    }

    private Role role(String name) {
        return security().roleByName(name).orElseThrow(() -> SetupException.notFound("no role named '" + name + "' in "
                + org.myDomain() + "; one of " + security().roles().stream().map(Role::name).toList()));
    }

    private PermissionSet permissionSet(String name) {
        return security().permissionSetByName(name).orElseThrow(() -> SetupException.notFound("no permission set named '"
                + name + "' in " + org.myDomain() + "; one of " + security().permissionSets().stream().map(PermissionSet::name).toList()));
    }

    private UserSummary summary(User u) {
        String profile = security().profile(u.profileId()).map(Profile::name).orElse(null);
        String role = u.roleId() == null ? null : security().role(u.roleId()).map(Role::name).orElse(null);
        List<String> sets = u.permissionSetIds().stream()
                .map(id -> security().permissionSet(id).map(PermissionSet::name).orElse(id)).toList();
        boolean apiEnabled = security().user(u.id()).isPresent() && security().apiAccess(u.id()).apiEnabled();
        return new UserSummary(u.id(), u.username(), u.name(), u.email(), profile, role, sets, u.active(), apiEnabled);
    }

    /** Who Setup changes are made as: the org's first active System Administrator, else nobody in particular. */
    String creator() {
        return SystemRecords.automatedUser(data);
    }

    private AccessView systemView() {
        return AccessView.system(creator(), ZoneId.of("UTC"), Locale.US);
    }
}
