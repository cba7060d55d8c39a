package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  private static List<String> read(byte[] input, int max) throws IOException {
    BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(input), max);
    List<String> out = new ArrayList<>();
    BoundedLineReader.Line l;
    while ((l = r.next()) != null) {
      out.add(
          l.tooLong() ? "TOO-LONG:" + l.length() : new String(l.bytes(), StandardCharsets.UTF_8));
    }
    assertThat(r.bytesRead()).isEqualTo(input.length);
    return out;
  }

  @Test
  void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
    assertThat(read("a\nbb\r\n\nccc".getBytes(StandardCharsets.UTF_8), 10))
        .containsExactly("a", "bb", "", "ccc");
    assertThat(read("a\n".getBytes(StandardCharsets.UTF_8), 10)).containsExactly("a");
    assertThat(read(new byte[0], 10)).isEmpty();
  }

  @Test
  void tooLongLinesAreReportedAndSkippedAcrossBufferBoundaries() throws IOException {
    String big = "x".repeat(200_000);
    assertThat(read(("ok\n" + big + "\nafter").getBytes(StandardCharsets.UTF_8), 100_000))
        .containsExactly("ok", "TOO-LONG:200000", "after");
  }

  @Test
  void agreesWithStringSplittingOnRandomInput() throws IOException {
    long seed = new Random().nextLong();
    Random rnd = new Random(seed);
    for (int round = 0; round < 50; round++) {
      StringBuilder sb = new StringBuilder();
      List<String> expected = new ArrayList<>();
      int lines = rnd.nextInt(20);
      for (int i = 0; i < lines; i++) {
        String s = "y".repeat(rnd.nextInt(rnd.nextBoolean() ? 10 : 150_000));
        expected.add(s);
        sb.append(s).append('\n');
      }
      assertThat(read(sb.toString().getBytes(StandardCharsets.UTF_8), 200_000))
          .as("seed %d", seed)
          .isEqualTo(expected);
    }
  }
}
