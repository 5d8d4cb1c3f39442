package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.schema.ChildRelationship;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.sql.BoundParameters;
import dev.sfmcp.soql.sql.RecordFilterCompiler;
import dev.sfmcp.soql.store.OrgDatabase;
import dev.sfmcp.soql.store.StorageLayout;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads records for a caller's view: one record by Id ({@code GET /sobjects/{o}/{id}}), relationship traversal
 * ({@code GET /sobjects/{o}/{id}/{relationship-path}}), and recently used records. The caller's READ filter is
 * part of every statement, so a record the caller cannot see is simply absent (NOT_FOUND).
 */
public final class RecordReader {

    /** REST allows at most five child-to-parent levels in a relationship path. */
    public static final int MAX_PARENT_LEVELS = 5;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;
    private final OrgDatabase db;
    private final Clock clock;
    private final RecordFilterCompiler compiler;
    private final RecordRenderer renderer;
    private final Map<String, String> unrestrictedSelects = new ConcurrentHashMap<>();

    /** Where a relationship path leads: one record, or the children of one record. */
    public record Target(SObjectType type, String id, ChildRelationship children) {
        public boolean toMany() {
            return children != null;
        }
    }

    public RecordReader(Schema schema, OrgDatabase db, Clock clock, RecordFilterCompiler compiler, RecordRenderer renderer) {
        this.schema = schema;
        this.db = db;
        this.clock = clock;
        this.compiler = compiler;
        this.renderer = renderer;
    }

    /** The record as REST returns it, with {@code fields} (every readable field when null or empty). */
    public ObjectNode retrieve(AccessView view, String sObject, String id, List<String> fields) {
        SObjectType type = visibleType(view, sObject);
        String recordId = RecordWriter.recordId(type, id);
        List<FieldDef> shown = resolveFields(view, type, fields);
        return db.read(c -> {
            SObjectRecord record = select(c, view, type, recordId, shown);
            if (record == null) {
                throw DmlErrors.notFound();
            }
            return renderer.render(record, shown);
        });
    }

    /** Follows {@code path} ({@code Account/Owner}, {@code Contacts}) from a record, as REST does. */
    public Target resolve(AccessView view, String sObject, String id, String path) {
        SObjectType type = visibleType(view, sObject);
        String current = RecordWriter.recordId(type, id);
        String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
        if (segments.length == 0 || segments[0].isEmpty()) {
            throw DmlErrors.notFound();
        }
        SObjectType currentType = type;
        int hops = 0;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String from = current;
            SObjectType fromType = currentType;
            SObjectRecord here = db.read(c -> select(c, view, fromType, from, fromType.storedFields()));
            if (here == null) {
                throw DmlErrors.notFound();
            }
            FieldDef reference = currentType.fieldByRelationshipName(segment).orElse(null);
            if (reference != null && view.canReadField(currentType.name(), reference.name())) {
                if (++hops > MAX_PARENT_LEVELS) {
                    throw DmlErrors.notFound();
                }
                Object parentId = here.get(reference.name());
                if (parentId == null) {
                    throw DmlErrors.notFound();
                }
                SObjectType parentType = schema.byKeyPrefix(parentId.toString().substring(0, 3)).orElseThrow(DmlErrors::notFound);
                if (!view.canReadObject(parentType.name())) {
                    throw DmlErrors.notFound();
                }
                current = parentId.toString();
                currentType = parentType;
                continue;
            }
            ChildRelationship children = currentType.childRelationship(segment).orElse(null);
            if (children != null && i == segments.length - 1 && view.canReadObject(children.childSObject())
                    && view.canReadField(children.childSObject(), children.field())) {
                return new Target(currentType, current, children);
            }
            throw DmlErrors.notFound();
        }
        String last = current;
        SObjectType lastType = currentType;
        if (db.read(c -> select(c, view, lastType, last, List.of(lastType.field("Id").orElseThrow()))) == null) {
            throw DmlErrors.notFound();
        }
        return new Target(currentType, current, null);
    }

    /**
     * The REST answer of a relationship path: the parent record reached (404 when there is none), or for a
     * to-many relationship {@code {totalSize, done, records}} (200 with no records when there are none).
     */
    public ObjectNode related(AccessView view, String sObject, String id, String path, List<String> fields) {
        Target target = resolve(view, sObject, id, path);
        if (!target.toMany()) {
            return retrieve(view, target.type().name(), target.id(), fields);
        }
        SObjectType child = schema.find(target.children().childSObject()).orElseThrow();
        List<FieldDef> shown = resolveFields(view, child, fields);
        return db.read(c -> {
            Table table = new Table(StorageLayout.quote(child.name())).withAlias(new Alias("t0", false));
            BoundParameters params = new BoundParameters();
            Expression where = new AndExpression(
                    new EqualsTo(column(target.children().field()), params.bind(target.id())),
                    new EqualsTo(column("IsDeleted"), new BooleanValue(false)));
            RecordFilter filter = view.recordFilter(child.name(), AccessLevel.READ);
            if (!RecordFilterCompiler.unrestricted(filter)) {
                where = new AndExpression(where, compiler.compile(filter, table, child, params));
            }
            List<FieldDef> columns = storedColumns(child, shown);
            PlainSelect select = selectOf(table, columns).withWhere(where);
            select.addOrderByElements(new OrderByElement().withExpression(column("Id")));
            ArrayNode records = JSON.arrayNode();
            try (PreparedStatement ps = c.prepareStatement(select.toString())) {
                params.applyTo(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(renderer.render(RecordRows.read(rs, child, columns), shown));
                    }
                }
            }
            ObjectNode out = JSON.objectNode();
            out.put("totalSize", records.size());
            out.put("done", true);
            out.set("records", records);
            return out;
        });
    }

    /** Records that {@code use} happened now for the caller (GET by Id, FOR VIEW, FOR REFERENCE, related reads). */
    public void markUsed(AccessView view, String sObject, Collection<String> ids, RecentUse use) {
        SObjectType type = schema.find(sObject).orElseThrow(DmlErrors::notFound);
        if (!type.recentItems() || ids.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String column = StorageLayout.quote(use.field());
        db.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + StorageLayout.quote(type.name()) + " SET " + column + " = ? WHERE \"Id\" = ?");
                 PreparedStatement merge = c.prepareStatement("MERGE INTO \"RecentlyViewed\" r USING (VALUES (CAST(? AS VARCHAR(18)), CAST(? AS VARCHAR(18)))) s(u, i) "
                         + "ON r.\"UserId\" = s.u AND r.\"RecordId\" = s.i WHEN MATCHED THEN UPDATE SET " + column + " = ? "
                         + "WHEN NOT MATCHED THEN INSERT (\"UserId\", \"RecordId\", \"Type\", " + column + ") VALUES (s.u, s.i, ?, ?)")) {
                for (String id : new LinkedHashSet<>(ids)) {
                    update.setObject(1, now);
                    update.setString(2, id);
                    update.addBatch();
                    if (view.userId() != null) {
                        merge.setString(1, view.userId());
                        merge.setString(2, id);
                        merge.setObject(3, now);
                        merge.setString(4, type.name());
                        merge.setObject(5, now);
                        merge.addBatch();
                    }
                }
                update.executeBatch();
                if (view.userId() != null) {
                    merge.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * The caller's most recently viewed or referenced records of {@code sObject}, newest first, as
     * {@code recentItems} lists them ({@code attributes}, {@code Id}, name field); records the caller can no
     * longer read are left out.
     */
    public ArrayNode recentItems(AccessView view, String sObject, int limit) {
        SObjectType type = visibleType(view, sObject);
        List<FieldDef> shown = new ArrayList<>();
        shown.add(type.field("Id").orElseThrow());
        type.nameField().filter(f -> view.canReadField(type.name(), f.name())).ifPresent(shown::add);
        return db.read(c -> {
            Table table = new Table(StorageLayout.quote(type.name())).withAlias(new Alias("t0", false));
            BoundParameters params = new BoundParameters();
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < shown.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("t0.").append(StorageLayout.quote(shown.get(i).name()));
            }
            sql.append(" FROM \"RecentlyViewed\" r JOIN ").append(table).append(" ON t0.\"Id\" = r.\"RecordId\" WHERE r.\"UserId\" = ")
                    .append(params.bind(view.userId())).append(" AND t0.\"IsDeleted\" = FALSE");
            RecordFilter filter = view.recordFilter(type.name(), AccessLevel.READ);
            if (!RecordFilterCompiler.unrestricted(filter)) {
                sql.append(" AND ").append(compiler.compile(filter, table, type, params));
            }
            sql.append(" ORDER BY GREATEST(COALESCE(r.\"LastViewedDate\", r.\"LastReferencedDate\"), COALESCE(r.\"LastReferencedDate\", r.\"LastViewedDate\")) DESC, t0.\"Id\" LIMIT ")
                    .append(params.bind(Math.max(0, Math.min(limit, 200))));
            ArrayNode out = JSON.arrayNode();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                params.applyTo(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(renderer.render(RecordRows.read(rs, type, shown), shown));
                    }
                }
            }
            return out;
        });
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private SObjectType visibleType(AccessView view, String sObject) {
        SObjectType type = schema.find(sObject).orElseThrow(DmlErrors::notFound);
        if (!view.canReadObject(type.name())) {
            throw DmlErrors.notFound();
        }
        return type;
    }

    private static List<FieldDef> resolveFields(AccessView view, SObjectType type, List<String> names) {
        List<FieldDef> out = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            for (FieldDef f : type.fields()) {
                if (view.canReadField(type.name(), f.name())) {
                    out.add(f);
                }
            }
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            String name = n.trim();
            FieldDef f = type.field(name).orElse(null);
            if (f == null || !view.canReadField(type.name(), f.name())) {
                throw DmlErrors.noSuchColumnOnEntity(name, type.name());
            }
            if (seen.add(f.name())) {
                out.add(f);
            }
        }
        return out;
    }

    /** The stored columns needed to render {@code shown}: address components stand in for the compound. */
    private static List<FieldDef> storedColumns(SObjectType type, List<FieldDef> shown) {
        List<FieldDef> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (FieldDef f : shown) {
            if (f.type() == FieldType.ADDRESS) {
                for (FieldDef component : type.fields()) {
                    if (f.name().equals(component.compoundFieldName()) && names.add(component.name())) {
                        out.add(component);
                    }
                }
            } else if (names.add(f.name())) {
                out.add(f);
            }
        }
        if (names.add("Id")) {
            out.add(type.field("Id").orElseThrow());
        }
        return out;
    }

    /** One undeleted record the caller can read, with the columns of {@code shown}; null when there is none. */
    private SObjectRecord select(Connection c, AccessView view, SObjectType type, String id, List<FieldDef> shown) throws SQLException {
        List<FieldDef> columns = storedColumns(type, shown);
        RecordFilter filter = view.recordFilter(type.name(), AccessLevel.READ);
        BoundParameters params = new BoundParameters();
        String sql;
        if (RecordFilterCompiler.unrestricted(filter)) {
            // the statement depends only on the object and the columns: build it once
            StringBuilder key = new StringBuilder(type.name());
            columns.forEach(f -> key.append(',').append(f.name()));
            sql = unrestrictedSelects.computeIfAbsent(key.toString(), k -> byId(type, columns, null, id, new BoundParameters()).toString());
            params.bind(id);
        } else {
            sql = byId(type, columns, filter, id, params).toString();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            params.applyTo(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? RecordRows.read(rs, type, columns) : null;
            }
        }
    }

    private PlainSelect byId(SObjectType type, List<FieldDef> columns, RecordFilter filter, String id, BoundParameters params) {
        Table table = new Table(StorageLayout.quote(type.name())).withAlias(new Alias("t0", false));
        PlainSelect select = selectOf(table, columns);
        Expression where = new AndExpression(new EqualsTo(column("Id"), params.bind(id)),
                new EqualsTo(column("IsDeleted"), new BooleanValue(false)));
        if (filter != null) {
            where = new AndExpression(where, compiler.compile(filter, table, type, params));
        }
        return select.withWhere(where);
    }

    private static PlainSelect selectOf(Table table, List<FieldDef> columns) {
        PlainSelect select = new PlainSelect().withFromItem(table);
        for (FieldDef f : columns) {
            select.addSelectItem(column(f.name()));
        }
        return select;
    }

    private static Column column(String field) {
        return new Column(new Table("t0"), StorageLayout.quote(field));
    }
}
