package dev.sfmcp.soql.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Reads SOQL literal tokens (strings with Salesforce's escapes, dates, dateTimes, numbers, Ids) into values. */
final class SoqlLiterals {

    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter DATETIME_NO_COLON = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);
    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SoqlLiterals() {
    }

    /**
     * The value of a quoted string token. In LIKE patterns {@code \%} and {@code \_} stay escaped and a literal
     * backslash is doubled, so that H2's LIKE (escape character backslash) reads them as SOQL does.
     */
    static String string(String token, boolean likePattern) {
        String body = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (Character.toLowerCase(e)) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case '\\' -> out.append(likePattern ? "\\\\" : "\\");
                case '%', '_' -> out.append(likePattern ? "\\" + e : String.valueOf(e));
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    static LocalDate date(String token) {
        return LocalDate.parse(token);
    }

    /** A dateTime literal as the UTC wall time the store keeps. */
    static LocalDateTime dateTime(String token) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(token, DATETIME);
        } catch (DateTimeParseException e) {
            parsed = OffsetDateTime.parse(token, DATETIME_NO_COLON);
        }
        return parsed.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    static BigDecimal number(String token) {
        String t = token.endsWith("d") || token.endsWith("D") ? token.substring(0, token.length() - 1) : token;
        return new BigDecimal(t);
    }

    /** The 18-character form of a 15- or 18-character Id, or null when {@code value} is not an Id. */
    static String id18(String value) {
        if (value.length() != 15 && value.length() != 18) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return null;
            }
        }
        String base = value.substring(0, 15);
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = base.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(CHECKSUM.charAt(bits));
        }
        String full = base + suffix;
        // An 18-character input must carry the right checksum (compared case-insensitively, as Salesforce does).
        if (value.length() == 18 && !full.equalsIgnoreCase(value)) {
            return null;
        }
        return full;
    }
}
