package dev.sfmcp.soql.sosl;

import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.query.QueryFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Odd and broken searches: each must answer search records or a Salesforce error, never another exception. */
class SearchRobustnessTest {

    private static QueryFixtures fixtures;
    private static SearchEngine search;

    @BeforeAll
    static void open() {
        fixtures = QueryFixtures.open();
        search = new SearchEngine(fixtures.schema(), fixtures.engine());
    }

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "FIND", "FIND {", "FIND {}", "FIND {Acme", "FIND {Acme} RETURNING", "FIND {Acme} RETURNING Account(",
            "FIND {Acme} IN FOO FIELDS", "FIND {Acme} LIMIT 99999999999", "FIND {Acme OR}", "FIND {(Acme}", "FIND {AND}",
            "FIND {\"\"}", "FIND {Acme} RETURNING Account(Name WHERE)", "FIND {Acme} WITH HIGHLIGHT",
            "FIND {Acme} RETURNING Account(Name LIMIT 99999999999)", "FIND {a*b?c} RETURNING Account", "FIND {*}",
            "FIND {Acme} RETURNING Account(Name), Account(Id)", "FIND {Acme} RETURNING Account(Name WHERE Name = :x)",
            "FIND {Acme} RETURNING Account(Name ORDER BY Foo)", "FIND {Acme}\nRETURNING Account(Foo)",
            "FIND {Acme} WITH SNIPPET", "FIND {Acme} UPDATE TRACKING", "FIND {ab\\}} RETURNING Account",
            "find {acme} returning account(name)", "FIND {Acme} IN PHONE FIELDS RETURNING Project__c(Name)",
    })
    void answersRecordsOrASalesforceError(String sosl) {
        try {
            assertTrue(search.search(fixtures.admin(), sosl).has("searchRecords"));
        } catch (SalesforceException e) {
            assertTrue(e.error().errorCode().matches("[A-Z_]+") && !"UNKNOWN_EXCEPTION".equals(e.error().errorCode()),
                    sosl + " -> " + e.error().errorCode() + " " + e.error().message());
        } catch (RuntimeException e) {
            fail(sosl + " threw " + e, e);
        }
    }
}
