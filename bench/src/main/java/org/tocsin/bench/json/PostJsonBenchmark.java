package org.tocsin.bench.json;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

/**
 * Parsing and writing one Post JSON line, the first step of every import. Run: {@code java -cp
 * "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.openjdk.jmh.Main
 * PostJsonBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostJsonBenchmark {
  private byte[] line;
  private Post post;

  /** Prepares one realistic post. */
  @Setup
  public void setUp() throws PostFormatException {
    String json =
        "{\"platform\":\"twitter\",\"id\":\"ira-1\",\"author\":{\"id\":\"2528776985\","
            + "\"handle\":\"ten_gop\",\"followers\":14000},\"createdAt\":\"2016-11-08T14:03:00Z\","
            + "\"text\":\"RT @someone: They are coming for your country. Share before it is deleted"
            + " #MAGA #VoterFraud https://t.co/abc\",\"lang\":\"en\",\"links\":[\"https://t.co/abc\"],"
            + "\"hashtags\":[\"MAGA\",\"VoterFraud\"],\"mentions\":[\"someone\"],"
            + "\"ira\":{\"accountCategory\":\"RightTroll\"}}";
    line = json.getBytes(StandardCharsets.UTF_8);
    post = PostJson.read(line);
  }

  /** Parses the line. */
  @Benchmark
  public Post read() throws PostFormatException {
    return PostJson.read(line);
  }

  /** Writes the post. */
  @Benchmark
  public String write() {
    return PostJson.write(post);
  }
}
