package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.soql.id.SalesforceId;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.PicklistValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a field value as the REST API receives it (a JSON value) or as a fixture gives it (a Java value) into
 * the value stored in its column, with Salesforce's type, format, length and picklist checks.
 */
final class FieldValues {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    /** Datetimes as REST accepts them: {@code 2024-01-15T10:00:00Z}, {@code .000+0000}, {@code +00:00}. */
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private FieldValues() {
    }

    /** The stored value of {@code json} for {@code field}; JSON null is null. */
    static Object fromJson(FieldDef field, JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return null;
        }
        if (json.isContainerNode()) {
            throw DmlErrors.cannotDeserialize(soapName(field), json.isArray() ? "START_ARRAY" : "START_OBJECT", json.isArray() ? "[" : "{");
        }
        return switch (field.type()) {
            case BOOLEAN -> {
                if (json.isBoolean()) {
                    yield json.booleanValue();
                }
                String s = json.asText();
                if (json.isTextual() && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    yield Boolean.parseBoolean(s);
                }
                throw DmlErrors.cannotDeserialize("boolean", token(json), s);
            }
            case INT -> {
                BigDecimal n = number(field, json);
                try {
                    yield n.intValueExact();
                } catch (ArithmeticException e) {
                    throw DmlErrors.numberOutOfRange(field, json.asText());
                }
            }
            case CURRENCY, DOUBLE, PERCENT -> decimal(field, number(field, json), json.asText());
            case DATE -> date(field, json);
            case DATETIME -> datetime(field, json);
            default -> {
                if (!json.isValueNode()) {
                    throw DmlErrors.cannotDeserialize(soapName(field), token(json), json.toString());
                }
                yield text(field, json.asText());
            }
        };
    }

    /** The stored value of a Java value given by a fixture or generator (no JSON round trip). */
    static Object fromJava(FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return fromJson(field, node);
        }
        return switch (field.type()) {
            // Ids are always stored in their 18-character form, whatever form a fixture gives
            case ID, REFERENCE -> value.toString().isEmpty() ? null
                    : SalesforceId.tryParse(value.toString()).orElseThrow(() -> DmlErrors.malformedReference(field, value.toString())).id18();
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
            case INT -> value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
            case CURRENCY, DOUBLE, PERCENT -> decimal(field, value instanceof BigDecimal b ? b : new BigDecimal(value.toString()), value.toString());
            case DATE -> value instanceof LocalDate d ? d : LocalDate.parse(value.toString().substring(0, 10));
            case DATETIME -> {
                if (value instanceof LocalDateTime l) {
                    yield l.truncatedTo(ChronoUnit.MILLIS);
                }
                if (value instanceof Instant i) {
                    yield LocalDateTime.ofInstant(i, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
                }
                if (value instanceof OffsetDateTime o) {
                    yield o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MILLIS);
                }
                yield parseDatetime(field, value.toString(), "VALUE_STRING");
            }
            default -> value.toString();
        };
    }

    private static String text(FieldDef field, String value) {
        switch (field.type()) {
            case ID, REFERENCE -> {
                if (value.isEmpty()) {
                    return null;
                }
                return SalesforceId.tryParse(value).orElseThrow(() -> DmlErrors.malformedReference(field, value)).id18();
            }
            case PICKLIST -> {
                if (value.isEmpty()) {
                    return null;
                }
                PicklistValue known = field.picklistValue(value).orElse(null);
                if (known == null && field.restrictedPicklist()) {
                    throw DmlErrors.badRestrictedPicklist(field, value);
                }
                return checkLength(field, known == null ? value : known.value());
            }
            case MULTIPICKLIST -> {
                if (value.isEmpty()) {
                    return null;
                }
                Set<String> chosen = new LinkedHashSet<>();
                for (String part : value.split(";")) {
                    String v = part.trim();
                    if (v.isEmpty()) {
                        continue;
                    }
                    PicklistValue known = field.picklistValue(v).orElse(null);
                    if (known == null && field.restrictedPicklist()) {
                        throw DmlErrors.badRestrictedPicklist(field, v);
                    }
                    chosen.add(known == null ? v : known.value());
                }
                // stored in setup order, the way Salesforce returns the selection
                List<String> ordered = new ArrayList<>();
                for (PicklistValue p : field.picklistValues()) {
                    if (chosen.remove(p.value())) {
                        ordered.add(p.value());
                    }
                }
                ordered.addAll(chosen);
                return ordered.isEmpty() ? null : checkLength(field, String.join(";", ordered));
            }
            case EMAIL -> {
                if (value.isEmpty()) {
                    return null;
                }
                if (!EMAIL.matcher(value).matches()) {
                    throw DmlErrors.invalidEmail(field, value);
                }
                return checkLength(field, value);
            }
            default -> {
                // REST stores an empty string as null on text fields
                return value.isEmpty() ? null : checkLength(field, value);
            }
        }
    }

    private static String checkLength(FieldDef field, String value) {
        if (field.length() > 0 && value.length() > field.length()) {
            throw DmlErrors.stringTooLong(field, value);
        }
        return value;
    }

    private static BigDecimal number(FieldDef field, JsonNode json) {
        if (json.isNumber()) {
            return json.decimalValue();
        }
        if (json.isTextual()) {
            try {
                return new BigDecimal(json.asText().trim());
            } catch (NumberFormatException e) {
                throw DmlErrors.cannotDeserialize(soapName(field), "VALUE_STRING", json.asText());
            }
        }
        throw DmlErrors.cannotDeserialize(soapName(field), token(json), json.asText());
    }

    private static BigDecimal decimal(FieldDef field, BigDecimal value, String given) {
        BigDecimal scaled = value.setScale(field.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > field.precision() - field.scale()) {
            throw DmlErrors.numberOutOfRange(field, given);
        }
        return scaled;
    }

    private static LocalDate date(FieldDef field, JsonNode json) {
        if (!json.isTextual()) {
            throw DmlErrors.cannotDeserialize("date", token(json), json.asText());
        }
        String s = json.asText();
        try {
            if (s.length() > 10 && s.charAt(10) == 'T') {
                return parseDatetime(field, s, "VALUE_STRING").toLocalDate();
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException | dev.sfmcp.soql.SalesforceException e) {
            throw DmlErrors.cannotDeserialize("date", "VALUE_STRING", s);
        }
    }

    private static LocalDateTime datetime(FieldDef field, JsonNode json) {
        if (!json.isTextual()) {
            throw DmlErrors.cannotDeserialize("datetime", token(json), json.asText());
        }
        return parseDatetime(field, json.asText(), "VALUE_STRING");
    }

    private static LocalDateTime parseDatetime(FieldDef field, String s, String token) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            var parsed = DATETIME_IN.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            LocalDateTime utc = parsed instanceof OffsetDateTime o
                    ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : (LocalDateTime) parsed;
            return utc.truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw DmlErrors.cannotDeserialize("datetime", token, s);
        }
    }

    private static String token(JsonNode json) {
        if (json.isTextual()) {
            return "VALUE_STRING";
        }
        if (json.isBoolean()) {
            return json.booleanValue() ? "VALUE_TRUE" : "VALUE_FALSE";
        }
        if (json.isIntegralNumber()) {
            return "VALUE_NUMBER_INT";
        }
        if (json.isNumber()) {
            return "VALUE_NUMBER_FLOAT";
        }
        return "VALUE_EMBEDDED_OBJECT";
    }

    private static String soapName(FieldDef field) {
        return switch (field.type()) {
            case BOOLEAN -> "boolean";
            case INT -> "int";
            case CURRENCY, DOUBLE, PERCENT -> "double";
            case DATE -> "date";
            case DATETIME -> "datetime";
            default -> "String";
        };
    }
}
