package dev.sfmcp.client;

import java.time.Instant;

/**
 * The emulator's clock as {@code GET /_emulator/clock} reports it.
 *
 * @param now    the emulator's current time
 * @param frozen whether time stands still until unfrozen or moved
 */
public record ClockState(Instant now, boolean frozen) {
}
