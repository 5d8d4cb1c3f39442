package dev.sfmcp.soql.query;

import dev.sfmcp.soql.sql.ParameterSink;
import net.sf.jsqlparser.expression.JdbcParameter;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a compiled statement binds, in numbered parameters ({@code ?1}, {@code ?2}): numbering keeps the
 * binding right whatever order the clauses are built in. User text only ever reaches H2 through here.
 */
public final class SqlParameters implements ParameterSink {

    /** Placeholders are immutable once built and costly to build (JSqlParser checks them): shared by index. */
    private static final JdbcParameter[] PLACEHOLDERS = new JdbcParameter[4096];

    private final List<Object> values = new ArrayList<>();

    /** A parameter placeholder bound to {@code value}. */
    @Override
    public JdbcParameter bind(Object value) {
        values.add(value);
        int index = values.size();
        if (index >= PLACEHOLDERS.length) {
            return new JdbcParameter(index, true, "?");
        }
        JdbcParameter p = PLACEHOLDERS[index];
        if (p == null) {
            p = new JdbcParameter(index, true, "?");
            PLACEHOLDERS[index] = p;
        }
        return p;
    }

    /** A placeholder whose value the engine supplies at execution time (paging, parent Ids). */
    public JdbcParameter slot() {
        return bind(null);
    }

    public List<Object> values() {
        return values;
    }
}
