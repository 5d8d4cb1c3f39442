package dev.sfmcp.soql.schema;

/**
 * A parent-to-child relationship as describe lists it under {@code childRelationships}: the child object, the
 * child's reference field pointing at the parent, and the name used in subqueries ({@code Contacts}).
 */
public record ChildRelationship(String childSObject, String field, String relationshipName, boolean cascadeDelete) {
}
