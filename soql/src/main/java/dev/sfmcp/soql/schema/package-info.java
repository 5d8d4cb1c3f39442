/**
 * The sObject metadata model: {@link dev.sfmcp.soql.schema.SObjectType}, {@link dev.sfmcp.soql.schema.FieldDef}
 * and the org's {@link dev.sfmcp.soql.schema.Schema} registry (case-insensitive lookups of objects, fields,
 * child-to-parent and parent-to-child relationship names), the built-in
 * {@link dev.sfmcp.soql.schema.StandardObjects} (data in {@code standard-objects.json}), custom objects and
 * fields through the same builders ({@link dev.sfmcp.soql.schema.SObjectType#builder},
 * {@link dev.sfmcp.soql.schema.SObjectType#toBuilder}, {@link dev.sfmcp.soql.schema.SObjectDefinitions}), and the
 * REST describe JSON as a caller's view sees it ({@link dev.sfmcp.soql.schema.DescribeRenderer}).
 */
package dev.sfmcp.soql.schema;
