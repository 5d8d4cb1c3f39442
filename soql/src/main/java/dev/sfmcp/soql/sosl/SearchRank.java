package dev.sfmcp.soql.sosl;

import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.query.SqlParameters;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.store.StorageLayout;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * An approximation of Salesforce's search relevance within one object, as an SQL rank (lower first): the
 * record's name equals a search word (0), its name starts with the word (1), its name contains the word as a
 * token (2), the word matched another field (3). The engine then puts the most recently modified record first
 * and breaks ties by Id. The real ranking (term frequency, stemming, popularity) is not reproducible; this keeps
 * its visible traits: name matches before other fields, exact before prefix before contains, newer first.
 */
final class SearchRank {

    static final int EXACT_NAME = 0;
    static final int NAME_PREFIX = 1;
    static final int NAME_TOKEN = 2;
    static final int OTHER_FIELD = 3;

    private SearchRank() {
    }

    /** The rank of a row of {@code type} under {@code alias} for {@code term}, as a constant when nothing ranks. */
    static Expression of(AccessView view, SObjectType type, String alias, SqlParameters parameters, SearchTerm term) {
        FieldDef name = type.nameField().filter(f -> f.stored() && view.canReadField(type.name(), f.name()))
                .orElse(null);
        List<SearchTerm.Word> words = new ArrayList<>();
        positiveWords(term, words);
        if (name == null || words.isEmpty()) {
            return new LongValue(OTHER_FIELD);
        }
        Column column = new Column(new Table(alias), StorageLayout.quote(name.name()));
        List<Expression> ranks = new ArrayList<>();
        for (SearchTerm.Word w : words) {
            ranks.add(rank(column, w, parameters));
        }
        return ranks.size() == 1 ? ranks.get(0) : new Function("LEAST", ranks.toArray(new Expression[0]));
    }

    private static Expression rank(Column name, SearchTerm.Word word, SqlParameters parameters) {
        String regex = SearchTerm.regex(word);
        List<WhenClause> whens = new ArrayList<>();
        if (!hasWildcard(word.text())) {
            // the name column ignores case, as the search does
            whens.add(new WhenClause().withWhenExpression(new EqualsTo(name,
                    parameters.bind(word.text().replace("\\*", "*").replace("\\?", "?"))))
                    .withThenExpression(new LongValue(EXACT_NAME)));
        }
        whens.add(new WhenClause().withWhenExpression(matches(name, "^" + regex, parameters))
                .withThenExpression(new LongValue(NAME_PREFIX)));
        whens.add(new WhenClause().withWhenExpression(matches(name, regex, parameters))
                .withThenExpression(new LongValue(NAME_TOKEN)));
        CaseExpression c = new CaseExpression();
        c.setWhenClauses(whens);
        c.setElseExpression(new LongValue(OTHER_FIELD));
        return c;
    }

    private static Expression matches(Column column, String regex, SqlParameters parameters) {
        return new Function("COALESCE", new Function("REGEXP_LIKE", column, parameters.bind(regex),
                new StringValue("i")), new net.sf.jsqlparser.expression.BooleanValue(false));
    }

    /** Unescaped {@code *} or {@code ?}: the word is a pattern, never an exact name. */
    private static boolean hasWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** The words a record is found by: every word except those under AND NOT. */
    private static void positiveWords(SearchTerm term, List<SearchTerm.Word> out) {
        if (term instanceof SearchTerm.Word w) {
            out.add(w);
        } else if (term instanceof SearchTerm.And a) {
            positiveWords(a.left(), out);
            positiveWords(a.right(), out);
        } else if (term instanceof SearchTerm.Or o) {
            positiveWords(o.left(), out);
            positiveWords(o.right(), out);
        } else if (term instanceof SearchTerm.AndNot n) {
            positiveWords(n.left(), out);
        }
    }
}
