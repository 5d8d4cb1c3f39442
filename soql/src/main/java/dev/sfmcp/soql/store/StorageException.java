package dev.sfmcp.soql.store;

import java.sql.SQLException;

/** An unexpected failure of the H2 storage (a bug or resource problem, never a user error). */
public class StorageException extends RuntimeException {
    public StorageException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
