package dev.sfmcp.security.testorg;

import dev.sfmcp.security.permission.FieldPermissions;
import dev.sfmcp.security.permission.ObjectPermissions;
import dev.sfmcp.security.permission.PermissionSet;
import dev.sfmcp.security.permission.Profile;
import dev.sfmcp.security.permission.StandardProfiles;
import dev.sfmcp.security.permission.SystemPermission;
import dev.sfmcp.security.principal.Group;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.security.sharing.Criterion;
import dev.sfmcp.security.sharing.ObjectSharing;
import dev.sfmcp.security.sharing.SharingModel;
import dev.sfmcp.security.sharing.SharingRule;
import dev.sfmcp.security.user.User;
import dev.sfmcp.soql.access.AccessLevel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The org the access matrix runs against. Roles: CEO > VP Sales > (SM West > Rep West), (SM East > Rep East);
 * CEO > Support. Account, Opportunity and Case are Private, Lead Public Read Only, Contact Controlled by Parent,
 * Secret__c Private without hierarchies, Detail__c its master-detail child. Rules:
 * <ul>
 *   <li>R1 criteria: Opportunity StageName = Closed Won, Read to the Rep East role;</li>
 *   <li>R2 criteria: Secret__c Code__c = OPEN, Read/Write to the public group WestTeam (SM West and below);</li>
 *   <li>R3 owner: Cases owned by SM East and below, Read to the Rep West role;</li>
 *   <li>R4 owner: Accounts owned by SM West and below, Read to the public group Auditors (groupie + Support role).</li>
 * </ul>
 * Rep West's role opens the opportunities (Read) and cases (Read/Write) of accounts its users own.
 * Manual shares: oppE2 Read to mgrWest, oppE3 Read/Write to WestTeam. The queue LeadQueue (repWest2) owns leadQ.
 */
public final class SalesOrg {

    private SalesOrg() {
    }

    public static TestOrg build() {
        TestOrg org = new TestOrg();
        var sec = org.security;
        String admin = StandardProfiles.systemAdministrator().id();
        String standard = StandardProfiles.standardUser().id();
        String readOnly = StandardProfiles.readOnly().id();
        String minimum = StandardProfiles.minimumAccess().id();

        Profile restricted = new Profile("00e000000000099AAA", "Restricted Sales", PermissionSet.builder("0PS000000000099AAA", "Restricted")
                .object("Account", ObjectPermissions.CRED, FieldPermissions.EDIT)
                .field("Account", "AnnualRevenue", FieldPermissions.READ)
                .field("Account", "Phone", FieldPermissions.NONE)
                .object("Opportunity", ObjectPermissions.READ, FieldPermissions.READ)
                .field("Opportunity", "Amount", FieldPermissions.NONE)
                .object("Lead", ObjectPermissions.READ_CREATE_EDIT, FieldPermissions.EDIT)
                .object("Contact", ObjectPermissions.CRED, FieldPermissions.EDIT)
                .object("Case", ObjectPermissions.READ, FieldPermissions.READ)
                .system(SystemPermission.API_ENABLED)
                .build());
        sec.putProfile(restricted);
        sec.putPermissionSet(PermissionSet.builder(org.name("psViewAll", "0PS000000000010AAA"), "OppViewAll")
                .object("Opportunity", ObjectPermissions.parse("RV")).build());
        sec.putPermissionSet(PermissionSet.builder(org.name("psModifyAll", "0PS000000000011AAA"), "OppModifyAll")
                .object("Opportunity", ObjectPermissions.FULL).build());
        sec.putPermissionSet(PermissionSet.builder(org.name("psViewAllData", "0PS000000000012AAA"), "ViewAllData")
                .system(SystemPermission.VIEW_ALL_DATA).build());
        sec.putPermissionSet(PermissionSet.builder(org.name("psTransfer", "0PS000000000013AAA"), "TransferRecords")
                .system(SystemPermission.TRANSFER_ANY_ENTITY).build());

        String ceoRole = role(org, "CEO", null, null, null);
        String vpRole = role(org, "VP Sales", ceoRole, null, null);
        String smWest = role(org, "SM West", vpRole, null, null);
        String repWestRole = role(org, "Rep West", smWest, AccessLevel.READ, AccessLevel.EDIT);
        String smEast = role(org, "SM East", vpRole, null, null);
        String repEastRole = role(org, "Rep East", smEast, null, null);
        String supportRole = role(org, "Support", ceoRole, null, null);

        user(org, "admin", admin, null, List.of());
        user(org, "ceo", standard, ceoRole, List.of());
        user(org, "vp", standard, vpRole, List.of());
        user(org, "mgrWest", standard, smWest, List.of());
        user(org, "repWest", standard, repWestRole, List.of());
        user(org, "repWest2", standard, repWestRole, List.of());
        user(org, "mgrEast", standard, smEast, List.of());
        user(org, "repEast", standard, repEastRole, List.of());
        user(org, "support", standard, supportRole, List.of());
        user(org, "reader", readOnly, repEastRole, List.of());
        user(org, "minimal", minimum, null, List.of());
        user(org, "auditor", standard, null, List.of(org.id("psViewAll")));
        user(org, "modifier", standard, null, List.of(org.id("psModifyAll")));
        user(org, "dataViewer", standard, null, List.of(org.id("psViewAllData")));
        user(org, "restricted", restricted.id(), repWestRole, List.of());
        user(org, "transferrer", standard, repEastRole, List.of(org.id("psTransfer")));
        user(org, "groupie", standard, null, List.of());
        org.putUser(User.of(org.name("inactive", org.ids.next("005")), "inactive@example.com", standard, null).withActive(false));

        Role west = sec.role(smWest).orElseThrow();
        Role support = sec.role(supportRole).orElseThrow();
        Role repEast = sec.role(repEastRole).orElseThrow();
        Role repWest = sec.role(repWestRole).orElseThrow();
        Role east = sec.role(smEast).orElseThrow();
        org.binding.putGroup(Group.publicGroup(org.name("WestTeam", org.ids.next("00G")), "WestTeam", Set.of(west.subordinatesGroupId())));
        org.binding.putGroup(Group.publicGroup(org.name("Auditors", org.ids.next("00G")), "Auditors",
                Set.of(org.id("groupie"), support.groupId())));
        org.binding.putGroup(Group.queue(org.name("LeadQueue", org.ids.next("00G")), "LeadQueue", Set.of(org.id("repWest2"))));

        sec.setSharing(ObjectSharing.of("Account", SharingModel.PRIVATE));
        sec.setSharing(ObjectSharing.of("Opportunity", SharingModel.PRIVATE));
        sec.setSharing(ObjectSharing.of("Case", SharingModel.PRIVATE));
        sec.setSharing(ObjectSharing.of("Lead", SharingModel.PUBLIC_READ_ONLY));
        sec.setSharing(ObjectSharing.of("Secret__c", SharingModel.PRIVATE).withHierarchies(false));
        sec.setSharing(ObjectSharing.controlledByParent("Detail__c", "Secret__c", "Secret__c", false));

        sec.putRule(new SharingRule.CriteriaBased("R1", "ClosedWonToEast", "Opportunity",
                List.of(Criterion.equals("StageName", "Closed Won")), repEast.groupId(), AccessLevel.READ));
        sec.putRule(new SharingRule.CriteriaBased("R2", "OpenSecretsToWest", "Secret__c",
                List.of(Criterion.equals("Code__c", "OPEN")), org.id("WestTeam"), AccessLevel.EDIT));
        sec.putRule(new SharingRule.OwnerBased("R3", "EastCasesToWestReps", "Case", east.subordinatesGroupId(),
                repWest.groupId(), AccessLevel.READ));
        sec.putRule(new SharingRule.OwnerBased("R4", "WestAccountsToAuditors", "Account", west.subordinatesGroupId(),
                org.id("Auditors"), AccessLevel.READ));

        org.insert("accWest", "Account", Map.of("Name", "West Corp", "OwnerId", "repWest"));
        org.insert("accEast", "Account", Map.of("Name", "East Corp", "OwnerId", "repEast"));
        org.insert("accCeo", "Account", Map.of("Name", "Board Corp", "OwnerId", "ceo"));
        org.insert("accSupport", "Account", Map.of("Name", "Help Corp", "OwnerId", "support"));
        org.insert("accR", "Account", Map.of("Name", "Restricted Corp", "OwnerId", "restricted"));
        org.insert("oppW1", "Opportunity", opp("W1", "repWest", "accWest", "Prospecting", 100));
        org.insert("oppW2", "Opportunity", opp("W2", "repWest2", "accEast", "Prospecting", 200));
        org.insert("oppE1", "Opportunity", opp("E1", "repEast", "accEast", "Closed Won", 300));
        org.insert("oppE2", "Opportunity", opp("E2", "repEast", "accWest", "Prospecting", 400));
        org.insert("oppE3", "Opportunity", opp("E3", "mgrEast", "accCeo", "Negotiation/Review", 500));
        org.insert("conW", "Contact", Map.of("LastName", "West", "AccountId", "accWest", "OwnerId", "repWest"));
        org.insert("conE", "Contact", Map.of("LastName", "East", "AccountId", "accEast", "OwnerId", "repEast"));
        org.insert("caseE", "Case", Map.of("Subject", "East issue", "AccountId", "accEast", "OwnerId", "repEast"));
        org.insert("caseS", "Case", Map.of("Subject", "Support issue", "AccountId", "accWest", "OwnerId", "support"));
        org.insert("leadQ", "Lead", Map.of("LastName", "Queued", "Company", "Queue Co", "OwnerId", "LeadQueue"));
        org.insert("leadM", "Lead", Map.of("LastName", "Lead", "Company", "Lead Co", "OwnerId", "mgrEast"));
        org.insert("secretW", "Secret__c", Map.of("Name", "West secret", "Code__c", "OPEN", "OwnerId", "repWest"));
        org.insert("secretE", "Secret__c", Map.of("Name", "East secret", "Code__c", "CLOSED", "OwnerId", "repEast"));
        org.insert("secretM", "Secret__c", Map.of("Name", "Manager secret", "Code__c", "CLOSED", "OwnerId", "mgrWest"));
        org.insert("detE", "Detail__c", Map.of("Name", "East detail", "Secret__c", "secretE"));
        org.insert("detW", "Detail__c", Map.of("Name", "West detail", "Secret__c", "secretW"));

        sec.manualSharing().shareAsSystem("Opportunity", org.id("oppE2"), org.id("mgrWest"), AccessLevel.READ);
        sec.manualSharing().shareAsSystem("Opportunity", org.id("oppE3"), org.id("WestTeam"), AccessLevel.EDIT);
        return org;
    }

    private static Map<String, Object> opp(String name, String owner, String account, String stage, int amount) {
        return Map.of("Name", name, "OwnerId", owner, "AccountId", account, "StageName", stage, "Amount", amount,
                "CloseDate", "2026-12-31");
    }

    private static String role(TestOrg org, String name, String parent, AccessLevel opportunities, AccessLevel cases) {
        String id = org.name("role:" + name, org.ids.next("00E"));
        org.binding.putRoles(List.of(new Role(id, name, parent, opportunities, cases, null)));
        return id;
    }

    private static void user(TestOrg org, String name, String profile, String role, List<String> sets) {
        String id = org.name(name, org.ids.next("005"));
        org.putUser(User.of(id, name + "@example.com", profile, role).withPermissionSets(sets, List.of()));
    }
}
