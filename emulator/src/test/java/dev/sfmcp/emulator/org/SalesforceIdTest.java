package dev.sfmcp.emulator.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceIdTest {

    @ParameterizedTest
    @CsvSource({
        // the org and user Ids of the token-response example in Salesforce's documentation
        "00D50000000IZ3Z, 00D50000000IZ3ZEAW",
        "00550000001fg5O, 00550000001fg5OAAQ",
        "001000000000000, 001000000000000AAA",
        "00D50000000IZ3ZEAW, 00D50000000IZ3ZEAW",
    })
    void eighteenAddsTheChecksumOfTheUpperCaseLetters(String id, String expected) {
        assertEquals(expected, SalesforceId.eighteen(id));
        assertEquals(expected.substring(0, 15), SalesforceId.fifteen(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00D", "00D50000000IZ3Z!", "00D50000000IZ3ZEA"})
    void anythingElseIsRefused(String id) {
        assertThrows(IllegalArgumentException.class, () -> SalesforceId.eighteen(id));
    }
}
