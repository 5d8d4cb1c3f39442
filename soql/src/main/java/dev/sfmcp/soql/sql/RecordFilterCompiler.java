package dev.sfmcp.soql.sql;

import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.store.StorageLayout;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compiles a {@link RecordFilter} into a boolean SQL expression over one table reference, so that record access
 * is decided inside H2 (sharing never filters rows in Java):
 * <ul>
 *   <li>ALL is {@code TRUE}, NONE is {@code FALSE};</li>
 *   <li>OwnerIn is {@code t."OwnerId" IN (?1, ?2, ...)};</li>
 *   <li>SharedWith is {@code EXISTS (SELECT 1 FROM "XShare" sh1 WHERE sh1."ParentId" = t."Id" AND
 *       sh1."UserOrGroupId" IN (...) AND sh1."AccessLevel" >= ?)};</li>
 *   <li>ParentVisible is {@code EXISTS} over the parent table joined on the reference, with the parent filter
 *       compiled inside; ChildVisible is {@code EXISTS} over undeleted children;</li>
 *   <li>AnyOf and AllOf are parenthesised OR and AND.</li>
 * </ul>
 * Subquery aliases are {@code sh1}, {@code sh2}, ...: callers must not use the {@code sh} prefix for their own
 * aliases. Every value is a bound parameter.
 */
public final class RecordFilterCompiler {

    private final Schema schema;

    public RecordFilterCompiler(Schema schema) {
        this.schema = schema;
    }

    /**
     * The predicate that keeps the records of {@code type}, referenced in the statement as {@code table} (its
     * alias when it has one), that pass {@code filter}.
     */
    public Expression compile(RecordFilter filter, Table table, SObjectType type, ParameterSink parameters) {
        return new Compilation(parameters).compile(filter, reference(table), type);
    }

    /** Whether the filter lets every record through (no predicate needed). */
    public static boolean unrestricted(RecordFilter filter) {
        return filter instanceof RecordFilter.All;
    }

    private static Table reference(Table table) {
        if (table.getAlias() != null) {
            return new Table(table.getAlias().getName());
        }
        return new Table(table.getFullyQualifiedName());
    }

    private final class Compilation {
        private final ParameterSink parameters;
        private int aliases;

        Compilation(ParameterSink parameters) {
            this.parameters = parameters;
        }

        Expression compile(RecordFilter filter, Table ref, SObjectType type) {
            if (filter instanceof RecordFilter.All) {
                return new BooleanValue(true);
            }
            if (filter instanceof RecordFilter.None) {
                return new BooleanValue(false);
            }
            if (filter instanceof RecordFilter.OwnerIn owners) {
                if (!type.hasOwner() || owners.ownerIds().isEmpty()) {
                    return new BooleanValue(false);
                }
                return in(column(ref, "OwnerId"), owners.ownerIds());
            }
            if (filter instanceof RecordFilter.SharedWith shared) {
                if (!type.shareable() || shared.userOrGroupIds().isEmpty()) {
                    return new BooleanValue(false);
                }
                Table share = alias(type.shareTableName());
                Table shareRef = reference(share);
                Expression where = and(List.of(
                        new EqualsTo(column(shareRef, "ParentId"), column(ref, "Id")),
                        in(column(shareRef, "UserOrGroupId"), shared.userOrGroupIds()),
                        new GreaterThanEquals(column(shareRef, "AccessLevel"), parameters.bind(shared.minimum().rank()))));
                return exists(share, where);
            }
            if (filter instanceof RecordFilter.ParentVisible parent) {
                SObjectType parentType = type(parent.parentObject());
                Table parentTable = alias(parentType.name());
                Table parentRef = reference(parentTable);
                Expression join = new EqualsTo(column(parentRef, "Id"), column(ref, field(type, parent.referenceField())));
                Expression inner = compile(parent.parentFilter(), parentRef, parentType);
                return exists(parentTable, unrestricted(parent.parentFilter()) ? join : and(List.of(join, inner)));
            }
            if (filter instanceof RecordFilter.ChildVisible child) {
                SObjectType childType = type(child.childObject());
                Table childTable = alias(childType.name());
                Table childRef = reference(childTable);
                List<Expression> parts = new ArrayList<>();
                parts.add(new EqualsTo(column(childRef, field(childType, child.childReferenceField())), column(ref, "Id")));
                parts.add(new EqualsTo(column(childRef, "IsDeleted"), new BooleanValue(false)));
                if (!unrestricted(child.childFilter())) {
                    parts.add(compile(child.childFilter(), childRef, childType));
                }
                return exists(childTable, and(parts));
            }
            if (filter instanceof RecordFilter.AnyOf any) {
                // decide the short cut before compiling anything, so that no parameter is bound for a dropped part
                if (any.filters().stream().anyMatch(f -> f instanceof RecordFilter.All)) {
                    return new BooleanValue(true);
                }
                List<Expression> parts = new ArrayList<>();
                for (RecordFilter f : any.filters()) {
                    if (!(f instanceof RecordFilter.None)) {
                        parts.add(compile(f, ref, type));
                    }
                }
                if (parts.isEmpty()) {
                    return new BooleanValue(false);
                }
                Expression out = parts.get(0);
                for (int i = 1; i < parts.size(); i++) {
                    out = new OrExpression(out, parts.get(i));
                }
                return parts.size() == 1 ? out : new ParenthesedExpressionList<>(out);
            }
            if (filter instanceof RecordFilter.AllOf all) {
                if (all.filters().stream().anyMatch(f -> f instanceof RecordFilter.None)) {
                    return new BooleanValue(false);
                }
                List<Expression> parts = new ArrayList<>();
                for (RecordFilter f : all.filters()) {
                    if (!(f instanceof RecordFilter.All)) {
                        parts.add(compile(f, ref, type));
                    }
                }
                return parts.isEmpty() ? new BooleanValue(true) : and(parts);
            }
            throw new IllegalArgumentException("unknown record filter " + filter);
        }

        private Table alias(String tableName) {
            return new Table(StorageLayout.quote(tableName)).withAlias(new Alias("sh" + (++aliases), false));
        }

        private Expression in(Column column, java.util.Set<String> values) {
            List<Expression> placeholders = new ArrayList<>();
            // sorted so that the same filter always renders the same SQL (statement caching, readable tests)
            for (String v : new TreeSet<>(values)) {
                placeholders.add(parameters.bind(v));
            }
            return new InExpression(column, new ParenthesedExpressionList<>(placeholders));
        }
    }

    private SObjectType type(String name) {
        return schema.find(name).orElseThrow(() -> new IllegalArgumentException("record filter names unknown object " + name));
    }

    private static String field(SObjectType type, String name) {
        return type.field(name).orElseThrow(() -> new IllegalArgumentException(
                "record filter names unknown field " + type.name() + "." + name)).name();
    }

    private static Column column(Table ref, String field) {
        return new Column(ref, StorageLayout.quote(field));
    }

    private static Expression and(List<Expression> parts) {
        Expression out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = new AndExpression(out, parts.get(i));
        }
        return out;
    }

    private static Expression exists(Table from, Expression where) {
        PlainSelect select = new PlainSelect().addSelectItem(new LongValue(1)).withFromItem(from).withWhere(where);
        return new ExistsExpression().withRightExpression(new ParenthesedSelect().withSelect(select));
    }
}
