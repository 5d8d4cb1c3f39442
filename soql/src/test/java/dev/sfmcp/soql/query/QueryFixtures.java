package dev.sfmcp.soql.query;

import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.schema.Schema;

import java.time.ZoneOffset;
import java.util.Locale;

/** The query test org, opened for tests in other packages (SOSL) that build on the query engine. */
public final class QueryFixtures implements AutoCloseable {

    private final QueryTestOrg org;

    private QueryFixtures(QueryTestOrg org) {
        this.org = org;
    }

    public static QueryFixtures open() {
        return new QueryFixtures(new QueryTestOrg());
    }

    public Schema schema() {
        return org.schema;
    }

    public QueryEngine engine() {
        return org.engine;
    }

    public AccessView admin() {
        return AccessView.system(QueryTestOrg.U1, ZoneOffset.UTC, Locale.US);
    }

    public AccessView restricted() {
        return new RestrictedView(ZoneOffset.UTC);
    }

    /** {@code text} with the corpus Id placeholders ({@code {A1}}, {@code {P1}}) replaced. */
    public String ids(String text) {
        return SoqlCorpusTest.ids(text, org);
    }

    @Override
    public void close() {
        org.close();
    }
}
