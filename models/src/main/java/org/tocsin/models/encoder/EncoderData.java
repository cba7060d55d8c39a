package org.tocsin.models.encoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tocsin.models.corpus.ExtraCorpora;
import org.tocsin.models.functional.FunctionalCase;
import org.tocsin.models.functional.FunctionalSuite;
import org.tocsin.models.functional.Part;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.models.incitement.IncitementSet;

/**
 * The English data the encoder heads learn from and are chosen on, kept apart as DATA.md asks.
 *
 * <ul>
 *   <li>functional suite, train part, English: templates split by a stable hash of the template id
 *       into {@link #functionalFit} (3 in 4) and {@link #functionalDev} (1 in 4), so that no
 *       template (and none of its obfuscated variants) is on both sides;
 *   <li>HateXplain train (fit), val (dev); its test split is read only by the final measurement;
 *   <li>Stormfront sentences outside its {@code test} sample (fit);
 *   <li>the incitement set's dev half (dev, and optionally fit); its test half never.
 * </ul>
 *
 * No text of HateXplain val or test or of the incitement set's test half is ever a fit row.
 */
final class EncoderData {

  /** One labelled English text. */
  record Example(String text, boolean hate, boolean incitement, String source) {}

  final List<FunctionalCase> functionalFit = new ArrayList<>();
  final List<FunctionalCase> functionalDev = new ArrayList<>();
  final List<HateXplainData.Post> hatexplainTrain;
  final List<HateXplainData.Post> hatexplainVal;
  final List<HateXplainData.Post> stormfront;
  final List<IncitementSet.Post> incitementDev;
  final IncitementSet incitementSet;
  final Set<String> heldOut = new HashSet<>();

  EncoderData(Path dataDir) throws IOException {
    for (FunctionalCase c : FunctionalSuite.load(Part.TRAIN)) {
      if (!c.lang().equals("en")) {
        continue;
      }
      (isDevTemplate(c.templateId()) ? functionalDev : functionalFit).add(c);
    }
    HateXplainData hx =
        HateXplainData.read(dataDir.resolve("hatexplain/hatexplain_official_split.jsonl"));
    hatexplainTrain = hx.split("train");
    hatexplainVal = hx.split("val");
    for (String split : List.of("val", "test")) {
      for (HateXplainData.Post p : hx.split(split)) {
        heldOut.add(key(p.text()));
      }
    }
    incitementSet = IncitementSet.loadDefault();
    incitementDev = incitementSet.split("dev");
    for (IncitementSet.Post p : incitementSet.split("test")) {
      heldOut.add(key(p.text()));
    }
    stormfront = ExtraCorpora.read(dataDir, List.of("stormfront"));
  }

  /** Whether a template of the train part is held out for development (1 in 4, stable). */
  static boolean isDevTemplate(String templateId) {
    int h = 0;
    for (int i = 0; i < templateId.length(); i++) {
      h = 31 * h + templateId.charAt(i);
    }
    return Math.floorMod(h * 0x9E3779B1, 4) == 0;
  }

  /** What two texts are compared by to keep held-out posts out of training. */
  static String key(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The rows the hate head may learn from. */
  List<Example> hateFit() {
    List<Example> out = new ArrayList<>();
    for (FunctionalCase c : functionalFit) {
      out.add(new Example(c.text(), c.hateful(), c.incitement(), "functional"));
    }
    for (HateXplainData.Post p : hatexplainTrain) {
      if (!heldOut.contains(key(p.text()))) {
        out.add(new Example(p.text(), p.label() == 0, false, "hatexplain"));
      }
    }
    for (HateXplainData.Post p : stormfront) {
      if (!heldOut.contains(key(p.text()))) {
        out.add(new Example(p.text(), p.label() == 0, false, "stormfront"));
      }
    }
    return out;
  }

  /** Every text the experiment embeds (fit and dev). */
  List<String> allTexts() {
    List<String> out = new ArrayList<>();
    for (FunctionalCase c : functionalFit) {
      out.add(c.text());
    }
    for (FunctionalCase c : functionalDev) {
      out.add(c.text());
    }
    for (HateXplainData.Post p : hatexplainTrain) {
      out.add(p.text());
    }
    for (HateXplainData.Post p : hatexplainVal) {
      out.add(p.text());
    }
    for (HateXplainData.Post p : stormfront) {
      out.add(p.text());
    }
    for (IncitementSet.Post p : incitementDev) {
      out.add(p.text());
    }
    return out;
  }
}
