package dev.sfmcp.security.sharing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a criteria-based sharing rule: {@code field operator value}. As in Setup, several values for
 * "equals" mean any of them, and text compares case-insensitively.
 */
public record Criterion(String field, Operator operator, List<String> values) {

    /** The operators Setup offers for sharing-rule criteria. */
    public enum Operator { EQUALS, NOT_EQUAL, LESS_THAN, GREATER_THAN, LESS_OR_EQUAL, GREATER_OR_EQUAL, CONTAINS, STARTS_WITH }

    public Criterion {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A sharing rule criterion on " + field + " needs a value");
        }
    }

    public static Criterion equals(String field, String... values) {
        return new Criterion(field, Operator.EQUALS, List.of(values));
    }

    /** Whether a record with these field values (keys compared case-insensitively) meets the criterion. */
    public boolean matches(Map<String, ?> record) {
        Object raw = valueOf(record, field);
        String actual = raw == null ? null : raw.toString();
        return switch (operator) {
            case EQUALS -> values.stream().anyMatch(v -> same(actual, v));
            case NOT_EQUAL -> values.stream().noneMatch(v -> same(actual, v));
            case CONTAINS -> actual != null && values.stream().anyMatch(v -> lower(actual).contains(lower(v)));
            case STARTS_WITH -> actual != null && values.stream().anyMatch(v -> lower(actual).startsWith(lower(v)));
            case LESS_THAN -> actual != null && compare(actual, values.get(0)) < 0;
            case GREATER_THAN -> actual != null && compare(actual, values.get(0)) > 0;
            case LESS_OR_EQUAL -> actual != null && compare(actual, values.get(0)) <= 0;
            case GREATER_OR_EQUAL -> actual != null && compare(actual, values.get(0)) >= 0;
        };
    }

    static Object valueOf(Map<String, ?> record, String field) {
        if (record.containsKey(field)) {
            return record.get(field);
        }
        for (Map.Entry<String, ?> e : record.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean same(String actual, String expected) {
        if (actual == null || actual.isEmpty()) {
            // a blank criterion value matches a blank field, as Setup's "equals ''" does
            return expected.isEmpty();
        }
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        return actual.equalsIgnoreCase(expected);
    }

    private static int compare(String actual, String expected) {
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return lower(actual).compareTo(lower(expected));
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
