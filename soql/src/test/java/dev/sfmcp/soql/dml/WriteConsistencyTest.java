package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.store.ShareRows;
import dev.sfmcp.soql.testing.TestOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Writes are transactional with their listener, never lose concurrent updates, and snapshots restore everything. */
class WriteConsistencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private long rows(String table) {
        return org.engine.database().count(table);
    }

    @Test
    void theListenerRunsInTheWriteTransactionAndItsFailureRollsEverythingBack() {
        org.engine.listener((type, before, after, shares) -> {
            if (before == null && type.shareable()) {
                shares.insert(type.name(), List.of(new ShareRows.Share(after.id(), org.other, AccessLevel.READ, "Manual")));
            }
            if ("Veto".equals(after.get("Name"))) {
                throw new SalesforceException(SalesforceError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION", "vetoed"));
            }
        });
        String kept = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Fine\"}")).get("id").asText();
        assertEquals(1, rows("AccountShare"));
        long accounts = rows("Account");

        SalesforceException e = assertThrows(SalesforceException.class,
                () -> org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Veto\"}")));
        assertEquals("vetoed", e.error().message());
        assertEquals(accounts, rows("Account"), "the record was rolled back");
        assertEquals(1, rows("AccountShare"), "and so were the share rows written for it");

        assertThrows(SalesforceException.class, () -> org.engine.update(org.adminView(), "Account", kept, json("{\"Name\":\"Veto\"}")));
        assertEquals("Fine", org.engine.retrieve(org.adminView(), "Account", kept, List.of("Name")).get("Name").asText());
    }

    @Test
    void aFailedCascadeDeleteLeavesNothingDeleted() {
        String account = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Parent\"}")).get("id").asText();
        String contact = org.engine.create(org.adminView(), "Contact", json("{\"LastName\":\"Child\",\"AccountId\":\"" + account + "\"}")).get("id").asText();
        org.engine.listener((type, before, after, shares) -> {
            if (type.name().equals("Contact") && Boolean.TRUE.equals(after.get("IsDeleted"))) {
                throw new SalesforceException(SalesforceError.of("DELETE_FAILED", "child refused"));
            }
        });
        assertThrows(SalesforceException.class, () -> org.engine.delete(org.adminView(), "Account", account));
        assertFalse(org.engine.retrieve(org.adminView(), "Account", account, List.of("IsDeleted")).get("IsDeleted").asBoolean());
        assertEquals("Child", org.engine.retrieve(org.adminView(), "Contact", contact, List.of("LastName")).get("LastName").asText());
    }

    @Test
    void concurrentReadModifyWritesNeverLoseAnUpdate() throws Exception {
        String id = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Counter\",\"NumberOfEmployees\":0}")).get("id").asText();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    org.engine.modify(org.adminView(), "Account", id, current -> JsonNodeFactory.instance.objectNode()
                            .put("NumberOfEmployees", ((Integer) current.get("NumberOfEmployees")) + 1));
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(threads * perThread, org.engine.retrieve(org.adminView(), "Account", id, List.of("NumberOfEmployees"))
                .get("NumberOfEmployees").asInt());
    }

    @Test
    void restoreReturnsRecordsSharesAndIdSequencesToTheSnapshot() {
        String before = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Before\"}")).get("id").asText();
        org.engine.snapshot("baseline");
        String firstAfter = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"After\"}")).get("id").asText();
        org.engine.update(org.adminView(), "Account", before, json("{\"Name\":\"Changed\"}"));
        org.engine.withShareRows(s -> {
            s.insert("Account", List.of(new ShareRows.Share(before, org.other, AccessLevel.EDIT, "Manual")));
            return null;
        });
        org.engine.restore("baseline");
        assertEquals("Before", org.engine.retrieve(org.adminView(), "Account", before, List.of("Name")).get("Name").asText());
        assertEquals("NOT_FOUND", assertThrows(SalesforceException.class,
                () -> org.engine.retrieve(org.adminView(), "Account", firstAfter, null)).error().errorCode());
        assertEquals(0, rows("AccountShare"));
        assertEquals(firstAfter, org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Again\"}")).get("id").asText(),
                "the Id sequence was restored too");
        org.engine.restore("baseline");
        assertThrows(IllegalArgumentException.class, () -> org.engine.restore("never-taken"));
    }

    @Test
    void alternatingRestoresOfTwoSnapshotsCopyBackOnlyWhatDiffers() {
        String a = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"A\"}")).get("id").asText();
        org.engine.snapshot("one");
        org.engine.create(org.adminView(), "Contact", json("{\"LastName\":\"C\"}"));
        org.engine.update(org.adminView(), "Account", a, json("{\"Name\":\"A2\"}"));
        org.engine.snapshot("two");
        long contactsInTwo = rows("Contact");

        org.engine.restore("one");
        assertEquals("A", name(a));
        assertEquals(contactsInTwo - 1, rows("Contact"));
        org.engine.restore("two");
        assertEquals("A2", name(a));
        assertEquals(contactsInTwo, rows("Contact"));
        org.engine.update(org.adminView(), "Account", a, json("{\"Name\":\"A3\"}"));
        org.engine.restore("two");
        assertEquals("A2", name(a));
        assertEquals(contactsInTwo, rows("Contact"));
        org.engine.restore("one");
        org.engine.restore("one");
        assertEquals("A", name(a));
        assertEquals(contactsInTwo - 1, rows("Contact"));
    }

    private String name(String accountId) {
        return org.engine.retrieve(org.adminView(), "Account", accountId, List.of("Name")).get("Name").asText();
    }
}
