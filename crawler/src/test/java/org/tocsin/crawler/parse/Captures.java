package org.tocsin.crawler.parse;

import java.time.Instant;
import java.util.Map;
import org.tocsin.core.evidence.Capture;
import org.tocsin.testkit.fixtures.Fixtures;

/** Builds captures of fixture bodies for parser tests. */
public final class Captures {

  /** The receive time every test capture carries. */
  public static final Instant RECEIVED = Instant.parse("2026-08-02T00:00:00Z");

  private Captures() {}

  /** A capture of raw bytes in a format, as if fetched from {@code url}. */
  public static Capture of(String format, String url, byte[] body) {
    return new Capture(
        "test",
        format,
        "GET",
        url,
        200,
        Map.of(),
        "application/octet-stream",
        RECEIVED,
        RECEIVED,
        body);
  }

  /** A capture of a fixture file. */
  public static Capture fixture(String format, String url, String path) {
    return of(format, url, Fixtures.bytes(path));
  }
}
