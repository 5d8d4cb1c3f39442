package dev.sfmcp.emulator.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.mcp.JsonRpcError;
import dev.sfmcp.emulator.mcp.McpProtocolException;
import dev.sfmcp.emulator.mcp.PromptProvider;
import dev.sfmcp.emulator.oauth.Principal;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgToolContexts;
import dev.sfmcp.emulator.tools.ToolContext;
import dev.sfmcp.fixtures.prompt.PromptArgument;
import dev.sfmcp.fixtures.prompt.PromptTemplate;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.query.QueryOptions;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The prompt templates of the caller's org, as sobject-all serves them: {@code prompts/list} and {@code prompts/get},
 * rendered with the caller's own data by the contract documented on {@link PromptTemplate}.
 */
public final class OrgPromptProvider implements PromptProvider {

    private final OrgToolContexts contexts;
    private final ObjectMapper json;

    public OrgPromptProvider(OrgToolContexts contexts, ObjectMapper json) {
        this.contexts = contexts;
        this.json = json;
    }

    @Override
    public ArrayNode list(McpEndpoint endpoint, Principal principal) {
        ArrayNode prompts = json.createArrayNode();
        for (PromptTemplate template : templates(principal)) {
            ObjectNode p = prompts.addObject();
            p.put("name", template.name());
            if (template.title() != null) {
                p.put("title", template.title());
            }
            if (template.description() != null) {
                p.put("description", template.description());
            }
            ArrayNode args = p.putArray("arguments");
            for (PromptArgument a : template.arguments()) {
                ObjectNode arg = args.addObject();
                arg.put("name", a.name());
                if (a.description() != null) {
                    arg.put("description", a.description());
                }
                arg.put("required", a.required());
            }
        }
        return prompts;
    }

    @Override
    public JsonNode get(McpEndpoint endpoint, Principal principal, String name, JsonNode arguments) {
        PromptTemplate template = templates(principal).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new McpProtocolException(JsonRpcError.invalidParams("Invalid params: unknown prompt '" + name + "'")));
        Map<String, String> given = new HashMap<>();
        if (arguments != null && arguments.isObject()) {
            arguments.fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        for (PromptArgument a : template.arguments()) {
            if (a.required() && (given.get(a.name()) == null || given.get(a.name()).isBlank())) {
                throw new McpProtocolException(JsonRpcError.invalidParams("Invalid params: missing required argument '" + a.name()
                        + "' for prompt " + name));
            }
        }
        ToolContext context;
        Map<String, JsonNode> results = new HashMap<>();
        try {
            context = contexts.resolve(principal);
            for (Map.Entry<String, String> query : template.queries().entrySet()) {
                String soql = substitute(query.getValue(), given, true);
                results.put(query.getKey(), context.engine().query(context.view(), soql, QueryOptions.defaults()).path("records"));
            }
        } catch (SalesforceException e) {
            ArrayNode errors = json.createArrayNode();
            e.errors().forEach(err -> errors.addObject().put("message", err.message()).put("errorCode", err.errorCode()));
            throw new McpProtocolException(new JsonRpcError(JsonRpcError.INTERNAL_ERROR,
                    e.error().errorCode() + ": " + e.error().message(), errors));
        }
        String text = render(template.template(), given, results);
        ObjectNode result = json.createObjectNode();
        if (template.description() != null) {
            result.put("description", template.description());
        }
        ObjectNode message = result.putArray("messages").addObject();
        message.put("role", "user");
        message.putObject("content").put("type", "text").put("text", text);
        return result;
    }

    private List<PromptTemplate> templates(Principal principal) {
        Optional<Org> org = contexts.orgOf(principal);
        return org.flatMap(Org::data).map(d -> d.promptTemplates()).orElse(List.of());
    }

    /** Replaces {@code {!$Input:x}} merge fields; in SOQL each value becomes a quoted, escaped string literal. */
    static String substitute(String text, Map<String, String> inputs, boolean asSoqlLiteral) {
        Matcher m = PromptTemplate.MERGE_FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!m.group(1).equals("Input")) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String value = inputs.getOrDefault(m.group(2), "");
            String replacement = asSoqlLiteral ? "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'" : value;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String render(String template, Map<String, String> inputs, Map<String, JsonNode> results) {
        Matcher m = PromptTemplate.MERGE_FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1).equals("Input")) {
                replacement = inputs.getOrDefault(m.group(2), "");
            } else {
                JsonNode rows = results.getOrDefault(m.group(2), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
                String path = m.group(3);
                if (path == null || path.isEmpty()) {
                    replacement = listRows(rows);
                } else {
                    JsonNode value = rows.path(0);
                    for (String step : path.substring(1).split("\\.")) {
                        value = value.path(step);
                    }
                    replacement = value.isMissingNode() || value.isNull() ? "" : value.asText();
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String listRows(JsonNode rows) {
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode row : rows) {
            if (out.length() > 0) {
                out.append('\n');
            }
            List<String> values = new java.util.ArrayList<>();
            collect(row, values);
            out.append("- ").append(String.join(", ", values));
        }
        return out.toString();
    }

    private static void collect(JsonNode node, List<String> values) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("attributes") || f.getValue().isNull()) {
                continue;
            }
            if (f.getValue().isObject()) {
                if (!f.getValue().has("records")) {
                    collect(f.getValue(), values);
                }
            } else if (!f.getValue().isArray()) {
                values.add(f.getValue().asText());
            }
        }
    }
}
