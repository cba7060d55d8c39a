package org.tocsin.api.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads lines of bytes with a bound on line length, so that one hostile line cannot exhaust memory:
 * a longer line is read to its end and reported as too long, its bytes discarded.
 */
final class BoundedLineReader {
  /** A line, or the fact that it was too long. */
  record Line(byte[] bytes, long length, boolean tooLong) {}

  private final InputStream in;
  private final int maxBytes;
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
  private long bytesRead;

  BoundedLineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  Line next() throws IOException {
    buf.reset();
    long length = 0;
    int b;
    boolean any = false;
    while ((b = in.read()) != -1) {
      any = true;
      bytesRead++;
      if (b == '\n') {
        break;
      }
      length++;
      if (length <= maxBytes) {
        buf.write(b);
      }
    }
    if (!any) {
      return null;
    }
    byte[] bytes = buf.toByteArray();
    if (length <= maxBytes && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 0, trimmed, 0, trimmed.length);
      bytes = trimmed;
    }
    return new Line(length > maxBytes ? new byte[0] : bytes, length, length > maxBytes);
  }

  /** Bytes consumed so far, terminators included. */
  long bytesRead() {
    return bytesRead;
  }
}
