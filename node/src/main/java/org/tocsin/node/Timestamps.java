package org.tocsin.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.outbound.OutboundRefusedException;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.timestamp.TimestampClient;

/**
 * Sends each new signed tree head to the configured RFC 3161 time-stamp authorities and keeps their
 * tokens in the ledger, so that a court can date the ledger's state without trusting us.
 *
 * <p>An authority is an outbound request like a webhook: its URL goes through the node's {@link
 * OutboundGuard} ({@code security.outboundAllow}) when the node starts, which refuses to start with
 * an authority on loopback, a private network or the metadata service, and again before every
 * request, since a DNS answer can change. The JDK client cannot be pinned to the checked address as
 * the webhooks' Vert.x client is, so a name that changes its answer between the check and the
 * connection is not caught; the client follows no redirects.
 */
public final class Timestamps {
  private static final Logger LOG = Logger.getLogger(Timestamps.class.getName());
  private static final String UNRESOLVABLE = "unresolvable";

  private final TocsinNode node;
  private final OutboundGuard guard;
  private final List<TimestampClient> clients = new ArrayList<>();

  /**
   * Creates the stamper of a node's configured authorities (none: it does nothing).
   *
   * @throws OutboundRefusedException if the outbound guard refuses an authority's URL (a name that
   *     does not resolve yet is only logged, and checked again before each request)
   */
  public Timestamps(TocsinNode node) {
    this.node = node;
    this.guard = node.config().security().outboundGuard();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    for (String url : node.config().evidence().timestampAuthorities()) {
      allowed(url, true);
      clients.add(new TimestampClient(URI.create(url), http, Duration.ofSeconds(30)));
    }
  }

  /** Whether the guard lets the node contact an authority now; at start a refusal is thrown. */
  private boolean allowed(String url, boolean atStart) {
    try {
      guard.resolve(url, OutboundGuard.HTTP);
      return true;
    } catch (OutboundRefusedException e) {
      if (atStart && !UNRESOLVABLE.equals(e.reason())) {
        throw new OutboundRefusedException(
            e.reason(),
            "evidence.timestampAuthorities: "
                + e.getMessage()
                + " (allow it in security.outboundAllow if it is yours)");
      }
      LOG.warning("time-stamp authority " + url + " not contacted: " + e.getMessage());
      return false;
    }
  }

  /** Stamps a head with every authority; a failing authority is logged, the others still count. */
  public int stamp(TreeHeadEntry head) {
    int stamped = 0;
    for (TimestampClient c : clients) {
      if (!allowed(c.tsa().toString(), false)) {
        continue;
      }
      try {
        c.stampTreeHead(node.ledger(), head);
        stamped++;
      } catch (IOException | RuntimeException e) {
        LOG.log(
            Level.WARNING, "time-stamp authority " + c.tsa() + " failed for head " + head.seq(), e);
      }
    }
    return stamped;
  }
}
