package org.tocsin.evidence;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tocsin.evidence.format.v1.PositionalReader;

/**
 * Positional reads on a read-only channel that survives interrupted readers. A thread interrupted
 * during a {@link FileChannel} read closes the channel for every thread; this reader opens a new
 * one, fails only the interrupted read, and retries the reads of the others.
 */
final class ReopeningReader implements PositionalReader, Closeable {

  private static final int MAX_REOPENS_PER_READ = 8;

  private final Path path;
  private volatile FileChannel channel;
  private volatile boolean closed;

  ReopeningReader(Path path) throws IOException {
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
  }

  @Override
  public void readFully(ByteBuffer dst, long position) throws IOException {
    int reopens = 0;
    long pos = position;
    while (dst.hasRemaining()) {
      FileChannel ch = channel;
      try {
        int n = ch.read(dst, pos);
        if (n < 0) {
          throw new EOFException(
              "unexpected end of "
                  + path
                  + " [at offset "
                  + pos
                  + ", wanted "
                  + dst.remaining()
                  + " more bytes]");
        }
        pos += n;
      } catch (ClosedByInterruptException e) {
        reopen(ch);
        InterruptedIOException ie = new InterruptedIOException("interrupted reading " + path);
        ie.initCause(e);
        throw ie;
      } catch (ClosedChannelException e) {
        if (closed || ++reopens > MAX_REOPENS_PER_READ) {
          throw e;
        }
        reopen(ch);
      }
    }
  }

  /** The current length of the file. */
  long size() throws IOException {
    return java.nio.file.Files.size(path);
  }

  private synchronized void reopen(FileChannel stale) throws IOException {
    if (!closed && channel == stale) {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    channel.close();
  }
}
