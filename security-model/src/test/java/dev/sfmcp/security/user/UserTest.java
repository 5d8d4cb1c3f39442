package dev.sfmcp.security.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserTest {

    @Test
    void passwordsAreSaltedHashesThatCheck() {
        User u = User.of("005000000000001AAA", "ann@example.com", "00e000000000002AAA", null).withPassword("s3cret!");
        assertTrue(u.checkPassword("s3cret!"));
        assertFalse(u.checkPassword("s3cret"));
        assertFalse(u.checkPassword(null));
        assertFalse(u.passwordHash().encoded().contains("s3cret"));
        assertNotEquals(PasswordHash.of("same").encoded(), PasswordHash.of("same").encoded(), "a fresh salt every time");
    }

    @Test
    void aUserWithoutPasswordNeverChecks() {
        User u = User.of("005000000000002AAA", "bob@example.com", "00e000000000002AAA", null);
        assertFalse(u.checkPassword(""));
    }
}
