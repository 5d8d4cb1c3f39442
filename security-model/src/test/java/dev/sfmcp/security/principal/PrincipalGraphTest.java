package dev.sfmcp.security.principal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalGraphTest {

    private static final Role CEO = Role.of(SalesforceIds.of("00E", 1), "CEO", null);
    private static final Role VP = Role.of(SalesforceIds.of("00E", 2), "VP", CEO.id());
    private static final Role REP = Role.of(SalesforceIds.of("00E", 3), "Rep", VP.id());
    private static final String ANN = SalesforceIds.of("005", 1);
    private static final String BOB = SalesforceIds.of("005", 2);
    private static final String CAT = SalesforceIds.of("005", 3);
    private static final String DAN = SalesforceIds.of("005", 4);

    private static PrincipalGraph graph(Group... groups) {
        Map<String, String> roles = new HashMap<>();
        roles.put(ANN, CEO.id());
        roles.put(BOB, VP.id());
        roles.put(CAT, REP.id());
        roles.put(DAN, null);
        return new PrincipalGraph(roles, List.of(CEO, VP, REP), List.of(groups));
    }

    @Test
    void subordinatesAreTheUsersOfEveryRoleBelow() {
        PrincipalGraph g = graph();
        assertEquals(Set.of(BOB, CAT), g.subordinateUsers(ANN));
        assertEquals(Set.of(CAT), g.subordinateUsers(BOB));
        assertEquals(Set.of(), g.subordinateUsers(DAN));
        assertTrue(g.isAbove(ANN, CAT));
        assertFalse(g.isAbove(CAT, ANN));
    }

    @Test
    void aUserBelongsToItsRoleGroupAndTheRoleAndSubordinatesGroupsAbove() {
        PrincipalGraph g = graph();
        assertEquals(Set.of(REP.groupId(), REP.subordinatesGroupId(), VP.subordinatesGroupId(), CEO.subordinatesGroupId()), g.groupsOf(CAT));
        assertEquals(Set.of(BOB, CAT), g.usersIn(VP.subordinatesGroupId()));
        assertEquals(Set.of(CAT), g.usersIn(REP.groupId()));
    }

    @Test
    void publicGroupsNestAndTakeRoles() {
        Group inner = Group.publicGroup(SalesforceIds.of("00G", 1), "Inner", Set.of(DAN, REP.groupId()));
        Group outer = Group.publicGroup(SalesforceIds.of("00G", 2), "Outer", Set.of(inner.id()));
        PrincipalGraph g = graph(inner, outer);
        assertTrue(g.groupsOf(DAN).containsAll(Set.of(inner.id(), outer.id())));
        assertTrue(g.groupsOf(CAT).contains(outer.id()));
        assertFalse(g.groupsOf(BOB).contains(inner.id()));
        assertEquals(Set.of(DAN, CAT), g.usersIn(outer.id()));
    }

    @Test
    void managersInheritTheirSubordinatesPrincipalsUnlessTheGroupSaysNo() {
        Group bosses = Group.publicGroup(SalesforceIds.of("00G", 3), "WithBosses", Set.of(CAT));
        Group noBosses = new Group(SalesforceIds.of("00G", 4), "NoBosses", GroupType.Regular, Set.of(CAT), false, null);
        PrincipalGraph g = graph(bosses, noBosses);
        Set<String> bob = g.principalsWithSubordinates(BOB);
        assertTrue(bob.contains(CAT));
        assertTrue(bob.contains(bosses.id()));
        assertFalse(bob.contains(noBosses.id()));
        assertFalse(g.principalsOf(BOB).contains(CAT));
    }

    @Test
    void everyUserIsInAllInternalUsers() {
        Group all = Group.allInternalUsers(SalesforceIds.of("00G", 9));
        PrincipalGraph g = graph(all);
        for (String user : Set.of(ANN, BOB, CAT, DAN)) {
            assertTrue(g.groupsOf(user).contains(all.id()), user);
        }
        assertEquals(Set.of(ANN, BOB, CAT, DAN), g.usersIn(all.id()));
    }

    @Test
    void aCycleInTheHierarchyIsRefused() {
        Role a = Role.of(SalesforceIds.of("00E", 10), "A", SalesforceIds.of("00E", 11));
        Role b = Role.of(SalesforceIds.of("00E", 11), "B", a.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PrincipalGraph(Map.of(), List.of(a, b), List.of()));
        assertTrue(e.getMessage().contains("cycle"));
    }

    @Test
    void idsCarryTheCaseSafeSuffix() {
        assertEquals("001000000000001AAA", SalesforceIds.to18("001000000000001"));
        assertEquals(18, CEO.groupId().length());
        assertFalse(CEO.groupId().equals(CEO.subordinatesGroupId()));
    }
}
