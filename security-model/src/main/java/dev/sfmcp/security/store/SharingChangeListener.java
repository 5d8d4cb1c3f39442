package dev.sfmcp.security.store;

import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.soql.dml.RecordChangeListener;
import dev.sfmcp.soql.dml.SObjectRecord;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.store.ShareRows;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The security model's ear on the engine's writes: every record change reaches the org's sharing recalculation
 * inside the write's own transaction, so a record and the share rows it governs commit or roll back together.
 * A soft delete keeps the record's rows, so that a restore from the recycle bin brings its sharing back.
 */
public final class SharingChangeListener implements RecordChangeListener {

    private final OrgSecurity security;
    private final EngineSharingStore store;

    public SharingChangeListener(OrgSecurity security, EngineSharingStore store) {
        this.security = security;
        this.store = store;
    }

    @Override
    public void onChange(SObjectType type, SObjectRecord before, SObjectRecord after, ShareRows shares) {
        var recalculation = security.recalculation(store.bound(shares.connection()));
        if (before == null) {
            recalculation.recordInserted(type.name(), after.id(), after.values());
            return;
        }
        if (Boolean.TRUE.equals(after.get("IsDeleted"))) {
            return;
        }
        Set<String> changed = new HashSet<>();
        Map<String, Object> old = before.values();
        after.values().forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changed.add(field);
            }
        });
        if (!changed.isEmpty()) {
            recalculation.recordUpdated(type.name(), after.id(), changed, after.values());
        }
    }
}
