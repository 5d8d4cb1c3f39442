package dev.sfmcp.soql.query;

import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.sql.RecordFilterCompiler;
import dev.sfmcp.soql.schema.ChildRelationship;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.PicklistValue;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import io.github.apexdevtools.apexparser.ApexParser;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Binds a parsed SOQL statement to the caller's view of the schema and compiles it to one H2 SELECT built with
 * JSqlParser's statement model. Every name is resolved case-insensitively against what the view may read (an
 * object it cannot read is "not supported", a field it cannot read "no such column"), and the view's record
 * filter is compiled into the SQL for the FROM object, each parent reached by a path and each subquery.
 * One compiler compiles one statement.
 */
final class QueryCompiler {

    static final int MAX_PARENT_DEPTH = 5;
    static final int MAX_OFFSET = 2000;
    static final int FIELDS_LIMIT = 200;
    static final int MAX_PARENT_RELATIONSHIPS = 55;
    static final int MAX_CHILD_RELATIONSHIPS = 20;
    /** From API 58.0, REST nests subqueries up to five levels counting the root: four below it. */
    static final int MAX_CHILD_DEPTH = 4;
    /** Words Salesforce does not accept as aliases. */
    static final Set<String> RESERVED_ALIASES = Set.of("AND", "ASC", "DESC", "EXCLUDES", "FIRST", "FROM", "GROUP",
            "HAVING", "IN", "INCLUDES", "LAST", "LIKE", "LIMIT", "NOT", "NULL", "NULLS", "OR", "SELECT", "USING",
            "WHERE", "WITH");

    private final Schema schema;
    private final RecordFilterCompiler filters;
    private final AccessView view;
    private final Clock clock;
    private final QueryOptions options;
    private final QueryErrors errors;
    private int aliasCounter;
    /** Whether the statement reads the clock (relative date literals), so its plan holds only for now. */
    private boolean clockDependent;
    /** Whether the statement converts time zones in SQL, so must run with H2's session zone at UTC. */
    private boolean zoneSensitive;

    QueryCompiler(Schema schema, RecordFilterCompiler filters, AccessView view, Clock clock, QueryOptions options,
                  String soql) {
        this.schema = schema;
        this.filters = filters;
        this.view = view;
        this.clock = clock;
        this.options = options;
        this.errors = new QueryErrors(soql);
    }

    private RowCondition rootCondition;

    /** Adds {@code condition} to the statement's top-level rows. */
    QueryCompiler withRootCondition(RowCondition condition) {
        this.rootCondition = condition;
        return this;
    }

    private RowCondition rootRank;

    /**
     * Orders the top-level rows by {@code rank} (ascending), then most recently modified first, when the statement
     * has no ORDER BY of its own: how SOSL ranks a RETURNING clause.
     */
    QueryCompiler withRootRank(RowCondition rank) {
        this.rootRank = rank;
        return this;
    }

    private String nextAlias() {
        return "t" + aliasCounter++;
    }

    /** The statement's FROM object, resolved against the view. */
    private SObjectType readableObject(ParserRuleContext at, String spelled) {
        SObjectType type = schema.find(spelled).orElse(null);
        if (type == null || !type.queryable() || !view.canReadObject(type.name())) {
            throw errors.unsupportedType(QueryPosition.of(at), spelled);
        }
        return type;
    }

    // ------------------------------------------------------------------ scopes and parent joins

    /** One query level: its FROM table and the LEFT JOINs its parent paths need. */
    private final class Scope {
        final SObjectType type;
        final String alias;
        final String spelledAlias;
        final PlainSelect select = new PlainSelect();
        final SqlParameters parameters;
        final Map<String, ParentJoin> parents = new HashMap<>();
        final List<SelectItem<?>> items = new ArrayList<>();
        /** 0 for the statement's FROM object, 1 for a subquery of it, 2 for a subquery of that, ... */
        int childDepth;

        Scope(SObjectType type, String spelledAlias, SqlParameters parameters) {
            this.type = type;
            this.alias = nextAlias();
            this.spelledAlias = spelledAlias;
            this.parameters = parameters;
            select.setFromItem(Sql.table(type.name(), alias));
        }

        int addColumn(Expression e) {
            items.add(SelectItem.from(e, new Alias("c" + (items.size() + 1), false)));
            return items.size();
        }

        /** The view's read filter on a table of {@code type} under {@code alias}, or null when every record passes. */
        Expression visible(SObjectType type, String alias) {
            RecordFilter filter = view.recordFilter(type.name(), AccessLevel.READ);
            if (RecordFilterCompiler.unrestricted(filter)) {
                return null;
            }
            return filters.compile(filter, Sql.table(type.name(), alias), type, parameters);
        }

        ParentJoin parent(String pathKey, FieldDef via, SObjectType target, String fromAlias) {
            ParentJoin existing = parents.get(pathKey);
            if (existing != null) {
                return existing;
            }
            String a = joinParent(via, target, fromAlias);
            ParentJoin pj = new ParentJoin(a, target, via, null);
            parents.put(pathKey, pj);
            return pj;
        }

        /**
         * LEFT JOINs {@code target} through the lookup {@code via} and answers its alias. A parent the caller cannot
         * see reads as null: its access filter sits in the ON clause, not in WHERE.
         */
        private String joinParent(FieldDef via, SObjectType target, String fromAlias) {
            String a = nextAlias();
            Expression on = new EqualsTo(Sql.column(a, "Id"), Sql.column(fromAlias, via.name()));
            Expression visible = visible(target, a);
            if (visible != null) {
                on = Sql.and(on, Sql.paren(visible));
            }
            Join join = new Join();
            join.setLeft(true);
            join.setRightItem(Sql.table(target.name(), a));
            join.addOnExpression(on);
            select.addJoins(join);
            return a;
        }

        ParentJoin polymorphicParent(String pathKey, FieldDef via, String fromAlias) {
            ParentJoin existing = parents.get(pathKey);
            if (existing != null) {
                return existing;
            }
            Map<String, String> targets = new LinkedHashMap<>();
            for (String t : via.referenceTo()) {
                SObjectType target = schema.find(t).orElse(null);
                if (target == null || !view.canReadObject(target.name())) {
                    continue;
                }
                targets.put(target.name(), joinParent(via, target, fromAlias));
            }
            ParentJoin pj = new ParentJoin(null, null, via, targets);
            parents.put(pathKey, pj);
            return pj;
        }
    }

    /**
     * One joined parent. A polymorphic lookup (What, Who, a queue-owned Owner) joins every readable target type;
     * {@code targets} maps each type name to its alias and the parent reads as Salesforce's "Name" object.
     */
    private record ParentJoin(String alias, SObjectType type, FieldDef via, Map<String, String> targets) {
        boolean polymorphic() {
            return targets != null;
        }

        Expression id() {
            if (!polymorphic()) {
                return Sql.column(alias, "Id");
            }
            List<Expression> ids = new ArrayList<>();
            targets.values().forEach(a -> ids.add(Sql.column(a, "Id")));
            return ids.size() == 1 ? ids.get(0) : new Function("COALESCE", ids.toArray(new Expression[0]));
        }

        /** The concrete type of the joined row: CASE WHEN tA.Id IS NOT NULL THEN 'A' ... END. */
        Expression typeName() {
            CaseExpression c = new CaseExpression();
            List<WhenClause> whens = new ArrayList<>();
            targets.forEach((type, a) -> whens.add(new WhenClause()
                    .withWhenExpression(new IsNullExpression(Sql.column(a, "Id")).withNot(true))
                    .withThenExpression(new StringValue(type))));
            c.setWhenClauses(whens);
            return c;
        }
    }

    /** A field path resolved to its column: the hops walked and the field at the end. */
    private record Resolved(FieldDef field, SObjectType owner, String alias, List<ParentJoin> hops, String spelled,
                            QueryPosition at, Expression expr) {
        Expression column() {
            return expr != null ? expr : Sql.column(alias, field.name());
        }

        String pathKey() {
            StringBuilder sb = new StringBuilder();
            for (ParentJoin h : hops) {
                sb.append(h.via.relationshipName().toLowerCase(Locale.ROOT)).append('.');
            }
            return sb.append(field.name().toLowerCase(Locale.ROOT)).toString();
        }
    }

    private Resolved resolve(Scope scope, ApexParser.FieldNameContext name) {
        List<ApexParser.SoqlIdContext> ids = name.soqlId();
        QueryPosition at = QueryPosition.of(name);
        int start = 0;
        if (ids.size() > 1) {
            String first = ids.get(0).getText();
            boolean relationship = scope.type.fieldByRelationshipName(first).isPresent();
            if (!relationship && (first.equalsIgnoreCase(scope.type.name())
                    || scope.spelledAlias != null && first.equalsIgnoreCase(scope.spelledAlias))) {
                start = 1;
            }
        }
        SObjectType current = scope.type;
        String alias = scope.alias;
        List<ParentJoin> hops = new ArrayList<>();
        StringBuilder pathKey = new StringBuilder();
        for (int i = start; i < ids.size() - 1; i++) {
            String seg = ids.get(i).getText();
            QueryPosition segAt = QueryPosition.of(ids.get(i));
            FieldDef ref = current.fieldByRelationshipName(seg).orElse(null);
            if (ref == null || !view.canReadField(current.name(), ref.name())) {
                throw errors.unknownRelationship(segAt, seg);
            }
            if (hops.size() == MAX_PARENT_DEPTH) {
                throw errors.malformed(segAt, "SOQL statements cannot query more than " + MAX_PARENT_DEPTH
                        + " levels of relationships");
            }
            pathKey.append(ref.relationshipName().toLowerCase(Locale.ROOT)).append('.');
            if (ref.polymorphic()) {
                // The "Name" object has no relationships of its own: the next segment must be its last.
                if (i != ids.size() - 2) {
                    throw errors.unknownRelationship(QueryPosition.of(ids.get(i + 1)), ids.get(i + 1).getText());
                }
                ParentJoin pj = scope.polymorphicParent(pathKey.toString(), ref, alias);
                hops.add(pj);
                return nameObjectField(pj, hops, ids.get(ids.size() - 1).getText(), name.getText(), at);
            }
            SObjectType target = schema.find(ref.referenceTo().get(0)).orElse(null);
            if (target == null || !view.canReadObject(target.name())) {
                throw errors.unknownRelationship(segAt, seg);
            }
            ParentJoin pj = scope.parent(pathKey.toString(), ref, target, alias);
            hops.add(pj);
            current = target;
            alias = pj.alias;
        }
        String last = ids.get(ids.size() - 1).getText();
        FieldDef field = current.field(last).orElse(null);
        if (field == null || !view.canReadField(current.name(), field.name())) {
            throw errors.noSuchColumn(at, last, current.name());
        }
        return new Resolved(field, current, alias, hops, name.getText(), at, null);
    }

    /** A field of Salesforce's "Name" object, read from whichever target of a polymorphic lookup matched. */
    private Resolved nameObjectField(ParentJoin pj, List<ParentJoin> hops, String spelled, String path,
                                     QueryPosition at) {
        if ("type".equalsIgnoreCase(spelled)) {
            FieldDef type = FieldDef.builder("Type", FieldType.PICKLIST).readOnly().build();
            return new Resolved(type, null, null, hops, path, at, pj.typeName());
        }
        List<Expression> values = new ArrayList<>();
        FieldDef found = null;
        SObjectType owner = null;
        for (Map.Entry<String, String> t : pj.targets.entrySet()) {
            SObjectType type = schema.find(t.getKey()).orElseThrow();
            FieldDef f = type.field(spelled).orElse(null);
            if (f != null && f.stored() && view.canReadField(type.name(), f.name())) {
                values.add(Sql.column(t.getValue(), f.name()));
                if (found == null) {
                    found = f;
                    owner = type;
                }
            }
        }
        if (found == null) {
            throw errors.noSuchColumn(at, spelled, "Name");
        }
        Expression e = values.size() == 1 ? values.get(0) : new Function("COALESCE", values.toArray(new Expression[0]));
        return new Resolved(found, owner, null, hops, path, at, e);
    }

    // ------------------------------------------------------------------ statements

    CompiledQuery compile(ApexParser.QueryContext q) {
        if (q.allRowsClause() != null) {
            throw errors.unexpectedToken(QueryPosition.of(q.allRowsClause()), "ALL");
        }
        for (TerminalNode upd : q.forClauses().UPDATE()) {
            throw errors.unexpectedToken(QueryPosition.of(upd.getSymbol()), "UPDATE");
        }
        ApexParser.WithClauseContext with = q.withClause();
        if (with != null) {
            boolean security = with.SECURITY_ENFORCED() != null || with.USER_MODE() != null
                    || with.SYSTEM_MODE() != null;
            if (security && !options.acceptSecurityClauses() || with.logicalExpression() != null) {
                throw errors.unexpectedToken(QueryPosition.of(with.getStart()), with.getStart().getText());
            }
        }
        ApexParser.FromNameListContext from = q.fromNameList();
        if (from.fieldName().size() > 1) {
            throw errors.unexpectedToken(QueryPosition.of(from.fieldName(1)), from.fieldName(1).getText());
        }
        SObjectType type = readableObject(from.fieldName(0), from.fieldName(0).getText());
        String spelledAlias = from.soqlId().isEmpty() ? null : from.soqlId(0).getText();
        Scope scope = new Scope(type, spelledAlias, new SqlParameters());
        return compileLevel(scope, q.selectList().selectEntry(), null, q.whereClause(), q.groupByClause(),
                q.orderByClause(), q.limitClause(), q.offsetClause(), q.usingScope(), q.forClauses(), null);
    }

    private CompiledQuery compileChild(Scope parent, ApexParser.SubQueryContext sub) {
        ApexParser.FromNameListContext from = sub.fromNameList();
        ApexParser.FieldNameContext relName = from.fieldName(0);
        String spelled = relName.getText();
        if (from.fieldName().size() > 1) {
            throw errors.unexpectedToken(QueryPosition.of(from.fieldName(1)), from.fieldName(1).getText());
        }
        if (parent.childDepth >= 1 && !options.multiLevelChildren()) {
            throw errors.malformed(QueryPosition.of(relName), "SOQL statements cannot query aggregate relationships"
                    + " more than 1 level away from the root entity object.");
        }
        if (parent.childDepth >= MAX_CHILD_DEPTH) {
            throw errors.malformed(QueryPosition.of(relName), "SOQL statements cannot query aggregate relationships"
                    + " more than " + MAX_CHILD_DEPTH + " levels away from the root entity object.");
        }
        // A relationship path (Account.Contacts) or the child's object name (Contact) is not a child relationship.
        ChildRelationship rel = relName.soqlId().size() == 1
                ? parent.type.childRelationship(spelled).orElse(null) : null;
        SObjectType child = rel == null ? null : schema.find(rel.childSObject()).orElse(null);
        if (rel == null || child == null || !child.queryable() || !view.canReadObject(child.name())
                || !view.canReadField(child.name(), rel.field())) {
            throw errors.unknownChildRelationship(QueryPosition.of(relName), spelled);
        }
        String spelledAlias = from.soqlId().isEmpty() ? null : from.soqlId(0).getText();
        Scope scope = new Scope(child, spelledAlias, new SqlParameters());
        scope.childDepth = parent.childDepth + 1;
        return compileLevel(scope, null, sub.subFieldList().subFieldEntry(), sub.whereClause(), null,
                sub.orderByClause(), sub.limitClause(), null, null, sub.forClauses(), rel);
    }

    private CompiledQuery compileLevel(Scope scope, List<ApexParser.SelectEntryContext> entries,
                                       List<ApexParser.SubFieldEntryContext> subEntries,
                                       ApexParser.WhereClauseContext where, ApexParser.GroupByClauseContext groupBy,
                                       ApexParser.OrderByClauseContext orderBy, ApexParser.LimitClauseContext limit,
                                       ApexParser.OffsetClauseContext offset, ApexParser.UsingScopeContext using,
                                       ApexParser.ForClausesContext forClauses, ChildRelationship childOf) {
        PlainSelect select = scope.select;
        long userLimit = -1;
        if (limit != null) {
            if (limit.IntegerLiteral() == null) {
                throw errors.unexpectedToken(QueryPosition.of(limit.boundExpression()), ":");
            }
            userLimit = bounded(limit.IntegerLiteral().getSymbol(), Integer.MAX_VALUE);
        }
        long userOffset = 0;
        if (offset != null) {
            if (offset.IntegerLiteral() == null) {
                throw errors.unexpectedToken(QueryPosition.of(offset.boundExpression()), ":");
            }
            userOffset = bounded(offset.IntegerLiteral().getSymbol(), Integer.MAX_VALUE);
            if (userOffset > MAX_OFFSET) {
                throw errors.offsetOutOfRange();
            }
        }

        Branch main;
        if (groupBy != null && (groupBy.ROLLUP() != null || groupBy.CUBE() != null)) {
            main = subtotals(scope, entries, subEntries, where, groupBy, orderBy, limit, using, childOf, userLimit);
            select = main.select;
        } else {
            main = branch(scope, entries, subEntries, where, groupBy, orderBy, limit, using, childOf, userLimit, null);
        }
        SelectCompiler sc = main.sc;
        RecordShape shape = main.shape;
        List<OrderByElement> order = main.order;
        int parentKeyColumn = main.parentKeyColumn;
        int parentIdsSlot = main.parentIdsSlot;
        boolean aggregate = main.aggregate;

        Supplier<String> countSql = null;
        if (!sc.countOnly && childOf == null) {
            PlainSelect inner = copyForCount(select);
            countSql = new RenderOnce(() -> {
                PlainSelect counter = new PlainSelect();
                counter.addSelectItems(new Function("COUNT", new AllColumns()));
                counter.setFromItem(new ParenthesedSelect().withSelect(inner).withAlias(new Alias("q", false)));
                return counter.toString();
            });
        }
        PlainSelect statement = select;
        if (childOf != null && userLimit >= 0) {
            // A subquery's LIMIT holds per parent: number each parent's rows in SQL and keep the first n.
            AnalyticExpression rowNumber = new AnalyticExpression();
            rowNumber.setName("ROW_NUMBER");
            rowNumber.setType(AnalyticType.OVER);
            rowNumber.setPartitionExpressionList(new ExpressionList<>(Sql.column(scope.alias, childOf.field())));
            rowNumber.setOrderByElements(order);
            scope.items.add(SelectItem.from(rowNumber, new Alias("rn", false)));
            select.setOrderByElements(null);
            statement = new PlainSelect();
            statement.addSelectItems(new AllColumns());
            statement.setFromItem(new ParenthesedSelect().withSelect(select).withAlias(new Alias("w", false)));
            statement.setWhere(new MinorThanEquals(new Column("rn"), scope.parameters.bind(userLimit)));
            OrderByElement byRowNumber = new OrderByElement();
            byRowNumber.setExpression(new Column("rn"));
            statement.setOrderByElements(List.of(byRowNumber));
        }
        int limitSlot = 0;
        int offsetSlot = 0;
        if (!sc.countOnly) {
            limitSlot = scope.parameters.values().size() + 1;
            statement.setLimit(new Limit().withRowCount(scope.parameters.slot()));
            offsetSlot = scope.parameters.values().size() + 1;
            statement.setOffset(new Offset().withOffset(scope.parameters.slot()));
        }
        String viewMark = null;
        if (forClauses != null && !forClauses.VIEW().isEmpty()) {
            viewMark = "LastViewedDate";
        } else if (forClauses != null && !forClauses.REFERENCE().isEmpty()) {
            viewMark = "LastReferencedDate";
        }
        return new CompiledQuery(statement.toString(), scope.parameters.values(), limitSlot, offsetSlot, parentIdsSlot,
                parentKeyColumn, countSql, shape, userLimit, userOffset, sc.countOnly, aggregate, viewMark,
                scope.type.name(), zoneSensitive, !clockDependent && rootCondition == null && rootRank == null);
    }

    /** One SELECT of a level: its filter, select list, grouping and ORDER BY, compiled into {@code scope}. */
    private record Branch(PlainSelect select, SelectCompiler sc, RecordShape shape, List<OrderByElement> order,
                          int parentIdsSlot, int parentKeyColumn, boolean aggregate) { }

    /**
     * Compiles one SELECT of a level into {@code scope}. {@code rolledUp} is null for an ordinary statement; for
     * one grouping set of GROUP BY ROLLUP/CUBE it holds the positions (in the ROLLUP list) of the fields this set
     * totals over: they read as null and GROUPING() of them as 1.
     */
    private Branch branch(Scope scope, List<ApexParser.SelectEntryContext> entries,
                          List<ApexParser.SubFieldEntryContext> subEntries, ApexParser.WhereClauseContext where,
                          ApexParser.GroupByClauseContext groupBy, ApexParser.OrderByClauseContext orderBy,
                          ApexParser.LimitClauseContext limit, ApexParser.UsingScopeContext using,
                          ChildRelationship childOf, long userLimit, Set<Integer> rolledUp) {
        // WHERE first: the select list may add joins too, but filters decide the access predicates' aliases.
        Expression filter = null;
        boolean boundedByIds = false;
        if (where != null) {
            WhereCompiler wc = new WhereCompiler(scope);
            filter = wc.logical(where.whereLogicalExpression());
            boundedByIds = wc.idTests > 0 && wc.idTests <= FIELDS_LIMIT;
        }
        Expression visible = scope.visible(scope.type, scope.alias);
        if (visible != null) {
            filter = Sql.and(filter == null ? null : Sql.paren(filter), Sql.paren(visible));
        }
        if (rootCondition != null && childOf == null) {
            filter = Sql.and(filter == null ? null : Sql.paren(filter),
                    Sql.paren(rootCondition.build(scope.type, scope.alias, scope.parameters)));
        }
        boolean includeDeleted = options.includeDeleted();
        if (!includeDeleted && scope.type.field("IsDeleted").isPresent()) {
            filter = Sql.and(filter == null ? null : Sql.paren(filter),
                    new EqualsTo(Sql.column(scope.alias, "IsDeleted"), scope.parameters.bind(Boolean.FALSE)));
        }
        if (using != null && "mine".equalsIgnoreCase(using.soqlId().getText()) && scope.type.hasOwner()) {
            filter = Sql.and(filter, new EqualsTo(Sql.column(scope.alias, "OwnerId"),
                    scope.parameters.bind(view.userId())));
        }

        int parentKeyColumn = 0;
        int parentIdsSlot = 0;
        PlainSelect select = scope.select;
        if (childOf != null) {
            Column fk = Sql.column(scope.alias, childOf.field());
            parentIdsSlot = scope.parameters.values().size() + 1;
            filter = Sql.and(Sql.inIdArray(fk, scope.parameters.slot()),
                    filter == null ? null : Sql.paren(filter));
        }

        SelectCompiler sc = new SelectCompiler(scope, groupBy != null);
        if (rolledUp != null) {
            sc.subtotals(groupBy, rolledUp);
        }
        RecordShape shape = sc.compile(entries, subEntries, userLimit, boundedByIds);
        if (scope.parents.size() > MAX_PARENT_RELATIONSHIPS) {
            throw errors.malformed(new QueryPosition(1, 1), "No more than " + MAX_PARENT_RELATIONSHIPS
                    + " child-to-parent relationships can be specified in a query.");
        }
        if (shape.childQueries().size() > MAX_CHILD_RELATIONSHIPS) {
            throw errors.malformed(new QueryPosition(1, 1), "No more than " + MAX_CHILD_RELATIONSHIPS
                    + " parent-to-child relationships can be specified in a query.");
        }
        if (childOf != null) {
            parentKeyColumn = scope.addColumn(Sql.column(scope.alias, childOf.field()));
        }
        select.setWhere(filter);

        if (groupBy != null) {
            sc.groupBy(groupBy);
        } else if (sc.aggregates > 0 && sc.plainFields > 0) {
            throw errors.notGrouped(sc.firstPlainAt, sc.firstPlainSpelled);
        } else if (sc.aggregates > 0 && !sc.countOnly && limit != null) {
            throw errors.malformed(QueryPosition.of(limit), "LIMIT is not allowed with an aggregate function unless"
                    + " the query has a GROUP BY clause");
        }
        if (sc.countOnly && orderBy != null) {
            throw errors.malformed(QueryPosition.of(orderBy), "ORDER BY is not allowed with COUNT()");
        }
        List<OrderByElement> order = new ArrayList<>();
        if (orderBy != null) {
            for (ApexParser.FieldOrderContext fo : orderBy.fieldOrderList().fieldOrder()) {
                if (fo.soqlFunction() != null && sc.isAggregate(fo.soqlFunction()) && groupBy == null
                        && sc.aggregates == 0) {
                    throw errors.malformed(QueryPosition.of(fo), "Ordered field must be grouped or aggregated: "
                            + fo.soqlFunction().getText());
                }
                Expression e = fo.fieldName() != null ? sc.orderField(fo.fieldName())
                        : sc.functionExpression(fo.soqlFunction(), true);
                OrderByElement el = new OrderByElement();
                el.setExpression(e);
                el.setAsc(fo.DESC() == null);
                el.setAscDescPresent(true);
                // Salesforce sorts nulls first unless told otherwise; H2 would put them last for DESC.
                el.setNullOrdering(fo.LAST() != null ? OrderByElement.NullOrdering.NULLS_LAST
                        : OrderByElement.NullOrdering.NULLS_FIRST);
                order.add(el);
            }
        }
        boolean aggregate = sc.aggregates > 0 || groupBy != null;
        if (!aggregate && !sc.countOnly && rootRank != null && childOf == null && order.isEmpty()) {
            OrderByElement byRank = new OrderByElement();
            byRank.setExpression(rootRank.build(scope.type, scope.alias, scope.parameters));
            order.add(byRank);
            if (scope.type.field("LastModifiedDate").map(FieldDef::stored).orElse(false)) {
                OrderByElement recent = new OrderByElement();
                recent.setExpression(Sql.column(scope.alias, "LastModifiedDate"));
                recent.setAsc(false);
                recent.setAscDescPresent(true);
                recent.setNullOrdering(OrderByElement.NullOrdering.NULLS_LAST);
                order.add(recent);
            }
        }
        if (!aggregate && !sc.countOnly) {
            // Ties are broken by Id so that pages never overlap.
            OrderByElement byId = new OrderByElement();
            byId.setExpression(Sql.column(scope.alias, "Id"));
            order.add(byId);
        }
        if (!order.isEmpty() && !sc.countOnly) {
            select.setOrderByElements(order);
        }
        select.setSelectItems(scope.items);
        return new Branch(select, sc, shape, order, parentIdsSlot, parentKeyColumn, aggregate);
    }

    /** ROLLUP and CUBE take at most three fields. */
    static final int MAX_SUBTOTAL_FIELDS = 3;

    /**
     * GROUP BY ROLLUP/CUBE: H2 has neither, so each grouping set is its own grouped SELECT (the totalled fields
     * null), the sets are joined with UNION ALL and the whole is ordered once. Each SELECT carries, after the
     * record's columns, every ROLLUP field's value and GROUPING() flag and every ORDER BY expression, so that the
     * outer ORDER BY can name them. Without an ORDER BY, a group's detail rows come before its subtotal and the
     * grand total comes last, as in Salesforce's examples.
     */
    private Branch subtotals(Scope first, List<ApexParser.SelectEntryContext> entries,
                             List<ApexParser.SubFieldEntryContext> subEntries, ApexParser.WhereClauseContext where,
                             ApexParser.GroupByClauseContext groupBy, ApexParser.OrderByClauseContext orderBy,
                             ApexParser.LimitClauseContext limit, ApexParser.UsingScopeContext using,
                             ChildRelationship childOf, long userLimit) {
        int n = groupBy.fieldGroupByList().fieldGroupBy().size();
        if (n > MAX_SUBTOTAL_FIELDS) {
            throw errors.malformed(QueryPosition.of(groupBy.fieldGroupByList().fieldGroupBy(MAX_SUBTOTAL_FIELDS)),
                    (groupBy.ROLLUP() != null ? "GROUP BY ROLLUP" : "GROUP BY CUBE") + " supports at most "
                            + MAX_SUBTOTAL_FIELDS + " fields");
        }
        List<Set<Integer>> sets = new ArrayList<>();
        if (groupBy.ROLLUP() != null) {
            // right to left: (a, b, c), (a, b), (a), ()
            for (int k = 0; k <= n; k++) {
                Set<Integer> rolled = new HashSet<>();
                for (int i = n - k; i < n; i++) {
                    rolled.add(i);
                }
                sets.add(rolled);
            }
        } else {
            for (int size = 0; size <= n; size++) {
                for (int mask = 0; mask < 1 << n; mask++) {
                    if (Integer.bitCount(mask) == size) {
                        Set<Integer> rolled = new HashSet<>();
                        for (int i = 0; i < n; i++) {
                            if ((mask & 1 << i) != 0) {
                                rolled.add(i);
                            }
                        }
                        sets.add(rolled);
                    }
                }
            }
        }
        List<net.sf.jsqlparser.statement.select.Select> parts = new ArrayList<>();
        Branch firstBranch = null;
        List<Integer> keyColumns = new ArrayList<>();
        List<Integer> flagColumns = new ArrayList<>();
        List<Integer> orderColumns = new ArrayList<>();
        for (Set<Integer> rolled : sets) {
            Scope scope = firstBranch == null ? first : new Scope(first.type, first.spelledAlias, first.parameters);
            Branch b = branch(scope, entries, subEntries, where, groupBy, orderBy, limit, using, childOf, userLimit,
                    rolled);
            keyColumns.clear();
            flagColumns.clear();
            orderColumns.clear();
            for (int i = 0; i < n; i++) {
                keyColumns.add(scope.addColumn(rolled.contains(i) ? new net.sf.jsqlparser.expression.NullValue()
                        : b.sc.subtotalKeys.get(i)));
                flagColumns.add(scope.addColumn(new LongValue(rolled.contains(i) ? 1 : 0)));
            }
            for (OrderByElement el : b.order) {
                orderColumns.add(scope.addColumn(el.getExpression()));
            }
            scope.select.setOrderByElements(null);
            parts.add(scope.select);
            if (firstBranch == null) {
                firstBranch = b;
            }
        }
        List<net.sf.jsqlparser.statement.select.SetOperation> unions = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            unions.add(new net.sf.jsqlparser.statement.select.UnionOp().withAll(true));
        }
        net.sf.jsqlparser.statement.select.SetOperationList union =
                new net.sf.jsqlparser.statement.select.SetOperationList();
        union.setSelects(parts);
        union.setOperations(unions);
        PlainSelect whole = new PlainSelect();
        whole.addSelectItems(new AllColumns());
        whole.setFromItem(new ParenthesedSelect().withSelect(union).withAlias(new Alias("u", false)));
        List<OrderByElement> order = new ArrayList<>();
        for (int j = 0; j < orderColumns.size(); j++) {
            OrderByElement user = firstBranch.order.get(j);
            OrderByElement el = new OrderByElement();
            el.setExpression(new Column("c" + orderColumns.get(j)));
            el.setAsc(user.isAsc());
            el.setAscDescPresent(true);
            el.setNullOrdering(user.getNullOrdering());
            order.add(el);
        }
        for (int i = 0; i < n; i++) {
            OrderByElement flag = new OrderByElement();
            flag.setExpression(new Column("c" + flagColumns.get(i)));
            order.add(flag);
            OrderByElement key = new OrderByElement();
            key.setExpression(new Column("c" + keyColumns.get(i)));
            key.setNullOrdering(OrderByElement.NullOrdering.NULLS_FIRST);
            order.add(key);
        }
        whole.setOrderByElements(order);
        return new Branch(whole, firstBranch.sc, firstBranch.shape, order, 0, 0, true);
    }

    /** An integer literal of LIMIT or OFFSET, which Salesforce reads as a 32-bit int. */
    private long bounded(org.antlr.v4.runtime.Token literal, long max) {
        String text = literal.getText();
        if (text.length() > 10 || Long.parseLong(text) > max) {
            throw errors.malformed(QueryPosition.of(literal), "For input string: \"" + text + "\"");
        }
        return Long.parseLong(text);
    }

    /** Renders a statement the first time it is asked for, then keeps the text. */
    private static final class RenderOnce implements Supplier<String> {
        private final Supplier<String> render;
        private volatile String text;

        RenderOnce(Supplier<String> render) {
            this.render = render;
        }

        @Override
        public String get() {
            String t = text;
            if (t == null) {
                t = render.get();
                text = t;
            }
            return t;
        }
    }

    /** The statement without ORDER BY, for counting its rows under the same parameters. */
    private static PlainSelect copyForCount(PlainSelect select) {
        PlainSelect copy = new PlainSelect();
        copy.setSelectItems(select.getSelectItems());
        copy.setFromItem(select.getFromItem());
        copy.setJoins(select.getJoins());
        copy.setWhere(select.getWhere());
        copy.setGroupByElement(select.getGroupBy());
        copy.setHaving(select.getHaving());
        return copy;
    }

    // ------------------------------------------------------------------ SELECT list

    private final class SelectCompiler {
        final Scope scope;
        final boolean grouped;
        final RecordShape shape;
        final Set<String> seen = new HashSet<>();
        final Map<String, Expression> plainByPath = new LinkedHashMap<>();
        int aggregates;
        int plainFields;
        QueryPosition firstPlainAt;
        String firstPlainSpelled;
        boolean countOnly;
        int exprCounter;
        /** GROUP BY ROLLUP/CUBE: each field's key and expression in list order; null for other statements. */
        List<String> subtotalKeyNames;
        List<Expression> subtotalKeys;
        /** The keys this grouping set totals over (they read as null). */
        Set<String> rolledUpKeys = Set.of();

        /** Resolves the ROLLUP/CUBE fields before the select list, which must know which of them are totalled. */
        void subtotals(ApexParser.GroupByClauseContext g, Set<Integer> rolled) {
            subtotalKeyNames = new ArrayList<>();
            subtotalKeys = new ArrayList<>();
            rolledUpKeys = new HashSet<>();
            List<ApexParser.FieldGroupByContext> fields = g.fieldGroupByList().fieldGroupBy();
            for (int i = 0; i < fields.size(); i++) {
                ApexParser.FieldGroupByContext f = fields.get(i);
                String key;
                Expression e;
                if (f.fieldName() != null) {
                    Resolved r = resolve(scope, f.fieldName());
                    key = r.pathKey();
                    e = r.column();
                } else {
                    key = f.soqlFunction().getText().toLowerCase(Locale.ROOT);
                    e = functionExpression(f.soqlFunction(), false);
                }
                subtotalKeyNames.add(key);
                subtotalKeys.add(e);
                if (rolled.contains(i)) {
                    rolledUpKeys.add(key);
                }
            }
        }

        /** The value of GROUPING(field) in this grouping set: 1 when the row totals over the field. */
        Expression grouping(ApexParser.SoqlFunctionContext fn) {
            QueryPosition at = QueryPosition.of(fn);
            if (fn.fieldName() == null) {
                throw errors.unexpectedToken(at, fn.getStart().getText());
            }
            Resolved r = resolve(scope, fn.fieldName());
            if (subtotalKeyNames == null || !subtotalKeyNames.contains(r.pathKey())) {
                throw errors.malformed(at, "GROUPING() can only be used on a field of GROUP BY ROLLUP or GROUP BY"
                        + " CUBE: " + r.spelled);
            }
            return new LongValue(rolledUpKeys.contains(r.pathKey()) ? 1 : 0);
        }

        SelectCompiler(Scope scope, boolean grouped) {
            this.scope = scope;
            this.grouped = grouped;
            this.shape = null;
        }

        RecordShape compile(List<ApexParser.SelectEntryContext> entries, List<ApexParser.SubFieldEntryContext> subs,
                            long userLimit, boolean boundedByIds) {
            List<ParserRuleContext> list = new ArrayList<>();
            if (entries != null) {
                list.addAll(entries);
            } else {
                list.addAll(subs);
            }
            boolean anyAggregate = false;
            for (ParserRuleContext e : list) {
                ApexParser.SoqlFunctionContext fn = e.getRuleContext(ApexParser.SoqlFunctionContext.class, 0);
                if (fn != null && isAggregate(fn)) {
                    anyAggregate = true;
                }
            }
            if (anyAggregate && entries == null) {
                for (ParserRuleContext e : list) {
                    ApexParser.SoqlFunctionContext fn = e.getRuleContext(ApexParser.SoqlFunctionContext.class, 0);
                    if (fn != null && isAggregate(fn)) {
                        throw errors.malformed(QueryPosition.of(fn), "only root queries support aggregate expressions");
                    }
                }
            }
            boolean aggregateShape = anyAggregate || grouped;
            RecordShape out = aggregateShape ? new RecordShape("AggregateResult", 0)
                    : new RecordShape(scope.type.name(), scope.addColumn(Sql.column(scope.alias, "Id")));
            for (ParserRuleContext e : list) {
                ApexParser.FieldNameContext field = e.getRuleContext(ApexParser.FieldNameContext.class, 0);
                ApexParser.SoqlFunctionContext fn = e.getRuleContext(ApexParser.SoqlFunctionContext.class, 0);
                ApexParser.SubQueryContext sub = e.getRuleContext(ApexParser.SubQueryContext.class, 0);
                ApexParser.TypeOfContext typeOf = e.getRuleContext(ApexParser.TypeOfContext.class, 0);
                ApexParser.SoqlIdContext aliasCtx = e.getRuleContext(ApexParser.SoqlIdContext.class, 0);
                String alias = aliasCtx == null ? null : aliasCtx.getText();
                if (alias != null && RESERVED_ALIASES.contains(alias.toUpperCase(Locale.ROOT))) {
                    throw errors.unexpectedToken(QueryPosition.of(aliasCtx), alias);
                }
                if (field != null) {
                    Resolved r = resolve(scope, field);
                    if (aggregateShape) {
                        plainFields++;
                        if (firstPlainAt == null) {
                            firstPlainAt = r.at;
                            firstPlainSpelled = r.spelled;
                        }
                        Expression column = r.column();
                        plainByPath.put(r.pathKey(), column);
                        String key = alias != null ? alias : r.field.name();
                        out.entries.add(new RecordShape.Value(key, scope.addColumn(rolledUp(r.pathKey(), column)),
                                RecordShape.Kind.of(r.field), null));
                    } else {
                        if (alias != null) {
                            throw errors.unexpectedToken(QueryPosition.of(aliasCtx), alias);
                        }
                        addField(out, r, null);
                    }
                } else if (fn != null) {
                    function(out, fn, alias, aggregateShape, list.size(), userLimit, boundedByIds);
                } else if (sub != null) {
                    if (aggregateShape) {
                        // A grouped row has no one record whose children could be nested under it.
                        throw errors.notGrouped(QueryPosition.of(sub.fromNameList()),
                                sub.fromNameList().getText());
                    }
                    CompiledQuery child = compileChild(scope, sub);
                    String key = scope.type.childRelationship(sub.fromNameList().fieldName(0).getText())
                            .map(ChildRelationship::relationshipName).orElseThrow();
                    if (!seen.add("child:" + key.toLowerCase(Locale.ROOT))) {
                        throw errors.duplicateField(key);
                    }
                    out.entries.add(new RecordShape.Children(key, child));
                } else if (typeOf != null) {
                    if (aggregateShape) {
                        throw errors.malformed(QueryPosition.of(typeOf), "TYPEOF cannot be used with aggregate"
                                + " functions or GROUP BY");
                    }
                    typeOf(out, typeOf);
                }
            }
            return out;
        }

        final Set<String> typeOfRelationships = new HashSet<>();

        void typeOf(RecordShape out, ApexParser.TypeOfContext t) {
            ApexParser.FieldNameContext relName = t.fieldName();
            QueryPosition at = QueryPosition.of(relName);
            FieldDef ref = relName.soqlId().size() == 1
                    ? scope.type.fieldByRelationshipName(relName.getText()).orElse(null) : null;
            if (ref == null || !view.canReadField(scope.type.name(), ref.name())) {
                throw errors.unknownRelationship(at, relName.getText());
            }
            if (!ref.polymorphic()) {
                throw errors.malformed(at, "TYPEOF can only be used on a polymorphic relationship: "
                        + ref.relationshipName());
            }
            String rel = ref.relationshipName().toLowerCase(Locale.ROOT);
            if (!typeOfRelationships.add(rel) || seen.stream().anyMatch(k -> k.startsWith(rel + "."))) {
                throw errors.duplicateField(ref.relationshipName());
            }
            ParentJoin pj = scope.polymorphicParent(rel + ".", ref, scope.alias);
            Map<String, List<RecordShape.Value>> whens = new LinkedHashMap<>();
            for (ApexParser.WhenClauseContext w : t.whenClause()) {
                String typeName = w.fieldName().getText();
                String concrete = pj.targets.keySet().stream().filter(k -> k.equalsIgnoreCase(typeName)).findFirst()
                        .orElseThrow(() -> errors.unsupportedType(QueryPosition.of(w.fieldName()), typeName));
                SObjectType type = schema.find(concrete).orElseThrow();
                String a = pj.targets.get(concrete);
                List<RecordShape.Value> values = new ArrayList<>();
                for (ApexParser.FieldNameContext f : w.fieldNameList().fieldName()) {
                    if (f.soqlId().size() > 1) {
                        throw errors.malformed(QueryPosition.of(f), "Relationship paths inside TYPEOF are not built"
                                + " yet in this emulator");
                    }
                    FieldDef field = type.field(f.getText()).orElse(null);
                    if (field == null || !field.stored() || !view.canReadField(type.name(), field.name())) {
                        throw errors.noSuchColumn(QueryPosition.of(f), f.getText(), type.name());
                    }
                    values.add(new RecordShape.Value(field.name(), scope.addColumn(Sql.column(a, field.name())),
                            RecordShape.Kind.of(field), null));
                }
                whens.put(concrete, values);
            }
            List<RecordShape.Value> otherwise = null;
            if (t.elseClause() != null) {
                otherwise = new ArrayList<>();
                for (ApexParser.FieldNameContext f : t.elseClause().fieldNameList().fieldName()) {
                    Resolved r = nameObjectField(pj, List.of(pj), f.getText(), f.getText(), QueryPosition.of(f));
                    otherwise.add(new RecordShape.Value(r.field.name(), scope.addColumn(r.column()),
                            RecordShape.Kind.of(r.field), null));
                }
            }
            out.entries.add(new RecordShape.TypeOf(ref.relationshipName(), scope.addColumn(pj.id()),
                    scope.addColumn(pj.typeName()), whens, otherwise));
        }

        boolean isAggregate(ApexParser.SoqlFunctionContext fn) {
            if (fn.FORMAT() != null && fn.soqlFunction() != null) {
                return isAggregate(fn.soqlFunction());
            }
            String f = fn.getStart().getText().toUpperCase(Locale.ROOT);
            return switch (f) {
                case "COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX" -> true;
                default -> false;
            };
        }

        void addField(RecordShape out, Resolved r, Map<String, String> labels) {
            String dupKey = r.pathKey();
            if (!r.hops.isEmpty() && typeOfRelationships.contains(
                    r.hops.get(0).via.relationshipName().toLowerCase(Locale.ROOT))) {
                throw errors.duplicateField(r.hops.get(0).via.relationshipName());
            }
            if (!seen.add(dupKey)) {
                throw errors.duplicateField(r.spelled.contains(".") ? r.spelled : r.field.name());
            }
            List<RecordShape.Entry> entries = out.entries;
            for (ParentJoin hop : r.hops) {
                RecordShape.Parent found = null;
                for (RecordShape.Entry e : entries) {
                    if (e instanceof RecordShape.Parent p && p.key.equals(hop.via.relationshipName())) {
                        found = p;
                    }
                }
                if (found == null) {
                    found = hop.polymorphic()
                            ? new RecordShape.Parent(hop.via.relationshipName(), "Name", scope.addColumn(hop.id()),
                                    scope.addColumn(hop.typeName()))
                            : new RecordShape.Parent(hop.via.relationshipName(), hop.type.name(),
                                    scope.addColumn(hop.id()), 0);
                    entries.add(found);
                }
                entries = found.entries;
            }
            if (r.field.type() == FieldType.ADDRESS) {
                throw errors.noSuchColumn(r.at, r.field.name(), r.owner.name());
            }
            entries.add(new RecordShape.Value(r.field.name(), scope.addColumn(r.column()), RecordShape.Kind.of(r.field),
                    labels));
        }

        void function(RecordShape out, ApexParser.SoqlFunctionContext fn, String alias, boolean aggregateShape,
                      int entryCount, long userLimit, boolean boundedByIds) {
            String name = fn.getStart().getText().toUpperCase(Locale.ROOT);
            QueryPosition at = QueryPosition.of(fn);
            switch (name) {
                case "FIELDS" -> fields(out, fn, userLimit, boundedByIds, aggregateShape);
                case "TOLABEL" -> {
                    Resolved r = resolve(scope, fn.fieldName());
                    Map<String, String> labels = new HashMap<>();
                    for (PicklistValue v : r.field.picklistValues()) {
                        labels.put(v.value().toLowerCase(Locale.ROOT), v.label());
                    }
                    if (alias != null) {
                        if (!seen.add("alias:" + alias.toLowerCase(Locale.ROOT))) {
                            throw errors.duplicateField(alias);
                        }
                        out.entries.add(new RecordShape.Value(alias, scope.addColumn(r.column()), RecordShape.Kind.TEXT,
                                labels));
                    } else {
                        addField(out, r, labels);
                    }
                }
                case "FORMAT", "CONVERT_CURRENCY", "CONVERTCURRENCY" -> {
                    if (fn.fieldName() == null) {
                        // FORMAT(aggregate): the aggregate itself, as one locale formats it.
                        function(out, fn.soqlFunction(), alias, aggregateShape, entryCount, userLimit, boundedByIds);
                        return;
                    }
                    // Identity in an org without multi-currency and with one locale.
                    Resolved r = resolve(scope, fn.fieldName());
                    if (alias != null) {
                        out.entries.add(new RecordShape.Value(alias, scope.addColumn(r.column()),
                                RecordShape.Kind.of(r.field), null));
                    } else {
                        addField(out, r, null);
                    }
                }
                case "COUNT" -> {
                    if (fn.fieldName() == null) {
                        if (entryCount > 1) {
                            throw errors.malformed(at, "COUNT() must be the only element in the SELECT list.");
                        }
                        if (grouped) {
                            throw errors.malformed(at, "COUNT() and GROUP BY may not be used together");
                        }
                        countOnly = true;
                        aggregates++;
                        scope.addColumn(new Function("COUNT", new AllColumns()));
                        return;
                    }
                    aggregate(out, fn, alias, name);
                }
                case "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX" -> aggregate(out, fn, alias, name);
                case "GROUPING" -> {
                    Expression flag = grouping(fn);
                    String key = alias != null ? alias : "expr" + exprCounter++;
                    if (!seen.add("alias:" + key.toLowerCase(Locale.ROOT))) {
                        throw errors.duplicateField(key);
                    }
                    out.entries.add(new RecordShape.Value(key, scope.addColumn(flag), RecordShape.Kind.INTEGER, null));
                }
                default -> {
                    // Date functions: exprN like aggregates, and only grouped unless on a date field.
                    Expression e = functionExpression(fn, false);
                    if (!aggregateShape && fn.dateFieldName() != null) {
                        Resolved arg = resolve(scope, fn.dateFieldName().fieldName());
                        if (arg.field.type() == FieldType.DATETIME) {
                            throw errors.notGrouped(at, fn.getText());
                        }
                    }
                    String key = alias != null ? alias : "expr" + exprCounter++;
                    RecordShape.Kind kind = "DAY_ONLY".equals(name) ? RecordShape.Kind.DATE : RecordShape.Kind.INTEGER;
                    if (aggregateShape) {
                        plainByPath.put(fn.getText().toLowerCase(Locale.ROOT), e);
                        plainFields++;
                        if (firstPlainAt == null) {
                            firstPlainAt = at;
                            firstPlainSpelled = fn.getText();
                        }
                        e = rolledUp(fn.getText().toLowerCase(Locale.ROOT), e);
                    }
                    out.entries.add(new RecordShape.Value(key, scope.addColumn(e), kind, null));
                }
            }
        }

        void aggregate(RecordShape out, ApexParser.SoqlFunctionContext fn, String alias, String name) {
            aggregates++;
            Resolved r = resolve(scope, fn.fieldName());
            FieldType t = r.field.type();
            boolean numeric = t == FieldType.INT || t.isDecimal();
            boolean allowed = switch (name) {
                case "SUM", "AVG" -> numeric;
                default -> t != FieldType.BOOLEAN && t != FieldType.ADDRESS && t != FieldType.TEXTAREA
                        && t != FieldType.MULTIPICKLIST;
            };
            if (!allowed) {
                throw errors.malformed(QueryPosition.of(fn.fieldName()), "field " + r.field.name()
                        + " does not support aggregate operator " + name);
            }
            Function f;
            RecordShape.Kind kind;
            switch (name) {
                case "COUNT" -> {
                    f = new Function("COUNT", r.column());
                    kind = RecordShape.Kind.INTEGER;
                }
                case "COUNT_DISTINCT" -> {
                    f = new Function("COUNT", r.column());
                    f.setDistinct(true);
                    kind = RecordShape.Kind.INTEGER;
                }
                case "AVG" -> {
                    f = new Function("AVG", new CastExpression("CAST", r.column(), "DOUBLE PRECISION"));
                    kind = RecordShape.Kind.DECIMAL;
                }
                case "SUM" -> {
                    f = new Function("SUM", r.column());
                    kind = t == FieldType.INT ? RecordShape.Kind.INTEGER : RecordShape.Kind.DECIMAL;
                }
                default -> {
                    f = new Function(name, r.column());
                    kind = RecordShape.Kind.of(r.field);
                }
            }
            String key = alias != null ? alias : "expr" + exprCounter++;
            if (!seen.add("alias:" + key.toLowerCase(Locale.ROOT))) {
                throw errors.duplicateField(key);
            }
            out.entries.add(new RecordShape.Value(key, scope.addColumn(f), kind, null));
        }

        void fields(RecordShape out, ApexParser.SoqlFunctionContext fn, long userLimit, boolean boundedByIds,
                    boolean aggregateShape) {
            String which = fn.soqlFieldsParameter().getText().toUpperCase(Locale.ROOT);
            QueryPosition at = QueryPosition.of(fn);
            if (aggregateShape) {
                throw errors.notGrouped(at, "FIELDS(" + which + ")");
            }
            boolean unbounded = !"STANDARD".equals(which);
            if (unbounded && !(userLimit >= 0 && userLimit <= FIELDS_LIMIT) && !boundedByIds) {
                throw errors.malformed(at, "The SOQL FIELDS function is not supported with an unbounded set of"
                        + " fields in this API.");
            }
            int added = 0;
            for (FieldDef f : scope.type.fields()) {
                if (!f.stored() || !view.canReadField(scope.type.name(), f.name())) {
                    continue;
                }
                if ("CUSTOM".equals(which) && !f.custom() || "STANDARD".equals(which) && f.custom()) {
                    continue;
                }
                String key = f.name().toLowerCase(Locale.ROOT);
                if (!seen.add(key)) {
                    throw errors.duplicateField(f.name());
                }
                out.entries.add(new RecordShape.Value(f.name(), scope.addColumn(Sql.column(scope.alias, f.name())),
                        RecordShape.Kind.of(f), null));
                added++;
            }
            if (added == 0) {
                throw errors.malformed(at, "'FIELDS(...)' expansion function must result in at least one field"
                        + " being selected.");
            }
        }

        /** {@code value}, or null when this grouping set totals over the grouped {@code key}. */
        Expression rolledUp(String key, Expression value) {
            return rolledUpKeys.contains(key) ? new net.sf.jsqlparser.expression.NullValue() : value;
        }

        /** A date function (or, in ORDER BY / HAVING, an aggregate or GROUPING()) as SQL. */
        Expression functionExpression(ApexParser.SoqlFunctionContext fn, boolean allowAggregate) {
            String name = fn.getStart().getText().toUpperCase(Locale.ROOT);
            if (fn.GROUPING() != null) {
                if (!allowAggregate) {
                    throw errors.malformed(QueryPosition.of(fn), "GROUPING() is not allowed here");
                }
                return grouping(fn);
            }
            if (isAggregate(fn)) {
                if (!allowAggregate) {
                    throw errors.malformed(QueryPosition.of(fn), "Aggregate functions are not allowed here");
                }
                if (fn.fieldName() == null) {
                    return new Function("COUNT", new AllColumns());
                }
                Resolved r = resolve(scope, fn.fieldName());
                Function f = new Function("COUNT_DISTINCT".equals(name) ? "COUNT" : name, r.column());
                f.setDistinct("COUNT_DISTINCT".equals(name));
                return f;
            }
            if (fn.dateFieldName() == null) {
                throw errors.malformed(QueryPosition.of(fn), "unexpected function: " + fn.getStart().getText());
            }
            ApexParser.DateFieldNameContext df = fn.dateFieldName();
            Resolved r = resolve(scope, df.fieldName());
            if (r.field.type() != FieldType.DATE && r.field.type() != FieldType.DATETIME) {
                throw errors.malformed(QueryPosition.of(df), "Invalid field " + r.field.name()
                        + " for date function " + name);
            }
            if (("DAY_ONLY".equals(name) || "HOUR_IN_DAY".equals(name)) && r.field.type() != FieldType.DATETIME) {
                throw errors.malformed(QueryPosition.of(df), "Invalid field " + r.field.name()
                        + " for date function " + name);
            }
            Expression x = r.column();
            if (df.CONVERT_TIMEZONE() != null) {
                if (r.field.type() != FieldType.DATETIME) {
                    throw errors.malformed(QueryPosition.of(df), "convertTimezone can only be used on dateTime fields");
                }
                // Stored UTC wall time to a TIMESTAMP WITH TIME ZONE in the user's zone (the statement runs with the
                // session zone at UTC): H2's field functions read its local fields; a cast would go back to UTC.
                String zone = view.timeZone() instanceof ZoneOffset ? "UTC" : view.timeZone().getId();
                x = new TimezoneExpression(x, new StringValue(zone));
                zoneSensitive = true;
                if ("DAY_ONLY".equals(name)) {
                    return new CastExpression("CAST", new Function("FORMATDATETIME", x, new StringValue("yyyy-MM-dd")),
                            "DATE");
                }
            }
            return switch (name) {
                case "CALENDAR_MONTH", "FISCAL_MONTH" -> new Function("MONTH", x);
                case "CALENDAR_QUARTER", "FISCAL_QUARTER" -> new Function("QUARTER", x);
                case "CALENDAR_YEAR", "FISCAL_YEAR" -> new Function("YEAR", x);
                case "DAY_IN_MONTH" -> new Function("DAY_OF_MONTH", x);
                // H2 counts Monday as 1; Salesforce counts Sunday as 1.
                case "DAY_IN_WEEK" -> new Addition().withLeftExpression(
                        new Function("MOD", new Function("ISO_DAY_OF_WEEK", x), new LongValue(7)))
                        .withRightExpression(new LongValue(1));
                case "DAY_IN_YEAR" -> new Function("DAY_OF_YEAR", x);
                case "DAY_ONLY" -> new CastExpression("CAST", x, "DATE");
                case "HOUR_IN_DAY" -> new Function("HOUR", x);
                case "WEEK_IN_MONTH" -> weekOf(new Function("DAY_OF_MONTH", x));
                case "WEEK_IN_YEAR" -> weekOf(new Function("DAY_OF_YEAR", x));
                default -> throw errors.malformed(QueryPosition.of(fn), "unexpected function: " + name);
            };
        }

        /** Salesforce's weeks start on day 1 of the period: floor((day - 1) / 7) + 1. */
        private Expression weekOf(Expression day) {
            Expression minusOne = new Subtraction().withLeftExpression(day).withRightExpression(new LongValue(1));
            Expression div = new Division().withLeftExpression(Sql.paren(minusOne)).withRightExpression(new LongValue(7));
            return new Addition().withLeftExpression(div).withRightExpression(new LongValue(1));
        }

        Expression orderField(ApexParser.FieldNameContext name) {
            Resolved r = resolve(scope, name);
            FieldType t = r.field.type();
            if (t == FieldType.MULTIPICKLIST || t == FieldType.TEXTAREA && r.field.length() > 255 || t == FieldType.ADDRESS) {
                throw errors.malformed(r.at, "field '" + r.field.name() + "' can not be sorted in a query call");
            }
            if (grouped || aggregates > 0) {
                Expression e = plainByPath.get(r.pathKey());
                if (e == null) {
                    throw errors.at("MALFORMED_QUERY", r.at, "Ordered field must be grouped or aggregated: "
                            + r.spelled);
                }
                if (rolledUpKeys.contains(r.pathKey())) {
                    return new net.sf.jsqlparser.expression.NullValue();
                }
            }
            if (t == FieldType.PICKLIST && !r.field.picklistValues().isEmpty()) {
                // Picklists sort in their setup order, not alphabetically; unlisted values after listed ones.
                CaseExpression byPosition = new CaseExpression();
                byPosition.setSwitchExpression(r.column());
                List<WhenClause> whens = new ArrayList<>();
                List<PicklistValue> values = r.field.picklistValues();
                for (int i = 0; i < values.size(); i++) {
                    whens.add(new WhenClause().withWhenExpression(scope.parameters.bind(values.get(i).value()))
                            .withThenExpression(new LongValue(i)));
                }
                byPosition.setWhenClauses(whens);
                byPosition.setElseExpression(new LongValue(values.size()));
                // A null value must stay null so that NULLS FIRST/LAST still applies.
                CaseExpression keepNull = new CaseExpression();
                keepNull.setWhenClauses(List.of(new WhenClause().withWhenExpression(new IsNullExpression(r.column()))
                        .withThenExpression(new net.sf.jsqlparser.expression.NullValue())));
                keepNull.setElseExpression(byPosition);
                return keepNull;
            }
            return r.column();
        }

        void groupBy(ApexParser.GroupByClauseContext g) {
            GroupByElement element = new GroupByElement();
            Set<String> grouped = new HashSet<>();
            for (ApexParser.FieldGroupByContext f : g.fieldGroupByList().fieldGroupBy()) {
                Expression e;
                String key;
                if (f.fieldName() != null) {
                    Resolved r = resolve(scope, f.fieldName());
                    FieldType t = r.field.type();
                    if (t == FieldType.MULTIPICKLIST || t == FieldType.TEXTAREA || t == FieldType.ADDRESS
                            || t.isDecimal() || r.field.calculated() && t != FieldType.BOOLEAN) {
                        throw errors.malformed(r.at, "field '" + r.field.name() + "' can not be grouped in a query call");
                    }
                    e = r.column();
                    key = r.pathKey();
                } else {
                    e = functionExpression(f.soqlFunction(), false);
                    key = f.soqlFunction().getText().toLowerCase(Locale.ROOT);
                }
                if (!rolledUpKeys.contains(key)) {
                    element.addGroupByExpressions(e);
                }
                grouped.add(key);
            }
            for (Map.Entry<String, Expression> plain : plainByPath.entrySet()) {
                if (!grouped.contains(plain.getKey())) {
                    throw errors.notGrouped(firstPlainAt, firstPlainSpelled);
                }
            }
            if (element.getGroupByExpressionList() != null && !element.getGroupByExpressionList().isEmpty()) {
                // the grand total of ROLLUP/CUBE groups nothing: one row over all records
                scope.select.setGroupByElement(element);
            }
            if (g.HAVING() != null) {
                WhereCompiler having = new WhereCompiler(scope);
                having.having = this;
                scope.select.setHaving(having.logicalHaving(g.logicalExpression()));
            }
        }
    }

    // ------------------------------------------------------------------ WHERE and HAVING

    private final class WhereCompiler {
        final Scope scope;
        SelectCompiler having;
        int idTests;
        int semiJoins;

        WhereCompiler(Scope scope) {
            this.scope = scope;
        }

        Expression logical(ApexParser.WhereLogicalExpressionContext ctx) {
            List<Expression> parts = new ArrayList<>();
            for (ApexParser.WhereConditionalExpressionContext c : ctx.whereConditionalExpression()) {
                parts.add(conditional(c));
            }
            if (ctx.NOT() != null) {
                if (!ctx.getRuleContexts(ApexParser.WhereConditionalExpressionContext.class).isEmpty()
                        && hasSemiJoin(ctx)) {
                    throw errors.malformed(QueryPosition.of(ctx), "NOT cannot be used with semi join sub-selects;"
                            + " use NOT IN");
                }
                return new NotExpression(Sql.paren(parts.get(0)));
            }
            if (!ctx.SOQLOR().isEmpty()) {
                if (semiJoins > 0) {
                    throw errors.malformed(QueryPosition.of(ctx.SOQLOR(0).getSymbol()),
                            "Semi join sub-selects are not allowed with the 'OR' operator");
                }
                return Sql.or(parts);
            }
            return parts.size() == 1 ? parts.get(0) : Sql.and(parts);
        }

        private boolean hasSemiJoin(ParserRuleContext ctx) {
            for (int i = 0; i < ctx.getChildCount(); i++) {
                if (ctx.getChild(i) instanceof ApexParser.SubQueryContext) {
                    return true;
                }
                if (ctx.getChild(i) instanceof ParserRuleContext child && hasSemiJoin(child)) {
                    return true;
                }
            }
            return false;
        }

        Expression conditional(ApexParser.WhereConditionalExpressionContext ctx) {
            if (ctx.whereLogicalExpression() != null) {
                return Sql.paren(logical(ctx.whereLogicalExpression()));
            }
            ApexParser.WhereFieldExpressionContext f = ctx.whereFieldExpression();
            if (f.fieldExpression() == null) {
                throw errors.unexpectedToken(QueryPosition.of(f), f.getStart().getText());
            }
            return field(f.fieldExpression());
        }

        Expression logicalHaving(ApexParser.LogicalExpressionContext ctx) {
            List<Expression> parts = new ArrayList<>();
            for (ApexParser.ConditionalExpressionContext c : ctx.conditionalExpression()) {
                parts.add(c.logicalExpression() != null ? Sql.paren(logicalHaving(c.logicalExpression()))
                        : field(c.fieldExpression()));
            }
            if (ctx.NOT() != null) {
                return new NotExpression(Sql.paren(parts.get(0)));
            }
            return !ctx.SOQLOR().isEmpty() ? Sql.or(parts) : parts.size() == 1 ? parts.get(0) : Sql.and(parts);
        }

        Expression field(ApexParser.FieldExpressionContext fe) {
            String op = operator(fe.comparisonOperator());
            ApexParser.ValueContext value = fe.value();
            if (fe.soqlFunction() != null) {
                return functionComparison(fe.soqlFunction(), op, value);
            }
            Resolved r = resolve(scope, fe.fieldName());
            if (having != null && !having.plainByPath.containsKey(r.pathKey())) {
                throw errors.at("MALFORMED_QUERY", r.at, "Field must be grouped or aggregated: " + r.spelled);
            }
            FieldType t = r.field.type();
            if (t == FieldType.ADDRESS || t == FieldType.TEXTAREA && r.field.length() > 255) {
                throw errors.at("INVALID_FIELD", r.at, "field '" + r.field.name()
                        + "' can not be filtered in a query call");
            }
            Expression col = having != null ? having.rolledUp(r.pathKey(), r.column()) : r.column();
            if (value.subQuery() != null) {
                return semiJoin(r, op, value.subQuery());
            }
            if (r.field.type() == FieldType.ID || r.field.type() == FieldType.REFERENCE) {
                if ("=".equals(op) || "IN".equals(op)) {
                    idTests += value.valueList() != null ? value.valueList().value().size() : 1;
                }
            }
            switch (op) {
                case "IN", "NOT IN" -> {
                    if (value.valueList() == null) {
                        throw errors.unexpectedToken(QueryPosition.of(value), value.getStart().getText());
                    }
                    List<Expression> params = new ArrayList<>();
                    boolean withNull = false;
                    for (ApexParser.ValueContext v : value.valueList().value()) {
                        Object o = literal(r, v, false);
                        if (o == null) {
                            withNull = true;
                        } else {
                            params.add(scope.parameters.bind(o));
                        }
                    }
                    boolean not = "NOT IN".equals(op);
                    Expression in = params.isEmpty() ? null
                            : new InExpression(col, new ParenthesedExpressionList<>(params)).withNot(not);
                    if (!not) {
                        Expression isNull = withNull ? new IsNullExpression(col) : null;
                        return in == null ? isNull : isNull == null ? in : Sql.or(List.of(in, isNull));
                    }
                    Expression notNull = withNull ? new IsNullExpression(col).withNot(true) : null;
                    if (in == null) {
                        return notNull;
                    }
                    Expression orNull = withNull ? in : Sql.or(List.of(in, new IsNullExpression(col)));
                    return notNull == null ? orNull : Sql.and(orNull, notNull);
                }
                case "INCLUDES", "EXCLUDES" -> {
                    if (t != FieldType.MULTIPICKLIST) {
                        throw errors.at("INVALID_FIELD", r.at, "includes or excludes operator only valid on"
                                + " multipicklist field");
                    }
                    if (value.valueList() == null) {
                        throw errors.unexpectedToken(QueryPosition.of(value), value.getStart().getText());
                    }
                    List<Expression> anyOf = new ArrayList<>();
                    Expression wrapped = new net.sf.jsqlparser.expression.operators.arithmetic.Concat(
                            new net.sf.jsqlparser.expression.operators.arithmetic.Concat(new StringValue(";"), col),
                            new StringValue(";"));
                    for (ApexParser.ValueContext v : value.valueList().value()) {
                        if (v.StringLiteral() == null) {
                            throw errors.unexpectedToken(QueryPosition.of(v), v.getText());
                        }
                        List<Expression> allOf = new ArrayList<>();
                        for (String part : text(v, false).split(";")) {
                            String escaped = part.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                            allOf.add(new LikeExpression().withLeftExpression(wrapped)
                                    .withRightExpression(scope.parameters.bind("%;" + escaped + ";%")));
                        }
                        anyOf.add(Sql.paren(Sql.and(allOf)));
                    }
                    Expression includes = Sql.or(anyOf);
                    return "INCLUDES".equals(op) ? includes
                            : Sql.or(List.of(new NotExpression(includes), new IsNullExpression(col)));
                }
                case "LIKE" -> {
                    if (!t.isText() && t != FieldType.ID && t != FieldType.REFERENCE) {
                        throw errors.at("INVALID_FIELD", r.at, "invalid operator on field: LIKE");
                    }
                    if (value.StringLiteral() == null) {
                        throw errors.at("INVALID_FIELD", QueryPosition.of(value), "value of filter criterion for field '"
                                + r.field.name() + "' must be of type string and should be enclosed in quotes");
                    }
                    LikeExpression like = new LikeExpression().withLeftExpression(col)
                            .withRightExpression(scope.parameters.bind(text(value, true)));
                    return like;
                }
                default -> {
                    return comparison(r, col, op, value);
                }
            }
        }

        private Expression comparison(Resolved r, Expression col, String op, ApexParser.ValueContext value) {
            FieldType t = r.field.type();
            if (value.dateFormula() != null) {
                return relativeDate(r, col, op, value.dateFormula());
            }
            if (value.valueList() != null) {
                throw errors.unexpectedToken(QueryPosition.of(value), "(");
            }
            Object o = literal(r, value, false);
            if (o == null) {
                if (t == FieldType.BOOLEAN) {
                    // A boolean is never null in Salesforce: "= null" means false.
                    o = Boolean.FALSE;
                } else if ("=".equals(op)) {
                    return new IsNullExpression(col);
                } else if ("!=".equals(op)) {
                    return new IsNullExpression(col).withNot(true);
                } else {
                    throw errors.at("MALFORMED_QUERY", QueryPosition.of(value),
                            "invalid operator for null value: " + op);
                }
            }
            Expression p = scope.parameters.bind(o);
            return switch (op) {
                case "=" -> new EqualsTo(col, p);
                // != matches rows where the field is null, as in Salesforce.
                case "!=" -> t == FieldType.BOOLEAN ? new NotEqualsTo(col, p)
                        : Sql.or(List.of(new NotEqualsTo(col, p), new IsNullExpression(col)));
                case "<" -> new MinorThan(col, p);
                case "<=" -> new MinorThanEquals(col, p);
                case ">" -> new GreaterThan(col, p);
                case ">=" -> new GreaterThanEquals(col, p);
                default -> throw errors.unexpectedToken(QueryPosition.of(value), op);
            };
        }

        private Expression relativeDate(Resolved r, Expression col, String op, ApexParser.DateFormulaContext f) {
            FieldType t = r.field.type();
            if (t != FieldType.DATE && t != FieldType.DATETIME) {
                throw errors.at("INVALID_FIELD", QueryPosition.of(f), "value of filter criterion for field '"
                        + r.field.name() + "' must be of type " + typeWord(r.field) + " and should not be enclosed"
                        + " in quotes");
            }
            String literal = f.getStart().getText().toUpperCase(Locale.ROOT);
            int n = 0;
            if (f.signedInteger() != null) {
                n = Integer.parseInt(f.signedInteger().getText());
            }
            ZoneId zone = view.timeZone();
            clockDependent = true;
            LocalDate today = LocalDate.now(clock.withZone(zone));
            DateRange range = DateRange.of(literal, n, today, view.locale());
            Object start;
            Object end;
            if (t == FieldType.DATE) {
                start = range.start();
                end = range.end();
            } else {
                start = range.start().atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
                end = range.end().atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            Expression s = scope.parameters.bind(start);
            Expression e = scope.parameters.bind(end);
            return switch (op) {
                case "=" -> Sql.paren(Sql.and(new GreaterThanEquals(col, s), new MinorThan(col, e)));
                case "!=" -> Sql.or(List.of(new MinorThan(col, s), new GreaterThanEquals(col, e),
                        new IsNullExpression(col)));
                case "<" -> new MinorThan(col, s);
                case "<=" -> new MinorThan(col, e);
                case ">" -> new GreaterThanEquals(col, e);
                case ">=" -> new GreaterThanEquals(col, s);
                default -> throw errors.at("MALFORMED_QUERY", QueryPosition.of(f), "invalid operator " + op
                        + " for date literal " + literal);
            };
        }

        private Expression functionComparison(ApexParser.SoqlFunctionContext fn, String op,
                                              ApexParser.ValueContext value) {
            if (fn.TOLABEL() != null && having == null) {
                return labelComparison(fn, op, value);
            }
            Expression left;
            if (having != null) {
                left = having.functionExpression(fn, true);
            } else {
                if (having == null && new SelectCompiler(scope, false).isAggregate(fn)) {
                    throw errors.malformed(QueryPosition.of(fn), "Aggregate functions are not allowed in WHERE;"
                            + " use HAVING");
                }
                left = new SelectCompiler(scope, false).functionExpression(fn, false);
            }
            if (value.dateFormula() != null) {
                throw errors.malformed(QueryPosition.of(value), "Date functions cannot be compared with date"
                        + " literals");
            }
            Object o;
            if (value.signedNumber() != null) {
                o = SoqlLiterals.number(value.getText());
            } else if (value.DateLiteral() != null) {
                o = date(value);
            } else if (value.DateTimeLiteral() != null) {
                o = dateTime(value);
            } else if (value.StringLiteral() != null) {
                o = text(value, false);
            } else {
                throw errors.unexpectedToken(QueryPosition.of(value), value.getStart().getText());
            }
            Expression p = scope.parameters.bind(o);
            return switch (op) {
                case "=" -> new EqualsTo(left, p);
                case "!=" -> new NotEqualsTo(left, p);
                case "<" -> new MinorThan(left, p);
                case "<=" -> new MinorThanEquals(left, p);
                case ">" -> new GreaterThan(left, p);
                case ">=" -> new GreaterThanEquals(left, p);
                default -> throw errors.unexpectedToken(QueryPosition.of(value), op);
            };
        }

        /**
         * {@code toLabel(f) = 'Label'}: compares the translated labels, falling back to the master values, which
         * for a single-language org means the picklist values whose label (or value) is the literal.
         */
        private Expression labelComparison(ApexParser.SoqlFunctionContext fn, String op,
                                           ApexParser.ValueContext value) {
            Resolved r = resolve(scope, fn.fieldName());
            if (!"=".equals(op) && !"!=".equals(op) && !"IN".equals(op) && !"NOT IN".equals(op)) {
                throw errors.malformed(QueryPosition.of(fn), "invalid operator on toLabel: " + op);
            }
            List<ApexParser.ValueContext> values = value.valueList() != null ? value.valueList().value()
                    : List.of(value);
            List<Expression> matching = new ArrayList<>();
            for (ApexParser.ValueContext v : values) {
                if (v.StringLiteral() == null) {
                    throw typeMismatch(r.field, QueryPosition.of(v), true);
                }
                String label = text(v, false);
                boolean listed = false;
                for (PicklistValue pv : r.field.picklistValues()) {
                    if (pv.label().equalsIgnoreCase(label)) {
                        matching.add(scope.parameters.bind(pv.value()));
                        listed = true;
                    }
                }
                if (!listed) {
                    matching.add(scope.parameters.bind(label));
                }
            }
            InExpression in = new InExpression(r.column(), new ParenthesedExpressionList<>(matching));
            boolean not = "!=".equals(op) || "NOT IN".equals(op);
            return not ? Sql.or(List.of(in.withNot(true), new IsNullExpression(r.column()))) : in;
        }

        private Expression semiJoin(Resolved left, String op, ApexParser.SubQueryContext sub) {
            if (!"IN".equals(op) && !"NOT IN".equals(op)) {
                throw errors.unexpectedToken(QueryPosition.of(sub), "SELECT");
            }
            if (!left.hops.isEmpty() || !left.field.type().isId()) {
                throw errors.malformed(left.at, "Invalid semi join: the left operand must be an Id or a reference"
                        + " field without a relationship");
            }
            if (++semiJoins > 2) {
                throw errors.malformed(QueryPosition.of(sub), "Maximum of 2 semi join sub-selects are allowed");
            }
            ApexParser.FromNameListContext from = sub.fromNameList();
            SObjectType inner = readableObject(from.fieldName(0), from.fieldName(0).getText());
            if (inner.name().equals(scope.type.name())) {
                throw errors.malformed(QueryPosition.of(from), "The inner and outer selects should not be on the same"
                        + " object type");
            }
            if (sub.orderByClause() != null || sub.limitClause() != null) {
                throw errors.malformed(QueryPosition.of(sub), "Semi join sub-selects can not use ORDER BY or LIMIT");
            }
            List<ApexParser.SubFieldEntryContext> fields = sub.subFieldList().subFieldEntry();
            if (fields.size() != 1 || fields.get(0).fieldName() == null) {
                throw errors.malformed(QueryPosition.of(sub.subFieldList()), "Semi join sub-selects can only select"
                        + " one Id or reference field");
            }
            Scope innerScope = new Scope(inner, null, scope.parameters);
            Resolved selected = resolve(innerScope, fields.get(0).fieldName());
            if (!selected.hops.isEmpty() || !selected.field.type().isId()) {
                throw errors.malformed(selected.at, "Semi join sub-selects can only select one Id or reference field"
                        + " without a relationship");
            }
            // The two sides must name the same records: an Id against a lookup to its object, or a lookup
            // against the Id (or a lookup) of an object it references.
            boolean matches = left.field.type() == FieldType.ID
                    ? selected.field.type() == FieldType.REFERENCE
                            && selected.field.referenceTo().contains(scope.type.name())
                    : selected.field.type() == FieldType.ID ? left.field.referenceTo().contains(inner.name())
                    : selected.field.referenceTo().stream().anyMatch(left.field.referenceTo()::contains);
            if (!matches) {
                throw errors.malformed(selected.at, "Invalid semi join: the selected field " + selected.field.name()
                        + " does not reference " + (left.field.type() == FieldType.ID ? scope.type.name()
                        : String.join(", ", left.field.referenceTo())));
            }
            Expression where = null;
            if (sub.whereClause() != null) {
                WhereCompiler wc = new WhereCompiler(innerScope);
                for (ApexParser.SubQueryContext nested : sub.whereClause()
                        .getRuleContexts(ApexParser.SubQueryContext.class)) {
                    throw errors.malformed(QueryPosition.of(nested), "Nesting of semi join sub-selects is not"
                            + " supported");
                }
                where = wc.logical(sub.whereClause().whereLogicalExpression());
            }
            Expression visible = innerScope.visible(inner, innerScope.alias);
            if (visible != null) {
                where = Sql.and(where == null ? null : Sql.paren(where), Sql.paren(visible));
            }
            if (!options.includeDeleted() && inner.field("IsDeleted").isPresent()) {
                where = Sql.and(where == null ? null : Sql.paren(where),
                        new EqualsTo(Sql.column(innerScope.alias, "IsDeleted"), scope.parameters.bind(Boolean.FALSE)));
            }
            boolean not = "NOT IN".equals(op);
            if (not) {
                // NOT IN over a NULL key would empty the whole result under SQL's three-valued logic.
                where = Sql.and(where, new IsNullExpression(selected.column()).withNot(true));
            }
            PlainSelect ps = innerScope.select;
            ps.addSelectItems(selected.column());
            ps.setWhere(where);
            InExpression in = new InExpression(left.column(), new ParenthesedSelect().withSelect(ps)).withNot(not);
            return not ? Sql.or(List.of(in, new IsNullExpression(left.column()))) : in;
        }

        /** The value of a literal for a comparison with {@code r}'s field, or null for {@code null}. */
        private Object literal(Resolved r, ApexParser.ValueContext v, boolean like) {
            FieldDef f = r.field;
            FieldType t = f.type();
            QueryPosition at = QueryPosition.of(v);
            if (v.NULL() != null) {
                return null;
            }
            if (v.boundExpression() != null) {
                throw errors.unexpectedToken(at, ":");
            }
            if (v.dateFormula() != null || v.subQuery() != null || v.valueList() != null) {
                throw errors.unexpectedToken(at, v.getStart().getText());
            }
            switch (t) {
                case BOOLEAN -> {
                    if (v.BooleanLiteral() == null) {
                        throw typeMismatch(f, at, false);
                    }
                    return Boolean.parseBoolean(v.getText().toLowerCase(Locale.ROOT));
                }
                case INT, DOUBLE, CURRENCY, PERCENT -> {
                    if (v.signedNumber() == null) {
                        throw typeMismatch(f, at, false);
                    }
                    BigDecimal n = SoqlLiterals.number(v.getText());
                    return n;
                }
                case DATE -> {
                    if (v.DateLiteral() == null) {
                        throw typeMismatch(f, at, false);
                    }
                    return date(v);
                }
                case DATETIME -> {
                    if (v.DateTimeLiteral() == null) {
                        throw typeMismatch(f, at, false);
                    }
                    return dateTime(v);
                }
                case ID, REFERENCE -> {
                    if (v.StringLiteral() == null) {
                        throw typeMismatch(f, at, true);
                    }
                    String s = text(v, false);
                    String id = SoqlLiterals.id18(s);
                    if (id == null) {
                        throw errors.invalidId(at, s);
                    }
                    return id;
                }
                default -> {
                    if (v.StringLiteral() == null) {
                        throw typeMismatch(f, at, true);
                    }
                    String s = text(v, like);
                    if (s.length() > 4000) {
                        throw errors.malformed(at, "String literal too long: maximum 4000 characters");
                    }
                    return s;
                }
            }
        }

        private SalesforceException typeMismatch(FieldDef f, QueryPosition at, boolean quoted) {
            return errors.at("INVALID_FIELD", at, "value of filter criterion for field '" + f.name()
                    + "' must be of type " + typeWord(f) + (quoted ? " and should be enclosed in quotes"
                    : " and should not be enclosed in quotes"));
        }

        private String operator(ApexParser.ComparisonOperatorContext ctx) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ctx.getChildCount(); i++) {
                if (i > 0 && ctx.getChild(i).getText().length() > 1) {
                    sb.append(' ');
                }
                sb.append(ctx.getChild(i).getText());
            }
            String op = sb.toString().toUpperCase(Locale.ROOT);
            return "<>".equals(op) ? "!=" : op;
        }
    }

    /**
     * The value of a string literal, read from the original statement: the parser saw {@code \%} and
     * {@code \_} masked (its lexer does not know them), and they are valid only in LIKE patterns.
     */
    private String text(ApexParser.ValueContext v, boolean likePattern) {
        String original = errors.query().substring(v.getStart().getStartIndex(), v.getStop().getStopIndex() + 1);
        if (!likePattern && SoqlSyntax.hasLikeEscape(original)) {
            String masked = SoqlSyntax.masked(original);
            int at = 0;
            while (masked.charAt(at) == original.charAt(at)) {
                at++;
            }
            throw errors.malformed(QueryPosition.of(v), "Invalid string literal " + original
                    + ". Illegal character sequence '" + original.substring(at - 1, at + 1) + "' in string literal.");
        }
        return SoqlLiterals.string(original, likePattern);
    }

    /** Salesforce's date range: 1700-01-01 to 4000-12-31. */
    private static final LocalDate FIRST_DATE = LocalDate.of(1700, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(4000, 12, 31);

    private LocalDate date(ApexParser.ValueContext v) {
        try {
            LocalDate d = SoqlLiterals.date(v.getText());
            if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
                throw errors.malformed(QueryPosition.of(v), "Invalid date: " + v.getText());
            }
            return d;
        } catch (java.time.DateTimeException e) {
            throw errors.malformed(QueryPosition.of(v), "Invalid date: " + v.getText());
        }
    }

    private java.time.LocalDateTime dateTime(ApexParser.ValueContext v) {
        try {
            java.time.LocalDateTime t = SoqlLiterals.dateTime(v.getText());
            if (t.toLocalDate().isBefore(FIRST_DATE) || t.toLocalDate().isAfter(LAST_DATE)) {
                throw errors.malformed(QueryPosition.of(v), "Invalid dateTime: " + v.getText());
            }
            return t;
        } catch (java.time.DateTimeException e) {
            throw errors.malformed(QueryPosition.of(v), "Invalid dateTime: " + v.getText());
        }
    }

    private static String typeWord(FieldDef f) {
        return switch (f.type()) {
            case DATETIME -> "dateTime";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case INT -> "int";
            case CURRENCY, DOUBLE, PERCENT -> "double";
            case ID, REFERENCE -> "id";
            default -> "string";
        };
    }
}
