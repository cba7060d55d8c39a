package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.node.ImportListener;
import org.tocsin.node.ImportReport;
import org.tocsin.node.PostImporter;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.Role;

/**
 * {@code POST /api/v1/posts}: Post JSONL in the body, preserved in the ledger (one capture per
 * line, the key id as the source), scored and indexed before the response; alerts fire as for any
 * ingest. Invalid lines are reported with their number and skipped.
 */
final class IngestRoutes {
  /** The largest JSONL body accepted at once. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private final Vertx vertx;
  private final PostImporter importer;

  IngestRoutes(Vertx vertx, PostImporter importer) {
    this.vertx = vertx;
    this.importer = importer;
  }

  void mount(Router router) {
    router
        .post("/api/v1/posts")
        .handler(Access.allow(Role.TRUST, Role.ADMIN))
        .handler(this::ingest);
  }

  private void ingest(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    if (type == null
        || !(type.startsWith("application/x-ndjson")
            || type.startsWith("application/jsonl")
            || type.startsWith("application/json"))) {
      throw new ApiException(
          415, "unsupported_media_type", "send Post JSONL as application/x-ndjson");
    }
    if (rc.body() == null || rc.body().length() == 0) {
      throw new ApiException(400, "invalid_body", "the request body is empty");
    }
    byte[] bytes = rc.body().buffer().getBytes();
    ApiKey key = Access.key(rc);
    List<String> rejected = new ArrayList<>();
    vertx
        .executeBlocking(
            () ->
                importer.importStream(
                    "api:" + key.id(),
                    URI.create("urn:tocsin:api:key:" + key.id()),
                    new ByteArrayInputStream(bytes),
                    new ImportListener() {
                      @Override
                      public void rejected(long lineNumber, String reason) {
                        if (rejected.size() < 100) {
                          rejected.add("line " + lineNumber + ": " + reason);
                        }
                      }
                    }),
            false)
        .onSuccess(
            (ImportReport r) -> {
              if (r.accepted() == 0 && r.rejected() > 0) {
                rc.fail(
                    new ApiException(
                        400,
                        "invalid_body",
                        "no valid post in the body ("
                            + r.rejected()
                            + " lines rejected); "
                            + rejected.get(0)));
                return;
              }
              ObjectNode body = Json.mapper().createObjectNode();
              body.put("accepted", r.accepted());
              body.put("rejected", r.rejected());
              body.put("firstSeq", r.firstSeq());
              body.put("lastSeq", r.lastSeq());
              rejected.forEach(body.withArray("errors")::add);
              JsonResponses.send(rc, 202, body);
            })
        .onFailure(rc::fail);
  }
}
