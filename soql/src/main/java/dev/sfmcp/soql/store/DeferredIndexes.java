package dev.sfmcp.soql.store;

import dev.sfmcp.soql.schema.SObjectType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The secondary indexes a bulk load has dropped, coming back table by table. When the load says a table is
 * {@linkplain #loaded complete}, that table's indexes are built on a background thread while the load goes on with
 * the next table: H2 builds an index under its schema lock, but inserts into other tables do not take that lock, so
 * on two cores the index work hides behind the inserts. {@link #close} builds whatever is still missing and waits
 * for every build, so when the load returns every index is back, also after a failed load.
 */
public final class DeferredIndexes implements AutoCloseable {

    private final OrgDatabase database;
    /** The dropped indexes of the tables not yet complete, by lower-case object name. */
    private final Map<String, List<StorageLayout.SecondaryIndex>> pending = new LinkedHashMap<>();
    private final List<Future<?>> builds = new ArrayList<>();
    private ExecutorService builder;

    DeferredIndexes(OrgDatabase database, Collection<SObjectType> types) {
        this.database = database;
        List<String> drops = new ArrayList<>();
        for (SObjectType type : types) {
            List<StorageLayout.SecondaryIndex> indexes = StorageLayout.secondaryIndexes(type);
            if (!indexes.isEmpty() && pending.putIfAbsent(key(type.name()), indexes) == null) {
                indexes.forEach(i -> drops.add(i.drop()));
            }
        }
        database.ddl(drops);
    }

    /** Whether {@code sObject}'s indexes are dropped and not yet on their way back. */
    public boolean deferred(String sObject) {
        return pending.containsKey(key(sObject));
    }

    /**
     * {@code sObject} receives no more records in this load: its indexes are built now, beside the rest of the load.
     * Queries on that table wait for the build (a second or so for 400,000 rows); other tables are not held up.
     */
    public synchronized void loaded(String sObject) {
        List<StorageLayout.SecondaryIndex> indexes = pending.remove(key(sObject));
        if (indexes == null) {
            return;
        }
        if (builder == null) {
            builder = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sfmcp-index-build");
                t.setDaemon(true);
                return t;
            });
        }
        List<String> creates = indexes.stream().map(StorageLayout.SecondaryIndex::create).toList();
        builds.add(builder.submit(() -> build(creates)));
    }

    /** Builds the indexes of the tables never declared complete and waits until every index is back. */
    @Override
    public synchronized void close() {
        List.copyOf(pending.keySet()).forEach(this::loaded);
        if (builder == null) {
            return;
        }
        builder.shutdown();
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<?> build : builds) {
            while (true) {
                try {
                    build.get();
                    break;
                } catch (InterruptedException e) {
                    // the indexes must be back before the load returns: wait on, and pass the interrupt on afterwards
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    RuntimeException f = cause instanceof RuntimeException r ? r : new IllegalStateException("index build failed", cause);
                    if (failure == null) {
                        failure = f;
                    } else {
                        failure.addSuppressed(f);
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Creates each index, the others also when one fails; the first failure is thrown, with the rest suppressed. */
    private void build(List<String> creates) {
        RuntimeException failure = null;
        for (String create : creates) {
            try {
                database.ddl(List.of(create));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String key(String sObject) {
        return sObject.toLowerCase(Locale.ROOT);
    }
}
