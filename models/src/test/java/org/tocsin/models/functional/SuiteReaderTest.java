package org.tocsin.models.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteReaderTest {
  @TempDir Path dir;

  private static final String GROUPS =
      "group\tgender\tpart\tpl\njews\tm\tboth\tJews\nwomen\tf\ttrain\twomen\nwomen\tf\ttest\tladies\n";
  private static final String FILLERS =
      "part\tslot\tgroup\tforms\n@\tkill\t-\tkill\tkilled\ntrain\tkill\t*\tkill\tkilled\n"
          + "test\tkill\t*\tshoot\tshot\n";
  private static final String HEADER = "id\tfunction\thateful\tincitement\tgroups\ttemplate\n";

  private void write(String groups, String fillers, String train, String test) throws IOException {
    for (String sub : List.of("groups", "fillers", "train", "test")) {
      Files.createDirectories(dir.resolve(sub));
    }
    Files.writeString(dir.resolve("groups/en.tsv"), groups, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("fillers/en.tsv"), fillers, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("train/en.tsv"), HEADER + train, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("test/en.tsv"), HEADER + test, StandardCharsets.UTF_8);
  }

  private List<FunctionalCase> load(Part p) throws IOException {
    return FunctionalSuite.load(SuiteSource.directory(dir), p, List.of("en"));
  }

  @Test
  void expandsTemplatesByGroupAndFillerWithAgreementAndCapitals() throws IOException {
    write(
        GROUPS,
        FILLERS,
        "a\tthreat_normative\t1\t1\t*\t{pl} should be {killed}, [every man|every woman] of them.\n"
            + "b\tabuse_object\t0\t0\t-\tthis printer is junk.\n",
        "c\tidentity_neutral\t0\t0\tjews\tI met {pl} today.\n");
    List<FunctionalCase> train = load(Part.TRAIN);
    List<String> texts =
        train.stream().filter(c -> c.obfuscation() == null).map(FunctionalCase::text).toList();
    assertThat(texts)
        .containsExactly(
            "Jews should be killed, every man of them.",
            "Women should be killed, every woman of them.",
            "This printer is junk.");
    assertThat(train.get(0).id()).isEqualTo("a.jews.0");
    assertThat(train.get(2).group()).isEqualTo(FunctionalCase.NO_GROUP);
    assertThat(train).filteredOn(c -> c.obfuscation() != null).isNotEmpty();
    List<FunctionalCase> test = load(Part.TEST);
    assertThat(test.get(0).text()).isEqualTo("I met Jews today.");
  }

  @Test
  void rejectsBadFilesWithTheFileAndLine() throws IOException {
    write(GROUPS, FILLERS, "a\tthreat_direct\t1\t1\t*\t{pl} {nope}\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN))
        .isInstanceOf(SuiteFormatException.class)
        .hasMessageContaining("train/en.tsv:2")
        .hasMessageContaining("unknown placeholder {nope}");

    write(GROUPS, FILLERS, "a\tthreat_direct\t0\t0\t*\t{pl} x\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("is hateful");

    write(GROUPS, FILLERS, "a\tnews_violence\t0\t1\t*\t{pl} x\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("incitement=1 needs");

    write(GROUPS, FILLERS, "a\tthreatening\t1\t1\t*\t{pl} x\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("unknown function");

    write(GROUPS, FILLERS, "a\tthreat_direct\t1\t1\t*\t{pl} [x|y\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("alternation");

    write(GROUPS, FILLERS, "a\tthreat_direct\t1\t1\tmartians\t{pl} x\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("unknown group martians");

    write(GROUPS, FILLERS, "a\tthreat_direct\t1\t1\t*\tx\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("must name a group form");

    write(GROUPS, FILLERS, "a\tthreat_direct\t1\t1\t*\t{pl} x\n", "a\tderogate\t1\t0\t*\t{pl} y\n");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("duplicate id a");

    write(GROUPS, FILLERS, "a\tthreat_direct\t1\t1\t*\t{pl}\tx\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN)).hasMessageContaining("expected 6 cells");
  }

  @Test
  void rejectsAFillerSharedBetweenParts() throws IOException {
    write(GROUPS, FILLERS + "test\tkill\t*\tkill\tkilled\n", "a\tderogate\t1\t0\t*\t{pl} x\n", "");
    assertThatThrownBy(() -> load(Part.TRAIN))
        .isInstanceOf(SuiteFormatException.class)
        .hasMessageContaining("never shared between parts");
  }

  @Test
  void rejectsAGroupWithNoFormForAPart() throws IOException {
    write(
        "group\tgender\tpart\tpl\njews\tm\ttrain\tJews\n",
        FILLERS,
        "a\tderogate\t1\t0\t*\t{pl} x\n",
        "b\tderogate\t1\t0\t*\t{pl} y\n");
    assertThat(load(Part.TRAIN)).isNotEmpty();
    assertThatThrownBy(() -> load(Part.TEST)).hasMessageContaining("no form for part test");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> load(Part.TRAIN))
        .isInstanceOf(SuiteFormatException.class)
        .hasMessageContaining("groups/en.tsv: missing");
    assertThatThrownBy(
            () -> FunctionalSuite.load(SuiteSource.directory(dir), Part.TEST, List.of("xx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no language xx");
  }
}
