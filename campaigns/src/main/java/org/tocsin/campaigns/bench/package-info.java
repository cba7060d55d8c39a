/**
 * The ground-truth benchmark: organic background from real texts with injected campaigns of known
 * membership, and the account- and campaign-level scores of a detection run against it.
 */
package org.tocsin.campaigns.bench;
