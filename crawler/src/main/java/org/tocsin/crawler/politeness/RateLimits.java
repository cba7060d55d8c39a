package org.tocsin.crawler.politeness;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads rate-limit headers as platforms send them: {@code Retry-After} in seconds or as an HTTP
 * date; {@code X-RateLimit-Remaining} as an integer or a float string ({@code "222.0"}, Reddit);
 * {@code X-RateLimit-Reset} as an ISO time (Mastodon) or seconds from now, maybe fractional
 * (Reddit). Missing or unreadable values are {@code null}, never an exception.
 */
public final class RateLimits {

  /**
   * A host's remaining request budget.
   *
   * @param remaining requests left in the window, or {@code null} if not reported
   * @param reset when the window resets, or {@code null} if not reported
   */
  public record Budget(Double remaining, Instant reset) {

    /** Whether the budget is reported and spent (less than one request left). */
    public boolean exhausted() {
      return remaining != null && remaining < 1;
    }
  }

  private static final double MAX_SECONDS = 366 * 24 * 3600.0;

  private RateLimits() {}

  /** The budget in a response's headers (names compared case-insensitively). */
  public static Budget parse(Map<String, String> headers, Instant now) {
    String remaining = null;
    String reset = null;
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("x-ratelimit-remaining")) {
        remaining = e.getValue();
      } else if (e.getKey().equalsIgnoreCase("x-ratelimit-reset")) {
        reset = e.getValue();
      }
    }
    return new Budget(number(remaining), reset(reset, now));
  }

  /** A {@code Retry-After} value (seconds or HTTP date) as an instant, or {@code null}. */
  public static Instant retryAfter(String value, Instant now) {
    if (value == null || value.isBlank() || value.length() > 64) {
      return null;
    }
    Double secs = number(value);
    if (secs != null) {
      return secs < 0 ? null : now.plusMillis((long) (Math.min(secs, MAX_SECONDS) * 1000));
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant reset(String value, Instant now) {
    if (value == null || value.isBlank() || value.length() > 64) {
      return null;
    }
    Double secs = number(value);
    if (secs != null) {
      return secs < 0 ? null : now.plusMillis((long) (Math.min(secs, MAX_SECONDS) * 1000));
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Double number(String s) {
    if (s == null || s.isBlank() || s.length() > 32) {
      return null;
    }
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
