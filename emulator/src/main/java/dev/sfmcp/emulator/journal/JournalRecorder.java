package dev.sfmcp.emulator.journal;

import io.javalin.http.Context;
import java.time.Clock;

/** Turns a finished request and its {@link Exchange} into journal entries. */
public final class JournalRecorder {

    private final RequestJournal journal;
    private final Clock clock;

    public JournalRecorder(RequestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Starts an exchange for a request of the given kind and attaches it to the request. */
    public Exchange begin(Context ctx, String kind, long startedNanos) {
        Exchange exchange = new Exchange(kind, startedNanos);
        ctx.attribute(Exchange.ATTRIBUTE, exchange);
        return exchange;
    }

    /** Whether the journal keeps entries (it is off with --journal-size=0). */
    public boolean enabled() {
        return journal.enabled();
    }

    /** Names the caller of the current request in its journal entry, when the request is journaled. */
    public static void caller(Context ctx, String orgId, String userId, String username) {
        Exchange x = of(ctx);
        if (x != null) {
            x.caller(orgId, userId, username);
        }
    }

    /** The exchange of the current request, or null when none was begun. */
    public static Exchange of(Context ctx) {
        return ctx.attribute(Exchange.ATTRIBUTE);
    }

    /** Records the request once its response is decided. */
    public void finish(Context ctx, long endedNanos) {
        Exchange x = of(ctx);
        if (x == null || !journal.enabled()) {
            return;
        }
        int status = ctx.statusCode();
        long micros = (endedNanos - x.startedNanos) / 1000;
        String now = clock.instant().toString();
        if (x.messages.isEmpty()) {
            String body = status >= 400 ? journal.clip(ctx.result()) : null;
            journal.record(new JournalEntry(journal.nextSequence(), now, x.kind, ctx.method().name(), ctx.path(), status,
                    micros, x.orgId, x.userId, x.username, x.server, x.sessionId, null, null, null, null, null, body,
                    status >= 400 || x.errorCode != null, x.endpoint, x.clientId, x.grantType, x.errorCode));
            return;
        }
        for (Exchange.Message m : x.messages) {
            journal.record(new JournalEntry(journal.nextSequence(), now, x.kind, ctx.method().name(), ctx.path(), status,
                    micros, x.orgId, x.userId, x.username, x.server, x.sessionId, m.rpcMethod(), m.tool(), m.sobject(),
                    journal.clip(m.argumentsJson()), journal.clip(m.resultJson()), journal.clip(m.errorJson()),
                    m.isError() || status >= 400, null, null, null, null));
        }
    }
}
