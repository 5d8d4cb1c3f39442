package dev.sfmcp.soql.id;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues new record Ids for one org: key prefix (3) + the org's instance part (3) + a per-prefix sequence
 * (9, base 62), then the checksum. The instance part is unique per org within the JVM, so Ids never collide
 * across orgs; sequences are part of a snapshot so that a restored org issues the same Ids again.
 */
public final class IdGenerator {

    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Map<String, String> INSTANCE_BY_ORG = new ConcurrentHashMap<>();
    private static final Map<String, String> ORG_BY_INSTANCE = new ConcurrentHashMap<>();

    private final String instance;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    private IdGenerator(String instance) {
        this.instance = instance;
    }

    /** The generator of the org {@code orgId}; the same org always gets the same instance part in this JVM. */
    public static IdGenerator forOrg(String orgId) {
        return new IdGenerator(instanceOf(orgId));
    }

    private static synchronized String instanceOf(String orgId) {
        String known = INSTANCE_BY_ORG.get(orgId);
        if (known != null) {
            return known;
        }
        // start from a hash of the org Id so that the same org tends to get the same part across runs, then probe
        long candidate = Math.floorMod(orgId.hashCode(), 62L * 62 * 62);
        while (true) {
            String part = base62(candidate, 3);
            if (!ORG_BY_INSTANCE.containsKey(part)) {
                ORG_BY_INSTANCE.put(part, orgId);
                INSTANCE_BY_ORG.put(orgId, part);
                return part;
            }
            candidate = (candidate + 1) % (62L * 62 * 62);
        }
    }

    /** The next 18-character Id with {@code keyPrefix}. */
    public String next(String keyPrefix) {
        long n = sequences.computeIfAbsent(keyPrefix, k -> new AtomicLong()).incrementAndGet();
        String id15 = keyPrefix + instance + base62(n, 9);
        return SalesforceId.to18(id15);
    }

    /** The next value of a named counter (auto-number fields); counters are snapshotted with the sequences. */
    public long nextValue(String counter) {
        return sequences.computeIfAbsent("#" + counter, k -> new AtomicLong()).incrementAndGet();
    }

    /** The org's 3-character instance part. */
    public String instance() {
        return instance;
    }

    /** The sequences issued so far, per key prefix (for a snapshot). */
    public Map<String, Long> sequences() {
        Map<String, Long> out = new HashMap<>();
        sequences.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Returns the sequences to a snapshot's values. */
    public void restore(Map<String, Long> saved) {
        sequences.clear();
        saved.forEach((k, v) -> sequences.put(k, new AtomicLong(v)));
    }

    static String base62(long value, int width) {
        char[] out = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }
}
