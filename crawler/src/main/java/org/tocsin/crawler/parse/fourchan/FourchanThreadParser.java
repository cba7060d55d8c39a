package org.tocsin.crawler.parse.fourchan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.internal.Guard;
import org.tocsin.crawler.parse.internal.HtmlText;
import org.tocsin.crawler.parse.internal.Items;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/**
 * Parses 4chan API JSON: a thread ({@code {"posts": [...]}}), a catalog ({@code [{"page",
 * "threads"}]}), one thread object of a catalog ({@code {"no", "time", "last_replies"}}) or an
 * index page ({@code {"threads": [{"posts": [...]}]}}). A post that cannot be read is skipped with
 * a warning. The board comes from the capture URL ({@code https://a.4cdn.org/<board>/...}); post
 * ids are {@code <board>/<no>}. A reply's {@code replyTo} is the first post it quotes ({@code
 * >>N}), else its thread. A thread list ({@code threads.json}) holds no posts and yields none.
 */
public final class FourchanThreadParser implements CaptureParser {

  /** The capture format this parser reads. */
  public static final String FORMAT = "4chan-thread";

  /** The most posts read from one capture. */
  public static final int MAX_POSTS = 20_000;

  private static final Pattern BOARD = Pattern.compile("^https?://[^/]+/([a-z0-9]{1,16})/");
  private static final Pattern QUOTE = Pattern.compile("^#p([0-9]{1,19})$");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public List<Post> parse(Capture capture) throws PostFormatException {
    return parseResult(capture).posts();
  }

  @Override
  public ParseResult parseResult(Capture capture) throws PostFormatException {
    return Guard.run(FORMAT, () -> read(capture));
  }

  private static ParseResult read(Capture c) throws PostFormatException {
    Matcher bm = BOARD.matcher(c.url());
    if (!bm.find()) {
      throw new PostFormatException(
          FORMAT
              + ": capture URL names no board; give the URL the body was fetched from, such as"
              + " https://a.4cdn.org/po/catalog.json [got "
              + c.url()
              + "]");
    }
    String board = bm.group(1);
    JsonNode root = Parsing.readJson(c);
    List<JsonNode> posts = new ArrayList<>();
    if (root.isObject() && root.has("no") && root.has("time")) {
      // One thread object of a catalog page: the opening post and its last replies.
      posts.add(root);
      collect(root.get("last_replies"), posts, "last_replies");
    } else if (root.isObject() && root.has("posts")) {
      collect(root.get("posts"), posts, "posts");
    } else if (root.isObject() && root.has("threads")) {
      JsonNode threads = root.get("threads");
      for (int i = 0; threads.isArray() && i < threads.size(); i++) {
        collect(threads.get(i).get("posts"), posts, "threads[" + i + "].posts");
      }
    } else if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        JsonNode threads = root.get(i).get("threads");
        for (int j = 0; threads != null && threads.isArray() && j < threads.size(); j++) {
          JsonNode op = threads.get(j);
          if (!op.has("time")) {
            continue; // threads.json (thread list): numbers and times only, no posts
          }
          posts.add(op);
          collect(op.get("last_replies"), posts, "[" + i + "].threads[" + j + "].last_replies");
          check(posts.size());
        }
      }
    } else {
      throw new PostFormatException(
          FORMAT + ": expected a thread, catalog or index [got " + root.getNodeType() + "]");
    }
    Items items = new Items(FORMAT);
    for (int i = 0; i < posts.size(); i++) {
      JsonNode p = posts.get(i);
      String where =
          FORMAT
              + " post "
              + (i + 1)
              + " (no "
              + (p == null ? "?" : PostBuilder.cut(p.path("no").asText(), 40))
              + ")";
      items.item(
          where,
          out -> {
            if (p == null || !p.isObject()) {
              throw new PostFormatException(
                  FORMAT
                      + ": a post must be an object [got "
                      + PostBuilder.cut(String.valueOf(p), 80)
                      + "]");
            }
            out.add(post(p, board));
          });
    }
    return items.result();
  }

  private static void collect(JsonNode arr, List<JsonNode> into, String where)
      throws PostFormatException {
    if (arr == null || arr.isNull()) {
      return;
    }
    if (!arr.isArray()) {
      throw new PostFormatException(FORMAT + " " + where + ": must be an array");
    }
    for (JsonNode p : arr) {
      into.add(p);
      check(into.size());
    }
  }

  private static void check(int n) throws PostFormatException {
    if (n > MAX_POSTS) {
      throw new PostFormatException(FORMAT + ": too many posts [max " + MAX_POSTS + "]");
    }
  }

  private static Post post(JsonNode p, String board) throws PostFormatException {
    String no = Parsing.required(p, "no", FORMAT + " post");
    String where = FORMAT + " post " + board + "/" + PostBuilder.cut(no, 40);
    PostBuilder b = new PostBuilder("4chan");
    b.id = board + "/" + no;
    String resto = Parsing.nonBlank(p, "resto");
    boolean op = resto == null || resto.equals("0");
    String thread = op ? no : resto;
    b.url = "https://boards.4chan.org/" + board + "/thread/" + thread + (op ? "" : "#p" + no);
    String poster = Parsing.nonBlank(p, "id");
    String trip = Parsing.nonBlank(p, "trip");
    String name = Parsing.nonBlank(p, "name");
    // Anonymous boards have no accounts: a tripcode is the only stable identity, a poster id
    // (boards with IDs) names one poster within one thread. Without either nothing tells posters
    // apart, and one board-wide "anonymous" author merged every such poster of every board into
    // one prolific account, which campaign detection would read as coordination. Scoped to the
    // thread, the unavoidable merge stays within one conversation, like a poster id would.
    b.authorId =
        trip != null
            ? "trip:" + trip
            : "thread:" + board + "/" + thread + "/" + (poster != null ? poster : "anonymous");
    b.handle = trip != null ? trip : poster;
    b.displayName = name;
    b.createdAt = Parsing.epochSeconds(p.get("time"));
    if (b.createdAt == null) {
      throw new PostFormatException(
          where + ".time: must be seconds since the epoch [got " + p.get("time") + "]");
    }
    String com = Parsing.text(p, "com");
    Element body = HtmlText.fragment(com);
    String quoted = null;
    for (Element a : body.select("a.quotelink[href]")) {
      Matcher q = QUOTE.matcher(a.attr("href"));
      if (q.find() && quoted == null) {
        quoted = board + "/" + q.group(1);
      }
    }
    b.replyTo = quoted != null ? quoted : op ? null : board + "/" + resto;
    String sub = Parsing.text(p, "sub");
    String text = HtmlText.of(body);
    String subject = sub == null ? "" : HtmlText.of(sub);
    b.text = subject.isEmpty() ? text : text.isEmpty() ? subject : subject + "\n\n" + text;
    for (String u : HtmlText.links(body, 1_000)) {
      b.link(u);
    }
    String tim = Parsing.nonBlank(p, "tim");
    String ext = Parsing.nonBlank(p, "ext");
    if (tim != null
        && ext != null
        && tim.matches("[0-9]{1,20}")
        && ext.matches("\\.[a-z0-9]{1,8}")) {
      b.media("https://i.4cdn.org/" + board + "/" + tim + ext);
    }
    b.extra("country", Parsing.nonBlank(p, "country"));
    b.metrics = new Metrics(null, null, op ? Parsing.count(p, "replies") : null, null);
    return b.build();
  }
}
