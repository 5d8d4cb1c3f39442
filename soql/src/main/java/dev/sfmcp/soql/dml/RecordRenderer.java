package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.FieldType;
import dev.sfmcp.soql.schema.SObjectType;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Shapes records as the REST API returns them: {@code attributes} {type, url} first, then the fields in the
 * requested order; dates as {@code yyyy-MM-dd}, datetimes as {@code yyyy-MM-dd'T'HH:mm:ss.SSS+0000},
 * currency/double/percent as JSON doubles, compound addresses as objects. The query compiler shapes its rows
 * with {@link #value} too, so both paths agree.
 */
public final class RecordRenderer {

    /** The API version in record URLs unless the engine is configured otherwise. */
    public static final String DEFAULT_API_VERSION = "v66.0";

    private static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'", Locale.ROOT);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String apiVersion;

    public RecordRenderer(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The {@code attributes} object of a record. */
    public ObjectNode attributes(String sObject, String id) {
        ObjectNode a = JSON.objectNode();
        a.put("type", sObject);
        if (id != null) {
            a.put("url", "/services/data/" + apiVersion + "/sobjects/" + sObject + "/" + id);
        }
        return a;
    }

    /** The REST JSON of {@code record} with {@code fields} in that order (compound address fields included). */
    public ObjectNode render(SObjectRecord record, List<FieldDef> fields) {
        ObjectNode out = JSON.objectNode();
        out.set("attributes", attributes(record.type().name(), record.id()));
        for (FieldDef f : fields) {
            if (f.type() == FieldType.ADDRESS) {
                out.set(f.name(), address(record.type(), f, record));
            } else {
                out.set(f.name(), value(f.type(), record.get(f.name())));
            }
        }
        return out;
    }

    /** The JSON of one stored value of a field of {@code type}, as JDBC returned it. */
    public static com.fasterxml.jackson.databind.JsonNode value(FieldType type, Object v) {
        if (v == null) {
            return JSON.nullNode();
        }
        return switch (type) {
            case BOOLEAN -> JSON.booleanNode((Boolean) v);
            case INT -> JSON.numberNode(((Number) v).intValue());
            case CURRENCY, DOUBLE, PERCENT -> JSON.numberNode(v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue());
            case DATE -> JSON.textNode(v instanceof Date d ? d.toLocalDate().toString() : ((LocalDate) v).toString());
            case DATETIME -> JSON.textNode(DATETIME_OUT.format(v instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) v));
            default -> JSON.textNode(v.toString());
        };
    }

    /** The compound address object, or null when every component is null. */
    private ObjectNode address(SObjectType type, FieldDef compound, SObjectRecord record) {
        String prefix = compound.name().substring(0, compound.name().length() - "Address".length());
        String[][] parts = {{"city", "City"}, {"country", "Country"}, {"geocodeAccuracy", "GeocodeAccuracy"},
                {"latitude", "Latitude"}, {"longitude", "Longitude"}, {"postalCode", "PostalCode"}, {"state", "State"}, {"street", "Street"}};
        ObjectNode out = JSON.objectNode();
        boolean any = false;
        for (String[] p : parts) {
            FieldDef component = type.field(prefix + p[1]).orElse(null);
            Object v = component == null ? null : record.get(component.name());
            any |= v != null;
            out.set(p[0], component == null ? JSON.nullNode() : value(component.type(), v));
        }
        return any ? out : null;
    }
}
