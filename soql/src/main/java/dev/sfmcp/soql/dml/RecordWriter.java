package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.id.IdGenerator;
import dev.sfmcp.soql.id.SalesforceId;
import dev.sfmcp.soql.schema.ChildRelationship;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.PicklistValue;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.sql.RecordFilterCompiler;
import dev.sfmcp.soql.store.OrgDatabase;
import dev.sfmcp.soql.store.ShareRows;
import dev.sfmcp.soql.store.StorageException;
import dev.sfmcp.soql.store.StorageLayout;
import dev.sfmcp.soql.store.StoredValues;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Creates, updates and deletes records for a caller's view with the REST checks in Salesforce's order (object
 * permission, unknown or hidden fields, read-only fields, record access, type and format, required fields,
 * references, uniqueness). Every write is one transaction that also runs the {@link RecordChangeListener};
 * updates lock the row first, so concurrent writers to one record are serialised and never lose an update.
 */
public final class RecordWriter {

    /** How long deleted records stay in the recycle bin. */
    public static final Duration RECYCLE_BIN_RETENTION = Duration.ofDays(15);

    private final Schema schema;
    private final OrgDatabase db;
    private final Clock clock;
    private final IdGenerator ids;
    private final RecordAccess access;
    private volatile RecordChangeListener listener = RecordChangeListener.NONE;
    private final Map<String, String> insertStatements = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> templates = new ConcurrentHashMap<>();

    public RecordWriter(Schema schema, OrgDatabase db, Clock clock, IdGenerator ids, RecordFilterCompiler compiler) {
        this.schema = schema;
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.access = new RecordAccess(compiler);
    }

    public void listener(RecordChangeListener l) {
        this.listener = l == null ? RecordChangeListener.NONE : l;
    }

    /** Creates a record from a REST body; answers its 18-character Id. */
    public String create(AccessView view, String sObject, JsonNode body) {
        SObjectType type = visibleType(view, sObject);
        if (body == null || !body.isObject()) {
            throw DmlErrors.bodyNotAnObject();
        }
        if (!type.createable() || !view.canCreate(type.name())) {
            throw DmlErrors.insufficientAccess();
        }
        Map<FieldDef, JsonNode> given = resolveFields(view, type, body);
        checkWritable(view, type, given.keySet(), true);
        LocalDateTime now = now();
        Map<String, Object> row = defaults(type, view.userId(), now);
        Set<String> givenNames = new HashSet<>();
        for (Map.Entry<FieldDef, JsonNode> e : given.entrySet()) {
            row.put(e.getKey().name(), FieldValues.fromJson(e.getKey(), e.getValue()));
            givenNames.add(e.getKey().name());
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef f : type.storedFields()) {
            if (f.requiredOnCreate() && row.get(f.name()) == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw DmlErrors.requiredMissing(missing);
        }
        DerivedFields.apply(type, row, null, givenNames, now);
        String id = (String) row.get("Id");
        db.inTransaction(c -> {
            checkReferences(c, view, type, row, null, givenNames);
            checkUnique(c, type, row);
            insert(c, type, List.of(row));
            listener.onChange(type, null, new SObjectRecord(type, row), shares(c));
            return null;
        });
        return id;
    }

    /** Updates a record from a REST body. */
    public void update(AccessView view, String sObject, String id, JsonNode body) {
        modify(view, sObject, id, current -> body);
    }

    /**
     * Updates a record with a body computed from its current state while the row is locked: a read-modify-write
     * that concurrent writers cannot interleave with.
     */
    public void modify(AccessView view, String sObject, String id, Function<SObjectRecord, JsonNode> change) {
        SObjectType type = visibleType(view, sObject);
        String recordId = recordId(type, id);
        if (!type.updateable() || !view.canEdit(type.name())) {
            throw DmlErrors.insufficientAccess();
        }
        lockingTransaction(recordId, c -> {
            SObjectRecord before = RecordRows.load(c, type, recordId, true);
            RecordAccess.Grant grant = before == null ? RecordAccess.Grant.ABSENT : access.of(c, view, type, recordId);
            if (!grant.read()) {
                throw DmlErrors.notFound();
            }
            if (grant.deleted()) {
                throw DmlErrors.entityIsDeleted();
            }
            JsonNode body = change.apply(before);
            if (body == null || !body.isObject()) {
                throw DmlErrors.bodyNotAnObject();
            }
            Map<FieldDef, JsonNode> given = resolveFields(view, type, body);
            checkWritable(view, type, given.keySet(), false);
            if (!grant.edit()) {
                throw DmlErrors.insufficientAccess();
            }
            Map<String, Object> row = new LinkedHashMap<>(before.values());
            Set<String> givenNames = new HashSet<>();
            for (Map.Entry<FieldDef, JsonNode> e : given.entrySet()) {
                row.put(e.getKey().name(), FieldValues.fromJson(e.getKey(), e.getValue()));
                givenNames.add(e.getKey().name());
            }
            if (type.hasOwner() && !Objects.equals(row.get("OwnerId"), before.get("OwnerId")) && !grant.transfer()) {
                // changing the owner is a transfer: full access, or what the view's transfer filter allows
                throw DmlErrors.insufficientAccess();
            }
            List<String> missing = new ArrayList<>();
            for (FieldDef f : given.keySet()) {
                if (!f.nillable() && f.type() != FieldType.BOOLEAN && row.get(f.name()) == null) {
                    missing.add(f.name());
                }
            }
            if (!missing.isEmpty()) {
                throw DmlErrors.requiredMissing(missing);
            }
            LocalDateTime now = now();
            DerivedFields.apply(type, row, before.values(), givenNames, now);
            row.put("LastModifiedDate", now);
            row.put("LastModifiedById", view.userId());
            row.put("SystemModstamp", now);
            checkReferences(c, view, type, row, before, givenNames);
            checkUnique(c, type, row);
            write(c, type, row);
            listener.onChange(type, before, new SObjectRecord(type, row), shares(c));
            return null;
        });
    }

    /** Deletes a record to the recycle bin, with its cascade-delete children; lookups to it are cleared. */
    public void delete(AccessView view, String sObject, String id) {
        SObjectType type = visibleType(view, sObject);
        String recordId = recordId(type, id);
        if (!type.deletable() || !view.canDelete(type.name())) {
            throw DmlErrors.insufficientAccess();
        }
        purgeIfDue();
        lockingTransaction(recordId, c -> {
            SObjectRecord before = RecordRows.load(c, type, recordId, true);
            RecordAccess.Grant grant = before == null ? RecordAccess.Grant.ABSENT : access.of(c, view, type, recordId);
            if (!grant.read()) {
                throw DmlErrors.notFound();
            }
            if (grant.deleted()) {
                throw DmlErrors.entityIsDeleted();
            }
            if (!grant.all()) {
                throw DmlErrors.insufficientAccess();
            }
            softDelete(c, type, before, view.userId(), now());
            return null;
        });
    }

    /**
     * Purges the recycle bin when the last purge is an hour or more behind the engine's clock: a purge scans every
     * table, which must not happen on every delete of a large org.
     */
    private void purgeIfDue() {
        java.time.Instant now = clock.instant();
        java.time.Instant last = lastPurge;
        if (last == null || !now.isBefore(last.plus(Duration.ofHours(1)))) {
            lastPurge = now;
            purgeRecycleBin();
        }
    }

    private volatile java.time.Instant lastPurge;

    /** Removes for good the records deleted longer ago than the retention, with their share rows. */
    public int purgeRecycleBin() {
        LocalDateTime cutoff = now().minus(RECYCLE_BIN_RETENTION);
        return db.inTransaction(c -> {
            int purged = 0;
            for (SObjectType type : schema.objects()) {
                String table = StorageLayout.quote(type.name());
                String where = " WHERE \"IsDeleted\" = TRUE AND \"SystemModstamp\" < ?";
                if (type.shareable()) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + StorageLayout.quote(type.shareTableName())
                            + " WHERE \"ParentId\" IN (SELECT \"Id\" FROM " + table + where + ")")) {
                        ps.setObject(1, cutoff);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + where)) {
                    ps.setObject(1, cutoff);
                    purged += ps.executeUpdate();
                }
            }
            return purged;
        });
    }

    /**
     * Loads records without access checks (fixtures and generators): values are Java or JSON values keyed by
     * field name; missing system fields, defaults and derived fields are filled in. Batched in one transaction.
     */
    public List<String> bulkInsert(String sObject, List<? extends Map<String, ?>> records, String userId) {
        SObjectType type = schema.find(sObject).orElseThrow(DmlErrors::notFound);
        ColumnRow.Columns columns = columns(type);
        // Field names resolve once per distinct spelling, not once per record.
        Map<String, FieldDef> resolved = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        return store(prepare(type, records, userId, (source, values, given) -> {
            for (Map.Entry<String, ?> e : source.entrySet()) {
                FieldDef f = resolved.computeIfAbsent(e.getKey(), k -> type.field(k)
                        .orElseThrow(() -> DmlErrors.noSuchColumn(k, type.name())));
                if (f.stored()) {
                    give(values, positions.computeIfAbsent(f.name(), columns::position), f, e.getValue(), given);
                }
            }
        }));
    }

    /**
     * Makes records given column-wise (the generators' form) ready for a bulk load, writing nothing: {@code fields}
     * names the fields once, each row holds one value per field in that order, and a null value means the field is
     * not given. Otherwise as {@link #bulkInsert(String, List, String)}, without a map per record; {@link #store}
     * writes the result.
     */
    public BulkRows prepareRows(String sObject, List<String> fields, List<Object[]> rows, String userId) {
        SObjectType type = schema.find(sObject).orElseThrow(DmlErrors::notFound);
        ColumnRow.Columns columns = columns(type);
        FieldDef[] defs = new FieldDef[fields.size()];
        int[] at = new int[fields.size()];
        for (int i = 0; i < defs.length; i++) {
            String name = fields.get(i);
            defs[i] = type.field(name).orElseThrow(() -> DmlErrors.noSuchColumn(name, type.name()));
            at[i] = defs[i].stored() ? columns.position(defs[i].name()) : -1;
        }
        return prepare(type, rows, userId, (source, values, given) -> {
            if (source.length != defs.length) {
                throw new IllegalArgumentException("a row has " + source.length + " values for " + defs.length + " fields");
            }
            for (int i = 0; i < defs.length; i++) {
                if (source[i] != null && at[i] >= 0) {
                    give(values, at[i], defs[i], source[i], given);
                }
            }
        });
    }

    /** Copies one record's given values into its storage row. */
    @FunctionalInterface
    private interface RowFiller<R> {
        void fill(R source, Object[] values, Set<String> given);
    }

    /** Stores one given value at column {@code at}; Ids in their 18-character form. */
    private static void give(Object[] values, int at, FieldDef f, Object value, Set<String> given) {
        // Ids (the record's own and references) come back in their 18-character form
        values[at] = FieldValues.fromJava(f, value);
        if (given != null) {
            given.add(f.name());
        }
    }

    /** Issues Ids, converts and completes {@code records}, and puts each row in storage form as well; writes nothing. */
    private <R> BulkRows prepare(SObjectType type, List<R> records, String userId, RowFiller<R> filler) {
        LocalDateTime now = now();
        ColumnRow.Columns columns = columns(type);
        Object[] template = bulkTemplate(type, columns, userId, now);
        Object[] templateStored = StoredValues.of(template, null, null);
        int idAt = columns.position("Id");
        List<FieldDef> autoNumbers = new ArrayList<>();
        for (FieldDef f : columns.fields) {
            if (f.autoNumber()) {
                autoNumbers.add(f);
            }
        }
        boolean derived = DerivedFields.applies(type);
        List<ColumnRow> rows = new ArrayList<>(records.size());
        List<Object[]> stored = new ArrayList<>(records.size());
        List<String> out = new ArrayList<>(records.size());
        for (R source : records) {
            Object[] values = template.clone();
            ColumnRow row = new ColumnRow(columns, values);
            for (FieldDef f : autoNumbers) {
                row.put(f.name(), nextAutoNumber(type, f));
            }
            values[idAt] = ids.next(type.keyPrefix());
            Set<String> given = derived ? new HashSet<>() : null;
            filler.fill(source, values, given);
            if (derived) {
                DerivedFields.apply(type, row, null, given, now);
            }
            out.add((String) values[idAt]);
            rows.add(row);
            // a value still the template's own object is converted once per load, not once per row
            stored.add(StoredValues.of(values, template, templateStored));
        }
        return new BulkRows(type, rows, stored, out);
    }

    /** Stores prepared records in one transaction, in JDBC batches; answers their Ids. */
    public List<String> store(BulkRows prepared) {
        db.inTransaction(c -> {
            for (int from = 0; from < prepared.size(); from += BATCH) {
                int to = Math.min(prepared.size(), from + BATCH);
                flush(c, prepared.type, prepared.rows.subList(from, to), prepared.stored.subList(from, to));
            }
            return null;
        });
        return prepared.ids();
    }

    /** Rows per JDBC batch in bulk loads. */
    private static final int BATCH = 1000;

    private final Map<SObjectType, ColumnRow.Columns> columnsByType = new ConcurrentHashMap<>();

    private ColumnRow.Columns columns(SObjectType type) {
        return columnsByType.computeIfAbsent(type, ColumnRow.Columns::new);
    }

    /** The values every bulk-loaded record of one call starts from: defaults, owner and audit fields. */
    private Object[] bulkTemplate(SObjectType type, ColumnRow.Columns columns, String userId, LocalDateTime now) {
        Map<String, Object> defaults = template(type);
        Object[] values = new Object[columns.names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = defaults.get(columns.names[i]);
        }
        stamp(new ColumnRow(columns, values), type, userId, now);
        return values;
    }

    /** The owner and audit fields of a record created by {@code userId} at {@code now}. */
    private static void stamp(Map<String, Object> row, SObjectType type, String userId, LocalDateTime now) {
        if (type.hasOwner()) {
            row.put("OwnerId", userId);
        }
        row.put("CreatedDate", now);
        row.put("CreatedById", userId);
        row.put("LastModifiedDate", now);
        row.put("LastModifiedById", userId);
        row.put("SystemModstamp", now);
    }

    /** The next value of an auto-number field, as Salesforce's default display format shows it. */
    private String nextAutoNumber(SObjectType type, FieldDef f) {
        String n = Long.toString(1000 + ids.nextValue(type.name() + "." + f.name()) - 1);
        return n.length() >= 8 ? n : "00000000".substring(n.length()) + n;
    }

    /**
     * Writes {@code batch}, bound in its storage form ({@code stored}, row for row). Only the columns some row of the
     * batch sets are named (a column left out takes its default, as a bound null would): a record sets a fraction of
     * its object's columns, and H2 evaluates and converts every column an INSERT names.
     */
    private void flush(Connection c, SObjectType type, List<ColumnRow> batch, List<Object[]> stored) throws SQLException {
        int width = stored.get(0).length;
        boolean[] used = new boolean[width];
        int count = 0;
        for (Object[] values : stored) {
            for (int i = 0; i < width; i++) {
                if (!used[i] && !StoredValues.isNull(values[i])) {
                    used[i] = true;
                    count++;
                }
            }
        }
        int[] columns = new int[count];
        for (int i = 0, k = 0; i < width; i++) {
            if (used[i]) {
                columns[k++] = i;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(insertStatement(type, columns))) {
            for (Object[] values : stored) {
                for (int k = 0; k < columns.length; k++) {
                    ps.setObject(k + 1, values[columns[k]]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (listener != RecordChangeListener.NONE) {
            List<SObjectRecord> records = new ArrayList<>(batch.size());
            // The rows are never changed after this point: wrapped, not copied.
            batch.forEach(r -> records.add(SObjectRecord.wrap(type, r)));
            listener.onBulkInsert(type, records, shares(c));
        }
    }

    /** A transaction that locks {@code recordId}; a lock wait that times out is Salesforce's UNABLE_TO_LOCK_ROW. */
    private void lockingTransaction(String recordId, OrgDatabase.Work<Void> work) {
        try {
            db.inTransaction(work);
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException sql && (sql.getErrorCode() == LOCK_TIMEOUT || sql.getErrorCode() == DEADLOCK)) {
                throw DmlErrors.unableToLockRow(recordId);
            }
            throw e;
        }
    }

    /** H2's error codes for a lock wait that timed out and for a deadlock. */
    private static final int LOCK_TIMEOUT = 50200;
    private static final int DEADLOCK = 40001;

    // ---- checks -------------------------------------------------------------------------------------------

    /** The type named in a request; unknown and unreadable objects are the same missing resource. */
    SObjectType visibleType(AccessView view, String sObject) {
        SObjectType type = schema.find(sObject).orElseThrow(DmlErrors::notFound);
        if (!view.canReadObject(type.name())) {
            throw DmlErrors.notFound();
        }
        return type;
    }

    /** The 18-character form of a record Id given for {@code type}: MALFORMED_ID, or NOT_FOUND for another object's Id. */
    static String recordId(SObjectType type, String id) {
        String id18 = SalesforceId.parse(id).id18();
        if (!id18.startsWith(type.keyPrefix())) {
            throw DmlErrors.notFound();
        }
        return id18;
    }

    private Map<FieldDef, JsonNode> resolveFields(AccessView view, SObjectType type, JsonNode body) {
        Map<FieldDef, JsonNode> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.equals("attributes")) {
                continue;
            }
            if (name.equalsIgnoreCase("Id")) {
                throw DmlErrors.idInBody();
            }
            FieldDef f = type.field(name).orElse(null);
            if (f == null || !view.canReadField(type.name(), f.name())) {
                throw DmlErrors.noSuchColumn(name, type.name());
            }
            out.put(f, e.getValue());
        }
        return out;
    }

    private static void checkWritable(AccessView view, SObjectType type, Set<FieldDef> fields, boolean create) {
        List<String> denied = new ArrayList<>();
        for (FieldDef f : fields) {
            boolean writable = (create ? f.createable() : f.updateable()) && !f.system() && !f.calculated() && !f.autoNumber()
                    && f.stored() && view.canEditField(type.name(), f.name());
            if (!writable) {
                denied.add(f.name());
            }
        }
        if (!denied.isEmpty()) {
            throw DmlErrors.notWritable(denied);
        }
    }

    /** Every reference the request sets or changes must name a live record of a referenced type that the caller can read. */
    private void checkReferences(Connection c, AccessView view, SObjectType type, Map<String, Object> row,
                                 SObjectRecord before, Set<String> given) throws SQLException {
        for (FieldDef f : type.storedFields()) {
            if (f.type() != FieldType.REFERENCE || f.system() || !given.contains(f.name())) {
                continue;
            }
            Object value = row.get(f.name());
            if (value == null || (before != null && value.equals(before.get(f.name())))) {
                continue;
            }
            String target = value.toString();
            SObjectType targetType = schema.byKeyPrefix(target.substring(0, 3)).orElse(null);
            if (targetType == null || f.referenceTo().stream().noneMatch(r -> r.equalsIgnoreCase(targetType.name()))) {
                throw DmlErrors.invalidCrossReference(f.name());
            }
            RecordAccess.Grant grant = access.of(c, view, targetType, target);
            if (!grant.exists()) {
                throw DmlErrors.invalidCrossReference(f.name());
            }
            if (grant.deleted()) {
                throw DmlErrors.entityIsDeleted();
            }
            if (!view.canReadObject(targetType.name()) || !grant.read()) {
                throw DmlErrors.insufficientAccessOnCrossReference(f.name());
            }
        }
    }

    private static void checkUnique(Connection c, SObjectType type, Map<String, Object> row) throws SQLException {
        for (FieldDef f : type.storedFields()) {
            if (!f.unique() || row.get(f.name()) == null) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT \"Id\" FROM " + StorageLayout.quote(type.name()) + " WHERE "
                    + StorageLayout.quote(f.name()) + " = ? AND \"Id\" <> ? AND \"IsDeleted\" = FALSE LIMIT 1")) {
                ps.setObject(1, row.get(f.name()));
                ps.setString(2, (String) row.get("Id"));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw DmlErrors.duplicateValue(f, rs.getString(1));
                    }
                }
            }
        }
    }

    // ---- storage ------------------------------------------------------------------------------------------

    /** The values every new record of {@code type} starts from, computed once per type. */
    private Map<String, Object> template(SObjectType type) {
        return templates.computeIfAbsent(type.name(), k -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldDef f : type.storedFields()) {
                Object v = null;
                if (f.type() == FieldType.BOOLEAN) {
                    v = "true".equalsIgnoreCase(f.defaultValue());
                } else if (f.type() == FieldType.PICKLIST && f.defaultPicklistValue().isPresent()) {
                    v = f.defaultPicklistValue().map(PicklistValue::value).orElseThrow();
                } else if (f.defaultValue() != null) {
                    v = FieldValues.fromJava(f, f.defaultValue());
                }
                row.put(f.name(), v);
            }
            return row;
        });
    }

    private Map<String, Object> defaults(SObjectType type, String userId, LocalDateTime now) {
        Map<String, Object> row = new LinkedHashMap<>(template(type));
        for (FieldDef f : type.storedFields()) {
            if (f.autoNumber()) {
                row.put(f.name(), nextAutoNumber(type, f));
            }
        }
        row.put("Id", ids.next(type.keyPrefix()));
        stamp(row, type, userId, now);
        return row;
    }

    private void insert(Connection c, SObjectType type, List<Map<String, Object>> rows) throws SQLException {
        List<FieldDef> fields = type.storedFields();
        String sql = insertStatement(type, null);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < fields.size(); i++) {
                    ps.setObject(i + 1, row.get(fields.get(i).name()));
                }
                if (rows.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (rows.size() > 1) {
                ps.executeBatch();
            }
        }
    }

    /**
     * The INSERT naming the stored fields at {@code columns} (positions in storage order; null: every stored field),
     * kept per column set.
     */
    private String insertStatement(SObjectType type, int[] columns) {
        List<FieldDef> fields = type.storedFields();
        return insertStatements.computeIfAbsent(columns == null ? type.name() : type.name() + java.util.Arrays.toString(columns), k -> {
            int[] named = columns != null ? columns : java.util.stream.IntStream.range(0, fields.size()).toArray();
            StringBuilder cols = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < named.length; i++) {
                cols.append(i == 0 ? "" : ", ").append(StorageLayout.quote(fields.get(named[i]).name()));
                marks.append(i == 0 ? "?" : ", ?");
            }
            return "INSERT INTO " + StorageLayout.quote(type.name()) + " (" + cols + ") VALUES (" + marks + ")";
        });
    }

    private static void write(Connection c, SObjectType type, Map<String, Object> row) throws SQLException {
        List<FieldDef> fields = type.storedFields();
        StringBuilder sql = new StringBuilder("UPDATE ").append(StorageLayout.quote(type.name())).append(" SET ");
        List<Object> values = new ArrayList<>();
        for (FieldDef f : fields) {
            if (f.name().equals("Id")) {
                continue;
            }
            sql.append(values.isEmpty() ? "" : ", ").append(StorageLayout.quote(f.name())).append(" = ?");
            values.add(row.get(f.name()));
        }
        sql.append(" WHERE \"Id\" = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.setString(values.size() + 1, (String) row.get("Id"));
            ps.executeUpdate();
        }
    }

    private void softDelete(Connection c, SObjectType type, SObjectRecord before, String userId, LocalDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + StorageLayout.quote(type.name())
                + " SET \"IsDeleted\" = TRUE, \"SystemModstamp\" = ? WHERE \"Id\" = ?")) {
            ps.setObject(1, now);
            ps.setString(2, before.id());
            ps.executeUpdate();
        }
        Map<String, Object> after = new LinkedHashMap<>(before.values());
        after.put("IsDeleted", true);
        after.put("SystemModstamp", now);
        listener.onChange(type, before, new SObjectRecord(type, after), shares(c));
        for (ChildRelationship rel : type.childRelationships()) {
            SObjectType child = schema.find(rel.childSObject()).orElseThrow();
            String table = StorageLayout.quote(child.name());
            String field = StorageLayout.quote(rel.field());
            if (rel.cascadeDelete()) {
                List<String> children = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT \"Id\" FROM " + table + " WHERE " + field + " = ? AND \"IsDeleted\" = FALSE")) {
                    ps.setString(1, before.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            children.add(rs.getString(1));
                        }
                    }
                }
                for (String childId : children) {
                    softDelete(c, child, RecordRows.load(c, child, childId, true), userId, now);
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + field + " = NULL, \"SystemModstamp\" = ? WHERE "
                        + field + " = ? AND \"IsDeleted\" = FALSE")) {
                    ps.setObject(1, now);
                    ps.setString(2, before.id());
                    ps.executeUpdate();
                }
            }
        }
    }

    private ShareRows shares(Connection c) {
        return new ShareRows(c, schema, ids);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
