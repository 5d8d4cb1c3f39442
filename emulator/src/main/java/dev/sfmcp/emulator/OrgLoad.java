package dev.sfmcp.emulator;

import io.javalin.http.Context;
import java.util.concurrent.CountDownLatch;

/**
 * The configured orgs' load, run on its own thread so that it overlaps the HTTP server's start: on a cold JVM both
 * are mostly class loading and interpretation, about half a second and a second or more, and a second core can take
 * one of them. Whoever needs the orgs waits here; a failure is thrown to each of them as it was raised.
 */
final class OrgLoad {

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean loaded;
    private volatile RuntimeException failure;

    private OrgLoad() {
    }

    /** Starts {@code load} on a thread of its own. */
    static OrgLoad begin(Runnable load) {
        OrgLoad orgLoad = new OrgLoad();
        Thread thread = new Thread(() -> orgLoad.run(load), "sfmcp-org-load");
        thread.setDaemon(true); // a JVM that exits early (bad arguments, port in use) must not wait for the load
        thread.start();
        return orgLoad;
    }

    private void run(Runnable load) {
        try {
            load.run();
            loaded = true;
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("the org load failed: " + e, e);
            throw e;
        } finally {
            done.countDown();
        }
    }

    /** Waits for the load; rethrows its failure. */
    void await() {
        if (!loaded) {
            awaitQuietly();
            RuntimeException e = failure;
            if (e != null) {
                throw e;
            }
        }
    }

    /** Waits for the load, whatever its outcome (closing an emulator must not race its loading thread). */
    void awaitQuietly() {
        boolean interrupted = false;
        while (done.getCount() > 0) {
            try {
                done.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A before-handler: a request that reaches Jetty before the orgs are in waits for them. */
    void gate(Context ctx) {
        await();
    }
}
