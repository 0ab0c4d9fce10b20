/**
 * Experiments on losses: the curves of {@code explore} (value and gradient of a loss as a function of
 * one score or probability), the training runs of {@code compare} (one network per loss and seed, with
 * per-epoch diagnostics: training loss, test accuracy, gradient norm, stalled and wrong-direction
 * fractions), and the six experiments that test the claims of the seed notes. Each turns its
 * measurements into a {@link dev.losslab.report.Report} section whose verdict is computed from the
 * numbers with stated thresholds.
 */
package dev.losslab.experiment;
