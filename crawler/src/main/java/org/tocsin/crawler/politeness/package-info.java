/**
 * Per-host politeness: one queue per host with its own pace, pauses for {@code 429 Retry-After} and
 * exhausted {@code X-RateLimit-*} budgets, and exponential backoff with jitter.
 */
package org.tocsin.crawler.politeness;
