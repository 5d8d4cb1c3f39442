package dev.sfmcp.soql.query;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * A 1-based row and column in the query text, where Salesforce points its caret.
 *
 * @param row    1-based line of the original text
 * @param column 1-based column within that line
 */
public record QueryPosition(int row, int column) {

    /** The start of a token (ANTLR columns are 0-based). */
    public static QueryPosition of(Token token) {
        return new QueryPosition(token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** The start of a parse-tree node. */
    public static QueryPosition of(ParserRuleContext context) {
        return of(context.getStart());
    }

    /** This position shifted left on the first row, for text the engine wrapped before parsing (SOSL's bracket). */
    public QueryPosition shiftedOnFirstRow(int columns) {
        return row == 1 ? new QueryPosition(row, Math.max(1, column - columns)) : this;
    }
}
