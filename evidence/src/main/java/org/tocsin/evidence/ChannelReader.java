package org.tocsin.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.tocsin.evidence.format.v1.PositionalReader;

/** Positional reads on a plain channel, for one-off read-only checks. */
final class ChannelReader implements PositionalReader {

  private final FileChannel channel;
  private final Path path;

  ChannelReader(FileChannel channel, Path path) {
    this.channel = channel;
    this.path = path;
  }

  @Override
  public void readFully(ByteBuffer dst, long position) throws IOException {
    long pos = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, pos);
      if (n < 0) {
        throw new EOFException("unexpected end of " + path + " [at offset " + pos + "]");
      }
      pos += n;
    }
  }
}
