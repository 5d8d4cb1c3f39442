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
import net.sf.jsqlparser.expression.Function;

import java.util.List;

/** Small constructors over JSqlParser's statement model, so that the compilers read as SQL. */
final class Sql {

    private Sql() {
    }

    /**
     * JSqlParser's name objects check their quoting with regular expressions on construction, a good part of the
     * cost of planning a query. Aliases (t0, t1, ...) and schema names are few, and the engine never changes a
     * name object once built, so each is built once and shared by every statement.
     */
    private static final java.util.Map<String, Table> TABLES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Column> COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEPT_NAMES = 100_000;

    /** A quoted table (sObject API names are case-sensitive identifiers in H2) under an alias. */
    static Table table(String name, String alias) {
        String key = alias + ' ' + name;
        Table t = TABLES.get(key);
        if (t == null) {
            t = new Table(quote(name));
            t.setAlias(new Alias(alias, false));
            if (TABLES.size() < KEPT_NAMES) {
                TABLES.put(key, t);
            }
        }
        return t;
    }

    /** A quoted column of an aliased table. */
    static Column column(String alias, String name) {
        String key = alias + ' ' + name;
        Column c = COLUMNS.get(key);
        if (c == null) {
            c = new Column(new Table(alias), quote(name));
            if (COLUMNS.size() < KEPT_NAMES) {
                COLUMNS.put(key, c);
            }
        }
        return c;
    }

    /** Schema names are few and quoted on every column reference: the validated form is kept. */
    private static final java.util.Map<String, String> QUOTED = new java.util.concurrent.ConcurrentHashMap<>();

    static String quote(String identifier) {
        String q = QUOTED.get(identifier);
        if (q == null) {
            q = StorageLayout.quote(identifier);
            if (QUOTED.size() < 100_000) {
                QUOTED.put(identifier, q);
            }
        }
        return q;
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
     * {@code column = ANY(param)} with one array parameter for a whole Id list: the statement text stays the same
     * whatever the number of Ids, and H2 answers it from the column's index.
     */
    static Expression inIdArray(Expression column, net.sf.jsqlparser.expression.JdbcParameter param) {
        return new EqualsTo(column, new Function("ANY", param));
    }

    /** A predicate no row satisfies. */
    static Expression never() {
        return new EqualsTo(new LongValue(1), new LongValue(0));
    }
}
