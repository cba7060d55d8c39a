package org.tocsin.evidence.format.v1;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Reads bytes at a given file position without moving any shared position (thread-safe). */
@FunctionalInterface
public interface PositionalReader {

  /**
   * Fills the buffer's remaining space from the file, starting at {@code position}.
   *
   * @throws EOFException if the file ends first
   */
  void readFully(ByteBuffer dst, long position) throws IOException;
}
