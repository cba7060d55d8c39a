package org.tocsin.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.evidence.export.ExportResult;
import org.tocsin.node.EvidenceExports;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignDossier;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.campaigns.CampaignSnapshot;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.Role;

/**
 * {@code POST /api/v1/campaigns/:id/dossier}: a batch campaign's dossier ({@link CampaignDossier}),
 * the evidence bundle of its posts with its campaign, edges and attribution documents, written
 * under {@code DATA/exports} and downloaded like any evidence export.
 */
final class CampaignDossierRoutes {
  private final Vertx vertx;
  private final TocsinNode node;
  private final CampaignService campaigns;

  CampaignDossierRoutes(Vertx vertx, TocsinNode node, CampaignService campaigns) {
    this.vertx = vertx;
    this.node = node;
    this.campaigns = campaigns;
  }

  void mount(Router router) {
    router
        .post("/api/v1/campaigns/:id/dossier")
        .handler(Access.allow(Role.PROSECUTOR, Role.ADMIN))
        .handler(this::dossier);
  }

  private void dossier(RoutingContext rc) {
    String id = rc.pathParam("id");
    if (id.length() > 64) {
      throw ApiException.badParameter("id", "too long");
    }
    JsonNode req = RequestBodies.json(rc);
    String reason = RequestBodies.requiredText(req, "reason", Reasons.MAX_CHARS);
    ApiKey key = Access.key(rc);
    CampaignSnapshot s = campaigns.latest().orElse(null);
    if (s == null) {
      throw new ApiException(503, "unavailable", "campaigns are still being computed");
    }
    Campaign c =
        s.find(id)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no batch campaign " + id + " (dossiers are made for batch campaigns)"));
    CampaignDossier dossier = new CampaignDossier(new EvidenceExports(node));
    vertx
        .executeBlocking(
            () -> {
              ExportResult r;
              try {
                r =
                    dossier.exportToNewBag(
                        c, campaigns.config(), reason, key.id(), key.role().jsonName());
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_body", e.getMessage());
              }
              return EvidenceRoutes.exportBody(r, ExportDownloads.write(r));
            },
            false)
        .onSuccess(body -> JsonResponses.send(rc, 201, body))
        .onFailure(rc::fail);
  }
}
