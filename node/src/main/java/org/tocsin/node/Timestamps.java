package org.tocsin.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.timestamp.TimestampClient;

/**
 * Sends each new signed tree head to the configured RFC 3161 time-stamp authorities and keeps their
 * tokens in the ledger, so that a court can date the ledger's state without trusting us.
 */
public final class Timestamps {
  private static final Logger LOG = Logger.getLogger(Timestamps.class.getName());

  private final TocsinNode node;
  private final List<TimestampClient> clients = new ArrayList<>();

  /** Creates the stamper of a node's configured authorities (none: it does nothing). */
  public Timestamps(TocsinNode node) {
    this.node = node;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String url : node.config().evidence().timestampAuthorities()) {
      clients.add(new TimestampClient(URI.create(url), http, Duration.ofSeconds(30)));
    }
  }

  /** Stamps a head with every authority; a failing authority is logged, the others still count. */
  public int stamp(TreeHeadEntry head) {
    int stamped = 0;
    for (TimestampClient c : clients) {
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
