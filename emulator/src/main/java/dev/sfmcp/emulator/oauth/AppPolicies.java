package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import dev.sfmcp.fixtures.app.IpRange;
import dev.sfmcp.fixtures.app.PermittedUsersPolicyType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The app policies checked at login and again on every grant: permitted users and IP restrictions. */
final class AppPolicies {

    private AppPolicies() {
    }

    /** Admin-approved apps admit only users whose profile or a permission set is listed. */
    static void checkPermittedUser(ExternalClientApp app, OrgUser user) {
        if (app.permittedUsersPolicyType() != PermittedUsersPolicyType.AdminApprovedPreAuthorized) {
            return;
        }
        boolean byProfile = app.commaSeparatedProfile().stream().anyMatch(p -> p.equalsIgnoreCase(user.profileName()));
        boolean byPermissionSet = app.commaSeparatedPermissionSet().stream()
                .anyMatch(ps -> user.permissionSetNames().stream().anyMatch(ps::equalsIgnoreCase));
        if (!byProfile && !byPermissionSet) {
            throw OAuthError.notApproved();
        }
    }

    /** The app's and the profile's trusted ranges apply unless the app's relaxation policy lifts them. */
    static void checkIp(ExternalClientApp app, OrgUser user, String clientIp, boolean refreshGrant) {
        if (!app.ipRelaxationPolicyType().restricts(refreshGrant)) {
            return;
        }
        List<IpRange> ranges = new ArrayList<>(app.trustedIpRanges());
        ranges.addAll(user.loginIpRanges());
        if (!ranges.isEmpty() && ranges.stream().noneMatch(r -> r.contains(clientIp))) {
            throw OAuthError.ipRestricted();
        }
    }

    /** The caller's address: the first X-Forwarded-For hop when a proxy (or a test) names it, else the socket's. */
    static String clientIp(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            int comma = forwarded.indexOf(',');
            return (comma >= 0 ? forwarded.substring(0, comma) : forwarded).trim();
        }
        return ctx.ip();
    }
}
