package dev.sfmcp.security.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.security.testorg.SalesOrg;
import dev.sfmcp.security.testorg.TestOrg;
import dev.sfmcp.soql.SalesforceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** SOQL run as each user through the real query engine: FLS in every clause, sharing in results, counts and aggregates. */
class QueryAccessTest {

    private static final Pattern NAME = Pattern.compile("\\{(\\w+)}");
    private static TestOrg org;

    @BeforeAll
    static void buildOrg() {
        org = SalesOrg.build();
    }

    @AfterAll
    static void closeOrg() {
        org.close();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvFileSource(resources = "query-access.csv", delimiter = '|')
    void query(String user, String soqlTemplate, String expected, String why) {
        Matcher m = NAME.matcher(soqlTemplate);
        String soql = m.replaceAll(r -> org.id(r.group(1)));
        UserAccessView view = org.security.viewFor(org.id(user));
        JsonNode result;
        try {
            result = org.query(view, soql);
        } catch (SalesforceException e) {
            assertEquals(expected, "ERROR:" + e.error().errorCode(), why + ": " + e.error().message());
            return;
        }
        if (expected.startsWith("TOTAL:")) {
            assertEquals(Long.parseLong(expected.substring(6)), result.get("totalSize").asLong(), why + ": " + result);
        } else if (expected.startsWith("JSON:")) {
            String[] pointerAndValue = expected.substring(5).split("=", 2);
            JsonNode node = result.at(pointerAndValue[0]);
            assertEquals(pointerAndValue[1], node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText(),
                    why + ": " + result);
        } else {
            fail(why + ": expected " + expected + " but the query answered " + result);
        }
    }
}
