/**
 * Dense data for the networks: the {@link dev.losslab.data.DenseDataset} record, readers for idx
 * (MNIST, Fashion-MNIST) and CSV files, scaling, a label-noise injector, and the generated data sets
 * that make controlled experiments possible (Zipf text, Gaussian clusters, regression with skewed
 * noise), all deterministic by seed.
 */
package dev.losslab.data;
