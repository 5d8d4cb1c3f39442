package dev.sfmcp.emulator.org;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiQuotaTest {

    final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void countsOverARolling24Hours() {
        ApiQuota quota = new ApiQuota(clock, 3);
        assertTrue(quota.tryCharge());
        clock.advance(Duration.ofHours(10));
        assertTrue(quota.tryCharge());
        assertTrue(quota.tryCharge());
        assertFalse(quota.tryCharge(), "the fourth request in 24 hours is over the limit");
        assertEquals(0, quota.remaining());
        clock.advance(Duration.ofHours(14).plusMinutes(1));
        assertEquals(2, quota.used(), "the first request left the window");
        assertTrue(quota.tryCharge());
        assertFalse(quota.tryCharge());
    }

    @Test
    void theKeptTotalAgreesWithCountingEveryRequestAsTheClockMoves() {
        // the quota keeps a running total instead of summing its buckets per call: an oracle that remembers every
        // request's time must agree with it as the clock moves on by seconds, minutes or days, or stands still
        ApiQuota quota = new ApiQuota(clock, Long.MAX_VALUE);
        java.util.List<Instant> charged = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int step = 0; step < 3_000; step++) {
            int move = random.nextInt(10);
            if (move < 5) {
                clock.advance(Duration.ofSeconds(random.nextInt(400)));
            } else if (move == 5) {
                clock.advance(Duration.ofHours(random.nextInt(30)));
            }
            int calls = random.nextInt(4);
            for (int c = 0; c < calls; c++) {
                assertTrue(quota.tryCharge());
                charged.add(clock.instant());
            }
            long minute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
            long expected = charged.stream().map(t -> Math.floorDiv(t.getEpochSecond(), 60))
                    .filter(m -> m <= minute && minute - m < 24 * 60).count();
            assertEquals(expected, quota.used(), "step " + step);
        }
    }

    @Test
    void theKeptTotalAgreesWithTheBucketsWhenTheClockAlsoGoesBack() {
        ApiQuota quota = new ApiQuota(clock, Long.MAX_VALUE);
        java.util.Random random = new java.util.Random(11);
        for (int step = 0; step < 3_000; step++) {
            int move = random.nextInt(8);
            if (move < 3) {
                clock.advance(Duration.ofSeconds(random.nextInt(400)));
            } else if (move == 3) {
                clock.advance(Duration.ofHours(random.nextInt(30)));
            } else if (move == 4) {
                clock.set(clock.instant().minus(Duration.ofMinutes(random.nextInt(120))));
            } else if (move == 5 && random.nextInt(20) == 0) {
                quota.setUsed(random.nextInt(50));
            }
            for (int c = random.nextInt(4); c > 0; c--) {
                assertTrue(quota.tryCharge());
            }
            assertEquals(quota.recounted(), quota.used(), "step " + step);
        }
    }

    @Test
    void usageAndLimitAreSettable() {
        ApiQuota quota = new ApiQuota(clock, 100);
        quota.setUsed(99);
        assertEquals(1, quota.remaining());
        quota.exhaust();
        assertFalse(quota.tryCharge());
        quota.setLimit(200);
        assertTrue(quota.tryCharge());
        assertEquals(101, quota.used());
    }

    @Test
    void hourlyShowsTheLastDay() {
        ApiQuota quota = new ApiQuota(clock, 100);
        quota.tryCharge();
        clock.advance(Duration.ofHours(2));
        quota.tryCharge();
        quota.tryCharge();
        long[] hours = quota.hourly();
        assertEquals(3, java.util.Arrays.stream(hours).sum());
        assertEquals(2, hours[23]);
        assertEquals(1, hours[21]);
    }

    @Test
    void editionFormula() {
        assertEquals(100_000 + 10 * 1_000, ApiQuota.editionLimit("Enterprise", 10));
        assertEquals(100_000 + 10 * 5_000, ApiQuota.editionLimit("Unlimited", 10));
        assertEquals(15_000, ApiQuota.editionLimit("Developer", 2));
    }
}
