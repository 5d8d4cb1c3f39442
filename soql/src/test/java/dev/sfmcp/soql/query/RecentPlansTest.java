package dev.sfmcp.soql.query;

import dev.sfmcp.soql.access.AccessView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RecentPlansTest {

    private static QueryFixtures fixtures;

    @BeforeAll
    static void open() {
        fixtures = QueryFixtures.open();
    }

    @AfterAll
    static void close() {
        fixtures.close();
    }

    private final RecentPlans plans = new RecentPlans();
    private final AtomicInteger compiled = new AtomicInteger();

    private CompiledQuery plan(String soql, AccessView view, QueryOptions options) {
        return plans.plan(soql, view, options, () -> {
            compiled.incrementAndGet();
            return fixtures.engine().plan(view, soql, options);
        });
    }

    @Test
    void theSameTextForTheSameViewAndOptionsCompilesOnce() {
        String soql = "SELECT Name, (SELECT LastName FROM Contacts) FROM Account WHERE Industry = 'Media'";
        CompiledQuery first = plan(soql, fixtures.admin(), QueryOptions.defaults());
        assertSame(first, plan(soql, fixtures.admin(), QueryOptions.defaults()));
        assertEquals(1, compiled.get());
    }

    @Test
    void anotherViewOptionsOrTextCompilesAgain() {
        String soql = "SELECT Name FROM Account";
        plan(soql, fixtures.admin(), QueryOptions.defaults());
        plan(soql, fixtures.restricted(), QueryOptions.defaults());
        plan(soql, fixtures.admin(), QueryOptions.queryAll());
        plan(soql + " LIMIT 1", fixtures.admin(), QueryOptions.defaults());
        plan(soql, AccessView.system("005000000000009AAA", ZoneOffset.UTC, Locale.US), QueryOptions.defaults());
        assertEquals(5, compiled.get());
    }

    @Test
    void aPlanThatReadsTheClockIsNeverKept() {
        String soql = "SELECT Name FROM Opportunity WHERE CloseDate = THIS_MONTH";
        plan(soql, fixtures.admin(), QueryOptions.defaults());
        plan(soql, fixtures.admin(), QueryOptions.defaults());
        String child = "SELECT Name, (SELECT Name FROM Opportunities WHERE CloseDate > TODAY) FROM Account";
        plan(child, fixtures.admin(), QueryOptions.defaults());
        plan(child, fixtures.admin(), QueryOptions.defaults());
        assertEquals(4, compiled.get());
    }
}
