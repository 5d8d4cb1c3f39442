package dev.sfmcp.emulator.org;

import dev.sfmcp.fixtures.app.IpRange;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.security.permission.PermissionSet;
import dev.sfmcp.security.permission.SystemPermission;
import dev.sfmcp.security.user.User;
import dev.sfmcp.security.view.UserAccessView;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user of a fixture-loaded org as the OAuth layer sees it, read live from the security model, so that deactivating
 * a user or changing a profile takes effect on the next login or token check.
 */
public final class SecurityModelUser implements OrgUser {

    private final LoadedOrg org;
    private final String id;
    private final String username;
    private final Duration sessionTimeout;

    public SecurityModelUser(LoadedOrg org, User user, Duration sessionTimeout) {
        this.org = org;
        this.id = user.id();
        this.username = user.username().toLowerCase();
        this.sessionTimeout = sessionTimeout;
    }

    /** The security model's current record of this user. */
    public User user() {
        return org.security().user(id).orElseThrow(() -> new IllegalStateException("user " + username + " is gone"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String orgId() {
        return org.id();
    }

    /**
     * Asked on every MCP request by the gateway: answered from the user's cached access view (rebuilt by the security
     * model after any change), so the check neither takes the model's lock nor recomputes effective permissions.
     */
    @Override
    public boolean isActive() {
        return view().map(v -> v.user().active()).orElse(false);
    }

    @Override
    public boolean isApiEnabled() {
        return view().map(v -> v.permissions().has(SystemPermission.API_ENABLED)).orElse(false);
    }

    private Optional<UserAccessView> view() {
        try {
            return Optional.of(org.security().viewFor(id));
        } catch (IllegalArgumentException unknownUser) {
            return Optional.empty();
        }
    }

    @Override
    public String profileId() {
        return user().profileId();
    }

    @Override
    public String profileName() {
        return org.security().profile(user().profileId()).map(p -> p.name()).orElse("");
    }

    @Override
    public Set<String> permissionSetNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String setId : user().permissionSetIds()) {
            org.security().permissionSet(setId).map(PermissionSet::name).ifPresent(names::add);
        }
        return names;
    }

    @Override
    public boolean checkPassword(String candidate) {
        return user().checkPassword(candidate);
    }

    @Override
    public String timeZone() {
        return user().timeZone().getId();
    }

    @Override
    public String locale() {
        return user().locale().toString();
    }

    @Override
    public String email() {
        return user().email() == null ? username : user().email();
    }

    @Override
    public String displayName() {
        return user().name();
    }

    @Override
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    @Override
    public List<IpRange> loginIpRanges() {
        return List.of();
    }
}
