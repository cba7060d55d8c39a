/**
 * The incitement bands: named lower thresholds on the {@code incitement} score ("elevated", "high")
 * with the precision and recall each was measured to have on the incitement set's test half. The
 * table is written by the calibration in {@code models} ({@code tocsin calibrate-incitement}) and
 * shipped as a resource; alert rules and the dashboard read it here.
 */
package org.tocsin.nlp.bands;
