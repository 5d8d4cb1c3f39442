package dev.sfmcp.security.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfmcp.soql.access.AccessLevel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CriterionTest {

    @ParameterizedTest(name = "{0} {1} {2} on {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "StageName | EQUALS | Closed Won | closed won | true",
            "StageName | EQUALS | Closed Won;Closed Lost | Closed Lost | true",
            "StageName | EQUALS | Closed Won | Prospecting | false",
            "StageName | EQUALS | Closed Won | NULL | false",
            "StageName | NOT_EQUAL | Closed Won | Prospecting | true",
            "StageName | NOT_EQUAL | Closed Won | NULL | true",
            "Amount | GREATER_THAN | 1000 | 1500.00 | true",
            "Amount | GREATER_THAN | 1000 | 999 | false",
            "Amount | LESS_OR_EQUAL | 1000 | 1000.0 | true",
            "Amount | EQUALS | 300 | 300.00 | true",
            "Name | STARTS_WITH | acme | ACME Corp | true",
            "Name | CONTAINS | corp | ACME Corp | true",
            "Name | CONTAINS | inc | ACME Corp | false",
            "Name | GREATER_THAN | M | Zeta | true",
    })
    void matches(String field, Criterion.Operator operator, String values, String actual, boolean expected) {
        Map<String, Object> record = new HashMap<>();
        record.put(field.toUpperCase(), actual);
        Criterion c = new Criterion(field, operator, Arrays.asList(values.split(";")));
        assertEquals(expected, c.matches(record));
    }

    @Test
    void rulesCannotGrantFullAccessOrLackCriteria() {
        assertThrows(IllegalArgumentException.class, () -> new SharingRule.CriteriaBased("R", "R", "Opportunity",
                List.of(Criterion.equals("StageName", "x")), "00G000000000001AAA", AccessLevel.ALL));
        assertThrows(IllegalArgumentException.class, () -> new SharingRule.CriteriaBased("R", "R", "Opportunity",
                List.of(), "00G000000000001AAA", AccessLevel.READ));
        assertThrows(IllegalArgumentException.class, () -> new Criterion("StageName", Criterion.Operator.EQUALS, List.of()));
    }

    @Test
    void sharingModelsParseSetupAndMetadataSpellings() {
        assertEquals(SharingModel.PUBLIC_READ_WRITE, SharingModel.parse("Public Read/Write"));
        assertEquals(SharingModel.PUBLIC_READ_WRITE, SharingModel.parse("ReadWrite"));
        assertEquals(SharingModel.PRIVATE, SharingModel.parse("private"));
        assertEquals(SharingModel.PUBLIC_READ_WRITE_TRANSFER, SharingModel.parse("ReadWriteTransfer"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharingModel.parse("Open"));
        assertEquals(true, e.getMessage().contains("Unknown organization-wide default 'Open'"));
    }
}
