package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.analysis.LanguageAnalyzers;
import org.tocsin.index.analysis.PostAnalyzers;

/**
 * Language-aware analysis on real posts (languages.tsv: GermEval, the IRA tweets of the demo
 * corpus, L-HSAB, the Amharic RANLP 2023 set, myHateSpeech, and Lucene's Thai test sentence): a
 * word finds its inflections through the post's language field, the exact form still matches (and
 * ranks first) through the neutral field, and scripts without spaces are segmented by ICU.
 */
class LanguageAnalysisTest {

  private static final String S = SearchHit.MARK_START;
  private static final String E = SearchHit.MARK_END;

  @TempDir static Path dir;
  static PostIndex index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = PostIndex.open(dir);
    List<ScoredPost> posts = realPosts();
    index.add(posts);
    index.commit(posts.size());
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void germanInflectionsAreFoundAndTheExactFormRanksFirst() throws Exception {
    // "Flüchtling" is in none of the posts; they say Flüchtlinge, Flüchtlingen.
    assertThat(ids("Flüchtling")).containsExactlyInAnyOrder("ge-1", "ge-2", "ge-3");
    assertThat(ids("text:fluchtling")).containsExactlyInAnyOrder("ge-1", "ge-2", "ge-3");
    // The exact form matches in both fields: the post that says "Flüchtlingen" comes first.
    assertThat(ids("Flüchtlingen").get(0)).isEqualTo("ge-2");
    assertThat(ids("\"keine Flüchtling\"")).containsExactly("ge-1");
    assertThat(ids("\"Kriminelle Flüchtling\"~1")).containsExactly("ge-2");
    assertThat(ids("lang:de AND Invasor")).containsExactly("ge-1");
  }

  @Test
  void russianCasesUkrainianLemmasAndBulgarianStems() throws Exception {
    // Россия (nominative), России (genitive): one stem.
    assertThat(ids("Россией"))
        .containsExactlyInAnyOrder(
            "ira-4892974a67104085", "ira-335edebf56aa3b8e", "ira-f802dc15c33f0584");
    assertThat(ids("Россия").get(0)).isEqualTo("ira-4892974a67104085");
    // Ukrainian: the lemma finds the genitive of an antisemitic slur.
    assertThat(ids("жидівський")).containsExactly("ira-253c28338dc9d1b4");
    assertThat(ids("\"жидівський каганат\"")).containsExactly("ira-253c28338dc9d1b4");
    // Tagged bg: война finds "о войне".
    assertThat(ids("война")).containsExactly("ira-a305c8d9c0e799d9");
  }

  @Test
  void arabicIsNormalisedAndStemmed() throws Exception {
    // No hamza on the alef, as people type it: finds أكره.
    assertThat(ids("اكره")).containsExactly("lhsab-1209");
    // The adjective finds the definite and the plural with the conjunction (والفلسطينين).
    assertThat(ids("فلسطيني")).containsExactlyInAnyOrder("lhsab-554", "lhsab-1209");
    // Lucene's light stemmer strips one suffix: the noun فلسطين stems to فلسط, so the adjective
    // misses it; the noun itself finds it (and, by the same stem, no other post).
    assertThat(ids("فلسطين")).containsExactly("lhsab-551");
  }

  @Test
  void icuSegmentsBurmeseThaiAndAmharic() throws Exception {
    // Burmese and Thai are written without spaces between words.
    assertThat(ids("ကွမ်းယာ")).containsExactly("myhs-4");
    assertThat(ids("စမုန်စပါး")).containsExactly("myhs-4");
    assertThat(ids("งาน")).containsExactly("th-1");
    assertThat(ids("\"ต้อง แสดง\"")).containsExactly("th-1");
    assertThat(ids("ጠላት")).containsExactlyInAnyOrder("am-26", "am-60");
    // The neutral field alone keeps the Burmese run whole; the ICU field splits it.
    assertThat(terms("text", "ကွမ်းယာမှာထည့်").size()).isEqualTo(1);
    assertThat(terms(LanguageAnalyzers.ICU_FIELD, "ကွမ်းယာမှာထည့်"))
        .containsExactly("ကွမ်းယာ", "မှာ", "ထည့်");
  }

  @Test
  void highlightsMarkTheInflectedWordsAsWritten() throws Exception {
    assertThat(highlight("Flüchtling AND Kriminelle")).contains(S + "Flüchtlingen" + E);
    // A phrase found through stems is marked as one run of the words as written.
    assertThat(highlight("\"keine Flüchtling\"")).contains(S + "keine Flüchtlinge" + E);
    assertThat(highlight("\"Kriminelle Flüchtling\"~1"))
        .contains(S + "Kriminellen Flüchtlingen" + E);
    assertThat(highlight("жидівський")).contains(S + "жидівського" + E);
    assertThat(highlight("ကွမ်းယာ")).startsWith(S + "ကွမ်းယာ" + E + "မှာ");
    assertThat(highlight("اكره")).contains(S + "أكره" + E);
  }

  @Test
  void theLanguageFieldIsChosenFromTheTag() {
    assertThat(LanguageAnalyzers.fieldFor("de", "x")).isEqualTo("text.de");
    assertThat(LanguageAnalyzers.fieldFor("pt-BR", "x")).isEqualTo("text.pt");
    assertThat(LanguageAnalyzers.fieldFor("RU", "x")).isEqualTo("text.ru");
    assertThat(LanguageAnalyzers.fieldFor("my", "abc")).isEqualTo("text.icu");
    assertThat(LanguageAnalyzers.fieldFor("und", "ကုလား")).isEqualTo("text.icu");
    assertThat(LanguageAnalyzers.fieldFor(null, "移民反対")).isEqualTo("text.icu");
    assertThat(LanguageAnalyzers.fieldFor("und", "plain words")).isNull();
    assertThat(LanguageAnalyzers.fieldFor("sw", "maneno")).isNull();
  }

  @Test
  void aQueryWordIsStemmedInEveryLanguage() throws Exception {
    // The language of a query is not known, so a word is analysed by every language's analyzer
    // and matches each post through its own language's stem: English "themes" has the German
    // stem of "Themen". Each post is in one language field, so an English post is never matched
    // through a German stem.
    assertThat(ids("Themen")).containsExactly("ge-3");
    assertThat(ids("themes")).containsExactly("ge-3");
    assertThat(ids("lang:en")).isEmpty();
  }

  @Test
  void hostileTextIndexesInEveryLanguageField(@TempDir Path hostileDir) throws Exception {
    String mixed =
        "Flüchtlinge\u200D راوح\u200F\u202E Россия ကုလား\u200Bတွေ การที่ 移民 ጠላት"
            + " k\u200Cill \u202Dx\u202C \uFEFF"
            + "y".repeat(100_000 - 200);
    List<ScoredPost> posts = new ArrayList<>();
    List<String> langs = new ArrayList<>();
    LanguageAnalyzers.FIELDS.forEach(
        f -> langs.add(f.substring(LanguageAnalyzers.PREFIX.length())));
    langs.add("und");
    for (String lang : langs) {
      posts.add(post(lang + "-hostile", lang, mixed));
    }
    try (PostIndex hostile = PostIndex.open(hostileDir)) {
      hostile.add(posts);
      hostile.commit(posts.size());
      for (ScoredPost sp : posts) {
        assertThat(hostile.get(sp.post().key())).contains(sp);
      }
      assertThat(
              hostile.search(SearchRequest.of("Россия")).hits().stream()
                  .map(h -> h.post().post().id()))
          .hasSize(posts.size());
      assertThat(hostile.search(SearchRequest.of("kill")).hits()).hasSize(posts.size());
    }
  }

  private static List<String> terms(String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (Analyzer a = PostAnalyzers.create();
        TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
  }

  private static List<String> ids(String q) throws IOException, InvalidQueryException {
    return index.search(SearchRequest.of(q)).hits().stream()
        .map(h -> h.post().post().id())
        .toList();
  }

  private static String highlight(String q) throws IOException, InvalidQueryException {
    SearchResult r = index.search(SearchRequest.of(q));
    assertThat(r.hits()).as("hits of %s", q).hasSize(1);
    return r.hits().get(0).highlight();
  }

  private static List<ScoredPost> realPosts() throws IOException {
    List<ScoredPost> out = new ArrayList<>();
    try (InputStream in = LanguageAnalysisTest.class.getResourceAsStream("languages.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(post(f[1], f[0], f[2]));
      }
    }
    return out;
  }

  private static ScoredPost post(String id, String lang, String text) {
    Post p =
        new Post(
            "twitter",
            id,
            null,
            new Author("a-" + id, "h" + id.hashCode(), null, null, null),
            Instant.parse("2024-03-03T00:00:00Z"),
            text,
            lang,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return TestPosts.scored(p, out(id), TestPosts.sha256(id));
  }

  private static long out(String id) {
    return Math.abs((long) id.hashCode()) + 1;
  }
}
