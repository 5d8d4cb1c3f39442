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

    private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+([A-Za-z_][A-Za-z0-9_]*)");
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
            case "soql.query" -> new RestResource("GET", base + "/query", match(FROM, args.path("q").asText("")), 200);
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

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
