package dev.sfmcp.soql.query;

import dev.sfmcp.soql.schema.SObjectType;
import net.sf.jsqlparser.expression.Expression;

/**
 * An extra condition on a statement's top-level rows, built as SQL for the FROM table's alias with values
 * bound through {@code parameters}: how SOSL adds its search condition to a RETURNING clause.
 */
@FunctionalInterface
public interface RowCondition {
    Expression build(SObjectType type, String alias, SqlParameters parameters);
}
