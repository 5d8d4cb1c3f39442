package dev.sfmcp.emulator.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every MCP and OAuth request, in order, in a ring of fixed capacity: when full, the oldest entry goes, so memory
 * stays flat under any load (WireMock's unbounded journal is the cautionary tale). Recording is one array store
 * under a short lock.
 */
public final class RequestJournal {

    private final AtomicLong sequence = new AtomicLong();
    private final Object lock = new Object();
    private final int maxTextChars;
    private volatile boolean enabled = true;
    private JournalEntry[] ring;
    private int next;
    private int size;

    public RequestJournal(int capacity, int maxTextChars) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the journal capacity must be at least 1");
        }
        this.ring = new JournalEntry[capacity];
        this.maxTextChars = maxTextChars;
    }

    /** The next sequence number, to stamp an entry being recorded. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Cuts JSON text to the configured size, marking the cut, so one huge result cannot hold the heap. */
    public String clip(String text) {
        if (text == null || text.length() <= maxTextChars) {
            return text;
        }
        return text.substring(0, maxTextChars) + "...[" + (text.length() - maxTextChars) + " more characters]";
    }

    public void record(JournalEntry entry) {
        if (!enabled) {
            return;
        }
        synchronized (lock) {
            ring[next] = entry;
            next = (next + 1) % ring.length;
            if (size < ring.length) {
                size++;
            }
        }
    }

    /** The entries passing the filter, oldest first, at most {@code limit} of the newest ones. */
    public List<JournalEntry> find(JournalFilter filter, int limit) {
        List<JournalEntry> all = snapshot();
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry entry : all) {
            if (filter.matches(entry)) {
                out.add(entry);
            }
        }
        return out.size() > limit ? out.subList(out.size() - limit, out.size()) : out;
    }

    public int count(JournalFilter filter) {
        int n = 0;
        for (JournalEntry entry : snapshot()) {
            if (filter.matches(entry)) {
                n++;
            }
        }
        return n;
    }

    public void clear() {
        synchronized (lock) {
            ring = new JournalEntry[ring.length];
            next = 0;
            size = 0;
        }
    }

    public int capacity() {
        return ring.length;
    }

    /** Changes the capacity, keeping the newest entries that fit. */
    public void resize(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the journal capacity must be at least 1");
        }
        List<JournalEntry> kept = snapshot();
        synchronized (lock) {
            ring = new JournalEntry[capacity];
            next = 0;
            size = 0;
            for (JournalEntry e : kept.subList(Math.max(0, kept.size() - capacity), kept.size())) {
                ring[next++ % capacity] = e;
                size++;
            }
            next %= capacity;
        }
    }

    private List<JournalEntry> snapshot() {
        synchronized (lock) {
            List<JournalEntry> out = new ArrayList<>(size);
            int start = (next - size + ring.length) % ring.length;
            for (int i = 0; i < size; i++) {
                out.add(ring[(start + i) % ring.length]);
            }
            return out;
        }
    }
}
