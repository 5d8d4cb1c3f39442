package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.PicklistValue;
import dev.sfmcp.soql.schema.SObjectType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the fields Salesforce computes from others: full names ({@code Name} of Contact, Lead, User), the
 * closed/won flags and stage defaults of Opportunity, Case and Task closure, and the Account of an activity
 * related to an Account. They are stored columns so that queries filter and sort on them like on any field.
 */
final class DerivedFields {

    private DerivedFields() {
    }

    /** Whether {@code type} has any field computed here (bulk loads skip the work for the others). */
    static boolean applies(SObjectType type) {
        return switch (type.name()) {
            case "Opportunity", "Case", "Task", "Event" -> true;
            default -> type.field("Name").map(FieldDef::calculated).orElse(false) && type.field("LastName").isPresent();
        };
    }

    /**
     * Updates {@code row} (describe-named values after the change) in place. {@code given} holds the names the
     * request set; {@code before} is null on create.
     */
    static void apply(SObjectType type, Map<String, Object> row, Map<String, Object> before, Set<String> given, LocalDateTime now) {
        fullName(type, row);
        switch (type.name()) {
            case "Opportunity" -> opportunity(type, row, before, given);
            case "Case" -> closure(type, row, before, "Status", "ClosedDate", now);
            case "Task" -> {
                closure(type, row, before, "Status", "CompletedDateTime", now);
                row.put("IsHighPriority", "High".equals(row.get("Priority")));
                activityAccount(row);
            }
            case "Event" -> activityAccount(row);
            default -> { }
        }
    }

    private static void fullName(SObjectType type, Map<String, Object> row) {
        Optional<FieldDef> name = type.field("Name");
        if (name.isEmpty() || !name.get().calculated() || type.field("LastName").isEmpty()) {
            return;
        }
        Object first = row.get("FirstName");
        Object last = row.get("LastName");
        String full = (first == null ? "" : first + " ") + (last == null ? "" : last);
        row.put("Name", full.isBlank() ? null : full.trim());
    }

    private static void opportunity(SObjectType type, Map<String, Object> row, Map<String, Object> before, Set<String> given) {
        FieldDef stageField = type.field("StageName").orElseThrow();
        Optional<PicklistValue> stage = row.get("StageName") == null ? Optional.empty() : stageField.picklistValue((String) row.get("StageName"));
        boolean stageChanged = before == null || !java.util.Objects.equals(before.get("StageName"), row.get("StageName"));
        if (stageChanged && !given.contains("Probability") && stage.isPresent() && stage.get().probability() != null) {
            row.put("Probability", BigDecimal.valueOf(stage.get().probability()));
        }
        boolean closed = stage.map(PicklistValue::closed).orElse(false);
        boolean won = stage.map(PicklistValue::won).orElse(false);
        row.put("IsClosed", closed);
        row.put("IsWon", won);
        if (stageChanged && !given.contains("ForecastCategoryName")) {
            row.put("ForecastCategoryName", won ? "Closed" : closed ? "Omitted" : "Pipeline");
        }
        Object category = row.get("ForecastCategoryName");
        row.put("ForecastCategory", category == null ? null : switch (category.toString()) {
            case "Best Case" -> "BestCase";
            case "Commit" -> "Forecast";
            default -> category.toString();
        });
        BigDecimal amount = (BigDecimal) row.get("Amount");
        BigDecimal probability = (BigDecimal) row.get("Probability");
        row.put("ExpectedRevenue", amount == null || probability == null ? null
                : amount.multiply(probability).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
    }

    private static void closure(SObjectType type, Map<String, Object> row, Map<String, Object> before,
                                String statusField, String closedDateField, LocalDateTime now) {
        FieldDef status = type.field(statusField).orElseThrow();
        Object value = row.get(statusField);
        boolean closed = value != null && status.picklistValue(value.toString()).map(PicklistValue::closed).orElse(false);
        boolean wasClosed = before != null && Boolean.TRUE.equals(before.get("IsClosed"));
        row.put("IsClosed", closed);
        if (closed && !wasClosed) {
            row.put(closedDateField, now);
        } else if (!closed) {
            row.put(closedDateField, null);
        }
    }

    private static void activityAccount(Map<String, Object> row) {
        Object what = row.get("WhatId");
        if (what != null && what.toString().startsWith("001")) {
            row.put("AccountId", what);
        } else if (what == null) {
            row.put("AccountId", null);
        }
    }
}
