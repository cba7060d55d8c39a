package org.tocsin.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines of bytes with a bound on line length, so that one hostile line cannot exhaust memory:
 * a longer line is read to its end and reported as too long, its bytes discarded. Scans a buffer
 * for line ends rather than reading byte by byte.
 */
final class BoundedLineReader {
  /** A line, or the fact that it was too long. */
  record Line(byte[] bytes, long length, boolean tooLong) {}

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1024];
  private long bytesRead;

  BoundedLineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  Line next() throws IOException {
    long length = 0;
    int kept = 0;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        break;
      }
      any = true;
      int start = pos;
      int end = start;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      int n = end - start;
      length += n;
      if (length <= maxBytes) {
        if (kept + n > line.length) {
          line = Arrays.copyOf(line, Math.max(kept + n, Math.min(maxBytes, line.length * 2)));
        }
        System.arraycopy(buf, start, line, kept, n);
        kept += n;
      }
      if (end < limit) {
        pos = end + 1;
        bytesRead += n + 1;
        break;
      }
      pos = end;
      bytesRead += n;
    }
    if (!any) {
      return null;
    }
    if (length > maxBytes) {
      return new Line(new byte[0], length, true);
    }
    int size = kept > 0 && line[kept - 1] == '\r' ? kept - 1 : kept;
    return new Line(Arrays.copyOf(line, size), length, false);
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      pos = 0;
      limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** Bytes consumed so far, terminators included. */
  long bytesRead() {
    return bytesRead;
  }
}
