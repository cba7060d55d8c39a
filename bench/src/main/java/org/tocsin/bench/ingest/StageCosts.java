package org.tocsin.bench.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.tocsin.bench.BenchReport;
import org.tocsin.core.SuppressForbidden;

/**
 * What each stage of the ingest road costs, read from a JFR recording's CPU samples ({@code
 * jdk.ExecutionSample}): each sample goes to the stage of its innermost frame that names one
 * (walking from the leaf towards the root), so that the target classifier called from the model
 * scorer counts as "targets", not "scoring"; everything under {@code TocsinNode.open} counts as
 * opening the node. A stage's share of the samples times the Java threads' CPU time gives its CPU
 * time; divided by the posts, its cost per post.
 *
 * <p>Sampling, not instrumentation: a stage under about 1 % of the samples is within the noise.
 */
@SuppressForbidden(reason = "JFR's own API records and reads the benchmark's recording")
public final class StageCosts {

  /** A stage: a name and the frames that belong to it. */
  record Stage(String name, Predicate<String> frame) {}

  /**
   * The stages, tested in this order on every frame from the leaf up; the first that matches a
   * frame takes the sample. {@code frame} is {@code package.Class.method} with dots.
   */
  static final List<Stage> STAGES =
      List.of(
          stage(
              "ledger: fsync",
              "sun.nio.ch.FileChannelImpl.force",
              "sun.nio.ch.FileDispatcherImpl.force"),
          stage(
              "ledger: append (encode, hash, write)",
              "org.tocsin.evidence.FileEvidenceLog.append",
              "org.tocsin.evidence.format.",
              "org.tocsin.evidence.LedgerWriter"),
          stage(
              "ledger: read back (scan, capture decode)",
              "org.tocsin.evidence.FileEvidenceLog.scan",
              "org.tocsin.evidence.FileEvidenceLog.capture",
              "org.tocsin.evidence.capture."),
          stage("custody events", "org.tocsin.node.Custody."),
          stage("import: read lines", "org.tocsin.node.BoundedLineReader."),
          stage("language id", "org.tocsin.nlp.lang.", "org.tocsin.nlp.LanguageRoutedScorer.guess"),
          stage("harm grammar", "org.tocsin.nlp.harm."),
          stage("lexicon", "org.tocsin.nlp.baseline."),
          stage(
              "targets classifier",
              "org.tocsin.nlp.classifier.TargetClassifier.",
              "org.tocsin.nlp.ModelScorer.targets"),
          stage(
              "classifier: CNN word look-up",
              "org.tocsin.nlp.classifier.TokenCnn.ids",
              "org.tocsin.nlp.classifier.TokenCnn.ensureRow"),
          stage(
              "classifier: CNN forward (pool)",
              "org.tocsin.nlp.classifier.TokenCnn.pool",
              "org.tocsin.nlp.classifier.TokenCnn.logits",
              "org.tocsin.nlp.classifier.TokenCnn.softmax"),
          stage(
              "classifier: CNN explanation (margins)",
              "org.tocsin.nlp.classifier.TokenCnn.explain",
              "org.tocsin.nlp.classifier.CnnEnsembleClassifier.explain"),
          stage(
              "classifier: n-gram MLP",
              "org.tocsin.nlp.classifier.SparseMlp.",
              "org.tocsin.nlp.classifier.HateClassifier.predictSparse"),
          stage(
              "classifier: n-gram features",
              "org.tocsin.nlp.classifier.TfidfVectorizer.",
              "org.tocsin.nlp.classifier.NgramHasher.",
              "org.tocsin.nlp.classifier.TextFeatures.vector"),
          stage("classifier: other (mixing, explanation tokens)", "org.tocsin.nlp.classifier."),
          stage("tokenize", "org.tocsin.nlp.text.", "org.tocsin.nlp.classifier.TextFeatures.of"),
          stage(
              "scoring: other (notes, Score, routing)",
              "org.tocsin.nlp.",
              "org.tocsin.core.score."),
          stage(
              "JSON parse",
              "org.tocsin.core.json.PostJson.read",
              "org.tocsin.core.json.PostJson.fromNode",
              "org.tocsin.node.CaptureParsers.",
              "org.tocsin.crawler.parse."),
          stage(
              "JSON write (stored fields)",
              "org.tocsin.core.json.",
              "com.fasterxml.jackson.core.json.WriterBasedJsonGenerator",
              "com.fasterxml.jackson.core.json.UTF8JsonGenerator"),
          stage(
              "index: commit / refresh",
              "org.apache.lucene.index.IndexWriter.commit",
              "org.apache.lucene.index.IndexWriter.getReader",
              "org.apache.lucene.index.DirectoryReader.openIfChanged",
              "org.apache.lucene.search.SearcherManager.maybeRefresh",
              "org.apache.lucene.search.ReferenceManager.maybeRefresh"),
          stage(
              "index: earlier versions look-up",
              "org.tocsin.index.Versions.latestVersions",
              "org.tocsin.index.PostIndex.get"),
          stage(
              "index: Lucene indexing",
              "org.apache.lucene.index.IndexWriter.",
              "org.apache.lucene.index.IndexingChain",
              "org.apache.lucene.index.DocumentsWriter"),
          stage("index: document build", "org.tocsin.index."),
          stage("live campaigns", "org.tocsin.campaigns.", "org.tocsin.node.campaigns."),
          stage("alerts", "org.tocsin.node.alerts."),
          stage("edit / deletion checks", "org.tocsin.node.LedgerIndexer.record"),
          stage("import: validate", "org.tocsin.node.PostImporter."),
          stage("pipeline: other (LedgerIndexer)", "org.tocsin.node."));

  private static Stage stage(String name, String... prefixes) {
    return new Stage(
        name,
        f -> {
          for (String p : prefixes) {
            if (f.startsWith(p)) {
              return true;
            }
          }
          return false;
        });
  }

  /** The samples of each stage (in {@link #STAGES} order, then "other"), and their total. */
  record Counts(Map<String, Long> byStage, long total) {
    /** A stage's share of the samples. */
    double share(String stage) {
      return total == 0 ? 0 : byStage.getOrDefault(stage, 0L) / (double) total;
    }
  }

  /** The name of the catch-all stage: frames no stage names (JDK, Lucene analysis outside ...). */
  static final String OTHER = "other (JDK and libraries outside the stages)";

  /**
   * Counts a recording's CPU samples by stage.
   *
   * @throws IOException if the recording cannot be read
   */
  static Counts count(Path recording) throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Stage s : STAGES) {
      counts.put(s.name(), 0L);
    }
    counts.put(NODE_OPEN, 0L);
    counts.put(OTHER, 0L);
    long total = 0;
    try (RecordingFile f = new RecordingFile(recording)) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        total++;
        counts.merge(stageOf(e.getStackTrace()), 1L, Long::sum);
      }
    }
    return new Counts(counts, total);
  }

  /** The stage of a sample: that of its innermost frame that names one. */
  static String stageOf(RecordedStackTrace trace) {
    if (trace == null) {
      return OTHER;
    }
    List<String> frames = new ArrayList<>();
    for (RecordedFrame fr : trace.getFrames()) {
      frames.add(fr.getMethod().getType().getName() + "." + fr.getMethod().getName());
    }
    return stageOf(frames);
  }

  /**
   * Opening the node (loading the scorer's models, opening the ledger and index): any sample with
   * {@code TocsinNode.open} on its stack, whatever runs above it.
   */
  static final String NODE_OPEN = "node open (scorer models loading)";

  /** The stage of a stack, leaf first. */
  static String stageOf(List<String> leafFirst) {
    for (String frame : leafFirst) {
      if (frame.startsWith("org.tocsin.node.TocsinNode.open")) {
        return NODE_OPEN;
      }
    }
    for (String frame : leafFirst) {
      for (Stage s : STAGES) {
        if (s.frame().test(frame)) {
          return s.name();
        }
      }
    }
    return OTHER;
  }

  /**
   * Starts a JFR recording with the JDK's {@code profile} settings (CPU samples every 10 ms, object
   * allocation samples) into a file, written when it stops.
   *
   * @throws IOException if the settings cannot be read or the file cannot be set
   */
  static Recording startRecording(Path file) throws IOException {
    try {
      Recording r = new Recording(Configuration.getConfiguration("profile"));
      r.setDestination(file);
      r.start();
      return r;
    } catch (ParseException e) {
      throw new IOException("the JDK's JFR profile settings do not parse: " + e.getMessage(), e);
    }
  }

  /**
   * Appends the stage table: each stage's share of the samples and its CPU time per post, the Java
   * threads' CPU time spread by the shares.
   */
  static void table(BenchReport report, Counts counts, double javaCpuSeconds, long posts) {
    report
        .line(
            "Stage costs (JFR CPU samples of the import, %,d samples; the %.1f s of CPU"
                + " outside GC spread by each stage's share):",
            counts.total(), javaCpuSeconds)
        .line("")
        .line("| stage | samples | share | CPU µs per post |")
        .line("| --- | ---: | ---: | ---: |");
    counts.byStage().entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                report.line(
                    "| %s | %,d | %.1f %% | %.0f |",
                    e.getKey(),
                    e.getValue(),
                    100 * counts.share(e.getKey()),
                    1e6 * javaCpuSeconds * counts.share(e.getKey()) / posts));
    report.line("");
  }

  /**
   * Re-reads a kept recording ({@code -Dtocsin.bench.jfr=FILE}): args FILE, the CPU seconds outside
   * GC the run printed, the posts imported; prints the stage table.
   */
  public static void main(String[] args) throws IOException {
    BenchReport report = new BenchReport("Ingest stage costs of " + args[0]);
    table(report, count(Path.of(args[0])), Double.parseDouble(args[1]), Long.parseLong(args[2]));
    System.out.print(report.text());
  }

  private StageCosts() {}
}
