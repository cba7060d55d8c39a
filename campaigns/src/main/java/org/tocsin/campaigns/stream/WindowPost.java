package org.tocsin.campaigns.stream;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.campaigns.graph.PostRef;
import org.tocsin.core.post.PostKey;

/** A post while it is in the sliding window: what co-share detection and eviction need of it. */
final class WindowPost {

  final long seq;
  final long millis;
  final String account;
  final PostKey key;
  final PostRef ref;
  byte[] signature;
  long[] bandKeys;
  String textGroup;

  /** Whether the post is in a co-share with any other account yet (counted once per account). */
  boolean shared;

  final List<String> objects = new ArrayList<>(2);

  WindowPost(long seq, long millis, String account, PostRef ref) {
    this.seq = seq;
    this.millis = millis;
    this.account = account;
    this.key = ref.key();
    this.ref = ref;
  }
}
