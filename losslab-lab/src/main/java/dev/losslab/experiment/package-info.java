/**
 * Experiments on losses: comparisons of losses by training, the six experiments that test the seed
 * notes' claims, and the loss curves of {@code explore}; each ends in a {@link dev.losslab.report.Report}.
 *
 * <p>{@link dev.losslab.experiment.Lab} holds the common paths, one call each:
 *
 * <pre>{@code
 * CompareConfig config = CompareConfig.of("cross-entropy,gce,formula:1 - p[label]", 3,
 *     ModelSetup.defaults().withEpochs(5));
 * CompareResult result = Lab.compare(config, CompareData.generated(600, 300));
 * Lab.write(result.report(), Path.of("report"));                   // index.html, results.csv, ...
 *
 * Lab.write(Lab.experiment("label-noise", ExperimentContext.standard()), Path.of("label-noise"));
 * }</pre>
 *
 * <ul>
 *   <li><b>Comparisons.</b> {@link dev.losslab.experiment.CompareConfig}: the losses
 *       ({@link dev.losslab.experiment.LossChoice}: a name, options, a {@code formula:EXPR}), the
 *       seeds, and the shared {@link dev.losslab.experiment.ModelSetup} (network and trainer; its
 *       {@code defaults()} are those of {@code losslab compare}). The data are a
 *       {@link dev.losslab.experiment.CompareData} (generated clusters, an idx folder, a CSV file, or
 *       any two labelled data sets) or, for the text classifier, a
 *       {@link dev.losslab.experiment.TextData}. {@link dev.losslab.experiment.Lab#compare} trains one
 *       network per loss and seed with per-epoch diagnostics (training loss, test accuracy, gradient
 *       norm, stalled and wrong-direction fractions) and returns a
 *       {@link dev.losslab.experiment.CompareResult}: the runs, the report and a console summary.
 *   <li><b>Experiments.</b> {@link dev.losslab.experiment.Experiments} lists them;
 *       {@link dev.losslab.experiment.ExperimentContext} sets their sizes and seeds
 *       ({@code standard()}, {@code quick()}). Each states a claim with its source, measures, and
 *       computes its verdict from the numbers with stated thresholds.
 *   <li><b>Loss curves.</b> {@link dev.losslab.experiment.ExploreConfig} and
 *       {@link dev.losslab.experiment.Lab#explore}: value and gradient of each loss as a function of one
 *       score or probability, without training.
 * </ul>
 *
 * <p>Runs are deterministic by seed; bad arguments throw {@link java.lang.IllegalArgumentException}
 * with one line naming the value at fault.
 */
package dev.losslab.experiment;
