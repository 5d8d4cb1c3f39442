package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceError;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a call's arguments against the tool's input schema before the operation runs, after mapping the argument
 * spellings seen in the wild to the advertised ones. A mistake is a tool error ({@code isError}), as the 2025-11-25
 * spec asks (SEP-1303), with a REST-shaped error; the real service's wording is unknown, so the code is
 * {@value #INVALID_ARGUMENT}.
 */
public final class ArgumentCheck {

    /** errorCode of an argument mistake. */
    public static final String INVALID_ARGUMENT = "INVALID_INPUT";

    private ArgumentCheck() {
    }

    /** Maps aliases in place: the advertised name wins when a call sends both spellings. */
    public static void applyAliases(ObjectNode arguments, Map<String, String> aliases) {
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            JsonNode value = arguments.remove(alias.getKey());
            if (value != null && !arguments.has(alias.getValue())) {
                arguments.set(alias.getValue(), value);
            }
        }
    }

    /** The first mistake in the arguments, if any. */
    public static Optional<SalesforceError> check(ToolDefinition tool, ObjectNode arguments) {
        JsonNode schema = tool.inputSchema();
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            JsonNode value = advertised(arguments, name, tool.argumentAliases());
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                return Optional.of(SalesforceError.of(INVALID_ARGUMENT,
                        "Missing required argument '" + name + "' for tool " + tool.name() + "."));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> prop = props.next();
            JsonNode value = advertised(arguments, prop.getKey(), tool.argumentAliases());
            if (value == null || value.isNull()) {
                continue;
            }
            String type = prop.getValue().path("type").asText();
            boolean ok = switch (type) {
                case "string" -> value.isTextual();
                case "object" -> value.isObject();
                case "integer" -> value.isIntegralNumber();
                case "boolean" -> value.isBoolean();
                default -> true;
            };
            if (!ok) {
                return Optional.of(SalesforceError.of(INVALID_ARGUMENT, "Argument '" + prop.getKey() + "' of tool "
                        + tool.name() + " must be " + (type.equals("object") ? "an object" : "a " + type) + "."));
            }
        }
        return Optional.empty();
    }

    /**
     * The value of an advertised argument after {@link #applyAliases}: where a catalog advertises a spelling that is
     * also an alias (the legacy {@code soqlQuery} advertises {@code query}, which maps to the engine's {@code q}), the
     * value now sits under the alias target.
     */
    private static JsonNode advertised(ObjectNode arguments, String name, Map<String, String> aliases) {
        JsonNode value = arguments.get(name);
        String target = aliases.get(name);
        return value == null && target != null ? arguments.get(target) : value;
    }
}
