package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST call a tool call wraps (hosted-mcp.md §4.5): method, resource path, entity and success status, as the
 * ApiTotalUsage event log shows them.
 *
 * @param httpMethod    GET, POST, PATCH or DELETE
 * @param path          e.g. {@code /v66.0/sobjects/Account/001...}
 * @param entity        the sObject, when there is one
 * @param successStatus 200, 201 or 204
 */
public record RestResource(String httpMethod, String path, String entity, int successStatus) {

    private static final Pattern RETURNING = Pattern.compile("(?i)\\bRETURNING\\s+([A-Za-z_][A-Za-z0-9_]*)");

    /** The REST call of a tool call, under API version {@code v} (e.g. {@code 66.0}). */
    public static RestResource of(ToolCall call, String version) {
        JsonNode args = call.arguments();
        String base = "/v" + version;
        String sObject = args.path("sobject-name").asText(null);
        String id = args.path("id").asText(null);
        String path = args.path("relationship-path").asText(null);
        return switch (call.tool().operation()) {
            case "schema.describe" -> {
                String objects = args.path("objects").asText("");
                String first = objects.isBlank() ? null : objects.split(",")[0].trim();
                yield first == null ? new RestResource("GET", base + "/sobjects", null, 200)
                        : new RestResource("GET", base + "/sobjects/" + first + "/describe", first, 200);
            }
            case "soql.query" -> new RestResource("GET", base + "/query", queriedObject(args.path("q").asText("")), 200);
            case "sosl.search" -> new RestResource("GET", base + "/search", match(RETURNING, args.path("q").asText("")), 200);
            case "user.info" -> new RestResource("GET", base + "/chatter/users/me", "User", 200);
            case "records.recent" -> new RestResource("GET", base + "/sobjects/" + sObject, sObject, 200);
            case "records.related" -> new RestResource("GET", base + "/sobjects/" + sObject + "/" + id + "/" + path, sObject, 200);
            case "record.create" -> new RestResource("POST", base + "/sobjects/" + sObject, sObject, 201);
            case "record.update" -> new RestResource("PATCH", base + "/sobjects/" + sObject + "/" + id, sObject, 204);
            case "record.updateRelated" -> new RestResource("PATCH", base + "/sobjects/" + sObject + "/" + id + "/" + path, sObject, 204);
            case "record.delete" -> new RestResource("DELETE", base + "/sobjects/" + sObject + "/" + id, sObject, 204);
            case "record.deleteRelated" -> new RestResource("DELETE", base + "/sobjects/" + sObject + "/" + id + "/" + path, sObject, 204);
            default -> new RestResource("POST", base + "/" + call.tool().operation().toLowerCase(Locale.ROOT), sObject, 200);
        };
    }

    /**
     * The object of a SOQL query's outer FROM: the first {@code FROM} outside parentheses and string literals, so
     * that a child subquery ({@code SELECT Id, (SELECT Id FROM Contacts) FROM Account}) names Account, as the event
     * log's ENTITY_NAME does. Null when there is none (the engine reports the malformed query).
     */
    static String queriedObject(String soql) {
        int depth = 0;
        int n = soql.length();
        for (int i = 0; i < n; i++) {
            char c = soql.charAt(i);
            if (c == '\'') {
                for (i++; i < n && soql.charAt(i) != '\''; i++) {
                    if (soql.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == 'F' || c == 'f') && soql.regionMatches(true, i, "FROM", 0, 4)
                    && (i == 0 || !identifierPart(soql.charAt(i - 1))) && i + 4 < n && Character.isWhitespace(soql.charAt(i + 4))) {
                int start = i + 4;
                while (start < n && Character.isWhitespace(soql.charAt(start))) {
                    start++;
                }
                int end = start;
                while (end < n && identifierPart(soql.charAt(end))) {
                    end++;
                }
                return end > start && !Character.isDigit(soql.charAt(start)) ? soql.substring(start, end) : null;
            }
        }
        return null;
    }

    private static boolean identifierPart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
