package org.tocsin.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.evidence.custody.CustodyCodec;
import org.tocsin.evidence.custody.CustodyIndex;
import org.tocsin.evidence.format.v1.LedgerScanner;
import org.tocsin.evidence.merkle.MerkleTree;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.timestamp.TimestampRecord;

/**
 * What an open ledger derives from its records and keeps up to date as records become durable: the
 * Merkle tree, the custody index and the list of tree heads. Fed by the open scan first, then by
 * the writer thread; read by any thread.
 */
final class LedgerState implements GroupCommitWriter.DurableListener, LedgerScanner.RecordSink {

  private final MerkleTree tree = new MerkleTree();
  private final CustodyIndex custody = new CustodyIndex();
  private final List<TreeHeadEntry> heads = new ArrayList<>(); // guarded by this
  private final Map<Long, List<Long>> stamps = new HashMap<>(); // guarded by this
  private long undecodable; // guarded by this

  MerkleTree tree() {
    return tree;
  }

  CustodyIndex custody() {
    return custody;
  }

  synchronized List<TreeHeadEntry> heads() {
    return List.copyOf(heads);
  }

  synchronized TreeHeadEntry latestHead() {
    return heads.isEmpty() ? null : heads.get(heads.size() - 1);
  }

  /** The seqs of the TIMESTAMP records stamping the head at {@code headSeq}, oldest first. */
  synchronized List<Long> timestamps(long headSeq) {
    return List.copyOf(stamps.getOrDefault(headSeq, List.of()));
  }

  /** Custody and tree-head payloads that did not decode; {@code verify} names them. */
  synchronized long undecodable() {
    return undecodable;
  }

  @Override
  public boolean wantsPayload(int typeCode, long payloadLength) {
    return typeCode == RecordType.CUSTODY.code()
        || typeCode == RecordType.TREE_HEAD.code()
        || typeCode == RecordType.TIMESTAMP.code();
  }

  @Override
  public void record(long seq, long endOffset, int typeCode, byte[] leafHash, byte[] payload) {
    durable(seq, RecordType.fromCode(typeCode), payload, leafHash);
  }

  @Override
  public void durable(long seq, RecordType type, byte[] payload, byte[] leafHash) {
    tree.append(leafHash);
    try {
      if (type == RecordType.CUSTODY) {
        custody.add(seq, CustodyCodec.decode(payload).subjects());
      } else if (type == RecordType.TREE_HEAD) {
        TreeHeadEntry e = new TreeHeadEntry(seq, SignedTreeHead.decode(payload));
        synchronized (this) {
          heads.add(e);
        }
      } else if (type == RecordType.TIMESTAMP) {
        long head = TimestampRecord.decode(payload).headSeq();
        synchronized (this) {
          stamps.computeIfAbsent(head, k -> new ArrayList<>()).add(seq);
        }
      }
    } catch (IllegalArgumentException e) {
      // Kept in the ledger as written; the full verify reports the record by seq.
      synchronized (this) {
        undecodable++;
      }
    }
  }
}
