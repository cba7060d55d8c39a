package org.tocsin.testkit.corpus;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.corpus.IraTweets.Window;

/**
 * Builds the bundled demo corpus: IRA tweets from two dense windows around known events, and a
 * label-balanced sample of HateXplain's Twitter posts outside its test split. Writes {@code
 * posts.jsonl.gz} (Post JSON lines, gzip) and {@code ATTRIBUTION.md} to the output folder.
 *
 * <p>Deterministic: inputs are read in sorted order, sampling uses {@link #SEED}, posts are written
 * by time then id, and the gzip header carries no time stamp, so two runs on the same data give the
 * same bytes.
 *
 * <p>Usage: {@code DemoCorpusBuilder SHARED_DATA_DIR OUTPUT_DIR}, where {@code SHARED_DATA_DIR}
 * holds {@value #IRA_DIR} and {@value #HATEXPLAIN_FILE}.
 */
public final class DemoCorpusBuilder {

  /** The seed of every random choice the builder makes. */
  public static final long SEED = 20160322L;

  /** How many HateXplain posts to take. */
  public static final int HATEXPLAIN_POSTS = 3_000;

  /** The largest corpus file accepted, in bytes. */
  public static final long MAX_CORPUS_BYTES = 6L * 1024 * 1024;

  /** The IRA data, relative to the shared data folder. */
  public static final String IRA_DIR = "influence_ops/ira_russian_troll_tweets_by_author";

  /** The HateXplain data, relative to the shared data folder. */
  public static final String HATEXPLAIN_FILE = "hatexplain/hatexplain_official_split.jsonl";

  /** The corpus file name. */
  public static final String CORPUS_FILE = "posts.jsonl.gz";

  /** The attribution file name. */
  public static final String ATTRIBUTION_FILE = "ATTRIBUTION.md";

  /** The IRA time windows: dense bursts of many accounts around two known events. */
  public static final List<Window> WINDOWS =
      List.of(
          new Window(
              "koch-farms-hoax-2015",
              "the #KochFarms / #FoodPoisoning hoax: IRA \"Fearmonger\" accounts claimed that Koch"
                  + " Farms turkeys had poisoned people in New York at Thanksgiving (26 Nov 2015)",
              LocalDate.of(2015, 11, 16),
              LocalDate.of(2015, 12, 6)),
          new Window(
              "brussels-attacks-2016",
              "the Brussels bombings of 22 Mar 2016 and the #IslamKills / #StopIslam push against"
                  + " Muslims and refugees that IRA \"RightTroll\" accounts joined within hours",
              LocalDate.of(2016, 3, 6),
              LocalDate.of(2016, 4, 8)));

  private static final Comparator<Post> ORDER =
      Comparator.comparing(Post::createdAt).thenComparing(Post::platform).thenComparing(Post::id);

  /**
   * The result of a build.
   *
   * @param posts the posts written, in file order
   * @param ira what the IRA reader read and kept
   * @param hatexplain what the HateXplain reader read and kept
   * @param stats counts over {@code posts}
   * @param iraPerWindow IRA posts per window name
   * @param corpusBytes the size of {@code posts.jsonl.gz}
   * @param jsonlSha256 SHA-256 of the uncompressed JSONL
   * @param inputSha256 SHA-256 of the main input files, by path relative to the data folder
   */
  public record Build(
      List<Post> posts,
      IraTweets.Result ira,
      HateXplainPosts.Result hatexplain,
      CorpusStats stats,
      Map<String, Integer> iraPerWindow,
      long corpusBytes,
      String jsonlSha256,
      Map<String, String> inputSha256) {}

  private DemoCorpusBuilder() {}

  /**
   * Builds the corpus; see the class comment.
   *
   * @param args {@code SHARED_DATA_DIR OUTPUT_DIR}
   * @throws IllegalArgumentException if the arguments are wrong
   * @throws IOException if reading or writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: DemoCorpusBuilder SHARED_DATA_DIR OUTPUT_DIR [got "
              + args.length
              + " arguments]");
    }
    Build b = build(Path.of(args[0]), Path.of(args[1]));
    try (PrintStream out = console()) {
      report(b, Path.of(args[1]), out);
    }
  }

  /**
   * Reads the shared data and writes the corpus and its attribution to {@code outDir}.
   *
   * @throws IOException if reading or writing fails
   * @throws IllegalStateException if a post does not round-trip through {@link PostJson}, two posts
   *     share a key, or the corpus is larger than {@link #MAX_CORPUS_BYTES}
   */
  public static Build build(Path sharedData, Path outDir) throws IOException {
    Path iraDir = sharedData.resolve(IRA_DIR);
    Path hxFile = sharedData.resolve(HATEXPLAIN_FILE);
    IraTweets.Result ira = IraTweets.read(iraDir, WINDOWS);
    HateXplainPosts.Result hx = HateXplainPosts.read(hxFile, HATEXPLAIN_POSTS, SEED);
    List<Post> posts = new ArrayList<>(ira.posts());
    posts.addAll(hx.posts());
    posts.sort(ORDER);
    Set<String> keys = new HashSet<>();
    for (Post p : posts) {
      if (!keys.add(p.key().toString())) {
        throw new IllegalStateException("two posts share a key [got " + p.key() + "]");
      }
    }
    Files.createDirectories(outDir);
    Path corpus = outDir.resolve(CORPUS_FILE);
    String sha = writeCorpus(posts, corpus);
    long bytes = Files.size(corpus);
    if (bytes > MAX_CORPUS_BYTES) {
      throw new IllegalStateException(
          "corpus is too large: " + bytes + " bytes [max " + MAX_CORPUS_BYTES + "]");
    }
    Map<String, Integer> perWindow = new LinkedHashMap<>();
    for (Window w : WINDOWS) {
      perWindow.put(
          w.name(), (int) ira.posts().stream().filter(p -> w.contains(p.createdAt())).count());
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    for (String f :
        List.of(IRA_DIR + "/SUBSET_MANIFEST.csv", IRA_DIR + "/authors.csv", HATEXPLAIN_FILE)) {
      inputs.put(f, sha256(sharedData.resolve(f)));
    }
    Build b =
        new Build(
            List.copyOf(posts), ira, hx, CorpusStats.of(posts), perWindow, bytes, sha, inputs);
    Files.writeString(
        outDir.resolve(ATTRIBUTION_FILE), Attribution.render(b), StandardCharsets.UTF_8);
    return b;
  }

  private static String writeCorpus(List<Post> posts, Path file) throws IOException {
    MessageDigest md = sha256();
    try (OutputStream raw = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DigestOutputStream out = new DigestOutputStream(gz, md)) {
      for (Post p : posts) {
        String line = PostJson.write(p);
        try {
          if (!PostJson.read(line).equals(p)) {
            throw new IllegalStateException("post does not round-trip [got " + p.key() + "]");
          }
        } catch (PostFormatException e) {
          throw new IllegalStateException("post breaks the contract [got " + p.key() + "]", e);
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void report(Build b, Path outDir, PrintStream out) {
    CorpusStats s = b.stats();
    out.printf(Locale.ROOT, "wrote %s (%,d bytes)%n", outDir.resolve(CORPUS_FILE), b.corpusBytes());
    out.printf(Locale.ROOT, "posts: %,d %s%n", s.total(), s.perSource());
    out.printf(Locale.ROOT, "IRA per window: %s%n", b.iraPerWindow());
    out.printf(Locale.ROOT, "IRA per category: %s%n", s.iraPerCategory());
    out.printf(Locale.ROOT, "IRA accounts per category: %s%n", s.iraAccountsPerCategory());
    out.printf(
        Locale.ROOT,
        "IRA rows read: %,d; duplicates dropped: %,d; unknown languages: %s%n",
        b.ira().rowsRead(),
        b.ira().duplicates(),
        b.ira().unknownLanguages());
    out.printf(Locale.ROOT, "IRA author id fallbacks: %s%n", b.ira().authorIdFallbacks());
    out.printf(
        Locale.ROOT,
        "HateXplain per label: %s (available %s; test split excluded %,d; non-Twitter excluded"
            + " %,d)%n",
        s.perLabel(),
        b.hatexplain().available(),
        b.hatexplain().testSplitExcluded(),
        b.hatexplain().otherSourcesExcluded());
    out.printf(Locale.ROOT, "per language: %s%n", s.perLanguage());
    out.printf(Locale.ROOT, "distinct authors: %s%n", s.authorsPerSource());
    out.printf(Locale.ROOT, "time span: %s .. %s%n", s.firstPerSource(), s.lastPerSource());
    out.printf(Locale.ROOT, "JSONL SHA-256: %s%n", b.jsonlSha256());
  }

  @SuppressForbidden(reason = "the builder is a command-line tool and reports to standard output")
  private static PrintStream console() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  }
}
