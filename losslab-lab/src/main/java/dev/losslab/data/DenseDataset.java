package dev.losslab.data;

import dev.losslab.train.Examples;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A dense data set: {@code rows × columns} float features, row-major, and either one class label per row
 * (classification: {@code labels} in {@code [0, classes)}, {@code targets == null}) or a dense
 * {@code rows × targetColumns} target matrix (regression or soft targets: {@code labels == null},
 * {@code classes == 0}). Arrays are shared, not copied; treat them as read-only.
 *
 * <p>The {@code checksum} identifies the content (SHA-256 over shape, features and labels or targets,
 * first 16 hex digits), so reports can record which data a result came from.
 *
 * @param name where the data came from, e.g. {@code fashion-mnist/train}
 * @param features row-major features
 * @param rows number of examples
 * @param columns features per example
 * @param labels class labels, or {@code null}
 * @param classes number of classes (0 without labels)
 * @param targets dense targets, row-major, or {@code null}
 * @param targetColumns targets per example (0 without dense targets)
 * @param checksum content hash, from {@link #checksum(float[], int, int, int[], double[])}
 */
public record DenseDataset(
    String name, float[] features, int rows, int columns, int[] labels, int classes, double[] targets,
    int targetColumns, String checksum) {

  /** Checks shapes and label range. */
  public DenseDataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(checksum, "checksum");
    if (rows < 0 || columns < 1 || (long) rows * columns != features.length) {
      throw new IllegalArgumentException(name + ": features have " + features.length
          + " values, expected rows (" + rows + ") × columns (" + columns + ")");
    }
    if ((labels == null) == (targets == null)) {
      throw new IllegalArgumentException(name + ": needs either labels or dense targets");
    }
    if (labels != null) {
      if (labels.length != rows) {
        throw new IllegalArgumentException(
            name + ": " + labels.length + " labels for " + rows + " examples");
      }
      if (classes < 1) {
        throw new IllegalArgumentException(name + ": classes (" + classes + ") must be ≥ 1");
      }
      for (int i = 0; i < rows; i++) {
        if (labels[i] < 0 || labels[i] >= classes) {
          throw new IllegalArgumentException(
              name + ": label " + labels[i] + " of example " + i + " is outside [0, " + classes + ")");
        }
      }
    } else if (targetColumns < 1 || (long) rows * targetColumns != targets.length) {
      throw new IllegalArgumentException(name + ": targets have " + targets.length
          + " values, expected rows (" + rows + ") × target columns (" + targetColumns + ")");
    }
  }

  /** A classification data set; {@code classes} is at least 1 + the largest label. */
  public static DenseDataset classification(String name, float[] features, int rows, int columns,
      int[] labels, int classes) {
    return new DenseDataset(name, features, rows, columns, labels, classes, null, 0,
        checksum(features, rows, columns, labels, null));
  }

  /** A data set with dense targets, {@code rows × targetColumns} (regression, soft labels). */
  public static DenseDataset regression(String name, float[] features, int rows, int columns,
      double[] targets, int targetColumns) {
    return new DenseDataset(name, features, rows, columns, null, 0, targets, targetColumns,
        checksum(features, rows, columns, null, targets));
  }

  /** Whether the examples carry class labels. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** The number of scores a network needs: the classes, or the target columns. */
  public int outputs() {
    return labels != null ? classes : targetColumns;
  }

  /** The view the {@link dev.losslab.train.Trainer} takes (arrays shared, not copied). */
  public Examples examples() {
    return labels != null
        ? Examples.labelled(features, rows, columns, labels)
        : Examples.dense(features, rows, columns, targets, targetColumns);
  }

  /** The same features with other labels (e.g. after {@link LabelNoise}); checksum recomputed. */
  public DenseDataset withLabels(String newName, int[] newLabels) {
    if (labels == null) {
      throw new IllegalArgumentException(name + " has dense targets, not labels");
    }
    return classification(newName, features, rows, columns, newLabels, classes);
  }

  /** The same data under another name (scaled copies keep their origin in the name). */
  public DenseDataset withFeatures(String newName, float[] newFeatures) {
    return new DenseDataset(newName, newFeatures, rows, columns, labels, classes, targets,
        targetColumns, checksum(newFeatures, rows, columns, labels, targets));
  }

  /** The examples at {@code indices}, in that order (copied). */
  public DenseDataset subset(String newName, int[] indices) {
    int n = indices.length;
    float[] f = new float[n * columns];
    int[] l = labels == null ? null : new int[n];
    double[] t = targets == null ? null : new double[n * targetColumns];
    for (int i = 0; i < n; i++) {
      int src = indices[i];
      if (src < 0 || src >= rows) {
        throw new IllegalArgumentException(name + ": index " + src + " outside [0, " + rows + ")");
      }
      System.arraycopy(features, src * columns, f, i * columns, columns);
      if (l != null) {
        l[i] = labels[src];
      } else {
        System.arraycopy(targets, src * targetColumns, t, i * targetColumns, targetColumns);
      }
    }
    return l != null
        ? classification(newName, f, n, columns, l, classes)
        : regression(newName, f, n, columns, t, targetColumns);
  }

  /** The first {@code n} examples (all of them if there are fewer). */
  public DenseDataset head(int n) {
    int m = Math.min(Math.max(n, 0), rows);
    int[] idx = new int[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    return m == rows ? this : subset(name + "[:" + m + "]", idx);
  }

  /** A train/test pair. */
  public record Split(DenseDataset train, DenseDataset test) {}

  /**
   * Shuffles (seeded) and splits off {@code testFraction} of the examples as a test set.
   *
   * @throws IllegalArgumentException unless {@code 0 < testFraction < 1} and both parts are non-empty
   */
  public Split split(double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction (" + testFraction + ") must be in (0, 1)");
    }
    int test = (int) Math.round(rows * testFraction);
    if (test == 0 || test == rows) {
      throw new IllegalArgumentException(name + ": " + rows + " examples are too few to split "
          + testFraction + " off as a test set");
    }
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] testIdx = java.util.Arrays.copyOfRange(order, 0, test);
    int[] trainIdx = java.util.Arrays.copyOfRange(order, test, rows);
    return new Split(subset(name + "/train", trainIdx), subset(name + "/test", testIdx));
  }

  /** Number of examples per class (classification only). */
  public int[] classCounts() {
    if (labels == null) {
      throw new IllegalArgumentException(name + " has dense targets, not labels");
    }
    int[] counts = new int[classes];
    for (int y : labels) {
      counts[y]++;
    }
    return counts;
  }

  /** SHA-256 over the shape, features and labels or targets; the first 16 hex digits. */
  public static String checksum(float[] features, int rows, int columns, int[] labels,
      double[] targets) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(rows).putInt(columns);
    for (float v : features) {
      if (buf.remaining() < 8) {
        flush(md, buf);
      }
      buf.putFloat(v);
    }
    if (labels != null) {
      for (int v : labels) {
        if (buf.remaining() < 8) {
          flush(md, buf);
        }
        buf.putInt(v);
      }
    }
    if (targets != null) {
      for (double v : targets) {
        if (buf.remaining() < 8) {
          flush(md, buf);
        }
        buf.putDouble(v);
      }
    }
    flush(md, buf);
    return HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  private static void flush(MessageDigest md, ByteBuffer buf) {
    buf.flip();
    md.update(buf);
    buf.clear();
  }

  @Override
  public String toString() {
    return "DenseDataset[" + name + ", " + rows + " × " + columns
        + (labels != null ? ", " + classes + " classes" : ", " + targetColumns + " targets")
        + ", checksum " + checksum + "]";
  }
}
