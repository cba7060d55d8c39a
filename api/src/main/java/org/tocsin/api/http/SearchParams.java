package org.tocsin.api.http;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.api.problems.ApiException;
import org.tocsin.index.ScoreField;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchFilters;

/**
 * The structured filters every search and stats route accepts: {@code from}, {@code to} (ISO-8601
 * times or UTC days), {@code platform}, {@code lang}, {@code target}, {@code ground}, {@code
 * label}, {@code author}, {@code campaign} (comma-separated or repeated; a target group may be
 * given by an alias, see {@link TargetHints}), {@code minHate}, {@code minOffensive}, {@code
 * minIncitement}, {@code minDehumanization} (in [0, 1]) and {@code allVersions}.
 */
final class SearchParams {
  private SearchParams() {}

  static SearchFilters filters(RoutingContext rc) {
    SearchFilters.Builder b = SearchFilters.builder();
    Instant from = time(rc, "from");
    Instant to = time(rc, "to");
    if (from != null) {
      b.from(from);
    }
    if (to != null) {
      b.to(to);
    }
    try {
      b.platforms(list(rc, "platform"));
      b.languages(list(rc, "lang"));
      b.targets(TargetHints.resolve(list(rc, "target")));
      b.grounds(list(rc, "ground"));
      b.labels(list(rc, "label"));
      b.authors(list(rc, "author"));
      b.campaigns(list(rc, "campaign"));
      min(rc, b, "minHate", ScoreField.HATE);
      min(rc, b, "minOffensive", ScoreField.OFFENSIVE);
      min(rc, b, "minIncitement", ScoreField.INCITEMENT);
      min(rc, b, "minDehumanization", ScoreField.DEHUMANIZATION);
      String all = QueryParams.string(rc, "allVersions", null, 5);
      if (all != null) {
        if (!all.equals("true") && !all.equals("false")) {
          throw ApiException.badParameter("allVersions", "must be true or false [got " + all + "]");
        }
        b.allVersions(Boolean.parseBoolean(all));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_parameter", e.getMessage());
    }
  }

  private static void min(RoutingContext rc, SearchFilters.Builder b, String name, ScoreField f) {
    String v = QueryParams.string(rc, name, null, 20);
    if (v == null) {
      return;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "not a number [got " + v + "]");
    }
    if (!(d >= 0 && d <= 1)) {
      throw ApiException.badParameter(name, "must lie in [0, 1] [got " + v + "]");
    }
    b.score(f, ScoreRange.atLeast(d));
  }

  static String[] list(RoutingContext rc, String name) {
    List<String> out = new ArrayList<>();
    for (String v : rc.queryParam(name)) {
      for (String part : v.split(",")) {
        String p = part.strip();
        if (!p.isEmpty()) {
          if (p.length() > 200) {
            throw ApiException.badParameter(name, "a value is longer than 200 characters");
          }
          out.add(p);
        }
      }
    }
    if (out.size() > 100) {
      throw ApiException.badParameter(name, "more than 100 values");
    }
    return out.toArray(new String[0]);
  }

  static Instant time(RoutingContext rc, String name) {
    String v = QueryParams.string(rc, name, null, 40);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(
          name,
          "not an ISO-8601 day or time, e.g. 2016-03-22 or 2016-03-22T09:00:00Z [got " + v + "]");
    }
  }
}
