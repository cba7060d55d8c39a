package org.tocsin.evidence.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;

/**
 * Documents of a case (a campaign's edges and attribution summary) travel in the bag under {@code
 * data/documents/}, bound by the manifest and the bag signature like every payload file.
 */
class BundleDocumentsTest {

  @TempDir Path tmp;

  private Path export(Map<String, String> documents) throws Exception {
    Path bag = tmp.resolve("bag");
    ExportRequest plain = ExportFixture.request(List.of(1L, 2L, 3L));
    ExportRequest r =
        new ExportRequest(
            plain.seqs(),
            plain.reason(),
            plain.actorKeyId(),
            plain.actorRole(),
            plain.derived(),
            plain.sourceOrganization(),
            documents);
    try (ExportFixture f = new ExportFixture(tmp, true)) {
      f.exporter().export(r, bag);
    }
    return bag;
  }

  @Test
  void documentsAreWrittenListedAndVerified() throws Exception {
    Path bag = export(Map.of("attribution.json", "{\"grade\":\"strong\"}\n", "edges.json", "[]"));
    assertThat(Files.readString(bag.resolve("data/documents/attribution.json")))
        .isEqualTo("{\"grade\":\"strong\"}\n");
    var export = Json.mapper().readTree(bag.resolve("data/export.json").toFile());
    assertThat(export.get("documents").toString())
        .isEqualTo("[\"documents/attribution.json\",\"documents/edges.json\"]");
    BundleReport r = BundleVerifier.verify(bag);
    assertThat(r.ok()).as(r.toString()).isTrue();
  }

  @Test
  void anEditedDocumentIsCaughtAndResealingItBreaksTheSignature() throws Exception {
    Path bag = export(Map.of("attribution.json", "{\"grade\":\"weak\"}"));
    Path doc = bag.resolve("data/documents/attribution.json");
    Files.writeString(doc, "{\"grade\":\"strong\"}", StandardCharsets.UTF_8);
    BundleReport edited = BundleVerifier.verify(bag);
    assertThat(edited.ok()).isFalse();
    assertThat(edited.location()).as(edited.toString()).contains("documents/attribution.json");
    BundleTamperTest.rebag(bag);
    BundleReport resealed = BundleVerifier.verify(bag);
    assertThat(resealed.ok()).isFalse();
    assertThat(resealed.toString()).contains("signature");
  }

  @Test
  void documentNamesArePlainFileNames() throws Exception {
    for (String bad : List.of("../x.json", "a/b.json", "noext", ".hidden.json", "X.json")) {
      assertThatThrownBy(() -> export(Map.of(bad, "{}")))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }
}
