package dev.sfmcp.soql.store;

import org.h2.util.JSR310Utils;
import org.h2.value.ValueBigint;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueDouble;
import org.h2.value.ValueInteger;
import org.h2.value.ValueNull;
import org.h2.value.ValueNumeric;
import org.h2.value.ValueVarchar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Record values in H2's own value form, as JDBC would convert them when they are bound, so that a bulk load can
 * convert on the thread that prepares rows while another thread stores them, and convert a value shared by every
 * row (a default, the audit timestamps) once instead of once per row. A value of a type not listed stays as it is
 * (JDBC converts it when it is bound).
 */
public final class StoredValues {

    private StoredValues() {
    }

    /**
     * {@code values} in storage form, as a new array. Where {@code template} is given, a value that is still the very
     * object of {@code template} at its position takes {@code templateStored}'s value instead of a new conversion.
     */
    public static Object[] of(Object[] values, Object[] template, Object[] templateStored) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            out[i] = template != null && v == template[i] ? templateStored[i] : of(v);
        }
        return out;
    }

    /** Whether {@code v}, a value in storage form, is SQL NULL. */
    public static boolean isNull(Object v) {
        return v == null || v == ValueNull.INSTANCE;
    }

    /** One value in storage form. */
    public static Object of(Object v) {
        if (v == null) {
            return ValueNull.INSTANCE;
        }
        Class<?> type = v.getClass();
        if (type == String.class) {
            return ValueVarchar.get((String) v);
        } else if (type == Boolean.class) {
            return ValueBoolean.get((Boolean) v);
        } else if (type == Integer.class) {
            return ValueInteger.get((Integer) v);
        } else if (type == Long.class) {
            return ValueBigint.get((Long) v);
        } else if (type == Double.class) {
            return ValueDouble.get((Double) v);
        } else if (type == BigDecimal.class) {
            return ValueNumeric.getAnyScale((BigDecimal) v);
        } else if (type == LocalDate.class) {
            return JSR310Utils.localDateToValue((LocalDate) v);
        } else if (type == LocalDateTime.class) {
            return JSR310Utils.localDateTimeToValue((LocalDateTime) v);
        }
        return v;
    }
}
