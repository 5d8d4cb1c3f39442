/**
 * SOSL: {@code FIND {term} [IN ... FIELDS] [RETURNING ...] [LIMIT n]} answered as {@code {"searchRecords":[...]}}.
 * The term is parsed here ({@link dev.sfmcp.soql.sosl.SearchTerm}); each RETURNING clause becomes a SOQL
 * statement compiled by {@code dev.sfmcp.soql.query} with the search condition (case-insensitive whole-token and
 * prefix regular expressions over the readable fields of the search group, bound as parameters) added in SQL,
 * so access, shaping and errors are SOQL's. Error positions are mapped back onto the SOSL text.
 */
package dev.sfmcp.soql.sosl;
