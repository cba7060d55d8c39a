package org.tocsin.campaigns.stream;

/**
 * How much state a {@link StreamingDetector} holds, to check that memory stays bounded.
 *
 * @param windowPosts posts in the sliding window (at most {@link StreamingConfig#maxWindowPosts})
 * @param objects distinct shared objects (URLs, hashtag sequences, text groups...) of those posts
 * @param bucketEntries LSH bucket entries of those posts (at most bands per post)
 * @param accounts accounts kept (at most {@link StreamingConfig#maxAccounts})
 * @param edges account pairs with at least one retained co-share
 * @param campaigns campaigns currently tracked
 * @param edgePosts post references (with their evidence refs) remembered by all edges, at most
 *     {@code 2 * 4096} per edge
 * @param edgeSamples co-shares kept verbatim by all edges, at most {@code maxEvidencePerSignal} per
 *     edge and signal
 */
public record StateSizes(
    int windowPosts,
    int objects,
    int bucketEntries,
    int accounts,
    int edges,
    int campaigns,
    long edgePosts,
    long edgeSamples) {}
