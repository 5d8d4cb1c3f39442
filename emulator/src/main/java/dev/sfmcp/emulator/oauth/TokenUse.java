package dev.sfmcp.emulator.oauth;

import java.time.Instant;

/** When a token was last used: one volatile write per verified request, for Setup's OAuth Usage page. */
public final class TokenUse {

    private volatile Instant last;

    public TokenUse(Instant issued) {
        this.last = issued;
    }

    public Instant last() {
        return last;
    }

    public void mark(Instant at) {
        last = at;
    }
}
