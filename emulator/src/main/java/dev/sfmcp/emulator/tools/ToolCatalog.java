package dev.sfmcp.emulator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tool catalogs of the sObject servers, read from the versioned resource {@code catalog/sobject-tools.json}: per
 * variant ({@code ga}, {@code live-9}, {@code legacy}) and server, the tools in the order {@code tools/list} shows
 * them.
 */
public final class ToolCatalog {

    /** The classpath resource the catalogs are read from. */
    public static final String RESOURCE = "catalog/sobject-tools.json";

    private final String version;
    private final Map<String, Map<String, List<ToolDefinition>>> variants;
    private final Map<String, String> compatNames;
    private final Set<String> promptServers;

    private ToolCatalog(String version, Map<String, Map<String, List<ToolDefinition>>> variants,
                        Map<String, String> compatNames, Set<String> promptServers) {
        this.version = version;
        this.variants = variants;
        this.compatNames = compatNames;
        this.promptServers = promptServers;
    }

    /** Loads the built-in catalog. */
    public static ToolCatalog builtIn(ObjectMapper json) {
        try (InputStream in = ToolCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the tool catalog " + RESOURCE + " is missing from the classpath");
            }
            return parse(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tool catalog " + RESOURCE, e);
        }
    }

    static ToolCatalog parse(JsonNode root) {
        Map<String, Map<String, String>> aliases = new HashMap<>();
        root.path("argumentAliases").fields().forEachRemaining(e -> {
            Map<String, String> perTool = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(a -> perTool.put(a.getKey(), a.getValue().asText()));
            aliases.put(e.getKey(), perTool);
        });
        Map<String, ToolDefinition> tools = new HashMap<>();
        root.path("tools").fields().forEachRemaining(e -> {
            JsonNode t = e.getValue();
            tools.put(e.getKey(), new ToolDefinition(e.getKey(), t.path("name").asText(), t.path("title").asText(),
                    t.path("description").asText(), (ObjectNode) t.path("inputSchema"), (ObjectNode) t.path("annotations"),
                    t.path("operation").asText(), Map.copyOf(aliases.getOrDefault(e.getKey(), Map.of()))));
        });
        Map<String, Map<String, List<ToolDefinition>>> variants = new LinkedHashMap<>();
        root.path("variants").fields().forEachRemaining(v -> {
            Map<String, List<ToolDefinition>> servers = new LinkedHashMap<>();
            v.getValue().fields().forEachRemaining(s -> {
                List<ToolDefinition> list = new ArrayList<>();
                s.getValue().forEach(k -> {
                    ToolDefinition def = tools.get(k.asText());
                    if (def == null) {
                        throw new IllegalStateException("catalog variant " + v.getKey() + " names unknown tool " + k.asText());
                    }
                    list.add(def);
                });
                servers.put(s.getKey(), List.copyOf(list));
            });
            variants.put(v.getKey(), servers);
        });
        Map<String, String> compat = new HashMap<>();
        root.path("compatToolNames").fields().forEachRemaining(e -> compat.put(e.getKey(), e.getValue().asText()));
        List<String> prompts = new ArrayList<>();
        root.path("promptServers").forEach(p -> prompts.add(p.asText()));
        return new ToolCatalog(root.path("catalogVersion").asText(), variants, compat, Set.copyOf(prompts));
    }

    public String version() {
        return version;
    }

    public Set<String> variantNames() {
        return variants.keySet();
    }

    /** The tools a server lists under a variant; empty for servers without a catalog (custom servers so far). */
    public List<ToolDefinition> tools(String variant, String server) {
        return variants.getOrDefault(variant, Map.of()).getOrDefault(server, List.of());
    }

    /**
     * The tool {@code tools/call} names on this server, by its advertised name or, when {@code compat} is on, by a
     * pre-GA name of a tool the server has.
     */
    public Optional<ToolDefinition> find(String variant, String server, String name, boolean compat) {
        List<ToolDefinition> tools = tools(variant, server);
        for (ToolDefinition tool : tools) {
            if (tool.name().equals(name)) {
                return Optional.of(tool);
            }
        }
        if (compat) {
            String target = compatNames.get(name);
            if (target != null) {
                return tools.stream().filter(t -> t.name().equals(target) || t.key().equals(target)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** Whether a server serves prompt templates (sobject-all). */
    public boolean servesPrompts(String server) {
        return promptServers.contains(server);
    }
}
