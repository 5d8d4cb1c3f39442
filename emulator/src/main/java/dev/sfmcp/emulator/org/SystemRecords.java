package dev.sfmcp.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.security.explain.AccessExplanation;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.permission.Profile;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.security.user.User;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An org's records as the system sees them, bypassing profiles, field-level security and sharing (to arrange a test),
 * through the same engine and therefore with the same validation errors ({@link SalesforceException}) as a user's
 * write; and "who can see this record and why", answered by the security model's explainer.
 */
public final class SystemRecords {

    private final Org org;
    private final LoadedOrg data;

    private SystemRecords(Org org, LoadedOrg data) {
        this.org = org;
        this.data = data;
    }

    /** The records of a fixture-loaded org; 409 for an org built without data. */
    public static SystemRecords of(Org org) {
        LoadedOrg data = org.data().orElseThrow(() -> SetupException.conflict("the org " + org.myDomain()
                + " was built without a fixture: it has no records"));
        return new SystemRecords(org, data);
    }

    /** Who the system's writes are made as (CreatedById, default owner): the org's first active System Administrator. */
    static String automatedUser(LoadedOrg data) {
        OrgSecurity security = data.security();
        return security.users().stream().filter(User::active)
                .filter(u -> security.profile(u.profileId()).map(p -> p.name().equals("System Administrator")).orElse(false))
                .map(User::id).findFirst()
                .orElseGet(() -> security.users().stream().map(User::id).findFirst().orElse(null));
    }

    private AccessView system() {
        String user = automatedUser(data);
        ZoneId zone = data.settings().timeZone() == null ? ZoneId.of("UTC") : data.settings().timeZone();
        return AccessView.system(user, zone, Locale.US);
    }

    /** {@code GET /sobjects/{object}/{id}[?fields=]} as the system; {@code fields} empty means all. */
    public ObjectNode retrieve(String sObject, String id, List<String> fields) {
        return data.engine().retrieve(system(), sObject, id, fields == null ? List.of() : fields);
    }

    /** {@code POST /sobjects/{object}}: the 201 body {@code {id, success, errors}}. */
    public ObjectNode create(String sObject, JsonNode body) {
        return data.engine().create(system(), sObject, body);
    }

    /** {@code PATCH /sobjects/{object}/{id}}. */
    public void update(String sObject, String id, JsonNode body) {
        data.engine().update(system(), sObject, id, body);
    }

    /** {@code DELETE /sobjects/{object}/{id}}: to the recycle bin, as a user's delete. */
    public void delete(String sObject, String id) {
        data.engine().delete(system(), sObject, id);
    }

    /** {@code GET /query?q=} as the system: every record, every field. */
    public ObjectNode query(String soql) {
        return data.engine().query(system(), soql, false);
    }

    /**
     * Every active user with the access each has to the record and why, highest access first; users who cannot see it
     * are listed too (with a null level), so that "why can't X see this?" has an answer as well.
     */
    public List<RecordAccess> whoCanAccess(String sObject, String recordId) {
        requireRecord(sObject, recordId);
        List<RecordAccess> out = new ArrayList<>();
        for (User user : data.security().users()) {
            if (user.active()) {
                out.add(access(user, sObject, recordId));
            }
        }
        out.sort(Comparator.comparing((RecordAccess a) -> a.maxAccess() == null ? -1 : a.maxAccess().ordinal()).reversed()
                .thenComparing(RecordAccess::username));
        return out;
    }

    /** One user's access to the record and why (also for an inactive user, who would have it once reactivated). */
    public RecordAccess explain(String username, String sObject, String recordId) {
        User user = data.security().userByUsername(username)
                .orElseThrow(() -> SetupException.notFound("no user '" + username + "' in org " + org.myDomain()));
        requireRecord(sObject, recordId);
        return access(user, sObject, recordId);
    }

    private RecordAccess access(User user, String sObject, String recordId) {
        OrgSecurity security = data.security();
        AccessExplanation why = security.explainer().explain(user.id(), canonical(sObject), recordId);
        String profile = security.profile(user.profileId()).map(Profile::name).orElse(null);
        String role = user.roleId() == null ? null : security.role(user.roleId()).map(Role::name).orElse(null);
        return new RecordAccess(user.id(), user.username(), profile, role, why.maxAccess(), why);
    }

    /** The object's API name as the schema spells it; NOT_FOUND as REST answers an unknown object. */
    private String canonical(String sObject) {
        return data.engine().schema().find(sObject).map(t -> t.name())
                .orElseThrow(() -> new SalesforceException(SalesforceError.of("NOT_FOUND",
                        "The requested resource does not exist", 404)));
    }

    /** The record must exist (a retrieve answers REST's NOT_FOUND or MALFORMED_ID otherwise). */
    private void requireRecord(String sObject, String recordId) {
        retrieve(canonical(sObject), recordId, List.of("Id"));
    }
}
