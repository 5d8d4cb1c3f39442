package dev.sfmcp.emulator.oauth;

import java.time.Instant;

/** One refresh token: its grant, when it was issued and last used, and whether rotation retired it. */
public final class RefreshToken {

    private final String id = RandomTokens.handle();
    private final String value;
    private final Grant grant;
    private final Instant issuedAt;
    private volatile Instant lastUsedAt;
    private volatile boolean rotatedOut;

    public RefreshToken(String value, Grant grant, Instant issuedAt) {
        this.value = value;
        this.grant = grant;
        this.issuedAt = issuedAt;
        this.lastUsedAt = issuedAt;
    }

    /** A handle naming this token in the admin API and the console, never its value. */
    public String id() {
        return id;
    }

    public String value() {
        return value;
    }

    public Grant grant() {
        return grant;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public void markUsed(Instant at) {
        lastUsedAt = at;
    }

    public boolean isRotatedOut() {
        return rotatedOut;
    }

    public void retire() {
        rotatedOut = true;
    }
}
