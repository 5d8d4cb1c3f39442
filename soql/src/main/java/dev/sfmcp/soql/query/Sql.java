package dev.sfmcp.soql.query;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.expression.Alias;

import dev.sfmcp.soql.store.StorageLayout;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;

import java.util.List;

/** Small constructors over JSqlParser's statement model, so that the compilers read as SQL. */
final class Sql {

    private Sql() {
    }

    /** A quoted table (sObject API names are case-sensitive identifiers in H2) under an alias. */
    static Table table(String name, String alias) {
        Table t = new Table(quote(name));
        t.setAlias(new Alias(alias, false));
        return t;
    }

    /** A quoted column of an aliased table. */
    static Column column(String alias, String name) {
        return new Column(new Table(alias), quote(name));
    }

    static String quote(String identifier) {
        return StorageLayout.quote(identifier);
    }

    static Expression and(Expression a, Expression b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new AndExpression(a, b);
    }

    static Expression and(List<Expression> parts) {
        Expression out = null;
        for (Expression p : parts) {
            out = and(out, p);
        }
        return out;
    }

    static Expression or(List<Expression> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Expression out = null;
        for (Expression p : parts) {
            out = out == null ? p : new OrExpression(out, p);
        }
        return new ParenthesedExpressionList<>(out);
    }

    static Expression paren(Expression e) {
        return new ParenthesedExpressionList<>(e);
    }

    /**
     * {@code column IN (SELECT C1 FROM UNNEST(CAST(param AS VARCHAR(18) ARRAY)))}: one array parameter for a whole
     * Id list, so the statement text stays the same whatever the number of Ids.
     */
    static Expression inIdArray(Expression column, net.sf.jsqlparser.expression.JdbcParameter param) {
        PlainSelect ids = new PlainSelect();
        ids.addSelectItems(new Column("C1"));
        ids.setFromItem(new TableFunction(new Function("UNNEST",
                new CastExpression("CAST", param, "VARCHAR(18) ARRAY"))));
        return new InExpression(column, new ParenthesedSelect().withSelect(ids));
    }

    /** A predicate no row satisfies. */
    static Expression never() {
        return new EqualsTo(new LongValue(1), new LongValue(0));
    }
}
