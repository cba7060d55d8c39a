package org.tocsin.testkit.corpus;

import java.util.Locale;
import org.tocsin.testkit.corpus.DemoCorpusBuilder.Build;
import org.tocsin.testkit.corpus.IraTweets.Window;

/** Renders {@code ATTRIBUTION.md} for a built demo corpus: sources, licences, selection, counts. */
final class Attribution {

  static final String REGENERATE =
      "cd /path/to/tocsin  # the Maven reactor root\n"
          + "mvn -B -pl testkit install\n"
          + "mvn -B -q -pl testkit dependency:build-classpath -Dmdep.outputFile=target/cp.txt\n"
          + "java -cp \"testkit/target/classes:$(cat testkit/target/cp.txt)\" \\\n"
          + "  org.tocsin.testkit.corpus.DemoCorpusBuilder SHARED_DATA_DIR \\\n"
          + "  node/src/main/resources/org/tocsin/node/demo\n"
          + "java -cp \"testkit/target/classes:$(cat testkit/target/cp.txt)\" \\\n"
          + "  org.tocsin.testkit.corpus.SampleExtractor \\\n"
          + "  api/src/main/resources/org/tocsin/node/demo/posts.jsonl.gz \\\n"
          + "  testkit/src/main/resources/org/tocsin/testkit/posts-sample.jsonl\n";

  private static final String HATEXPLAIN_MIT =
      "MIT License\n\n"
          + "Copyright (c) 2020 Punyajoy Saha\n\n"
          + "Permission is hereby granted, free of charge, to any person obtaining a copy\n"
          + "of this software and associated documentation files (the \"Software\"), to deal\n"
          + "in the Software without restriction, including without limitation the rights\n"
          + "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n"
          + "copies of the Software, and to permit persons to whom the Software is\n"
          + "furnished to do so, subject to the following conditions:\n\n"
          + "The above copyright notice and this permission notice shall be included in all\n"
          + "copies or substantial portions of the Software.\n\n"
          + "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
          + "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n"
          + "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n"
          + "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n"
          + "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\n"
          + "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\n"
          + "SOFTWARE.\n";

  private Attribution() {}

  static String render(Build b) {
    CorpusStats s = b.stats();
    StringBuilder md = new StringBuilder(16_384);
    md.append("# Demo corpus: sources, licences and selection\n\n")
        .append(
            "> **Content warning.** This corpus holds real hate speech against protected groups")
        .append(" (racist, antisemitic, anti-Muslim, misogynist and homophobic slurs, dehumanising")
        .append(" language) and real state-sponsored disinformation, unedited. It is shipped so")
        .append(
            " that Tocsin can be demonstrated and tested offline on real material; nothing in it")
        .append(" is endorsed. Links in the IRA tweets are the originals and may lead to harmful")
        .append(" pages; do not follow them.\n\n");

    md.append("## Files\n\n")
        .append(
            line(
                "`%s`: %,d posts, Post JSON (DESIGN.md), one per line, gzip; %,d bytes.",
                DemoCorpusBuilder.CORPUS_FILE, s.total(), b.corpusBytes()))
        .append(line("SHA-256 of the uncompressed JSONL: `%s`.", b.jsonlSha256()))
        .append("- Posts are ordered by `createdAt`, then `platform`, then `id`. Every post has")
        .append(" `platform` \"twitter\"; its source is named by an unknown field, `ira` or")
        .append(" `hatexplain`, which Post JSON keeps.\n")
        .append(
            "- This file is written by the builder with the corpus; do not edit it by hand.\n\n");

    md.append("## Regenerate\n\n")
        .append("Deterministic (sorted inputs, seed ")
        .append(DemoCorpusBuilder.SEED)
        .append(", gzip without a time stamp): the same data gives the same bytes.")
        .append(" `SHARED_DATA_DIR` is the project's shared data folder (`../shared/data` next to")
        .append(" the reactor in the development workspace); the second command refreshes the")
        .append(" testkit sample from the corpus.\n\n```sh\n")
        .append(Attribution.REGENERATE)
        .append("```\n\nInputs (SHA-256):\n\n");
    b.inputSha256().forEach((f, h) -> md.append(line("`%s`: `%s`", f, h)));
    md.append('\n');

    appendIra(md, b);
    appendHateXplain(md, b);
    appendCounts(md, b);

    md.append("## Left out\n\n")
        .append("- IRA: no tweet ids (the by-author release has no `tweet_id` or `article_url`")
        .append(" column), so posts have no `url`, `repostOf` or `quoteOf`; retweets and quote")
        .append(" tweets keep their text and are marked in `ira.postType`. No display names, no")
        .append(" account creation times, no engagement metrics: the data has none.\n")
        .append(
            "- IRA: tweets outside the two windows, and exact repeats (same account, minute and")
        .append(fmt(" text: %,d rows).", b.ira().duplicates()))
        .append('\n')
        .append(
            line(
                "HateXplain: all %,d test-split Twitter posts (the public benchmark) and all"
                    + " %,d Gab and other non-Twitter posts; Twitter posts beyond the label quota.",
                b.hatexplain().testSplitExcluded(), b.hatexplain().otherSourcesExcluded()))
        .append("- HateXplain: annotator-level labels and rationales (use the data set itself).\n");
    return md.toString();
  }

  private static void appendIra(StringBuilder md, Build b) {
    IraTweets.Result ira = b.ira();
    md.append("## Source 1: IRA troll tweets (FiveThirtyEight, Clemson University)\n\n")
        .append(
            "- Data: Darren L. Linvill and Patrick L. Warren (Clemson University), published by")
        .append(" FiveThirtyEight, \"Why We're Sharing 3 Million Russian Troll Tweets\" (2018),")
        .append(" <https://github.com/fivethirtyeight/russian-troll-tweets>; split by author by")
        .append(
            " bet4a, <https://github.com/bet4a/russian-troll-tweets-by-author>. Tocsin's shared")
        .append(
            fmt(
                " data holds %,d of those accounts (`SUBSET_MANIFEST.csv`); %,d tweets were read.",
                ira.accounts(), ira.rowsRead()))
        .append('\n')
        .append(
            "- Licence: the shared data folder, FiveThirtyEight's russian-troll-tweets repository")
        .append(" and bet4a's repository carry no licence file. FiveThirtyEight's data repository")
        .append(
            " (<https://github.com/fivethirtyeight/data>) states: \"The data is available under")
        .append(" the Creative Commons Attribution 4.0 International License and the code is")
        .append(
            " available under the MIT License.\" This derivative is shipped on that basis under")
        .append(" CC BY 4.0 (<https://creativecommons.org/licenses/by/4.0/>), with the attribution")
        .append(" above; the changes are listed below.\n")
        .append("- Selection: every tweet of those accounts published on a day (UTC) inside one of")
        .append(" these windows, all account categories included, so that the real bursts of many")
        .append(" accounts are kept whole:\n\n")
        .append("| window | days (UTC) | posts | event |\n| --- | --- | ---: | --- |\n");
    for (Window w : DemoCorpusBuilder.WINDOWS) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s .. %s | %,d | %s |%n",
              w.name(),
              w.first(),
              w.last(),
              b.iraPerWindow().get(w.name()),
              w.event()));
    }
    md.append("\nMapping to Post JSON:\n\n")
        .append("- `createdAt` = `publish_date`, read as UTC. The data gives no zone (bet4a writes")
        .append(
            " `2016-03-22 18:16:00`, FiveThirtyEight `3/22/2016 18:16`; both are accepted). UTC")
        .append(
            " is the usual reading of the release and is consistent with the data: the first Brussels")
        .append(" headline in it is at 09:13, after the attacks at 06:58 and 08:11 UTC.\n")
        .append(
            "- `id` = `ira-` + the first 16 hex digits of SHA-256(`author_id|publish_date|content`)")
        .append(" as written in the data (no tweet id exists). `url` omitted.\n")
        .append(
            "- `author.id` = `external_author_id`, except where it is blank, rounded to zeros as a")
        .append(
            " floating-point number upstream (e.g. 9.06e+17), or shared by several accounts in `authors.csv` (it would merge")
        .append(
            " distinct accounts in campaign detection); then the unique `congress_2017_id`, else")
        .append(fmt(" `ira:` + the data's author key. Fallbacks: %s.", ira.authorIdFallbacks()))
        .append('\n')
        .append("- `author.handle` = `author` (the original capitalisation); `author.followers` =")
        .append(" `followers` at the time of the tweet.\n")
        .append(
            "- `lang` = the BCP-47 tag of `language` (English → en, Russian → ru, German → de, …),")
        .append(" which Salesforce Social Studio detected automatically; `LANGUAGE UNDEFINED` and")
        .append(fmt(" unknown names → no `lang` (%s).", ira.unknownLanguages()))
        .append('\n')
        .append(
            "- `text` = `content` verbatim; `hashtags`, `mentions` and `links` are extracted from it.\n")
        .append("- `ira` = {`accountCategory`, `accountType`, `region`, `harvestedDate` (UTC),")
        .append(
            " `postType` (RETWEET or QUOTE_TWEET, when given), `externalAuthorId` (as given)}.\n\n");
  }

  private static void appendHateXplain(StringBuilder md, Build b) {
    HateXplainPosts.Result hx = b.hatexplain();
    md.append("## Source 2: HateXplain\n\n")
        .append("- Data: Binny Mathew, Punyajoy Saha, Seid Muhie Yimam, Chris Biemann, Pawan Goyal")
        .append(" and Animesh Mukherjee, \"HateXplain: A Benchmark Dataset for Explainable Hate")
        .append(
            " Speech Detection\", Proceedings of the AAAI Conference on Artificial Intelligence")
        .append(" 35(17), 14867–14875, 2021; <https://github.com/punyajoy/HateXplain>.\n")
        .append(
            "- Licence: the `LICENSE` file shipped with the data is the MIT License, reproduced")
        .append(" in full below as it requires. (Tocsin's DATA.md also lists CC BY 4.0 for the")
        .append(" data set; the attribution above serves that licence too.)\n")
        .append("- Selection: Twitter posts only (`*_twitter` ids), from the train and validation")
        .append(
            " splits only: the test split is the public benchmark and is kept out of everything")
        .append(
            fmt(
                " Tocsin ships. %,d posts as evenly over the labels as the data allows: every"
                    + " hate-speech post there is, the rest split between offensive and normal. Available"
                    + " %s; taken %s. Each label's posts are sorted by id and shuffled with `new"
                    + " Random(%d)`, labels in the order hatespeech, offensive, normal.",
                DemoCorpusBuilder.HATEXPLAIN_POSTS,
                hx.available(),
                hx.selected(),
                DemoCorpusBuilder.SEED))
        .append('\n')
        .append("- Text: HateXplain ships text tokenised, lower-cased and anonymised (`<user>`,")
        .append(
            " `<number>`, … placeholders; no `#` or `@`); `text` is the tokens joined by single")
        .append(" spaces, so it is not the tweet as posted and has few or no hashtags, mentions")
        .append(" or links.\n")
        .append(
            "- `id` = the tweet id; `createdAt` = its snowflake time, `(id >> 22) + 1288834974657`")
        .append(" ms; `lang` = en; no `url` (a link would undo the anonymisation). `author.id` =")
        .append(
            " `hatexplain-anon-` + the post id, one author per post, because the data hides who")
        .append(
            " wrote what: a shared author id would make campaign detection merge them; no handle.\n")
        .append("- `hatexplain` = {`label` (majority label), `targets` (`targets_union` as given,")
        .append(" including its \"None\"), `split`}.\n\n")
        .append("```text\n")
        .append(HATEXPLAIN_MIT)
        .append("```\n\n");
  }

  private static void appendCounts(StringBuilder md, Build b) {
    CorpusStats s = b.stats();
    md.append("## Counts\n\n")
        .append("| | IRA | HateXplain |\n| --- | ---: | ---: |\n")
        .append(row("posts", s.perSource().get("ira"), s.perSource().get("hatexplain")))
        .append(
            row(
                "distinct authors",
                s.authorsPerSource().get("ira"),
                s.authorsPerSource().get("hatexplain")))
        .append(
            String.format(
                Locale.ROOT,
                "| first post | %s | %s |%n| last post | %s | %s |%n",
                s.firstPerSource().get("ira"),
                s.firstPerSource().get("hatexplain"),
                s.lastPerSource().get("ira"),
                s.lastPerSource().get("hatexplain")))
        .append('\n');
    md.append(line("HateXplain per label: %s.", s.perLabel()))
        .append(line("IRA posts per account category: %s.", s.iraPerCategory()))
        .append(line("IRA accounts per account category: %s.", s.iraAccountsPerCategory()))
        .append(line("Posts per language: %s.", s.perLanguage()))
        .append('\n');
  }

  private static String row(String name, Integer ira, Integer hx) {
    return String.format(Locale.ROOT, "| %s | %,d | %,d |%n", name, orZero(ira), orZero(hx));
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static String line(String format, Object... args) {
    return "- " + fmt(format, args) + "\n";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
