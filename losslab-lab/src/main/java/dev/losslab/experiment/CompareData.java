package dev.losslab.experiment;

import dev.losslab.data.CsvReader;
import dev.losslab.data.DenseDataset;
import dev.losslab.data.GaussianClusters;
import dev.losslab.data.IdxReader;
import dev.losslab.data.Scaling;
import dev.losslab.data.Standardizer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training and test sets of a comparison, with where they came from.
 *
 * <ul>
 *   <li>{@link #generated}: the built-in default, {@link GaussianClusters#defaults()} (5 classes in 20
 *       dimensions, separation 3): 2,000 training and 1,000 test examples. Small on purpose: eight
 *       losses × three seeds × 20 epochs of a 20-32-5 network finish well within two minutes on two
 *       cores, and the classes overlap enough that the losses differ;
 *   <li>{@link #read} and {@link #dense}: a folder of idx files ({@code train-*} and {@code t10k-*},
 *       pixels scaled to [0, 1]) or a CSV file (label in the last column, split 80/20 by seed, features
 *       standardised on the training part).
 * </ul>
 *
 * <pre>{@code
 * CompareData small = CompareData.generated(600, 300);      // 600 training and 300 test examples
 * CompareData close = CompareData.generated(new GaussianClusters(3, 10, 1.5, 0.0, 1L), 600, 300);
 * CompareData fashion = CompareData.read(Path.of("fashion-mnist"));   // train-* and t10k-* idx files
 * }</pre>
 *
 * <p>Any other pair of labelled {@link DenseDataset}s (from a reader, {@link
 * dev.losslab.data.LabelNoise}, a generator of one's own) goes through the constructor, {@code new
 * CompareData(train, test, "what they are")}, which checks that they fit together.
 *
 * @param train the training set (labelled)
 * @param test the test set (labelled, labels seen in training)
 * @param description one line for the report
 */
public record CompareData(DenseDataset train, DenseDataset test, String description) {

  /** Training examples of the generated data unless told otherwise. */
  public static final int DEFAULT_TRAIN_ROWS = 2000;

  /** Test examples of the generated data unless told otherwise. */
  public static final int DEFAULT_TEST_ROWS = 1000;

  /**
   * Checks that the sets fit together.
   *
   * @throws IllegalArgumentException naming the set at fault when either has no labels or no examples,
   *     their feature counts differ, or a test label never occurs in training
   */
  public CompareData {
    if (!train.hasLabels() || !test.hasLabels()) {
      throw new IllegalArgumentException(train.name() + ": compare needs class labels");
    }
    if (train.rows() == 0) {
      throw new IllegalArgumentException(train.name() + ": has no examples");
    }
    if (test.rows() == 0) {
      throw new IllegalArgumentException(test.name() + ": has no examples");
    }
    if (test.columns() != train.columns()) {
      throw new IllegalArgumentException(test.name() + ": has " + test.columns()
          + " features per example, " + train.name() + " has " + train.columns());
    }
    int[] counts = new int[train.classes()];
    for (int y : train.labels()) {
      counts[y]++;
    }
    for (int i = 0; i < test.rows(); i++) {
      int y = test.labels()[i];
      if (y >= counts.length || counts[y] == 0) {
        throw new IllegalArgumentException(test.name() + ": label " + y + " of example " + i
            + " never occurs in the training set " + train.name());
      }
    }
  }

  /**
   * The built-in generated data at the default sizes: {@link GaussianClusters#defaults()},
   * {@value #DEFAULT_TRAIN_ROWS} training and {@value #DEFAULT_TEST_ROWS} test examples.
   */
  public static CompareData generated() {
    return generated(DEFAULT_TRAIN_ROWS, DEFAULT_TEST_ROWS);
  }

  /** The built-in generated data: Gaussian clusters, {@code trainRows} + {@code testRows} examples. */
  public static CompareData generated(int trainRows, int testRows) {
    return generated(GaussianClusters.defaults(), trainRows, testRows);
  }

  /** Data drawn from {@code g}: {@code trainRows} + {@code testRows} examples (sample seeds 1 and 2). */
  public static CompareData generated(GaussianClusters g, int trainRows, int testRows) {
    DenseDataset train = g.generate(trainRows, 1L);
    DenseDataset test = g.generate(testRows, 2L);
    return new CompareData(train, test, "generated Gaussian clusters: " + g.classes() + " classes, "
        + g.dimensions() + " dimensions, separation " + g.separation() + "; " + trainRows
        + " training and " + testRows + " test examples (sample seeds 1 and 2)");
  }

  /**
   * Reads {@code path}, a folder of idx files or a CSV file, whole; a CSV file is split with seed 1.
   *
   * @throws IllegalArgumentException naming the path (and line) when it is missing or unreadable
   */
  public static CompareData read(Path path) {
    return dense(path, 0, 1L);
  }

  /**
   * Reads {@code path}: a folder of idx files or a CSV file.
   *
   * @param limit keep at most this many training examples (the first ones), 0 for all
   * @param splitSeed the seed of a CSV file's 80/20 split
   * @throws IllegalArgumentException naming the path when it is missing or unreadable as either
   */
  public static CompareData dense(Path path, int limit, long splitSeed) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such file or folder");
    }
    DenseDataset train;
    DenseDataset test;
    String how;
    if (Files.isDirectory(path)) {
      train = Scaling.divide(IdxReader.readDirectory(path, "train"), 255.0);
      test = Scaling.divide(IdxReader.readDirectory(path, "t10k"), 255.0);
      how = "idx folder, pixels / 255";
    } else {
      DenseDataset all = CsvReader.read(path);
      if (all.rows() < 2) {
        throw new IllegalArgumentException(path + ": needs at least 2 examples, has " + all.rows());
      }
      DenseDataset.Split split = all.split(0.2, splitSeed);
      Standardizer st = Standardizer.fit(split.train());
      train = st.apply(split.train());
      test = st.apply(split.test());
      how = "CSV, 80/20 split (seed " + splitSeed + "), standardised on the training part";
    }
    if (limit > 0 && train.rows() > limit) {
      train = train.head(limit);
    }
    return new CompareData(train, test, path + " (" + how + "): " + train.rows() + " training and "
        + test.rows() + " test examples, " + train.columns() + " features, " + train.classes()
        + " classes");
  }

  /** Checksums of both sets, {@code train/test}. */
  public String checksum() {
    return train.checksum() + "/" + test.checksum();
  }
}
