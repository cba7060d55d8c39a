/**
 * Dashboard statistics over any query and filters: facet counts (target group, ground, language,
 * platform, label, campaign, author) and date histograms per hour or day, computed from doc values.
 */
package org.tocsin.index.stats;
