package dev.sfmcp.security.sharing;

import dev.sfmcp.soql.access.AccessLevel;

/** An object's internal organization-wide default: the access everyone has to records they do not own. */
public enum SharingModel {
    PRIVATE("Private", null),
    PUBLIC_READ_ONLY("Public Read Only", AccessLevel.READ),
    PUBLIC_READ_WRITE("Public Read/Write", AccessLevel.EDIT),
    /** Lead and Case only: everyone may also change the owner. */
    PUBLIC_READ_WRITE_TRANSFER("Public Read/Write/Transfer", AccessLevel.EDIT),
    /** Campaign only: read, edit, transfer and delete. */
    PUBLIC_FULL_ACCESS("Public Full Access", AccessLevel.ALL),
    /** Access follows the parent record (Contact, Order, Asset, master-detail details). */
    CONTROLLED_BY_PARENT("Controlled by Parent", null);

    private final String label;
    private final AccessLevel baseline;

    SharingModel(String label, AccessLevel baseline) {
        this.label = label;
        this.baseline = baseline;
    }

    /** The label Setup shows. */
    public String label() {
        return label;
    }

    /** What every internal user gets on every record, or null for none. */
    public AccessLevel baseline() {
        return baseline;
    }

    /** Whether the default alone gives {@code level}. */
    public boolean grants(AccessLevel level) {
        return baseline != null && baseline.covers(level);
    }

    /** Parses a Setup label or the enum name, e.g. {@code "Public Read Only"} or {@code "ReadWrite"}. */
    public static SharingModel parse(String text) {
        String t = text.trim();
        for (SharingModel m : values()) {
            if (m.label.equalsIgnoreCase(t) || m.name().equalsIgnoreCase(t)) {
                return m;
            }
        }
        // the Metadata API spellings (sharingModel of CustomObject)
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "read" -> PUBLIC_READ_ONLY;
            case "readwrite", "edit" -> PUBLIC_READ_WRITE;
            case "readwritetransfer" -> PUBLIC_READ_WRITE_TRANSFER;
            case "fullaccess", "all" -> PUBLIC_FULL_ACCESS;
            case "controlledbyparent" -> CONTROLLED_BY_PARENT;
            default -> throw new IllegalArgumentException("Unknown organization-wide default '" + text
                    + "' (Private, Public Read Only, Public Read/Write, Public Read/Write/Transfer, Public Full Access, Controlled by Parent)");
        };
    }
}
