package org.tocsin.api.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import org.tocsin.api.problems.ApiException;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * Route handlers for access: {@link #authenticate} checks the bearer key and its rate limit, {@link
 * #allow} admits only the given roles. Every API route gets both; the permission matrix is the list
 * of {@code allow} calls where the routes are mounted.
 */
public final class Access {
  /** The routing-context key under which the authenticated {@link ApiKey} is kept. */
  public static final String KEY = "tocsin.apiKey";

  /**
   * The routing-context key of a handler that runs once {@link #allow} admitted the key's role, in
   * place of {@code rc.next()} (the API validates requests against its contract there, so that a
   * caller without the right learns no more than 403). It must call {@code rc.next()} or fail.
   */
  public static final String AFTER_ADMISSION = "tocsin.afterAdmission";

  private final ApiKeyStore keys;
  private final RateLimiter limiter;

  /** Creates the access checks over a key store and a rate limiter. */
  public Access(ApiKeyStore keys, RateLimiter limiter) {
    this.keys = keys;
    this.limiter = limiter;
  }

  /** The handler that demands a valid key ({@code Authorization: Bearer KEY}) within its rate. */
  public Handler<RoutingContext> authenticate() {
    return rc -> {
      String header = rc.request().getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"tocsin\"");
        rc.fail(
            new ApiException(401, "unauthorized", "send an API key: Authorization: Bearer KEY"));
        return;
      }
      ApiKey key = keys.authenticate(header.substring(7).trim()).orElse(null);
      if (key == null) {
        rc.response()
            .putHeader("WWW-Authenticate", "Bearer realm=\"tocsin\", error=\"invalid_token\"");
        rc.fail(new ApiException(401, "unauthorized", "the API key is unknown or revoked"));
        return;
      }
      long wait = limiter.tryAcquire(key.id(), System.nanoTime());
      if (wait > 0) {
        rc.response().putHeader("Retry-After", Long.toString(wait));
        rc.fail(
            new ApiException(
                429, "rate_limited", "too many requests for this key; retry in " + wait + " s"));
        return;
      }
      rc.put(KEY, key);
      rc.next();
    };
  }

  /** The handler that admits only keys of the given roles (after {@link #authenticate}). */
  public static Handler<RoutingContext> allow(Role first, Role... more) {
    Set<Role> roles = EnumSet.of(first, more);
    return rc -> {
      ApiKey key = rc.get(KEY);
      if (key == null || !roles.contains(key.role())) {
        rc.fail(
            new ApiException(
                403,
                "forbidden",
                "role "
                    + (key == null ? "none" : key.role().jsonName())
                    + " may not use this route"));
        return;
      }
      Handler<RoutingContext> then = rc.get(AFTER_ADMISSION);
      if (then == null) {
        rc.next();
      } else {
        then.handle(rc);
      }
    };
  }

  /** The handler that admits a key of any role (after {@link #authenticate}). */
  public static Handler<RoutingContext> anyRole() {
    return allow(Role.ANALYST, Role.TRUST, Role.PROSECUTOR, Role.ADMIN);
  }

  /** The key of an authenticated request. */
  public static ApiKey key(RoutingContext rc) {
    return rc.get(KEY);
  }
}
