package dev.sfmcp.soql.id;

import dev.sfmcp.soql.SalesforceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SalesforceIdTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "id-vectors.csv")
    void fifteenCharacterIdsGetTheirChecksum(String id15, String id18) {
        assertEquals(id18, SalesforceId.parse(id15).id18());
        assertEquals(id18, SalesforceId.parse(id18).id18());
        assertEquals(id15, SalesforceId.parse(id18).id15());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc123", "001D000000IqhS", "001D000000IqhSLIA", "001D000000IqhSLXXX", "001D00000-IqhSL", ""})
    void malformedIdsAnswerMalformedId(String text) {
        SalesforceException e = assertThrows(SalesforceException.class, () -> SalesforceId.parse(text));
        assertEquals("MALFORMED_ID", e.error().errorCode());
        assertEquals("malformed id " + text, e.error().message());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void idsAreCaseSensitiveInTheirFirstFifteenCharacters() {
        assertNotEquals(SalesforceId.parse("001D000000IqhSL"), SalesforceId.parse("001D000000IQHSL"));
        // the checksum suffix itself may be given in either case
        assertEquals("001D000000IqhSLIAZ", SalesforceId.parse("001D000000IqhSLiaz").id18());
    }

    @Test
    void generatedIdsCarryThePrefixAValidChecksumAndNeverCollideAcrossOrgs() {
        IdGenerator a = IdGenerator.forOrg("00D000000000001AAA");
        IdGenerator b = IdGenerator.forOrg("00D000000000002AAA");
        assertNotEquals(a.instance(), b.instance());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            for (IdGenerator g : new IdGenerator[] {a, b}) {
                String id = g.next("001");
                assertTrue(id.startsWith("001"));
                assertEquals(id, SalesforceId.parse(id.substring(0, 15)).id18());
                assertTrue(seen.add(id), id);
            }
        }
        assertEquals(IdGenerator.forOrg("00D000000000001AAA").instance(), a.instance());
    }

    @Test
    void sequencesRestoreFromASnapshot() {
        IdGenerator g = IdGenerator.forOrg("00D000000000003AAA");
        g.next("003");
        Map<String, Long> saved = g.sequences();
        String next = g.next("003");
        g.restore(saved);
        assertEquals(next, g.next("003"));
    }
}
