package org.tocsin.models.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FunctionalSuiteTest {
  /** The groups every language has. */
  static final List<String> GROUPS =
      List.of(
          "rohingya",
          "tutsi",
          "uyghurs",
          "jews",
          "muslims",
          "roma",
          "migrants",
          "gay",
          "trans",
          "disabled",
          "women",
          "black");

  private static Map<Part, List<FunctionalCase>> cases;

  @BeforeAll
  static void load() throws IOException {
    cases = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      cases.put(p, FunctionalSuite.load(p));
    }
  }

  @Test
  void expansionIsDeterministic() throws IOException {
    for (Part p : Part.values()) {
      assertThat(FunctionalSuite.load(p)).isEqualTo(cases.get(p));
    }
  }

  @Test
  void theShippedResourcesAreTheFilesOfTheCheckout() throws IOException {
    // Maven runs the tests in the module directory, where models/functional is "functional".
    SuiteSource dir = SuiteSource.directory(Path.of("functional"));
    assertThat(FunctionalSuite.load(dir, Part.TEST, SuiteReader.LANGUAGES))
        .isEqualTo(cases.get(Part.TEST));
  }

  @Test
  void idsAreUniqueAcrossBothParts() {
    Set<String> ids = new HashSet<>();
    for (List<FunctionalCase> part : cases.values()) {
      for (FunctionalCase c : part) {
        assertThat(ids.add(c.id())).as(c.id()).isTrue();
      }
    }
  }

  @Test
  void theTwoPartsShareNoTemplateAndNoCaseText() throws IOException {
    for (String lang : SuiteReader.LANGUAGES) {
      LanguageSuite s = SuiteReader.read(SuiteSource.classpath(), lang);
      Set<String> train = new HashSet<>();
      for (Template t : s.templates(Part.TRAIN)) {
        train.add(t.text());
        train.add(skeleton(t.text()));
      }
      for (Template t : s.templates(Part.TEST)) {
        assertThat(train).as(t.id()).doesNotContain(t.text(), skeleton(t.text()));
      }
    }
    Set<String> trainTexts = new HashSet<>();
    cases.get(Part.TRAIN).forEach(c -> trainTexts.add(c.text()));
    List<String> shared = new ArrayList<>();
    for (FunctionalCase c : cases.get(Part.TEST)) {
      if (trainTexts.contains(c.text())) {
        shared.add(c.id() + ": " + c.text());
      }
    }
    assertThat(shared).isEmpty();
  }

  /** A template with its placeholders blanked and in lower case: frames, not wording. */
  private static String skeleton(String template) {
    return SuiteReader.PLACEHOLDER
        .matcher(template)
        .replaceAll("_")
        .toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void theTwoPartsShareNoFiller() throws IOException {
    for (String lang : SuiteReader.LANGUAGES) {
      LanguageSuite s = SuiteReader.read(SuiteSource.classpath(), lang);
      Map<String, Set<String>> train = new HashMap<>();
      for (Filler f : s.fillers()) {
        if (f.part() == Part.TRAIN) {
          train.computeIfAbsent(f.slot(), k -> new HashSet<>()).addAll(surface(f));
        }
      }
      for (Filler f : s.fillers()) {
        if (f.part() == Part.TEST) {
          for (String form : surface(f)) {
            assertThat(train.getOrDefault(f.slot(), Set.of()))
                .as(lang + " " + f.slot() + " " + form)
                .doesNotContain(form);
          }
        }
      }
    }
  }

  private static List<String> surface(Filler f) {
    List<String> out = new ArrayList<>();
    for (String form : f.forms()) {
      out.add(TemplateRenderer.alternate(form, false));
      out.add(TemplateRenderer.alternate(form, true));
    }
    return out;
  }

  @Test
  void everyPromisedLanguageGroupAndFunctionIsPresentInBothParts() {
    for (Part p : Part.values()) {
      Set<String> present = new HashSet<>();
      Map<String, Set<String>> slurGroups = new HashMap<>();
      for (FunctionalCase c : cases.get(p)) {
        present.add(c.lang() + "/" + c.group() + "/" + c.function().id());
        present.add(c.lang() + "/*/" + c.function().id());
        if (c.function() == CaseFunction.SLUR) {
          slurGroups.computeIfAbsent(c.lang(), k -> new TreeSet<>()).add(c.group());
        }
        if (c.obfuscation() != null) {
          present.add(c.lang() + "/" + c.group() + "/obf-" + c.obfuscation().id());
        }
      }
      for (String lang : SuiteReader.LANGUAGES) {
        for (CaseFunction f : CaseFunction.values()) {
          if (f.everyGroup()) {
            for (String g : GROUPS) {
              assertThat(present).as(p + " " + lang).contains(lang + "/" + g + "/" + f.id());
            }
          } else if (f != CaseFunction.SLUR_RECLAIMED || !lang.equals("ar")) {
            // Arabic has no reclaimed slur in the suite (README); every other function is there.
            assertThat(present).as(p + " " + lang).contains(lang + "/*/" + f.id());
          }
        }
        for (String g : GROUPS) {
          for (Obfuscation o : Obfuscation.values()) {
            assertThat(present).as(p + " " + lang).contains(lang + "/" + g + "/obf-" + o.id());
          }
        }
        assertThat(slurGroups.get(lang)).as(p + " " + lang + " slur groups").hasSizeGreaterThan(2);
      }
    }
  }

  @Test
  void thePartsHaveThePromisedSizes() {
    for (Part p : Part.values()) {
      Map<String, Integer> n = new HashMap<>();
      cases.get(p).forEach(c -> n.merge(c.lang(), 1, Integer::sum));
      assertThat(n.get("en")).as(p + " en").isGreaterThanOrEqualTo(1500);
      for (String lang : List.of("de", "fr", "es", "ar")) {
        assertThat(n.get(lang)).as(p + " " + lang).isGreaterThanOrEqualTo(400);
      }
    }
  }

  @Test
  void labelsFollowTheFunctionsAndTextsAreFullyRendered() {
    for (List<FunctionalCase> part : cases.values()) {
      for (FunctionalCase c : part) {
        assertThat(c.hateful()).as(c.id()).isEqualTo(c.function().hateful());
        assertThat(c.text()).as(c.id()).doesNotContain("{", "}", "[", "]", "|", "\t");
        assertThat(c.text()).as(c.id()).isEqualTo(c.text().strip());
      }
    }
    assertThat(cases.get(Part.TEST)).anyMatch(FunctionalCase::incitement);
    assertThat(cases.get(Part.TEST)).anyMatch(c -> c.hateful() && !c.incitement());
  }

  @Test
  void obfuscatedCasesChangeTheTextButStayRecoverable() {
    for (List<FunctionalCase> part : cases.values()) {
      for (FunctionalCase c : part) {
        if (c.obfuscation() == null) {
          continue;
        }
        assertThat(c.function()).isEqualTo(CaseFunction.OBFUSCATED);
        assertThat(c.text()).as(c.id()).isNotEqualTo(c.base());
        int d = ObfuscatorTest.osa(Obfuscator.normalise(c.text()), Obfuscator.normalise(c.base()));
        assertThat(d).as(c.id() + ": " + c.text()).isLessThanOrEqualTo(1);
      }
    }
  }
}
