package org.tocsin.nlp.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tocsin.nlp.baseline.TestPosts.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.Score;

class LexiconTest {
  private static final String HEADER = "tocsin-lexicon\tformat=1\tname=test-lexicon\n";

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("lexicon.tsv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void loadsAValidFileAndScoresWithIt() throws IOException {
    Path file =
        write(
            HEADER
                + "# a comment\n"
                + "\n"
                + "blorks\tgroup\t1.0\tblork\tethnic\ttest\n"
                + "zap\tviolence\t1\t-\t-\ttest\n"
                + "nuke them\tviolence\t0.9\t-\t-\ttest\n");
    LexiconScorer scorer = LexiconScorer.load(file);
    assertThat(scorer.lexicon().name()).isEqualTo("test-lexicon");
    assertThat(scorer.lexicon().size()).isEqualTo(3);
    assertThat(scorer.lexicon().countByCategory())
        .containsEntry(LexiconCategory.GROUP, 1)
        .containsEntry(LexiconCategory.VIOLENCE, 2);
    Score s = scorer.score(post("zap the blorks"));
    assertThat(s.targets())
        .singleElement()
        .satisfies(t -> assertThat(t.ground()).isEqualTo(Ground.ETHNIC));
    assertThat(s.incitement()).isPositive();
    assertThat(s.explanation().lexicon()).allMatch(h -> h.lexicon().equals("test-lexicon"));
  }

  @Test
  void refusesAnUnknownFormatVersion() throws IOException {
    Path file =
        write("tocsin-lexicon\tformat=2\tname=test-lexicon\nzap\tviolence\t1\t-\t-\ttest\n");
    assertThatThrownBy(() -> LexiconScorer.load(file))
        .isInstanceOf(LexiconFormatException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("unsupported lexicon format version '2'")
        .hasMessageContaining("supports version 1 only")
        .satisfies(e -> assertThat(((LexiconFormatException) e).line()).isEqualTo(1));
  }

  @Test
  void refusesAFileWithoutTheHeader() throws IOException {
    Path file = write("zap\tviolence\t1\t-\t-\ttest\n");
    assertThatThrownBy(() -> LexiconScorer.load(file))
        .isInstanceOf(LexiconFormatException.class)
        .hasMessageContaining("not a Tocsin lexicon");
    Path empty = write("");
    assertThatThrownBy(() -> LexiconScorer.load(empty))
        .isInstanceOf(LexiconFormatException.class)
        .hasMessageContaining("empty file");
  }

  @Test
  void reportsTheLineNumberOfAMalformedLine() throws IOException {
    Path file =
        write(
            HEADER
                + "# comment\n"
                + "zap\tviolence\t1\t-\t-\ttest\n"
                + "\n"
                + "broken\tviolence\t1\n"
                + "ok\tviolence\t1\t-\t-\ttest\n");
    assertThatThrownBy(() -> LexiconScorer.load(file))
        .isInstanceOf(LexiconFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 5")
        .hasMessageContaining("expected 6 tab-separated fields")
        .satisfies(e -> assertThat(((LexiconFormatException) e).line()).isEqualTo(5));
  }

  @Test
  void reportsEachKindOfBadField() throws IOException {
    assertBadLine("zap\tviolent\t1\t-\t-\ttest", "unknown category");
    assertBadLine("zap\tviolence\tstrong\t-\t-\ttest", "weight is not a number");
    assertBadLine("zap\tviolence\t1.5\t-\t-\ttest", "weight must lie in (0, 1]");
    assertBadLine("zap\tviolence\tNaN\t-\t-\ttest", "weight must lie in (0, 1]");
    assertBadLine("Zap\tviolence\t1\t-\t-\ttest", "as the tokenizer reads them");
    assertBadLine("zap  them\tviolence\t1\t-\t-\ttest", "as the tokenizer reads them");
    assertBadLine("blorks\tgroup\t1\t-\t-\ttest", "needs a group name");
    assertBadLine("blorks\tgroup\t1\tblork\ttribal\ttest", "unknown ground");
    assertBadLine("zap\tviolence\t1\tblork\tethnic\ttest", "must be '-'");
    assertBadLine("zap\tviolence\t1\t-\t-\t", "source must be a tag");
    assertBadLine(
        "wipe\tviolence\t1\t-\t-\ttest", "duplicate entry 'wipe' (violence), first on line 2");
    assertBadLine("blorks\tgroup\t1\tblork\tracial\ttest", "group 'blork' has ground ethnic");
  }

  private void assertBadLine(String line, String message) throws IOException {
    Path file =
        write(
            HEADER
                + "wipe\tviolence\t1\t-\t-\ttest\n"
                + "blork\tgroup\t1\tblork\tethnic\ttest\n"
                + line
                + "\n");
    assertThatThrownBy(() -> LexiconScorer.load(file))
        .as(line)
        .isInstanceOf(LexiconFormatException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining(message);
  }

  @Test
  void refusesInvalidUtf8() throws IOException {
    Path file = dir.resolve("bad.tsv");
    Files.write(file, new byte[] {'t', 'o', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> LexiconScorer.load(file)).isInstanceOf(IOException.class);
  }
}
