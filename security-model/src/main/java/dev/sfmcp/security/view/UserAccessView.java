package dev.sfmcp.security.view;

import dev.sfmcp.security.permission.EffectivePermissions;
import dev.sfmcp.security.permission.FieldPermissions;
import dev.sfmcp.security.permission.SystemPermission;
import dev.sfmcp.security.sharing.SharingModel;
import dev.sfmcp.security.user.User;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.access.RecordFilter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One user's view of the org, the {@link AccessView} the engine runs every query and write through: object and
 * field rights from the effective permissions, record filters from the sharing model. Immutable over one
 * snapshot of the org's security; the org builds a new one after any change.
 */
public final class UserAccessView implements AccessView {

    private final User user;
    private final EffectivePermissions permissions;
    private final SharingContext context;
    private final AccessGrants grants;
    private final Map<String, RecordFilter> filters = new ConcurrentHashMap<>();

    public UserAccessView(User user, EffectivePermissions permissions, SharingContext context) {
        this.user = user;
        this.permissions = permissions;
        this.context = context;
        this.grants = new AccessGrants(user.id(), permissions, context);
    }

    public User user() {
        return user;
    }

    public EffectivePermissions permissions() {
        return permissions;
    }

    @Override public String userId() { return user.id(); }

    @Override public ZoneId timeZone() { return user.timeZone(); }

    @Override public Locale locale() { return user.locale(); }

    @Override public boolean canReadObject(String sObject) { return permissions.object(sObject).read(); }

    @Override public boolean canCreate(String sObject) { return permissions.object(sObject).create(); }

    @Override public boolean canEdit(String sObject) { return permissions.object(sObject).edit(); }

    @Override public boolean canDelete(String sObject) { return permissions.object(sObject).delete(); }

    @Override public boolean canReadField(String sObject, String field) { return fls(sObject, field).read(); }

    @Override public boolean canEditField(String sObject, String field) { return fls(sObject, field).edit(); }

    private FieldPermissions fls(String sObject, String field) {
        return permissions.field(sObject, field);
    }

    @Override
    public RecordFilter recordFilter(String sObject, AccessLevel level) {
        return filters.computeIfAbsent(sObject.toLowerCase(Locale.ROOT) + "#" + level,
                k -> AccessGrants.union(grants.grants(sObject, level)));
    }

    /** The labelled parts {@link #recordFilter} is the union of: what "why can this user see it" probes. */
    public List<AccessGrant> grants(String sObject, AccessLevel level) {
        return grants.grants(sObject, level);
    }

    @Override
    public RecordFilter transferFilter(String sObject) {
        if (context.settings().of(sObject).model() == SharingModel.PUBLIC_READ_WRITE_TRANSFER
                || permissions.has(SystemPermission.TRANSFER_ANY_ENTITY)) {
            return recordFilter(sObject, AccessLevel.EDIT);
        }
        return recordFilter(sObject, AccessLevel.ALL);
    }

    @Override
    public String toString() {
        return "UserAccessView[" + user.username() + "]";
    }
}
