package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.sql.BoundParameters;
import dev.sfmcp.soql.sql.RecordFilterCompiler;
import dev.sfmcp.soql.store.StorageLayout;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What one caller may do with one record, decided by H2 in one statement that evaluates the caller's READ,
 * EDIT and ALL filters on the row.
 */
final class RecordAccess {

    /** The outcome for one record; {@code exists} false means no row with that Id in the object's table. */
    record Grant(boolean exists, boolean deleted, boolean read, boolean edit, boolean all, boolean transfer) {
        static final Grant ABSENT = new Grant(false, false, false, false, false, false);
    }

    private final RecordFilterCompiler compiler;

    RecordAccess(RecordFilterCompiler compiler) {
        this.compiler = compiler;
    }

    Grant of(Connection c, AccessView view, SObjectType type, String id) throws SQLException {
        Table table = new Table(StorageLayout.quote(type.name())).withAlias(new Alias("t0", false));
        Table ref = new Table("t0");
        BoundParameters params = new BoundParameters();
        PlainSelect select = new PlainSelect().withFromItem(table);
        select.addSelectItem(new Column(ref, "\"IsDeleted\""));
        for (AccessLevel level : AccessLevel.values()) {
            select.addSelectItem(compiler.compile(view.recordFilter(type.name(), level), table, type, params));
        }
        // the owner may change where the view's transfer filter passes (full access, or Edit with Transfer rights)
        select.addSelectItem(compiler.compile(view.transferFilter(type.name()), table, type, params));
        select.setWhere(new EqualsTo(new Column(ref, "\"Id\""), params.bind(id)));
        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            params.applyTo(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Grant.ABSENT;
                }
                boolean all = rs.getBoolean(4);
                boolean edit = all || rs.getBoolean(3);
                return new Grant(true, rs.getBoolean(1), edit || rs.getBoolean(2), edit, all, rs.getBoolean(5));
            }
        }
    }
}
