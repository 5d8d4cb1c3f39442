package dev.sfmcp.security.store;

import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.principal.Group;
import dev.sfmcp.security.principal.GroupType;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.security.user.User;
import dev.sfmcp.soql.DataEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts an org's security model in front of its data engine: share rows through the engine's share tables,
 * filters evaluated by the engine's query path, the model told of every record change inside its transaction,
 * and the users and roles the model knows kept as User and UserRole records (so that {@code Owner.Name} and
 * queries on User work).
 */
public final class EngineBinding {

    private final DataEngine data;
    private final EngineSharingStore store;
    private final OrgSecurity security;

    private EngineBinding(DataEngine data) {
        this.data = data;
        this.store = EngineSharingStore.root(data.database(), data.ids(), new QueryFilterProbe(data.queries()));
        this.security = OrgSecurity.withStandardProfiles(store);
        data.listener(new SharingChangeListener(security, store));
    }

    /** Binds a fresh security model (standard profiles, Salesforce's default sharing) to {@code data}. */
    public static EngineBinding attach(DataEngine data) {
        return new EngineBinding(data);
    }

    public OrgSecurity security() {
        return security;
    }

    public EngineSharingStore store() {
        return store;
    }

    public DataEngine data() {
        return data;
    }

    /** Adds roles to the model and their UserRole records to the engine, under the same Ids. */
    public void putRoles(Collection<Role> roles) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Role role : roles) {
            security.putRole(role);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Id", role.id());
            row.put("Name", role.name());
            row.put("ParentRoleId", role.parentRoleId());
            row.put("OpportunityAccessForAccountOwner", level(role.opportunityAccessForAccountOwner()));
            row.put("CaseAccessForAccountOwner", level(role.caseAccessForAccountOwner()));
            row.put("ContactAccessForAccountOwner", level(role.contactAccessForAccountOwner()));
            rows.add(row);
        }
        if (!rows.isEmpty() && data.schema().find("UserRole").isPresent()) {
            data.bulkInsert("UserRole", rows.stream().map(r -> keepKnown("UserRole", r)).toList(), null);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Role role : roles) {
            groups.add(groupRow(role.groupId(), role.name(), GroupType.Role, role.id()));
            groups.add(groupRow(role.subordinatesGroupId(), role.name(), GroupType.RoleAndSubordinates, role.id()));
        }
        insertGroups(groups);
    }

    /** Adds a public group or a queue to the model and its Group record to the engine, under the same Id. */
    public void putGroup(Group group) {
        security.putGroup(group);
        insertGroups(List.of(groupRow(group.id(), group.developerName(), group.type(), null)));
    }

    private void insertGroups(List<Map<String, Object>> rows) {
        if (!rows.isEmpty() && data.schema().find("Group").isPresent()) {
            data.bulkInsert("Group", rows.stream().map(r -> keepKnown("Group", r)).toList(), null);
        }
    }

    private static Map<String, Object> groupRow(String id, String name, GroupType type, String relatedId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Id", id);
        row.put("Name", name);
        row.put("DeveloperName", name == null ? null : name.replaceAll("[^A-Za-z0-9_]", "_"));
        row.put("Type", type.name());
        row.put("RelatedId", relatedId);
        return row;
    }

    private static String level(AccessLevel level) {
        return level == null ? "None" : level == AccessLevel.READ ? "Read" : "Edit";
    }

    /** Adds a user to the model and its User record to the engine, under the same Id. */
    public void putUser(User user) {
        security.putUser(user);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Id", user.id());
        row.put("Username", user.username());
        row.put("FirstName", user.firstName());
        row.put("LastName", user.lastName());
        row.put("Email", user.email());
        String local = user.username().contains("@") ? user.username().substring(0, user.username().indexOf('@')) : user.username();
        row.put("Alias", local.substring(0, Math.min(8, local.length())));
        row.put("IsActive", user.active());
        row.put("TimeZoneSidKey", user.timeZone().getId());
        row.put("LocaleSidKey", user.locale().toString());
        row.put("EmailEncodingKey", "UTF-8");
        row.put("LanguageLocaleKey", user.locale().getLanguage().isEmpty() ? "en_US" : user.locale().toString());
        row.put("ProfileId", user.profileId());
        row.put("UserRoleId", user.roleId());
        row.put("ManagerId", user.managerId());
        data.bulkInsert("User", List.of(keepKnown("User", row)), null);
    }

    /** Drops the values of fields the engine's schema does not have (a trimmed schema stays loadable). */
    private Map<String, Object> keepKnown(String sObject, Map<String, Object> row) {
        var type = data.schema().require(sObject);
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v != null && type.field(k).isPresent()) {
                out.put(k, v);
            }
        });
        return out;
    }
}
