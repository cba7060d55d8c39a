package org.tocsin.evidence.format.v1;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/** Buffered forward reading of a file range through positional reads; one thread only. */
final class SequentialInput {

  private final PositionalReader in;
  private final long limit;
  private final ByteBuffer buf;
  private long pos;

  SequentialInput(PositionalReader in, long start, long limit, int bufferSize) {
    this.in = in;
    this.limit = limit;
    this.buf = ByteBuffer.allocate(bufferSize);
    this.buf.limit(0);
    this.pos = start;
  }

  /** The file position of the next byte to read. */
  long position() {
    return pos;
  }

  /** Reads exactly {@code len} bytes into {@code dst}. */
  void readFully(byte[] dst, int off, int len) throws IOException {
    while (len > 0) {
      fillIfEmpty();
      int k = Math.min(len, buf.remaining());
      buf.get(dst, off, k);
      off += k;
      len -= k;
      pos += k;
    }
  }

  /** Feeds the next {@code len} bytes to a digest without keeping them. */
  void digest(MessageDigest md, long len) throws IOException {
    while (len > 0) {
      fillIfEmpty();
      int k = (int) Math.min(len, buf.remaining());
      md.update(buf.array(), buf.arrayOffset() + buf.position(), k);
      buf.position(buf.position() + k);
      len -= k;
      pos += k;
    }
  }

  /** Feeds the next {@code len} bytes to two digests without keeping them. */
  void digest(MessageDigest md, MessageDigest md2, long len) throws IOException {
    while (len > 0) {
      fillIfEmpty();
      int k = (int) Math.min(len, buf.remaining());
      md.update(buf.array(), buf.arrayOffset() + buf.position(), k);
      md2.update(buf.array(), buf.arrayOffset() + buf.position(), k);
      buf.position(buf.position() + k);
      len -= k;
      pos += k;
    }
  }

  private void fillIfEmpty() throws IOException {
    if (buf.hasRemaining()) {
      return;
    }
    long n = Math.min(buf.capacity(), limit - pos);
    if (n <= 0) {
      throw new EOFException("read past the scanned end " + limit + " [at offset " + pos + "]");
    }
    buf.clear();
    buf.limit((int) n);
    in.readFully(buf, pos);
    buf.flip();
  }
}
