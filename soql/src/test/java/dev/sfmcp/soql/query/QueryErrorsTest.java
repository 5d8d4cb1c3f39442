package dev.sfmcp.soql.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The position header: query line, caret under the column, {@code ERROR at Row:R:Column:C}, then the text. */
class QueryErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the verbatim production capture quoted in the reference
            "SELECT Id, Dispenser__c, Answer__c, Audit_Question__c|1|12|\\nSELECT Id, Dispenser__c, Answer__c, Audit_Question__c\\n           ^\\nERROR at Row:1:Column:12\\nX",
            "SELECT Id FROM no_such_object|1|16|\\nSELECT Id FROM no_such_object\\n               ^\\nERROR at Row:1:Column:16\\nX",
            "SELECT Id\\nFROM PushTopic|2|6|\\nFROM PushTopic\\n     ^\\nERROR at Row:2:Column:6\\nX",
            "SELECT Id\\r\\nFROM PushTopic|2|6|\\nFROM PushTopic\\n     ^\\nERROR at Row:2:Column:6\\nX",
    })
    void layout(String query, int row, int column, String expected) {
        String q = query.replace("\\n", "\n").replace("\\r", "\r");
        assertEquals(expected.replace("\\n", "\n"), new QueryErrors(q).positioned(new QueryPosition(row, column), "X"));
    }

    @org.junit.jupiter.api.Test
    void longLinesAreWindowedAroundTheCaret() {
        String query = "SELECT " + "Field_Number_000__c, ".repeat(20) + "Missing__c FROM Account";
        int column = query.indexOf("Missing__c") + 1;
        String message = new QueryErrors(query).positioned(new QueryPosition(1, column), "X");
        String[] lines = message.split("\n", -1);
        assertEquals(QueryErrors.WINDOW, lines[1].length());
        int caret = lines[2].indexOf('^');
        assertEquals("Missing__c", lines[1].substring(caret, caret + 10));
        assertEquals("ERROR at Row:1:Column:" + column, lines[3]);
    }
}
