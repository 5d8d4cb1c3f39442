package dev.sfmcp.soql.query;

import dev.sfmcp.soql.id.SalesforceId;

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
        return SalesforceId.tryParse(value).map(SalesforceId::id18).orElse(null);
    }
}
