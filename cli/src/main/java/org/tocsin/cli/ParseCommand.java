package org.tocsin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.DeletionParser;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.node.CaptureParsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin parse}: recorded platform payloads to Post JSONL on stdout, with the same parsers
 * the crawlers use, so that investigators can bring in captures made elsewhere.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parses recorded platform payloads into Post JSONL on stdout, with the parsers the crawlers"
          + " use: Mastodon statuses (a timeline page, one status or a streaming update), Bluesky"
          + " Jetstream events (JSONL, one event per line), saved Telegram t.me/s pages, Reddit"
          + " listings, RSS/Atom feeds and 4chan threads. Bad inputs and bad items are reported"
          + " on stderr and skipped; upstream deletions in the input are reported on stderr."
          + " Exits with 1 if a file yields nothing the parser recognised.",
      "Mastodon ids are instance-local and 4chan ids need the board: give --url (the URL the"
          + " file was fetched from); a Mastodon file without it takes the instance from its"
          + " local accounts' statuses."
    })
final class ParseCommand implements Callable<Integer> {
  /** Platform names accepted by --platform, with the capture format each maps to. */
  static final Map<String, String> PLATFORMS =
      Map.of(
          "mastodon", "mastodon-statuses",
          "bluesky", "jetstream-event",
          "jetstream", "jetstream-event",
          "telegram", "telegram-html",
          "reddit", "reddit-listing",
          "rss", "rss",
          "atom", "rss",
          "4chan", "4chan-thread");

  @Spec CommandSpec spec;

  @Option(
      names = "--platform",
      required = true,
      paramLabel = "P",
      description = "mastodon, bluesky (= jetstream), telegram, reddit, rss (= atom) or 4chan.")
  String platform;

  @Option(
      names = "--strict",
      description = "Exit with 1 if any input was rejected or any item skipped.")
  boolean strict;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The http(s) URL the files were fetched from, such as"
              + " https://mastodon.social/api/v1/timelines/public or"
              + " https://a.4cdn.org/pol/catalog.json; default: each file's own file: URI.")
  String url;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recorded payloads.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    String format = PLATFORMS.get(platform.toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown platform [got " + platform + "]; use one of " + PLATFORMS.keySet());
    }
    if (url != null && !url.matches("(?i)https?://[^/\\s]+(/\\S*)?")) {
      throw new ParameterException(
          spec.commandLine(), "--url must be an absolute http(s) URL [got " + url + "]");
    }
    CaptureParser parser = CaptureParsers.standard().forFormat(format).orElseThrow();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long posts = 0;
    long rejected = 0;
    long skippedItems = 0;
    long empty = 0;
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new ParameterException(spec.commandLine(), "not a readable file: " + f);
      }
      byte[] bytes = Files.readAllBytes(f);
      Instant mtime = Files.getLastModifiedTime(f).toInstant();
      List<byte[]> bodies = "jetstream-event".equals(format) ? lines(bytes) : List.of(bytes);
      long found = 0;
      for (int i = 0; i < bodies.size(); i++) {
        String where = bodies.size() > 1 ? f + ":" + (i + 1) : f.toString();
        Capture c =
            new Capture(
                "parse:" + f.getFileName(),
                format,
                null,
                url != null ? url : f.toAbsolutePath().toUri().toString(),
                0,
                Map.of(),
                "application/octet-stream",
                mtime,
                mtime,
                bodies.get(i));
        try {
          ParseResult result = parser.parseResult(c);
          for (Post p : result.posts()) {
            out.println(PostJson.write(p));
            posts++;
            found++;
          }
          for (String w : result.warnings()) {
            err.println(where + ": " + w);
            skippedItems++;
          }
          if (parser instanceof DeletionParser d) {
            for (UpstreamDeletion del : d.deletions(c)) {
              err.println(where + ": upstream deletion of " + del.platform() + "/" + del.id());
              found++;
            }
          }
        } catch (PostFormatException e) {
          rejected++;
          err.println(where + ": skipped: " + e.getMessage());
        }
      }
      if (found == 0) {
        empty++;
        err.println(f + ": nothing recognised as " + platform + " (no post, no deletion)");
      }
    }
    out.flush();
    err.printf(
        Locale.ROOT,
        "%,d posts written, %,d inputs rejected, %,d warnings, %,d files with nothing recognised%n",
        posts,
        rejected,
        skippedItems,
        empty);
    return empty > 0 || (strict && (rejected > 0 || skippedItems > 0)) ? 1 : 0;
  }

  private static List<byte[]> lines(byte[] bytes) {
    List<byte[]> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        if (end > start) {
          out.add(java.util.Arrays.copyOfRange(bytes, start, end));
        }
        start = i + 1;
      }
    }
    return out;
  }
}
