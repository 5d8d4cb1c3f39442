package dev.sfmcp.security.store;

import dev.sfmcp.soql.access.RecordFilter;
import java.sql.Connection;
import java.sql.SQLException;

/** The engine's evaluation of a {@link RecordFilter} on one record (its compiler, run on one Id). */
@FunctionalInterface
public interface FilterProbe {

    boolean matches(Connection connection, String sObject, String recordId, RecordFilter filter) throws SQLException;
}
