package dev.sfmcp.soql.sosl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.query.CompiledQuery;
import dev.sfmcp.soql.query.QueryEngine;
import dev.sfmcp.soql.query.QueryErrors;
import dev.sfmcp.soql.query.QueryOptions;
import dev.sfmcp.soql.query.QueryPosition;
import dev.sfmcp.soql.query.SoqlSyntax;
import dev.sfmcp.soql.query.SqlParameters;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.schema.SearchGroup;
import dev.sfmcp.soql.store.StorageLayout;
import io.github.apexdevtools.apexparser.ApexParser;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import org.antlr.v4.runtime.ParserRuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOSL entry point of one org: {@code FIND {term} [IN ... FIELDS] [RETURNING Obj(fields [WHERE] [ORDER BY]
 * [LIMIT] [OFFSET]), ...] [LIMIT n]} answered as {@code {"searchRecords":[...]}}. Each RETURNING clause runs as a
 * SOQL statement (same binding, access and shaping) with the search condition added in SQL; matching is
 * case-insensitive whole-token and prefix matching over the searchable fields of the search group. Records come
 * in RETURNING order of objects and, within an object without its own ORDER BY, by {@link SearchRank}: an
 * approximation of Salesforce's relevance, which cannot be reproduced.
 */
public final class SearchEngine {

    public static final int MAX_LIMIT = 2000;
    static final int SINGLE_OBJECT_DEFAULT = 250;
    private static final Pattern HEADER = Pattern.compile("\\A\\n[^\\n]*\\n *\\^\\nERROR at Row:(\\d+):Column:(\\d+)\\n",
            Pattern.DOTALL);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;
    private final QueryEngine queries;

    public SearchEngine(Schema schema, QueryEngine queries) {
        this.schema = schema;
        this.queries = queries;
    }

    public ObjectNode search(AccessView view, String sosl) {
        return search(view, sosl, QueryOptions.defaults());
    }

    /** Runs {@code sosl} as the caller whose view is {@code view}. */
    public ObjectNode search(AccessView view, String sosl, QueryOptions options) {
        try {
            return run(view, sosl, options);
        } catch (SalesforceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw QueryEngine.unexpected(sosl, e);
        }
    }

    private ObjectNode run(AccessView view, String sosl, QueryOptions options) {
        if (sosl == null || sosl.isBlank()) {
            throw fail("MALFORMED_SEARCH", "unexpected token: '<EOF>'");
        }
        ApexParser.SoslLiteralAltContext tree = SoqlSyntax.parseSearch(sosl);
        String find = tree.FindLiteralAlt().getText();
        String termText = find.substring(find.indexOf('{') + 1, find.length() - 1);
        ObjectNode out = JSON.objectNode();
        ArrayNode records = out.putArray("searchRecords");
        ApexParser.SoslClausesContext clauses = tree.soslClauses();

        long overall = MAX_LIMIT;
        if (clauses.limitClause() != null) {
            if (clauses.limitClause().IntegerLiteral() == null) {
                throw fail("MALFORMED_SEARCH", "unexpected token: ':'");
            }
            overall = Math.min(MAX_LIMIT, Long.parseLong(clauses.limitClause().IntegerLiteral().getText()));
        }
        if (termText.length() > SearchTerm.LENGTH_LIMIT) {
            return out;
        }
        SearchTerm term = SearchTerm.parse(termText);
        SearchGroup group = group(clauses.searchGroup());

        List<Spec> specs = specs(view, sosl, clauses);
        if (specs.size() > 1) {
            for (Spec s : specs) {
                if (s.offset) {
                    throw fail("MALFORMED_SEARCH", "SOSL offset should be between 0 to 2000");
                }
            }
        }
        long remaining = overall;
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            if (remaining <= 0) {
                break;
            }
            // The overall limit is spread evenly over the objects still to search.
            int left = specs.size() - i;
            long cap = spec.limited ? remaining
                    : specs.size() == 1 ? (spec.filteredOrSorted ? remaining : Math.min(SINGLE_OBJECT_DEFAULT, remaining))
                    : (remaining + left - 1) / left;
            CompiledQuery compiled;
            try {
                compiled = queries.plan(view, spec.soql, options,
                        (type, alias, parameters) -> matches(view, type, alias, parameters, term, group),
                        (type, alias, parameters) -> SearchRank.of(view, type, alias, parameters, term));
            } catch (SalesforceException e) {
                throw relocate(e, sosl, spec);
            }
            List<ObjectNode> found = queries.records(compiled, options, Math.min(cap, remaining));
            found.forEach(records::add);
            remaining -= found.size();
        }
        return out;
    }

    private static SearchGroup group(ApexParser.SearchGroupContext g) {
        if (g == null || g.ALL() != null || g.SIDEBAR() != null) {
            return null;
        }
        if (g.NAME() != null) {
            return SearchGroup.NAME;
        }
        if (g.EMAIL() != null) {
            return SearchGroup.EMAIL;
        }
        return SearchGroup.PHONE;
    }

    /** One RETURNING object as a SOQL statement, with the map back to the SOSL text for error positions. */
    private record Spec(String soql, List<int[]> segments, int anchor, boolean limited, boolean filteredOrSorted,
                        boolean offset) { }

    private List<Spec> specs(AccessView view, String sosl, ApexParser.SoslClausesContext clauses) {
        List<Spec> out = new ArrayList<>();
        if (clauses.RETURNING() == null) {
            for (SObjectType t : schema.objects()) {
                if (t.searchable() && t.queryable() && view.canReadObject(t.name())) {
                    out.add(new Spec("SELECT Id FROM " + t.name(), List.of(), 0, false, false, false));
                }
            }
            return out;
        }
        List<ApexParser.FieldSpecContext> flat = new ArrayList<>();
        flatten(clauses.fieldSpecList(), flat);
        for (ApexParser.FieldSpecContext f : flat) {
            SoqlText b = new SoqlText(sosl);
            b.keyword("SELECT ");
            if (f.fieldList() != null) {
                b.span(f.fieldList());
            } else {
                b.keyword("Id");
            }
            b.keyword(" FROM ");
            b.span(f.soslId(0));
            if (f.logicalExpression() != null) {
                b.keyword(" WHERE ");
                b.span(f.logicalExpression());
            }
            if (f.fieldOrderList() != null) {
                b.keyword(" ORDER BY ");
                b.span(f.fieldOrderList());
            }
            if (f.limitClause() != null) {
                b.keyword(" ");
                b.span(f.limitClause());
            }
            if (f.offsetClause() != null) {
                if (f.offsetClause().IntegerLiteral() != null
                        && Long.parseLong(f.offsetClause().IntegerLiteral().getText()) > MAX_LIMIT) {
                    throw fail("MALFORMED_SEARCH", "SOSL offset should be between 0 to 2000");
                }
                b.keyword(" ");
                b.span(f.offsetClause());
            }
            out.add(new Spec(b.text.toString(), b.segments, f.getStart().getStartIndex() - 1,
                    f.limitClause() != null, f.logicalExpression() != null || f.fieldOrderList() != null,
                    f.offsetClause() != null));
        }
        return out;
    }

    private static void flatten(ApexParser.FieldSpecListContext list, List<ApexParser.FieldSpecContext> out) {
        out.add(list.fieldSpec());
        for (ApexParser.FieldSpecListContext more : list.fieldSpecList()) {
            flatten(more, out);
        }
    }

    /** Builds the SOQL text of a RETURNING clause from spans of the SOSL text, remembering where each came from. */
    private static final class SoqlText {
        final String sosl;
        final StringBuilder text = new StringBuilder();
        /** {soqlStart, soslStart, length} */
        final List<int[]> segments = new ArrayList<>();

        SoqlText(String sosl) {
            this.sosl = sosl;
        }

        void keyword(String k) {
            text.append(k);
        }

        void span(ParserRuleContext ctx) {
            // The parser saw "[" + sosl + "]": its offsets are one past the SOSL text's.
            int from = ctx.getStart().getStartIndex() - 1;
            int to = ctx.getStop().getStopIndex();
            String piece = sosl.substring(from, to).replace('\n', ' ').replace('\r', ' ');
            segments.add(new int[]{text.length(), from, piece.length()});
            text.append(piece);
        }
    }

    /** An error about the RETURNING statement, with its caret moved back onto the SOSL text. */
    private static SalesforceException relocate(SalesforceException e, String sosl, Spec spec) {
        SalesforceError error = e.error();
        String code = "MALFORMED_QUERY".equals(error.errorCode()) ? "MALFORMED_SEARCH" : error.errorCode();
        Matcher m = HEADER.matcher(error.message());
        if (!m.find()) {
            return fail(code, error.message());
        }
        int soqlOffset = Integer.parseInt(m.group(2)) - 1;
        int soslOffset = spec.anchor;
        for (int[] seg : spec.segments) {
            if (soqlOffset >= seg[0] && soqlOffset <= seg[0] + seg[2]) {
                soslOffset = seg[1] + (soqlOffset - seg[0]);
            }
        }
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < soslOffset && i < sosl.length(); i++) {
            if (sosl.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        String text = error.message().substring(m.end());
        return fail(code, new QueryErrors(sosl).positioned(new QueryPosition(row, soslOffset - lineStart + 1), text));
    }

    /** The search condition on one object's rows: the term tree over the group's searchable, readable fields. */
    private Expression matches(AccessView view, SObjectType type, String alias, SqlParameters parameters,
                               SearchTerm term, SearchGroup group) {
        List<FieldDef> fields = new ArrayList<>();
        for (FieldDef f : type.fields()) {
            if (f.searchable() && f.stored() && (group == null || f.searchGroup() == group)
                    && view.canReadField(type.name(), f.name())) {
                fields.add(f);
            }
        }
        if (fields.isEmpty()) {
            return new EqualsTo(new LongValue(1), new LongValue(0));
        }
        return condition(term, fields, alias, parameters);
    }

    private Expression condition(SearchTerm term, List<FieldDef> fields, String alias, SqlParameters parameters) {
        if (term instanceof SearchTerm.And a) {
            return new ParenthesedExpressionList<>(new AndExpression(condition(a.left(), fields, alias, parameters),
                    condition(a.right(), fields, alias, parameters)));
        }
        if (term instanceof SearchTerm.AndNot a) {
            return new ParenthesedExpressionList<>(new AndExpression(condition(a.left(), fields, alias, parameters),
                    new NotExpression(condition(a.right(), fields, alias, parameters))));
        }
        if (term instanceof SearchTerm.Or o) {
            return new ParenthesedExpressionList<>(new OrExpression(condition(o.left(), fields, alias, parameters),
                    condition(o.right(), fields, alias, parameters)));
        }
        SearchTerm.Word w = (SearchTerm.Word) term;
        String regex = SearchTerm.regex(w);
        Expression any = null;
        for (FieldDef f : fields) {
            // COALESCE: a null field must read as "no match", not unknown, so that AND NOT works.
            Expression match = new Function("COALESCE", new Function("REGEXP_LIKE",
                    new Column(new Table(alias), StorageLayout.quote(f.name())), parameters.bind(regex),
                    new StringValue("i")), new net.sf.jsqlparser.expression.BooleanValue(false));
            any = any == null ? match : new OrExpression(any, match);
        }
        return new ParenthesedExpressionList<>(any);
    }

    private static SalesforceException fail(String code, String message) {
        return new SalesforceException(SalesforceError.of(code, message));
    }
}
