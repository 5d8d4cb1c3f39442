package dev.sfmcp.emulator.org;

import dev.sfmcp.emulator.oauth.Principal;
import dev.sfmcp.emulator.tools.CallerIdentity;
import dev.sfmcp.emulator.tools.SchemaGuidance;
import dev.sfmcp.emulator.tools.ToolContext;
import dev.sfmcp.emulator.tools.ToolContextResolver;
import dev.sfmcp.fixtures.definition.ObjectGuidance;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.user.User;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import dev.sfmcp.security.view.UserAccessView;

/**
 * Resolves a tool call's principal to its org and user: the org of the token, the security model's view of the user.
 * In {@code --no-auth} mode (no token, so no user) calls run in the first loaded org as the configured user, or its
 * first active System Administrator.
 */
public final class OrgToolContexts implements ToolContextResolver {

    private final OrgRegistry orgs;
    private final Clock clock;
    private final String noAuthUsername;
    /**
     * The context of each org user, with the access view it was built on: the security model builds a new view after
     * any change (users, roles, profiles, permission sets, sharing), so a context whose view is still the current one
     * is still right, and a call pays no lookups under the model's lock.
     */
    private final Map<String, ToolContext> contexts = new ConcurrentHashMap<>();

    public OrgToolContexts(OrgRegistry orgs, Clock clock, String noAuthUsername) {
        this.orgs = orgs;
        this.clock = clock;
        this.noAuthUsername = noAuthUsername;
    }

    @Override
    public ToolContext resolve(Principal principal) {
        if (principal.orgId() == null) {
            Org first = orgs.all().stream().filter(o -> o.data().isPresent()).findFirst()
                    .orElseThrow(() -> unavailable("no org with data is loaded (start without --demo=false, or give --fixture)"));
            return context(first, first.data().get().security().viewFor(noAuthUser(first.data().get()).id()));
        }
        Org org = orgs.byId(principal.orgId()).orElseThrow(() -> unavailable("the token's org is no longer loaded"));
        if (org.data().isEmpty()) {
            throw unavailable("the org " + org.myDomain() + " has no data (it was created without a fixture)");
        }
        UserAccessView view;
        try {
            view = org.data().get().security().viewFor(principal.userId());
        } catch (IllegalArgumentException unknownUser) {
            throw invalidSession();
        }
        return context(org, view);
    }

    private ToolContext context(Org org, UserAccessView view) {
        if (!view.user().active()) {
            throw invalidSession();
        }
        String key = org.id() + '/' + view.userId();
        ToolContext cached = contexts.get(key);
        if (cached != null && cached.view() == view) {
            return cached;
        }
        LoadedOrg data = org.data().get();
        String apiVersion = data.settings().apiVersion() == null ? "66.0" : data.settings().apiVersion();
        ToolContext built = new ToolContext(data.engine(), view, identity(org, data.security(), view.user()),
                guidance(data), new OrgApiAccounting(org, clock, apiVersion), apiVersion, clock);
        contexts.put(key, built);
        return built;
    }

    private static SalesforceException invalidSession() {
        return new SalesforceException(SalesforceError.of("INVALID_SESSION_ID", "Session expired or invalid", 401));
    }

    private User noAuthUser(LoadedOrg data) {
        OrgSecurity security = data.security();
        if (noAuthUsername != null) {
            return security.userByUsername(noAuthUsername)
                    .orElseThrow(() -> unavailable("--no-auth-user '" + noAuthUsername + "' is not a user of " + data.myDomain()));
        }
        return security.users().stream().filter(User::active)
                .filter(u -> security.profile(u.profileId()).map(p -> p.name().equals("System Administrator")).orElse(false))
                .findFirst().orElseThrow(() -> unavailable("the org " + data.myDomain() + " has no active System Administrator for --no-auth calls"));
    }

    static CallerIdentity identity(Org org, OrgSecurity security, User user) {
        String profileName = security.profile(user.profileId()).map(p -> p.name()).orElse(null);
        String roleName = user.roleId() == null ? null : security.role(user.roleId()).map(r -> r.name()).orElse(null);
        String managerName = user.managerId() == null ? null : security.user(user.managerId()).map(User::name).orElse(null);
        return new CallerIdentity(user.id(), user.username(), user.name(), user.firstName(), user.lastName(),
                user.email() == null ? user.username() : user.email(), user.profileId(), profileName, roleName, managerName,
                org.name(), user.active(), user.timeZone().getId(), user.locale().toString());
    }

    private static SchemaGuidance guidance(LoadedOrg data) {
        return new SchemaGuidance() {
            @Override
            public String forObject(String sObject) {
                return data.guidance(sObject).map(ObjectGuidance::description).orElse(null);
            }

            @Override
            public Map<String, String> forFields(String sObject) {
                return data.guidance(sObject).map(ObjectGuidance::fields).orElse(Map.of());
            }
        };
    }

    private static SalesforceException unavailable(String why) {
        return new SalesforceException(SalesforceError.of("UNKNOWN_EXCEPTION", "The emulator cannot run this call: " + why + ".", 500));
    }

    /** The org of a principal, for callers outside the tools (prompts). */
    public Optional<Org> orgOf(Principal principal) {
        if (principal.orgId() == null) {
            return orgs.all().stream().filter(o -> o.data().isPresent()).findFirst();
        }
        return orgs.byId(principal.orgId());
    }
}
