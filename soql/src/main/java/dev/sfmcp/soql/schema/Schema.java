package dev.sfmcp.soql.schema;

import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of an org's sObject types, looked up case-insensitively by name or key prefix. Building it
 * settles what the single definitions cannot: custom key prefixes and the child relationships each lookup adds
 * to its parents.
 */
public final class Schema {

    private final Map<String, SObjectType> byKey;
    private final Map<String, SObjectType> byPrefix;

    private Schema(Map<String, SObjectType> byKey) {
        this.byKey = byKey;
        this.byPrefix = new HashMap<>();
        for (SObjectType t : byKey.values()) {
            byPrefix.put(t.keyPrefix(), t);
        }
    }

    /** The type named {@code name}, case-insensitively. */
    public Optional<SObjectType> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The type named {@code name}, or the REST NOT_FOUND error a request for an unknown sObject gets. */
    public SObjectType require(String name) {
        return find(name).orElseThrow(() -> new SalesforceException(SalesforceError.of("NOT_FOUND",
                "The requested resource does not exist", 404)));
    }

    /** The type whose Ids start with {@code keyPrefix}. */
    public Optional<SObjectType> byKeyPrefix(String keyPrefix) {
        return Optional.ofNullable(byPrefix.get(keyPrefix));
    }

    /** All types in definition order. */
    public Collection<SObjectType> objects() {
        return byKey.values();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder already holding the types of {@code base}, to extend an org's schema with custom objects. */
    public static Builder builder(Schema base) {
        Builder b = new Builder();
        base.objects().forEach(b::add);
        return b;
    }

    /** Collects sObject types; a later type with the same name replaces the earlier one (to extend a standard object). */
    public static final class Builder {
        private final Map<String, SObjectType> types = new LinkedHashMap<>();

        public Builder add(SObjectType type) {
            types.put(type.name().toLowerCase(Locale.ROOT), type);
            return this;
        }

        public Schema build() {
            // custom objects without a prefix get a00, a01, ... in definition order, skipping prefixes in use
            List<String> used = new ArrayList<>();
            types.values().forEach(t -> { if (t.keyPrefix() != null) { used.add(t.keyPrefix()); } });
            Map<String, String> prefixes = new HashMap<>();
            int next = 0;
            for (SObjectType t : types.values()) {
                String prefix = t.keyPrefix();
                while (prefix == null) {
                    String candidate = "a" + base62(next / 62) + base62(next % 62);
                    next++;
                    if (!used.contains(candidate)) {
                        prefix = candidate;
                        used.add(candidate);
                    }
                }
                prefixes.put(t.name(), prefix);
            }
            Map<String, List<ChildRelationship>> children = new HashMap<>();
            for (SObjectType child : types.values()) {
                for (FieldDef f : child.fields()) {
                    if (f.childRelationshipName() == null) {
                        continue;
                    }
                    for (String parent : f.referenceTo()) {
                        children.computeIfAbsent(parent.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .add(new ChildRelationship(child.name(), f.name(), f.childRelationshipName(), f.cascadeDelete()));
                    }
                }
            }
            Map<String, SObjectType> settled = new LinkedHashMap<>();
            for (Map.Entry<String, SObjectType> e : types.entrySet()) {
                SObjectType t = e.getValue();
                settled.put(e.getKey(), t.settle(prefixes.get(t.name()), children.getOrDefault(e.getKey(), List.of())));
            }
            return new Schema(settled);
        }

        private static char base62(int i) {
            return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".charAt(i % 62);
        }
    }
}
