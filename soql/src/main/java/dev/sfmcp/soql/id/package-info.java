/**
 * Salesforce record Ids: parsing of the 15- and 18-character forms with the case checksum
 * ({@link dev.sfmcp.soql.id.SalesforceId}) and per-org Id issuing ({@link dev.sfmcp.soql.id.IdGenerator}).
 */
package dev.sfmcp.soql.id;
