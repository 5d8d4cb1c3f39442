/**
 * SQL building blocks shared by every statement the engine sends to H2: bound parameters
 * ({@link dev.sfmcp.soql.sql.ParameterSink}, {@link dev.sfmcp.soql.sql.BoundParameters}) and the compiler of
 * the access algebra ({@link dev.sfmcp.soql.sql.RecordFilterCompiler}) into a JSqlParser expression. Values
 * are always bound parameters with fixed indexes ({@code ?1}, {@code ?2}, ...), so expressions built in any
 * order can be combined into one statement.
 */
package dev.sfmcp.soql.sql;
