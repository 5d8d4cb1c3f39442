package dev.sfmcp.security.sharing;

import dev.sfmcp.soql.access.AccessLevel;
import java.util.Objects;

/** One row of an object's share table ({@code AccountShare}, {@code Foo__Share}). */
public record ShareRow(String parentId, String userOrGroupId, AccessLevel accessLevel, String rowCause) {

    public ShareRow {
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(userOrGroupId, "userOrGroupId");
        Objects.requireNonNull(accessLevel, "accessLevel");
        Objects.requireNonNull(rowCause, "rowCause");
    }
}
