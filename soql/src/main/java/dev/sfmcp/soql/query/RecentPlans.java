package dev.sfmcp.soql.query;

import dev.sfmcp.soql.access.AccessView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The compiled plans of recent statements, per (text, view, options). A view is immutable for one snapshot of the
 * org's security (the security model builds a new view after any change), so the same view instance and text
 * always compile to the same statement; plans that read the clock are never kept. Agents repeat the same few
 * queries: a kept plan skips parsing, binding, compiling and rendering SQL.
 */
final class RecentPlans {

    private static final int KEPT = 1024;

    private record Key(String soql, AccessView view, QueryOptions options) { }

    private final Map<Key, CompiledQuery> plans = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompiledQuery> eldest) {
            return size() > KEPT;
        }
    };

    /** The kept plan of {@code soql} for this view and options, else {@code compile}'s (kept when reusable). */
    CompiledQuery plan(String soql, AccessView view, QueryOptions options, Supplier<CompiledQuery> compile) {
        Key key = new Key(soql, view, options);
        CompiledQuery kept;
        synchronized (plans) {
            kept = plans.get(key);
        }
        if (kept != null) {
            return kept;
        }
        CompiledQuery compiled = compile.get();
        if (compiled.reusable()) {
            synchronized (plans) {
                plans.put(key, compiled);
            }
        }
        return compiled;
    }
}
