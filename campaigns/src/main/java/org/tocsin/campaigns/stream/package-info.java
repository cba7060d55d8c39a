/**
 * Streaming campaign detection: posts arrive one at a time, only a sliding window of recent posts
 * and the edges of recently seen accounts are kept, and campaigns keep a stable id as they grow.
 */
package org.tocsin.campaigns.stream;
