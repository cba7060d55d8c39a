package org.tocsin.crawler.source;

import io.vertx.core.Future;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;

/**
 * Where connectors hand every raw capture. The composition root backs it with the evidence ledger.
 *
 * <p>Contract: the returned future succeeds only once the capture is durable (fsynced), and then
 * carries its ledger reference; a connector moves its cursor only after that. A failed future means
 * nothing was acknowledged: the connector retries the same request later. Implementations must not
 * block the calling event loop.
 */
@FunctionalInterface
public interface CaptureSink {

  /** Stores one capture durably; see the interface contract. */
  Future<EvidenceRef> store(Capture capture);
}
