/**
 * Coordination signals between two accounts: the objects two posts can share (near-duplicate text,
 * normalised URL, hashtag sequence, media hash, the post they repost or quote) and the MinHash/LSH
 * machinery that finds near-duplicate texts without comparing all pairs.
 */
package org.tocsin.campaigns.signal;
