package dev.sfmcp.soql.query;

import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Odd and broken statements: each must answer records or a Salesforce error, never another exception. */
class QueryRobustnessTest {

    private static QueryTestOrg org;
    private static final AccessView ADMIN = AccessView.system(QueryTestOrg.U1, ZoneOffset.UTC, Locale.US);

    @BeforeAll
    static void open() {
        org = new QueryTestOrg();
    }

    @AfterAll
    static void close() {
        org.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT", "SELECT FROM", "FROM Account", "SELECT Id FROM Account WHERE", "SELECT Id FROM Account WHERE Name",
            "SELECT Id FROM Account WHERE Name =", "SELECT Id FROM Account ORDER", "SELECT Id FROM Account LIMIT",
            "SELECT Id FROM Account LIMIT -1", "SELECT Id FROM Account LIMIT 99999999999999999999",
            "SELECT Id FROM Account OFFSET 99999999999999999999", "SELECT (SELECT Id FROM Contacts) FROM Account",
            "SELECT Id, (SELECT Id, (SELECT Id FROM Cases) FROM Contacts) FROM Account",
            "SELECT Name, COUNT(Id) FROM Account GROUP BY Name HAVING Name = 'x'",
            "SELECT Id FROM Account WHERE CreatedDate = 2024-13-45T00:00:00Z",
            "SELECT Id FROM Opportunity WHERE CloseDate = 2024-02-30",
            "SELECT Id FROM Account WHERE NumberOfEmployees = 1.5.3", "SELECT Id FROM Account WHERE Name IN ()",
            "SELECT Id FROM Account WHERE Id IN ('001000000000001AAA', 5)", "SELECT toLabel(Name) FROM Account",
            "SELECT FORMAT(COUNT(Id)) FROM Account", "SELECT GROUPING(Name) FROM Account GROUP BY Name",
            "SELECT FIELDS(ALL) FROM Account LIMIT 200", "SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:-5",
            "SELECT Id FROM Account WHERE Name LIKE null", "SELECT Id FROM Account WHERE CreatedDate IN (TODAY)",
            "SELECT Id FROM Account USING SCOPE team", "SELECT BillingAddress FROM Account",
            "SELECT Id FROM Account WHERE BillingAddress = null", "SELECT Id FROM Account UPDATE TRACKING",
            "SELECT Id FROM Account WHERE Id = null", "SELECT MAX(Name) FROM Account GROUP BY Name ORDER BY Name",
            "SELECT Id FROM Account ORDER BY COUNT(Id)", "SELECT Id FROM Account WHERE COUNT(Id) > 1",
            "SELECT Id FROM Account WHERE CALENDAR_YEAR(Name) = 2020", "SELECT Id FROM Account WHERE Name = 'é'",
            "SELECT Id FROM Account LIMIT 1 OFFSET -1", "SELECT Id FROM Account WHERE Name = 'x\\q'",
            "SELECT Id FROM Account WHERE NumberOfEmployees > TODAY", "SELECT Id FROM Account WHERE Name > 5",
            "SELECT Id FROM Account WHERE Id IN (SELECT Id FROM Contact WHERE Id IN (SELECT ContactId FROM Case))",
            "SELECT Id FROM Account WHERE FORMULA('x') = 1", "SELECT DISTANCE(BillingAddress, GEOLOCATION(1,2), 'mi') FROM Account",
            "SELECT Id FROM Account a, a.Contacts c", "SELECT COUNT() FROM Account GROUP BY Name",
            "SELECT SUM(CreatedDate) FROM Account", "SELECT AVG(Name) FROM Account GROUP BY Name",
            "SELECT Id FROM Account WHERE Industry INCLUDES ('a')", "SELECT Id FROM Account HAVING COUNT(Id) > 1",
            "SELECT Owner.Name, COUNT(Id) FROM Account GROUP BY Owner.Name",
            "SELECT What.Id FROM Task", "SELECT Who.Type, COUNT(Id) FROM Task GROUP BY Who.Type",
            "SELECT TYPEOF What WHEN Nope THEN Name END FROM Task", "SELECT Id FROM Task WHERE What.Name = null",
            "SELECT Id FROM Account WHERE DAY_ONLY(CreatedDate) = TODAY", "SELECT HOUR_IN_DAY(CreatedDate), COUNT(Id) FROM Account GROUP BY HOUR_IN_DAY(CreatedDate)",
            "SELECT Id FROM Account WHERE CreatedDate = 1699-01-01T00:00:00Z", "SELECT Id FROM Account WHERE Name = :x",
            "SELECT Id FROM Account ORDER BY Name NULLS", "SELECT Id FROM Account WHERE (Name = 'a'",
            "SELECT Id FROM Account WHERE Name = 'a')", "SELECT Id FROM Account WHERE Tags__c = 'x'",
            "select id from account where name like 'a%' order by name desc nulls last limit 2 offset 1",
            "SELECT Id FROM Account WHERE CreatedDate > 2024-01-01T00:00:00+0530",
            "SELECT Id FROM Account WHERE AnnualRevenue = USD5000", "SELECT convertTimezone(CreatedDate) FROM Account",
            "SELECT HOUR_IN_DAY(convertTimezone(CreatedDate)), COUNT(Id) FROM Account GROUP BY HOUR_IN_DAY(convertTimezone(CreatedDate))",
            "SELECT Id FROM Account WHERE Id IN ('001000000000001')",
    })
    void answersRecordsOrASalesforceError(String soql) {
        try {
            assertTrue(org.engine.query(ADMIN, soql, QueryOptions.defaults()).has("totalSize"));
        } catch (SalesforceException e) {
            // The engine's own safety net (UNKNOWN_EXCEPTION) must not be what answers a user's mistake.
            assertTrue(e.error().errorCode().matches("[A-Z_]+") && !"UNKNOWN_EXCEPTION".equals(e.error().errorCode()),
                    soql + " -> " + e.error().errorCode() + " " + e.error().message());
        } catch (RuntimeException e) {
            fail(soql + " threw " + e, e);
        }
    }
}
