package dev.sfmcp.security.sharing;

import dev.sfmcp.security.store.SharingStore;
import dev.sfmcp.soql.access.AccessLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps the materialised share rows true to the model, inside the transaction of the change that calls it (the
 * engine's record-change listener for record changes, the org's security for rule and setting changes).
 *
 * <p>Only two causes are rows here: {@code Manual} (deleted when the owner changes, as Salesforce does) and
 * {@code Rule} for criteria-based rules (one row per record and receiving group, at the highest level of the
 * rules that match). Ownership, hierarchy, owner-based rules and implicit sharing are filters over live data,
 * so owner, role and group changes need no row work at all, only fresh views.
 */
public final class SharingRecalculation {

    private final SharingStore store;
    private final Function<String, List<SharingRule>> rulesOf;
    private final Function<String, ObjectSharing> settingsOf;

    public SharingRecalculation(SharingStore store, Function<String, List<SharingRule>> rulesOf,
                                Function<String, ObjectSharing> settingsOf) {
        this.store = Objects.requireNonNull(store, "store");
        this.rulesOf = rulesOf;
        this.settingsOf = settingsOf;
    }

    private List<SharingRule.CriteriaBased> criteriaRules(String sObject) {
        if (!settingsOf.apply(sObject).keepsShareRows()) {
            return List.of();
        }
        return rulesOf.apply(sObject).stream()
                .filter(r -> r instanceof SharingRule.CriteriaBased)
                .map(r -> (SharingRule.CriteriaBased) r).toList();
    }

    /** A record was created: open it to the groups of every criteria rule it meets. */
    public void recordInserted(String sObject, String recordId, Map<String, ?> values) {
        List<ShareRow> rows = ruleRows(recordId, values, criteriaRules(sObject));
        if (!rows.isEmpty()) {
            store.insert(sObject, rows);
        }
    }

    /**
     * A record was updated. {@code after} holds the record's values after the change (at least every field a
     * criteria rule reads), {@code changedFields} the fields whose value changed.
     */
    public void recordUpdated(String sObject, String recordId, Set<String> changedFields, Map<String, ?> after) {
        if (changedFields.stream().anyMatch(f -> f.equalsIgnoreCase("OwnerId"))) {
            store.deleteRows(sObject, recordId, RowCause.MANUAL);
        }
        List<SharingRule.CriteriaBased> rules = criteriaRules(sObject);
        if (rules.stream().anyMatch(r -> r.dependsOnAny(changedFields))) {
            store.deleteRows(sObject, recordId, RowCause.RULE);
            List<ShareRow> rows = ruleRows(recordId, after, rules);
            if (!rows.isEmpty()) {
                store.insert(sObject, rows);
            }
        }
    }

    /** A record was deleted: its rows go with it. */
    public void recordDeleted(String sObject, String recordId) {
        store.deleteRows(sObject, recordId, RowCause.MANUAL);
        store.deleteRows(sObject, recordId, RowCause.RULE);
    }

    /**
     * A criteria rule sharing with {@code groupId} was added, changed or removed: the rows of that group are
     * rebuilt from every rule that still shares with it (other groups' rows are untouched).
     */
    public int ruleChanged(String sObject, String groupId) {
        store.deleteRowsFor(sObject, groupId, RowCause.RULE);
        List<SharingRule.CriteriaBased> rules = criteriaRules(sObject).stream()
                .filter(r -> r.sharedWithGroupId().equals(groupId)).toList();
        return rebuild(sObject, rules);
    }

    /** Every rule row of the object rebuilt (the object's default changed). */
    public int allRulesChanged(String sObject) {
        store.deleteRows(sObject, null, RowCause.RULE);
        if (!settingsOf.apply(sObject).keepsShareRows()) {
            store.deleteRows(sObject, null, RowCause.MANUAL);
        }
        return rebuild(sObject, criteriaRules(sObject));
    }

    private int rebuild(String sObject, List<SharingRule.CriteriaBased> rules) {
        if (rules.isEmpty()) {
            return 0;
        }
        Set<String> fields = new LinkedHashSet<>();
        rules.forEach(r -> r.criteria().forEach(c -> fields.add(c.field())));
        List<ShareRow> batch = new ArrayList<>();
        int[] total = {0};
        store.scan(sObject, fields, narrowing(rules), record -> {
            batch.addAll(ruleRows((String) Criterion.valueOf(record, "Id"), record, rules));
            if (batch.size() >= 5_000) {
                store.insert(sObject, batch);
                total[0] += batch.size();
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            store.insert(sObject, batch);
            total[0] += batch.size();
        }
        return total[0];
    }

    /**
     * What the store may narrow the scan to: with one rule, the values its "equals" criteria accept (a record
     * failing them cannot match; the store applies the hint to text fields only); with several rules, nothing.
     */
    private Map<String, List<String>> narrowing(List<SharingRule.CriteriaBased> rules) {
        if (rules.size() != 1) {
            return Map.of();
        }
        Map<String, List<String>> out = new HashMap<>();
        for (Criterion c : rules.get(0).criteria()) {
            // numbers compare as numbers in Java but as text in a text column: such values do not narrow
            if (c.operator() == Criterion.Operator.EQUALS
                    && c.values().stream().noneMatch(v -> v.isEmpty() || v.trim().matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?"))) {
                out.put(c.field(), c.values());
            }
        }
        return out;
    }

    private static List<ShareRow> ruleRows(String recordId, Map<String, ?> values, List<SharingRule.CriteriaBased> rules) {
        Map<String, AccessLevel> byGroup = new HashMap<>();
        for (SharingRule.CriteriaBased rule : rules) {
            if (rule.matches(values)) {
                byGroup.merge(rule.sharedWithGroupId(), rule.accessLevel(), (a, b) -> a.covers(b) ? a : b);
            }
        }
        List<ShareRow> rows = new ArrayList<>(byGroup.size());
        byGroup.forEach((group, level) -> rows.add(new ShareRow(recordId, group, level, RowCause.RULE)));
        return rows;
    }
}
