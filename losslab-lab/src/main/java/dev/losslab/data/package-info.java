/**
 * Dense data for the networks: the {@link dev.losslab.data.DenseDataset} record (float features,
 * labels or dense targets, a content checksum), readers for idx (MNIST, Fashion-MNIST) and CSV files,
 * scaling, a label-noise injector, and the generated data sets that make controlled experiments
 * possible (Zipf text, Gaussian clusters, regression with skewed noise), all deterministic by seed:
 *
 * <pre>{@code
 * DenseDataset train = new GaussianClusters(3, 10, 2.5, 0.0, 1L).generate(600, 1L);  // world seed 1, sample seed 1
 * DenseDataset digits = CsvReader.read(Path.of("digits.csv"));                    // label in the last column
 * DenseDataset noisy = LabelNoise.inject(train, 0.2, 7L);                         // 20 % of labels moved
 * }</pre>
 *
 * <p>{@link dev.losslab.experiment.CompareData} pairs a training and a test set for a comparison
 * ({@code CompareData.generated(600, 300)}, {@code CompareData.read(path)}).
 */
package dev.losslab.data;
