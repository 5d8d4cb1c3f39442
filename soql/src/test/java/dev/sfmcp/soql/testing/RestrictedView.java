package dev.sfmcp.soql.testing;

import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.access.RecordFilter;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A hand-made access view for tests: everything is allowed unless a restriction below says otherwise. */
public final class RestrictedView implements AccessView {

    private final String userId;
    private final Set<String> unreadableObjects = new HashSet<>();
    private final Set<String> noCreate = new HashSet<>();
    private final Set<String> noEdit = new HashSet<>();
    private final Set<String> noDelete = new HashSet<>();
    private final Set<String> hiddenFields = new HashSet<>();
    private final Set<String> readOnlyFields = new HashSet<>();
    private final Map<String, Map<AccessLevel, RecordFilter>> filters = new HashMap<>();

    public RestrictedView(String userId) {
        this.userId = userId;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public RestrictedView hideObject(String o) { unreadableObjects.add(key(o)); return this; }
    public RestrictedView denyCreate(String o) { noCreate.add(key(o)); return this; }
    public RestrictedView denyEdit(String o) { noEdit.add(key(o)); return this; }
    public RestrictedView denyDelete(String o) { noDelete.add(key(o)); return this; }
    public RestrictedView hideField(String o, String f) { hiddenFields.add(key(o + "." + f)); return this; }
    public RestrictedView readOnlyField(String o, String f) { readOnlyFields.add(key(o + "." + f)); return this; }

    /** The records of {@code o} reachable at {@code level} (and, unless set separately, at lower levels). */
    public RestrictedView filter(String o, AccessLevel level, RecordFilter filter) {
        filters.computeIfAbsent(key(o), k -> new EnumMap<>(AccessLevel.class)).put(level, filter);
        return this;
    }

    @Override public String userId() { return userId; }
    @Override public ZoneId timeZone() { return ZoneId.of("America/Los_Angeles"); }
    @Override public Locale locale() { return Locale.US; }
    @Override public boolean canReadObject(String o) { return !unreadableObjects.contains(key(o)); }
    @Override public boolean canCreate(String o) { return canReadObject(o) && !noCreate.contains(key(o)); }
    @Override public boolean canEdit(String o) { return canReadObject(o) && !noEdit.contains(key(o)); }
    @Override public boolean canDelete(String o) { return canEdit(o) && !noDelete.contains(key(o)); }
    @Override public boolean canReadField(String o, String f) { return !hiddenFields.contains(key(o + "." + f)); }
    @Override public boolean canEditField(String o, String f) { return canReadField(o, f) && !readOnlyFields.contains(key(o + "." + f)); }

    @Override
    public RecordFilter recordFilter(String o, AccessLevel level) {
        Map<AccessLevel, RecordFilter> byLevel = filters.get(key(o));
        if (byLevel == null) {
            return RecordFilter.ALL;
        }
        // a level without its own filter falls back to the next higher one that has one (EDIT implies READ)
        for (AccessLevel l : AccessLevel.values()) {
            if (l.rank() >= level.rank() && byLevel.containsKey(l)) {
                return l == level ? byLevel.get(l) : anyUpTo(byLevel, level);
            }
        }
        return RecordFilter.NONE;
    }

    private static RecordFilter anyUpTo(Map<AccessLevel, RecordFilter> byLevel, AccessLevel level) {
        java.util.List<RecordFilter> parts = new java.util.ArrayList<>();
        byLevel.forEach((l, f) -> { if (l.rank() >= level.rank()) { parts.add(f); } });
        return RecordFilter.anyOf(parts);
    }
}
