package org.tocsin.models.functional;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases of one part of the suite, for some languages: the entry point for training code (train
 * part) and for the evaluation (test part).
 */
public final class FunctionalSuite {
  private FunctionalSuite() {}

  /** The cases of {@code part}, every language, from the suite shipped in the models jar. */
  public static List<FunctionalCase> load(Part part) throws IOException {
    return load(SuiteSource.classpath(), part, SuiteReader.LANGUAGES);
  }

  /**
   * The cases of {@code part} in {@code langs} from {@code source}, language by language in the
   * order given, each in a stable order.
   *
   * @throws IllegalArgumentException for a language the suite does not have
   * @throws SuiteFormatException if a file is missing or malformed
   */
  public static List<FunctionalCase> load(SuiteSource source, Part part, List<String> langs)
      throws IOException {
    List<FunctionalCase> out = new ArrayList<>();
    for (String lang : langs) {
      if (!SuiteReader.LANGUAGES.contains(lang)) {
        throw new IllegalArgumentException(
            "the suite has no language " + lang + " [it has " + SuiteReader.LANGUAGES + "]");
      }
      out.addAll(SuiteExpander.expand(SuiteReader.read(source, lang), part));
    }
    return out;
  }
}
