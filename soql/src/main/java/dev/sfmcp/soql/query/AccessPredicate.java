package dev.sfmcp.soql.query;

import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.schema.Schema;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compiles the access view's {@link RecordFilter} for one table alias into a SQL predicate, so that records the
 * caller may not see never leave H2 (sharing works inside the SQL, as Salesforce's share tables do).
 */
final class AccessPredicate {

    private final Schema schema;
    private final SqlParameters parameters;
    private final Supplier<String> aliases;

    AccessPredicate(Schema schema, SqlParameters parameters, Supplier<String> aliases) {
        this.schema = schema;
        this.parameters = parameters;
        this.aliases = aliases;
    }

    /** The predicate on {@code alias} (a table of {@code sObject}), or null when every record passes. */
    Expression compile(RecordFilter filter, String sObject, String alias) {
        if (filter instanceof RecordFilter.All) {
            return null;
        }
        if (filter instanceof RecordFilter.None) {
            return Sql.never();
        }
        if (filter instanceof RecordFilter.OwnerIn in) {
            return in.ownerIds().isEmpty() ? Sql.never()
                    : new InExpression(Sql.column(alias, "OwnerId"), list(new ArrayList<>(in.ownerIds())));
        }
        if (filter instanceof RecordFilter.SharedWith shared) {
            return shared(shared, sObject, alias);
        }
        if (filter instanceof RecordFilter.ParentVisible pv) {
            return viaOther(alias, pv.referenceField(), pv.parentObject(), "Id", pv.parentFilter());
        }
        if (filter instanceof RecordFilter.ChildVisible cv) {
            return viaOther(alias, "Id", cv.childObject(), cv.childReferenceField(), cv.childFilter());
        }
        if (filter instanceof RecordFilter.AnyOf any) {
            List<Expression> parts = new ArrayList<>();
            for (RecordFilter f : any.filters()) {
                Expression e = compile(f, sObject, alias);
                if (e == null) {
                    return null;
                }
                parts.add(e);
            }
            return Sql.or(parts);
        }
        RecordFilter.AllOf all = (RecordFilter.AllOf) filter;
        List<Expression> parts = new ArrayList<>();
        for (RecordFilter f : all.filters()) {
            Expression e = compile(f, sObject, alias);
            if (e != null) {
                parts.add(Sql.paren(e));
            }
        }
        return parts.isEmpty() ? null : Sql.and(parts);
    }

    private Expression shared(RecordFilter.SharedWith shared, String sObject, String alias) {
        if (shared.userOrGroupIds().isEmpty()) {
            return Sql.never();
        }
        String share = aliases.get();
        String shareTable = schema.find(sObject).map(t -> t.shareTableName()).orElse(sObject + "Share");
        PlainSelect sub = new PlainSelect();
        sub.addSelectItems(Sql.column(share, "ParentId"));
        sub.setFromItem(Sql.table(shareTable, share));
        sub.setWhere(Sql.and(
                new InExpression(Sql.column(share, "UserOrGroupId"), list(new ArrayList<>(shared.userOrGroupIds()))),
                new GreaterThanEquals(Sql.column(share, "AccessLevel"), parameters.bind(shared.minimum().rank()))));
        return new InExpression(Sql.column(alias, "Id"), new ParenthesedSelect().withSelect(sub));
    }

    /** {@code alias.localColumn IN (SELECT other.otherColumn FROM other WHERE filter(other))}. */
    private Expression viaOther(String alias, String localColumn, String otherObject, String otherColumn,
                                RecordFilter otherFilter) {
        String other = aliases.get();
        PlainSelect sub = new PlainSelect();
        sub.addSelectItems(Sql.column(other, otherColumn));
        sub.setFromItem(Sql.table(otherObject, other));
        sub.setWhere(compile(otherFilter, otherObject, other));
        return new InExpression(Sql.column(alias, localColumn), new ParenthesedSelect().withSelect(sub));
    }

    private ParenthesedExpressionList<Expression> list(List<String> values) {
        List<Expression> params = new ArrayList<>();
        values.stream().sorted().forEach(v -> params.add(parameters.bind(v)));
        return new ParenthesedExpressionList<>(params);
    }

}
