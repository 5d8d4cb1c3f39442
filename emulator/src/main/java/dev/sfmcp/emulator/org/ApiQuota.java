package dev.sfmcp.emulator.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An org's daily API request limit, counted over a rolling 24 hours on the emulator's clock, as Salesforce counts
 * DailyApiRequests. Usage is kept in one-minute buckets (1,440 of them), so charging is O(1) and memory is fixed.
 */
public final class ApiQuota {

    private static final int BUCKETS = 24 * 60;
    private static final long BUCKET_SECONDS = 60;

    private final Clock clock;
    private final long[] counts = new long[BUCKETS];
    private final long[] bucketMinute = new long[BUCKETS];
    private volatile long limit;
    /** Usage over the window ending at {@link #totalMinute}, so that charging does not sum 1,440 buckets per call. */
    private long total;
    private long totalMinute = Long.MIN_VALUE;

    public ApiQuota(Clock clock, long limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** The limit from the edition formula: 100,000 plus a per-licence adder (hosted-mcp.md §12). */
    public static long editionLimit(String edition, int licences) {
        String e = edition == null ? "" : edition.toLowerCase(java.util.Locale.ROOT);
        long perLicence = e.contains("unlimited") || e.contains("performance") ? 5_000 : e.contains("developer") ? 0 : 1_000;
        if (e.contains("developer")) {
            return 15_000;
        }
        return 100_000 + perLicence * Math.max(0, licences);
    }

    /** Counts one request if the limit allows it; false when the org is out of requests. */
    public synchronized boolean tryCharge() {
        long minute = minuteNow();
        if (used(minute) >= limit) {
            return false;
        }
        add(minute, 1);
        return true;
    }

    /** Requests used in the last 24 hours. */
    public synchronized long used() {
        return used(minuteNow());
    }

    public long limit() {
        return limit;
    }

    public long remaining() {
        return Math.max(0, limit - used());
    }

    public void setLimit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the API request limit must be 0 or more");
        }
        this.limit = limit;
    }

    /** Sets the usage of the last 24 hours to {@code used}, as if that many requests had just been made. */
    public synchronized void setUsed(long used) {
        if (used < 0) {
            throw new IllegalArgumentException("the API usage must be 0 or more");
        }
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(bucketMinute, 0);
        totalMinute = Long.MIN_VALUE;
        add(minuteNow(), used);
    }

    /** Uses up the quota (the EXHAUST_QUOTA fault). */
    public void exhaust() {
        setUsed(limit);
    }

    /** Requests per hour over the last 24 hours, oldest first (24 values), for the API Usage chart. */
    public synchronized long[] hourly() {
        long minute = minuteNow();
        long[] hours = new long[24];
        for (int i = 0; i < BUCKETS; i++) {
            long age = minute - bucketMinute[i];
            if (counts[i] > 0 && age >= 0 && age < BUCKETS) {
                hours[23 - (int) (age / 60)] += counts[i];
            }
        }
        return hours;
    }

    /** When the oldest counted request leaves the window (null when none is counted). */
    public synchronized Instant nextRelease() {
        long minute = minuteNow();
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] > 0 && minute - bucketMinute[i] < BUCKETS) {
                oldest = Math.min(oldest, bucketMinute[i]);
            }
        }
        return oldest == Long.MAX_VALUE ? null : Instant.ofEpochSecond((oldest + BUCKETS) * BUCKET_SECONDS);
    }

    /** The usage summed afresh from the buckets, bypassing the kept total (for the tests that check it). */
    synchronized long recounted() {
        return sum(minuteNow());
    }

    /** The usage of the window ending at {@code minute}: summed once per minute (or clock move), then kept up to date. */
    private long used(long minute) {
        if (minute != totalMinute) {
            total = sum(minute);
            totalMinute = minute;
        }
        return total;
    }

    private long sum(long minute) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] > 0 && minute - bucketMinute[i] < BUCKETS && minute >= bucketMinute[i]) {
                total += counts[i];
            }
        }
        return total;
    }

    private void add(long minute, long n) {
        int slot = (int) Math.floorMod(minute, (long) BUCKETS);
        if (bucketMinute[slot] != minute) {
            bucketMinute[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot] += n;
        if (minute == totalMinute) {
            total += n; // a reused slot held a minute outside the window, which the total never counted
        } else {
            totalMinute = Long.MIN_VALUE;
        }
    }

    private long minuteNow() {
        return Math.floorDiv(clock.instant().getEpochSecond(), BUCKET_SECONDS);
    }

    /** The rolling window. */
    public static Duration window() {
        return Duration.ofHours(24);
    }
}
