/**
 * Record DML and retrieval as the REST API performs them for a caller's view: create, update (and the locked
 * read-modify-write {@code modify}), delete to the recycle bin, retrieve by Id, relationship traversal and
 * recently used records ({@link dev.sfmcp.soql.dml.RecordWriter}, {@link dev.sfmcp.soql.dml.RecordReader}); the
 * REST record JSON ({@link dev.sfmcp.soql.dml.RecordRenderer}); and the
 * {@link dev.sfmcp.soql.dml.RecordChangeListener} through which the security model keeps sharing in step with
 * record changes inside the same transaction.
 */
package dev.sfmcp.soql.dml;
