package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.SearchRequest.Sort;

/** Searching the fixture corpus: text, fields, patterns, ranges, sorting and paging. */
class PostSearchTest {

  @TempDir static Path dir;
  static PostIndex index;
  static List<ScoredPost> posts;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    posts = TestPosts.all();
    index = PostIndex.open(dir);
    index.add(posts);
    index.commit(posts.size());
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void termMatchesEveryPostWithTheWord() throws Exception {
    assertThat(ids("invaders"))
        .containsExactlyInAnyOrder(
            "1720000000000000001", "1720000000000000010", "1720000000000000013");
  }

  @Test
  void termsWithoutOperatorMustAllMatch() throws Exception {
    assertThat(ids("boat invaders"))
        .containsExactlyInAnyOrder("1720000000000000001", "1720000000000000010");
  }

  @Test
  void phraseAndProximity() throws Exception {
    assertThat(ids("\"push them back\"")).containsExactly("1720000000000000001");
    assertThat(ids("\"them push back\"")).isEmpty();
    assertThat(ids("\"invaders boat\"~3"))
        .containsExactlyInAnyOrder("1720000000000000001", "1720000000000000010");
  }

  @Test
  void accentsAndCaseAreFolded() throws Exception {
    List<String> expected = List.of("111982233445566778", "111982233446000777");
    assertThat(ids("emigre")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(ids("Émigré")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(ids("EMIGRE")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(ids("Brulee")).containsExactly("111982233446000001");
  }

  @Test
  void textInOtherScriptsIsFound() throws Exception {
    assertThat(ids("саранча")).containsExactly("rus_vestnik/9931");
    assertThat(ids("اللاجئين")).containsExactly("1720000000000000005");
    assertThat(ids("Ungeziefer")).containsExactly("1720000000000000003");
    assertThat(ids("\"移民\"")).containsExactly("3kmx7yq2abc9z");
  }

  @Test
  void fieldQueriesUseFriendlyNamesAndIgnoreCase() throws Exception {
    assertThat(ids("platform:telegram"))
        .containsExactlyInAnyOrder(
            "patriots_front/48812", "rus_vestnik/9931", "patriots_front/48830");
    assertThat(ids("Platform:Telegram")).hasSize(3);
    assertThat(ids("author:border_watch_uk"))
        .containsExactlyInAnyOrder("1720000000000000001", "1720000000000000012");
    assertThat(ids("author:@Border_Watch_UK")).hasSize(2);
    assertThat(ids("handle:BORDER_WATCH_UK")).hasSize(2);
    assertThat(ids("author.id:99001122"))
        .containsExactlyInAnyOrder("1720000000000000004", "1720000000000000010");
    assertThat(ids("hashtag:stoptheboats")).hasSize(3);
    assertThat(ids("hashtag:#StopTheBoats")).hasSize(3);
    assertThat(ids("hashtag:émigré")).containsExactly("111982233446000777");
    assertThat(ids("mention:border_watch_uk")).hasSize(2);
    assertThat(ids("lang:DE")).hasSize(3);
    assertThat(ids("link:\"https://example.org/dover-appeal\""))
        .containsExactly("1720000000000000002");
    assertThat(ids("key:\"gab/109876543210\"")).containsExactly("109876543210");
    assertThat(ids("id:t1_kx99abc")).containsExactly("t1_kx99abc");
    // the post's own URL is an exact field: the whole URL matches, a part of it does not
    assertThat(ids("url:\"https://gab.com/truthseeker88/posts/109876543210\""))
        .containsExactly("109876543210");
    assertThat(ids("url:\"https://gab.com/truthseeker88\"")).isEmpty();
  }

  @Test
  void scoreFieldsAreSearchable() throws Exception {
    assertThat(ids("label:hate")).hasSize(count(sp -> sp.score().label().equals("hate")));
    assertThat(ids("label:offensive")).containsExactly("t1_kx99abc");
    assertThat(ids("label:NORMAL")).hasSize(count(sp -> sp.score().label().equals("normal")));
    assertThat(ids("target:jewish")).containsExactlyInAnyOrder("109876543210", "109876543355");
    assertThat(ids("target:refugee")).hasSize(6);
    assertThat(ids("ground:religious")).hasSize(5);
    assertThat(ids("model:tocsin-hate")).hasSize(30);
    assertThat(ids("incitement:[0.9 TO 1]"))
        .containsExactlyInAnyOrder(
            "patriots_front/48812", "109876543299", "patriots_front/48830", "1720000000000000013");
    assertThat(ids("incitement:{0.95 TO *]")).containsExactly("1720000000000000013");
    assertThat(ids("hate:{0.9 TO 1] AND target:jewish")).containsExactly("109876543210");
    assertThat(ids("seq:5")).containsExactly("patriots_front/48812");
    assertThat(ids("seq:[1 TO 3]")).hasSize(3);
    String sha = posts.get(3).evidence().sha256();
    assertThat(ids("sha256:" + sha)).containsExactly(posts.get(3).post().id());
  }

  @Test
  void datesMatchWholeDaysAndRanges() throws Exception {
    assertThat(ids("createdAt:2024-03-01")).hasSize(14);
    assertThat(ids("date:2024-03")).hasSize(30);
    assertThat(ids("createdAt:[2024-03-02T12:00:00Z TO *]")).hasSize(10);
    assertThat(ids("createdAt:[2024-03-01 TO 2024-03-01]")).hasSize(14);
    assertThat(ids("createdAt:{2024-03-01 TO *]")).hasSize(16);
    assertThat(ids("createdAt:\"2024-03-02T22:00:00Z\"")).containsExactly("1720000000000000013");
  }

  @Test
  void fuzzyWildcardPrefixAndRegexp() throws Exception {
    assertThat(ids("parasits~1")).containsExactlyInAnyOrder("109876543210", "109876543355");
    // "parasits" is not in any post, but it has the English stem of "parasites".
    assertThat(ids("parasits")).containsExactlyInAnyOrder("109876543210", "109876543355");
    assertThat(ids("parasitez")).isEmpty();
    assertThat(ids("dehum?nising")).containsExactly("t3_1b3xyz9");
    assertThat(ids("invad*")).hasSize(3);
    assertThat(ids("author:real_pat*")).hasSize(2);
    assertThat(ids("/paras.te[s]?/")).hasSize(2);
  }

  @Test
  void booleanOperatorsAndNegation() throws Exception {
    // "refugees" also finds "refugee" (English stem) and "réfugiés" (French stem), but not the
    // posts that say "invaders".
    assertThat(ids("refugees AND NOT invaders"))
        .containsExactlyInAnyOrder(
            "1720000000000000002", "patriots_front/48830", "111982233445566778");
    assertThat(ids("(muslims OR jews) AND label:hate"))
        .containsExactlyInAnyOrder("1720000000000000004", "109876543210");
    assertThat(ids("+dover -platform:bluesky")).containsExactly("1720000000000000002");
    int notTwitter = count(sp -> !sp.post().platform().equals("twitter"));
    assertThat(ids("-platform:twitter")).hasSize(notTwitter);
    assertThat(ids("NOT platform:twitter")).hasSize(notTwitter);
  }

  @Test
  void emptyAndStarMatchAllNewestFirst() throws Exception {
    List<ScoredPost> newest = new ArrayList<>(posts);
    newest.sort(Comparator.comparing((ScoredPost sp) -> sp.post().createdAt()).reversed());
    for (String q : List.of("", "*", "*:*", "   ")) {
      SearchResult r = index.search(new SearchRequest(q, 0, 100, Sort.RELEVANCE));
      assertThat(r.totalHits()).isEqualTo(30);
      assertThat(r.hits()).extracting(SearchHit::post).containsExactlyElementsOf(newest);
      assertThat(r.hits()).allSatisfy(h -> assertThat(h.highlight()).isNull());
    }
  }

  @Test
  void sortNewestAndOldest() throws Exception {
    SearchResult newest = index.search(new SearchRequest("label:hate", 0, 100, Sort.NEWEST));
    SearchResult oldest = index.search(new SearchRequest("label:hate", 0, 100, Sort.OLDEST));
    assertThat(newest.hits())
        .extracting(h -> h.post().post().createdAt())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(oldest.hits()).extracting(h -> h.post().post().createdAt()).isSorted();
    assertThat(newest.hits().get(0).post().post().id()).isEqualTo("1720000000000000013");
    assertThat(oldest.hits().get(0).post().post().id()).isEqualTo("1720000000000000001");
  }

  @Test
  void relevanceSortPutsTheBestMatchFirst() throws Exception {
    SearchResult r = index.search(SearchRequest.of("invaders OR invasion"));
    assertThat(r.hits()).isNotEmpty();
    assertThat(r.hits())
        .extracting(SearchHit::relevance)
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.relevance()).isPositive());
  }

  @Test
  void pagesCoverEveryHitOnceWithExactTotal() throws Exception {
    List<String> seen = new ArrayList<>();
    for (int offset = 0; offset < 35; offset += 7) {
      SearchResult page = index.search(new SearchRequest("", offset, 7, Sort.OLDEST));
      assertThat(page.totalHits()).isEqualTo(30);
      assertThat(page.hits()).hasSizeLessThanOrEqualTo(7);
      page.hits().forEach(h -> seen.add(h.post().post().key().toString()));
    }
    assertThat(seen).hasSize(30).doesNotHaveDuplicates();
    SearchResult past = index.search(new SearchRequest("", 10_000, 100, Sort.NEWEST));
    assertThat(past.totalHits()).isEqualTo(30);
    assertThat(past.hits()).isEmpty();
    SearchResult some = index.search(new SearchRequest("label:hate", 10, 5, Sort.NEWEST));
    assertThat(some.totalHits()).isEqualTo(16);
    assertThat(some.hits()).hasSize(5);
    assertThat(some.tookMicros()).isNotNegative();
  }

  private static List<String> ids(String query) throws IOException, InvalidQueryException {
    SearchResult r = index.search(new SearchRequest(query, 0, 100, Sort.RELEVANCE));
    assertThat(r.totalHits()).isEqualTo(r.hits().size());
    return r.hits().stream().map(h -> h.post().post().id()).toList();
  }

  private static int count(Predicate<ScoredPost> p) {
    return (int) posts.stream().filter(p).count();
  }
}
