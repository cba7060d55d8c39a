package org.tocsin.models.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.models.hatexplain.HateXplainData;

class ExtraCorporaTest {
  @TempDir Path dir;

  @Test
  void functionalTrainCasesAreLabelledAndTheirContrastsWeighAsMuchAsTheHate() throws IOException {
    List<HateXplainData.Post> all = ExtraCorpora.read(dir, List.of("functional-de"));
    long hate = all.stream().filter(p -> p.label() == 0).count();
    long other = all.size() - hate;
    assertThat(hate).isGreaterThan(500);
    // the contrasts are repeated per group until they weigh about as much as the hateful cases
    assertThat((double) other / hate).isBetween(0.7, 1.3);
    assertThat(all).allSatisfy(p -> assertThat(p.id()).startsWith("functional:"));

    List<HateXplainData.Post> contrasts =
        ExtraCorpora.read(dir, List.of("functional-de-contrasts"));
    assertThat(contrasts).isNotEmpty().noneMatch(p -> p.label() == 0);

    // the -fit variant leaves out the development templates
    List<HateXplainData.Post> fit = ExtraCorpora.read(dir, List.of("functional-de-fit"));
    assertThat(fit.size()).isLessThan(all.size()).isGreaterThan(all.size() / 2);

    assertThatThrownBy(() -> ExtraCorpora.read(dir, List.of("functional-xx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xx");
  }

  @Test
  void davidsonVotesBecomeTheLabelDistributionAndRetweetMarkersGo() throws IOException {
    write(
        "davidson/data_labeled_data.csv",
        ",count,hate_speech,offensive_language,neither,class,tweet\n"
            + "0,3,0,0,3,2,\"RT @a: nice &amp; calm, \"\"really\"\"\"\n"
            + "1,3,2,1,0,0,\"line one\nline two\"\n");
    List<HateXplainData.Post> posts = ExtraCorpora.read(dir, List.of("davidson"));
    assertThat(posts).hasSize(2);
    assertThat(posts.get(0).label()).isEqualTo(2);
    assertThat(posts.get(0).votes()).containsExactly(0, 0, 3);
    assertThat(posts.get(0).tokens()).containsExactly("nice", "calm", "really");
    assertThat(posts.get(0).split()).isEqualTo(ExtraCorpora.SPLIT);
    assertThat(posts.get(1).votes()).containsExactly(2, 1, 0);
    assertThat(posts.get(1).tokens()).containsExactly("line", "one", "line", "two");
  }

  @Test
  void stormfrontKeepsHateAndNoHateOutsideItsTestSample() throws IOException {
    write(
        "stormfront_vicomtech/stormfront_sentences.csv",
        "file_id,user_id,subforum_id,num_contexts,label,sampled_split,text\n"
            + "1_1,5,9,0,hate,train,they are vermin\n"
            + "1_2,5,9,0,noHate,,\"a, quiet day\"\n"
            + "1_3,5,9,0,hate,test,held out\n"
            + "1_4,5,9,0,relation,,needs context\n");
    List<HateXplainData.Post> posts = ExtraCorpora.read(dir, List.of("stormfront"));
    assertThat(posts)
        .extracting(HateXplainData.Post::id)
        .containsExactly("stormfront:1_1", "stormfront:1_2");
    assertThat(posts.get(0).label()).isEqualTo(0);
    assertThat(posts.get(1).label()).isEqualTo(2);
    assertThat(posts.get(1).text()).isEqualTo("a, quiet day");
  }

  @Test
  void unknownCorpusAndOpenQuoteAreErrors() throws IOException {
    assertThatThrownBy(() -> ExtraCorpora.read(dir, List.of("mystery")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("mystery");
    write("davidson/data_labeled_data.csv", "a,b\n1,\"open\n");
    assertThatThrownBy(() -> ExtraCorpora.read(dir, List.of("davidson")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not closed");
  }

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }
}
