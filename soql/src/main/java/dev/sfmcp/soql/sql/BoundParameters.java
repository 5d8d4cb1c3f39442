package dev.sfmcp.soql.sql;

import net.sf.jsqlparser.expression.JdbcParameter;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters of one statement, numbered in the order they are bound. Placeholders carry their index
 * ({@code ?3}), so the text order of the rendered SQL does not have to follow the binding order.
 */
public final class BoundParameters implements ParameterSink {

    private final List<Object> values = new ArrayList<>();

    @Override
    public JdbcParameter bind(Object value) {
        values.add(value);
        return new JdbcParameter(values.size(), true, "?");
    }

    /** The values in index order (index 1 first). */
    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    /** Sets every value on {@code statement}. */
    public void applyTo(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }
}
