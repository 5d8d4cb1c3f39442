package dev.sfmcp.soql.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns result rows into REST records: attributes first, then the selected keys in SELECT order, values in Salesforce's formats. */
final class RecordShaper {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String urlPrefix;

    RecordShaper(String apiVersion) {
        this.urlPrefix = "/services/data/v" + apiVersion + "/sobjects/";
    }

    ObjectNode record(RecordShape shape, ResultSet rs) throws SQLException {
        ObjectNode out = JSON.objectNode();
        ObjectNode attributes = out.putObject("attributes");
        attributes.put("type", shape.type);
        if (shape.idColumn > 0) {
            attributes.put("url", urlPrefix + shape.type + "/" + rs.getString(shape.idColumn));
        }
        entries(out, shape.entries, rs);
        return out;
    }

    private void entries(ObjectNode out, List<RecordShape.Entry> entries, ResultSet rs) throws SQLException {
        for (RecordShape.Entry e : entries) {
            if (e instanceof RecordShape.Value v) {
                out.set(v.key(), value(v, rs));
            } else if (e instanceof RecordShape.Parent p) {
                String id = rs.getString(p.idColumn);
                if (id == null) {
                    out.set(p.key, NullNode.getInstance());
                    continue;
                }
                ObjectNode parent = JSON.objectNode();
                // A polymorphic parent is Salesforce's "Name" object; its URL still names the concrete object.
                String concrete = p.typeColumn > 0 ? rs.getString(p.typeColumn) : p.type;
                ObjectNode attributes = parent.putObject("attributes");
                attributes.put("type", p.type);
                attributes.put("url", urlPrefix + concrete + "/" + id);
                entries(parent, p.entries, rs);
                out.set(p.key, parent);
            } else if (e instanceof RecordShape.TypeOf t) {
                String id = rs.getString(t.idColumn());
                String concrete = id == null ? null : rs.getString(t.typeColumn());
                List<RecordShape.Value> branch = concrete == null ? null
                        : t.whens().getOrDefault(concrete, t.otherwise());
                if (branch == null) {
                    out.set(t.key(), NullNode.getInstance());
                    continue;
                }
                ObjectNode parent = JSON.objectNode();
                ObjectNode attributes = parent.putObject("attributes");
                attributes.put("type", concrete);
                attributes.put("url", urlPrefix + concrete + "/" + id);
                for (RecordShape.Value v : branch) {
                    parent.set(v.key(), value(v, rs));
                }
                out.set(t.key(), parent);
            } else if (e instanceof RecordShape.Children c) {
                // Filled in by the engine once the child statement has run.
                out.set(c.key(), NullNode.getInstance());
            }
        }
    }

    private static JsonNode value(RecordShape.Value v, ResultSet rs) throws SQLException {
        int c = v.column();
        switch (v.kind()) {
            case BOOLEAN -> {
                boolean b = rs.getBoolean(c);
                return rs.wasNull() ? NullNode.getInstance() : JSON.booleanNode(b);
            }
            case INTEGER -> {
                long n = rs.getLong(c);
                if (rs.wasNull()) {
                    return NullNode.getInstance();
                }
                return n == (int) n ? JSON.numberNode((int) n) : JSON.numberNode(n);
            }
            case DECIMAL -> {
                BigDecimal d = rs.getBigDecimal(c);
                // Salesforce prints numbers as Java doubles (15000.0, 1.39E8).
                return d == null ? NullNode.getInstance() : JSON.numberNode(d.doubleValue());
            }
            case DATE -> {
                LocalDate d = rs.getObject(c, LocalDate.class);
                return d == null ? NullNode.getInstance() : JSON.textNode(d.toString());
            }
            case DATETIME -> {
                Timestamp t = rs.getTimestamp(c);
                if (t == null) {
                    return NullNode.getInstance();
                }
                LocalDateTime utc = rs.getObject(c, LocalDateTime.class);
                return JSON.textNode(DATETIME.format(utc));
            }
            default -> {
                String s = rs.getString(c);
                if (s == null) {
                    return NullNode.getInstance();
                }
                Map<String, String> labels = v.labels();
                if (labels != null) {
                    StringBuilder out = new StringBuilder();
                    for (String part : s.split(";")) {
                        if (out.length() > 0) {
                            out.append(';');
                        }
                        out.append(labels.getOrDefault(part.toLowerCase(Locale.ROOT), part));
                    }
                    s = out.toString();
                }
                return JSON.textNode(s);
            }
        }
    }
}
