package dev.sfmcp.soql.schema;

/** The SOSL field group ({@code IN NAME|EMAIL|PHONE FIELDS}) a searchable field belongs to; OTHER is only in ALL FIELDS. */
public enum SearchGroup {
    NAME, EMAIL, PHONE, OTHER
}
