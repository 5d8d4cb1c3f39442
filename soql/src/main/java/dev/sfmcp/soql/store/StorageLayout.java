package dev.sfmcp.soql.store;

import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The H2 tables, columns and indexes an org's schema maps to (see the package documentation for the rules). */
public final class StorageLayout {

    /** The table of per-user recently viewed and referenced records. */
    public static final String RECENTLY_VIEWED_TABLE = "RecentlyViewed";

    /** The table of group membership. */
    public static final String GROUP_MEMBER_TABLE = "GroupMember";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private StorageLayout() {
    }

    /** A quoted H2 identifier; schema names only ever reach SQL through here, and only valid API names pass. */
    public static String quote(String apiName) {
        if (!IDENTIFIER.matcher(apiName).matches()) {
            throw new IllegalArgumentException("not an API name: " + apiName);
        }
        return '"' + apiName + '"';
    }

    /** The SQL column type of a stored field. */
    public static String columnType(FieldDef f) {
        return switch (f.type()) {
            case ID, REFERENCE -> "VARCHAR(18)";
            case STRING, TEXTAREA, PICKLIST, EMAIL, PHONE, URL -> "VARCHAR_IGNORECASE(" + Math.max(1, f.length()) + ")";
            case MULTIPICKLIST -> "VARCHAR_IGNORECASE(" + Math.max(4099, f.length()) + ")";
            case BOOLEAN -> "BOOLEAN DEFAULT FALSE NOT NULL";
            case CURRENCY, DOUBLE, PERCENT -> "DECIMAL(" + Math.max(f.precision(), 1) + ", " + f.scale() + ")";
            case INT -> "INTEGER";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP(3)";
            case ADDRESS -> throw new IllegalArgumentException("address fields are virtual: " + f.name());
        };
    }

    /** The statements creating one object's table, its indexes and (when shareable) its share table. */
    public static List<String> createStatements(SObjectType type) {
        List<String> out = new ArrayList<>();
        String table = quote(type.name());
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table).append(" (");
        boolean first = true;
        for (FieldDef f : type.storedFields()) {
            if (!first) {
                ddl.append(", ");
            }
            first = false;
            ddl.append(quote(f.name())).append(' ').append(columnType(f));
            if (f.name().equals("Id")) {
                ddl.append(" PRIMARY KEY");
            }
        }
        out.add(ddl.append(')').toString());
        for (SecondaryIndex index : secondaryIndexes(type)) {
            out.add(index.create());
        }
        if (type.shareable()) {
            String share = quote(type.shareTableName());
            out.add("CREATE TABLE " + share + " (\"Id\" VARCHAR(18) PRIMARY KEY, \"ParentId\" VARCHAR(18) NOT NULL, "
                    + "\"UserOrGroupId\" VARCHAR(18) NOT NULL, \"AccessLevel\" INTEGER NOT NULL, \"RowCause\" VARCHAR(40) NOT NULL)");
            out.add("CREATE INDEX " + quote(type.shareTableName() + "_ParentId") + " ON " + share + " (\"ParentId\")");
            out.add("CREATE INDEX " + quote(type.shareTableName() + "_UserOrGroupId") + " ON " + share + " (\"UserOrGroupId\", \"ParentId\")");
        }
        return out;
    }

    /** One index of an object table besides its primary key, with the statements that create and drop it. */
    public record SecondaryIndex(String create, String drop) { }

    /** The indexes of {@code type}'s table besides the primary key: its lookups and its name field. */
    public static List<SecondaryIndex> secondaryIndexes(SObjectType type) {
        List<SecondaryIndex> out = new ArrayList<>();
        String table = quote(type.name());
        for (FieldDef f : type.storedFields()) {
            // the audit lookups (CreatedById, LastModifiedById) are left unindexed: they are rarely filtered on, and
            // two more B-trees per object would cost a third of the insert rate and blow the heap budget
            boolean auditLookup = f.system() && f.type() == dev.sfmcp.soql.schema.FieldType.REFERENCE;
            if ((f.type() == dev.sfmcp.soql.schema.FieldType.REFERENCE && !auditLookup) || f.nameField()) {
                String name = quote(type.name() + "_" + f.name());
                out.add(new SecondaryIndex("CREATE INDEX " + name + " ON " + table + " (" + quote(f.name()) + ")",
                        "DROP INDEX " + name));
            }
        }
        return out;
    }

    /** Every statement creating an org's storage. */
    public static List<String> createStatements(Schema schema) {
        List<String> out = new ArrayList<>();
        for (SObjectType t : schema.objects()) {
            out.addAll(createStatements(t));
        }
        out.add("CREATE TABLE \"" + GROUP_MEMBER_TABLE + "\" (\"Id\" VARCHAR(18) PRIMARY KEY, \"GroupId\" VARCHAR(18) NOT NULL, \"UserOrGroupId\" VARCHAR(18) NOT NULL)");
        out.add("CREATE INDEX \"GroupMember_GroupId\" ON \"GroupMember\" (\"GroupId\")");
        out.add("CREATE INDEX \"GroupMember_UserOrGroupId\" ON \"GroupMember\" (\"UserOrGroupId\", \"GroupId\")");
        out.add("CREATE TABLE \"" + RECENTLY_VIEWED_TABLE + "\" (\"UserId\" VARCHAR(18) NOT NULL, \"RecordId\" VARCHAR(18) NOT NULL, "
                + "\"Type\" VARCHAR(80) NOT NULL, \"LastViewedDate\" TIMESTAMP(3), \"LastReferencedDate\" TIMESTAMP(3), "
                + "PRIMARY KEY (\"UserId\", \"RecordId\"))");
        return out;
    }

    /** The names of every table of the org, object tables first. */
    public static List<String> tableNames(Schema schema) {
        List<String> out = new ArrayList<>();
        for (SObjectType t : schema.objects()) {
            out.add(t.name());
        }
        for (SObjectType t : schema.objects()) {
            if (t.shareable()) {
                out.add(t.shareTableName());
            }
        }
        out.add(GROUP_MEMBER_TABLE);
        out.add(RECENTLY_VIEWED_TABLE);
        return out;
    }
}
