package dev.sfmcp.soql.store;

import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.id.IdGenerator;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes share rows and group membership for the security model, on one connection (and so inside the caller's
 * transaction: a record change and the sharing it causes commit or roll back together).
 */
public final class ShareRows {

    /** One share row: {@code userOrGroupId} reaches {@code parentId} with {@code level} because of {@code rowCause}. */
    public record Share(String parentId, String userOrGroupId, AccessLevel level, String rowCause) { }

    private static final String SHARE_PREFIX = "02c";
    private static final String GROUP_MEMBER_PREFIX = "011";

    private final Connection connection;
    private final Schema schema;
    private final IdGenerator ids;

    public ShareRows(Connection connection, Schema schema, IdGenerator ids) {
        this.connection = connection;
        this.schema = schema;
        this.ids = ids;
    }

    /** The connection (and so the transaction) these rows are written on. */
    public Connection connection() {
        return connection;
    }

    /** Adds share rows of {@code sObject}. */
    public void insert(String sObject, Collection<Share> shares) throws SQLException {
        String table = shareTable(sObject);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table
                + " (\"Id\", \"ParentId\", \"UserOrGroupId\", \"AccessLevel\", \"RowCause\") VALUES (?, ?, ?, ?, ?)")) {
            for (Share s : shares) {
                ps.setString(1, ids.next(SHARE_PREFIX));
                ps.setString(2, s.parentId());
                ps.setString(3, s.userOrGroupId());
                ps.setInt(4, s.level().rank());
                ps.setString(5, s.rowCause());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Removes the share rows of {@code parentId} with {@code rowCause} (every cause when null); returns how many. */
    public int delete(String sObject, String parentId, String rowCause) throws SQLException {
        String sql = "DELETE FROM " + shareTable(sObject) + " WHERE \"ParentId\" = ?" + (rowCause == null ? "" : " AND \"RowCause\" = ?");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, parentId);
            if (rowCause != null) {
                ps.setString(2, rowCause);
            }
            return ps.executeUpdate();
        }
    }

    /** Removes every share row of {@code sObject} with {@code rowCause} naming {@code userOrGroupId}; returns how many. */
    public int deleteFor(String sObject, String userOrGroupId, String rowCause) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + shareTable(sObject)
                + " WHERE \"UserOrGroupId\" = ? AND \"RowCause\" = ?")) {
            ps.setString(1, userOrGroupId);
            ps.setString(2, rowCause);
            return ps.executeUpdate();
        }
    }

    /** Removes one record's row for one user or group with one cause; returns how many (0 or 1). */
    public int deleteRow(String sObject, String parentId, String userOrGroupId, String rowCause) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + shareTable(sObject)
                + " WHERE \"ParentId\" = ? AND \"UserOrGroupId\" = ? AND \"RowCause\" = ?")) {
            ps.setString(1, parentId);
            ps.setString(2, userOrGroupId);
            ps.setString(3, rowCause);
            return ps.executeUpdate();
        }
    }

    /** Removes every share row of {@code sObject} with {@code rowCause}; returns how many. */
    public int deleteCause(String sObject, String rowCause) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + shareTable(sObject) + " WHERE \"RowCause\" = ?")) {
            ps.setString(1, rowCause);
            return ps.executeUpdate();
        }
    }

    /** Whether {@code sObject} has a share table. */
    public boolean hasShareTable(String sObject) {
        return schema.find(sObject).filter(SObjectType::shareable).isPresent();
    }

    /** Replaces every share row of {@code sObject} with {@code rowCause} (all records) by {@code shares}. */
    public void replaceCause(String sObject, String rowCause, Collection<Share> shares) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + shareTable(sObject) + " WHERE \"RowCause\" = ?")) {
            ps.setString(1, rowCause);
            ps.executeUpdate();
        }
        insert(sObject, shares);
    }

    /** The share rows of one record. */
    public List<Share> of(String sObject, String parentId) throws SQLException {
        List<Share> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT \"ParentId\", \"UserOrGroupId\", \"AccessLevel\", \"RowCause\" FROM "
                + shareTable(sObject) + " WHERE \"ParentId\" = ? ORDER BY \"Id\"")) {
            ps.setString(1, parentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Share(rs.getString(1), rs.getString(2), AccessLevel.ofRank(rs.getInt(3)), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** Adds {@code userOrGroupId} to group {@code groupId}. */
    public void addGroupMember(String groupId, String userOrGroupId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO \"GroupMember\" (\"Id\", \"GroupId\", \"UserOrGroupId\") VALUES (?, ?, ?)")) {
            ps.setString(1, ids.next(GROUP_MEMBER_PREFIX));
            ps.setString(2, groupId);
            ps.setString(3, userOrGroupId);
            ps.executeUpdate();
        }
    }

    /** Removes {@code userOrGroupId} from group {@code groupId}. */
    public void removeGroupMember(String groupId, String userOrGroupId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM \"GroupMember\" WHERE \"GroupId\" = ? AND \"UserOrGroupId\" = ?")) {
            ps.setString(1, groupId);
            ps.setString(2, userOrGroupId);
            ps.executeUpdate();
        }
    }

    private String shareTable(String sObject) {
        SObjectType type = schema.find(sObject).filter(SObjectType::shareable)
                .orElseThrow(() -> new IllegalArgumentException("no share table for " + sObject));
        return StorageLayout.quote(type.shareTableName());
    }
}
