package org.tocsin.index.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.tocsin.index.schema.PostDocuments;

/**
 * Values and ranges of the numeric and date fields, as users type them.
 *
 * <p>A date may be a year ({@code 2024}), a month ({@code 2024-03}), a day ({@code 2024-03-01}), a
 * local time taken as UTC ({@code 2024-03-01T12:00}) or an instant with an offset ({@code
 * 2024-03-01T12:00:00Z}). Each stands for an interval: a day is the whole UTC day, so {@code
 * createdAt:[2024-03-01 TO 2024-03-31]} includes all of March 31 and {@code
 * createdAt:{2024-03-01 TO *]} starts on March 2. Times contain {@code :}, so outside a range they
 * must be quoted: {@code createdAt:"2024-03-01T12:00:00Z"}.
 */
final class Bounds {

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Bounds() {}

  static long parseLong(String field, String text) throws ParseException {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ParseException("field '" + field + "' takes a whole number [got " + text + "]");
    }
  }

  static double parseDouble(String field, String text) throws ParseException {
    double v;
    try {
      v = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v)) {
      throw new ParseException(
          "field '" + field + "' takes a number such as 0.8 [got " + text + "]");
    }
    return v;
  }

  static Query longRange(String field, String lo, String hi, boolean loIncl, boolean hiIncl)
      throws ParseException {
    long min = Long.MIN_VALUE;
    long max = Long.MAX_VALUE;
    if (lo != null) {
      long v = parseLong(field, lo);
      if (!loIncl && v == Long.MAX_VALUE) {
        return new MatchNoDocsQuery("empty range of " + field);
      }
      min = loIncl ? v : v + 1;
    }
    if (hi != null) {
      long v = parseLong(field, hi);
      if (!hiIncl && v == Long.MIN_VALUE) {
        return new MatchNoDocsQuery("empty range of " + field);
      }
      max = hiIncl ? v : v - 1;
    }
    return LongPoint.newRangeQuery(field, min, max);
  }

  static Query doubleRange(String field, String lo, String hi, boolean loIncl, boolean hiIncl)
      throws ParseException {
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    if (lo != null) {
      double v = parseDouble(field, lo);
      min = loIncl ? v : Math.nextUp(v);
    }
    if (hi != null) {
      double v = parseDouble(field, hi);
      max = hiIncl ? v : Math.nextDown(v);
    }
    return DoublePoint.newRangeQuery(field, min, max);
  }

  static Query dateRange(String field, String lo, String hi, boolean loIncl, boolean hiIncl)
      throws ParseException {
    long min = Long.MIN_VALUE;
    long max = Long.MAX_VALUE;
    if (lo != null) {
      long[] interval = dateInterval(field, lo);
      min = loIncl ? interval[0] : interval[1];
    }
    if (hi != null) {
      long[] interval = dateInterval(field, hi);
      max = hiIncl ? interval[1] - 1 : interval[0] - 1;
    }
    return LongPoint.newRangeQuery(field, min, max);
  }

  /**
   * The interval a date or time stands for, in epoch milliseconds: {@code [start, end)}.
   *
   * @throws ParseException if the text is not a date or time this class knows
   */
  static long[] dateInterval(String field, String text) throws ParseException {
    String s = text.strip();
    try {
      if (YEAR.matcher(s).matches()) {
        LocalDate start = Year.parse(s).atDay(1);
        return interval(start, start.plusYears(1));
      }
      if (MONTH.matcher(s).matches()) {
        LocalDate start = YearMonth.parse(s).atDay(1);
        return interval(start, start.plusMonths(1));
      }
      if (DAY.matcher(s).matches()) {
        LocalDate start = LocalDate.parse(s);
        return interval(start, start.plusDays(1));
      }
      Instant t =
          hasOffset(s)
              ? OffsetDateTime.parse(s).toInstant()
              : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      long ms = PostDocuments.epochMillis(t);
      return new long[] {ms, ms == Long.MAX_VALUE ? ms : ms + 1};
    } catch (DateTimeParseException e) {
      throw new ParseException(
          "field '"
              + field
              + "' takes a date or time such as 2024-03-01 or \"2024-03-01T12:00:00Z\" [got "
              + text
              + "]");
    }
  }

  private static boolean hasOffset(String s) {
    int t = s.indexOf('T');
    return t >= 0 && (s.endsWith("Z") || s.indexOf('+', t) >= 0 || s.indexOf('-', t) >= 0);
  }

  private static long[] interval(LocalDate start, LocalDate end) {
    return new long[] {
      PostDocuments.epochMillis(start.atStartOfDay(ZoneOffset.UTC).toInstant()),
      PostDocuments.epochMillis(end.atStartOfDay(ZoneOffset.UTC).toInstant())
    };
  }
}
