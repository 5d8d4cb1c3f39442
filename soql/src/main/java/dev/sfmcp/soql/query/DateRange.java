package dev.sfmcp.soql.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * The half-open day range [{@code start}, {@code end}) a relative date literal (TODAY, LAST_N_DAYS:n,
 * THIS_QUARTER, ...) denotes on a given local date. Fiscal literals use the calendar year (an org without a
 * custom fiscal year starting in January).
 *
 * @param start first day inside the range
 * @param end   first day after the range
 */
public record DateRange(LocalDate start, LocalDate end) {

    /**
     * The range of {@code literal} (upper case, e.g. {@code LAST_N_DAYS}) with argument {@code n} (ignored by the
     * forms without {@code :n}) on {@code today}, with weeks starting on the locale's first day.
     */
    public static DateRange of(String literal, int n, LocalDate today, Locale locale) {
        DayOfWeek firstDay = WeekFields.of(locale).getFirstDayOfWeek();
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(firstDay));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = LocalDate.of(today.getYear(), Month.of(((today.getMonthValue() - 1) / 3) * 3 + 1), 1);
        LocalDate year = today.withDayOfYear(1);
        String key = literal.replace("_FISCAL", "");
        return switch (key) {
            case "YESTERDAY" -> days(today.minusDays(1), 1);
            case "TODAY" -> days(today, 1);
            case "TOMORROW" -> days(today.plusDays(1), 1);
            case "LAST_WEEK" -> new DateRange(week.minusWeeks(1), week);
            case "THIS_WEEK" -> new DateRange(week, week.plusWeeks(1));
            case "NEXT_WEEK" -> new DateRange(week.plusWeeks(1), week.plusWeeks(2));
            case "LAST_MONTH" -> new DateRange(month.minusMonths(1), month);
            case "THIS_MONTH" -> new DateRange(month, month.plusMonths(1));
            case "NEXT_MONTH" -> new DateRange(month.plusMonths(1), month.plusMonths(2));
            // LAST_90_DAYS and LAST_N_DAYS include today: 90 days back to the end of today.
            case "LAST_90_DAYS" -> new DateRange(today.minusDays(90), today.plusDays(1));
            case "NEXT_90_DAYS" -> days(today.plusDays(1), 90);
            case "LAST_N_DAYS" -> new DateRange(today.minusDays(n), today.plusDays(1));
            case "NEXT_N_DAYS" -> days(today.plusDays(1), n);
            case "N_DAYS_AGO" -> days(today.minusDays(n), 1);
            case "LAST_N_WEEKS" -> new DateRange(week.minusWeeks(n), week);
            case "NEXT_N_WEEKS" -> new DateRange(week.plusWeeks(1), week.plusWeeks(1 + n));
            case "N_WEEKS_AGO" -> new DateRange(week.minusWeeks(n), week.minusWeeks(n - 1L));
            case "LAST_N_MONTHS" -> new DateRange(month.minusMonths(n), month);
            case "NEXT_N_MONTHS" -> new DateRange(month.plusMonths(1), month.plusMonths(1 + n));
            case "N_MONTHS_AGO" -> new DateRange(month.minusMonths(n), month.minusMonths(n - 1L));
            case "THIS_QUARTER" -> new DateRange(quarter, quarter.plusMonths(3));
            case "LAST_QUARTER" -> new DateRange(quarter.minusMonths(3), quarter);
            case "NEXT_QUARTER" -> new DateRange(quarter.plusMonths(3), quarter.plusMonths(6));
            case "LAST_N_QUARTERS" -> new DateRange(quarter.minusMonths(3L * n), quarter);
            case "NEXT_N_QUARTERS" -> new DateRange(quarter.plusMonths(3), quarter.plusMonths(3 + 3L * n));
            case "N_QUARTERS_AGO" -> new DateRange(quarter.minusMonths(3L * n), quarter.minusMonths(3L * (n - 1)));
            case "THIS_YEAR" -> new DateRange(year, year.plusYears(1));
            case "LAST_YEAR" -> new DateRange(year.minusYears(1), year);
            case "NEXT_YEAR" -> new DateRange(year.plusYears(1), year.plusYears(2));
            case "LAST_N_YEARS" -> new DateRange(year.minusYears(n), year);
            case "NEXT_N_YEARS" -> new DateRange(year.plusYears(1), year.plusYears(1 + n));
            case "N_YEARS_AGO" -> new DateRange(year.minusYears(n), year.minusYears(n - 1L));
            default -> throw new IllegalArgumentException("not a relative date literal: " + literal);
        };
    }

    private static DateRange days(LocalDate first, long count) {
        return new DateRange(first, first.plusDays(count));
    }
}
