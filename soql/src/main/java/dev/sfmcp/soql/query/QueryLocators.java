package dev.sfmcp.soql.query;

import dev.sfmcp.soql.access.AccessView;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open query cursors of one org, under {@code 01g} locator Ids. A locator keeps the compiled statement and
 * re-runs it from the requested offset, so a page costs one indexed query and the cursor holds no rows.
 */
final class QueryLocators {

    /** One open cursor. */
    record Cursor(CompiledQuery query, AccessView view, QueryOptions options, long totalSize) { }

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final Map<String, Cursor> open = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    String open(Cursor cursor) {
        long n = sequence.incrementAndGet();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append(ALPHABET.charAt((int) (n % 62)));
            n /= 62;
        }
        String id = SoqlLiterals.id18("01g" + body.reverse());
        open.put(id, cursor);
        return id;
    }

    Cursor find(String locatorId) {
        String id = SoqlLiterals.id18(locatorId);
        return id == null ? null : open.get(id);
    }

    void close(String locatorId) {
        String id = SoqlLiterals.id18(locatorId);
        if (id != null) {
            open.remove(id);
        }
    }
}
