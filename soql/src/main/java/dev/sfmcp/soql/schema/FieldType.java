package dev.sfmcp.soql.schema;

import java.util.Locale;

/** The describe field types the engine supports, with the spelling describe uses ({@link #apiName()}). */
public enum FieldType {
    ID, STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, REFERENCE, BOOLEAN, CURRENCY, DOUBLE, INT, PERCENT,
    DATE, DATETIME, EMAIL, PHONE, URL, ADDRESS;

    /** The lower-case name describe prints, e.g. {@code datetime}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type described by {@code apiName} (case-insensitive). */
    public static FieldType ofApiName(String apiName) {
        return valueOf(apiName.toUpperCase(Locale.ROOT));
    }

    /** Whether values are text stored case-insensitively (string, textarea, picklists, email, phone, url). */
    public boolean isText() {
        return switch (this) {
            case STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, EMAIL, PHONE, URL -> true;
            default -> false;
        };
    }

    /** Whether values are decimal numbers stored as DECIMAL(precision, scale). */
    public boolean isDecimal() {
        return this == CURRENCY || this == DOUBLE || this == PERCENT;
    }

    /** Whether values are 18-character Ids. */
    public boolean isId() {
        return this == ID || this == REFERENCE;
    }

    /** The SOAP type describe reports beside the field type. */
    public String soapType() {
        return switch (this) {
            case ID, REFERENCE -> "tns:ID";
            case BOOLEAN -> "xsd:boolean";
            case CURRENCY, DOUBLE, PERCENT -> "xsd:double";
            case INT -> "xsd:int";
            case DATE -> "xsd:date";
            case DATETIME -> "xsd:dateTime";
            case ADDRESS -> "urn:address";
            default -> "xsd:string";
        };
    }
}
