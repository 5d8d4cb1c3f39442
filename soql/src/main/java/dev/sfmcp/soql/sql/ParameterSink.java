package dev.sfmcp.soql.sql;

import net.sf.jsqlparser.expression.JdbcParameter;

/** Receives a value to bind and answers the parameter placeholder that stands for it in the statement. */
@FunctionalInterface
public interface ParameterSink {

    /** The placeholder for {@code value} (a String, Boolean, Number, java.sql.Date/Timestamp or null). */
    JdbcParameter bind(Object value);
}
