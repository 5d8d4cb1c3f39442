package dev.sfmcp.security.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ObjectPermissionsTest {

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvFileSource(resources = "object-permission-dependencies.csv")
    void dependenciesAreEnforcedOnDefinition(String flags, boolean valid, String message) {
        if (valid) {
            ObjectPermissions p = ObjectPermissions.parse(flags);
            assertEquals(flags.contains("R"), p.read());
            assertEquals(flags.contains("M"), p.modifyAll());
        } else {
            PermissionDependencyException e = assertThrows(PermissionDependencyException.class, () -> ObjectPermissions.parse(flags));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    @Test
    void unknownLetterIsRefusedWithItsName() {
        PermissionDependencyException e = assertThrows(PermissionDependencyException.class, () -> ObjectPermissions.parse("RX"));
        assertTrue(e.getMessage().contains("'X'"), e.getMessage());
    }

    @Test
    void unionOnlyAdds() {
        assertEquals(ObjectPermissions.parse("RCEDV"), ObjectPermissions.parse("RV").union(ObjectPermissions.CRED));
        assertEquals(ObjectPermissions.READ, ObjectPermissions.NONE.union(ObjectPermissions.READ));
    }

    @Test
    void fieldEditNeedsRead() {
        assertThrows(PermissionDependencyException.class, () -> new FieldPermissions(false, true));
        assertEquals(FieldPermissions.EDIT, FieldPermissions.READ.union(new FieldPermissions(true, true)));
    }

    @Test
    void modifyAllDataNeedsViewAllData() {
        PermissionDependencyException e = assertThrows(PermissionDependencyException.class,
                () -> PermissionSet.builder("0PS000000000077AAA", "Broken").system(SystemPermission.MODIFY_ALL_DATA).build());
        assertTrue(e.getMessage().contains("Modify All Data requires View All Data"));
    }
}
