package dev.sfmcp.security.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfmcp.security.testorg.Outcomes;
import dev.sfmcp.security.testorg.SalesOrg;
import dev.sfmcp.security.testorg.TestOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The access matrix: user x object x operation x situation, each outcome decided by H2 over the user's view. */
class AccessMatrixTest {

    private static TestOrg org;
    private static Outcomes outcomes;

    @BeforeAll
    static void buildOrg() {
        org = SalesOrg.build();
        outcomes = new Outcomes(org);
    }

    @AfterAll
    static void closeOrg() {
        org.close();
    }

    @ParameterizedTest(name = "{0} {3} {1} {2} -> {4} ({5})")
    @CsvFileSource(resources = "access-matrix.csv")
    void outcome(String user, String sObject, String record, String operation, String expected, String why) {
        UserAccessView view = org.security.viewFor(org.id(user));
        String actual = outcomes.run(view, sObject, org.id(record), operation);
        assertEquals(expected, actual, () -> why + "; grants: " + view.grants(sObject, dev.sfmcp.soql.access.AccessLevel.READ)
                + "; explanation: " + (record.equals("-") ? "" : org.security.explainer().explain(org.id(user), sObject, org.id(record))));
    }
}
