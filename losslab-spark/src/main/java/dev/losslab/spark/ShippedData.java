package dev.losslab.spark;

import dev.losslab.data.DenseDataset;
import dev.losslab.experiment.CompareData;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A sweep's data as Spark broadcasts it: written once by the driver, read once per executor (Spark
 * keeps the broadcast value and hands every task of that executor the same object), and only read by
 * the runs. Each data set travels as its name, shape, float features and labels or double targets, bit
 * for bit; the reader recomputes the checksum from what arrived, and every run checks it against the
 * checksum in its configuration before it trains, so data damaged on the way fails the run instead of
 * training on it.
 */
final class ShippedData implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient CompareData data;

  ShippedData(CompareData data) {
    this.data = data;
  }

  /** The data, as the driver had it. */
  CompareData data() {
    return data;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.writeUTF(data.description());
    write(out, data.train());
    write(out, data.test());
  }

  private void readObject(ObjectInputStream in) throws IOException {
    String description = in.readUTF();
    DenseDataset train = read(in);
    DenseDataset test = read(in);
    data = new CompareData(train, test, description);
  }

  private static void write(ObjectOutputStream out, DenseDataset d) throws IOException {
    out.writeUTF(d.name());
    out.writeInt(d.rows());
    out.writeInt(d.columns());
    for (float v : d.features()) {
      out.writeFloat(v);
    }
    out.writeBoolean(d.labels() != null);
    if (d.labels() != null) {
      out.writeInt(d.classes());
      for (int y : d.labels()) {
        out.writeInt(y);
      }
    } else {
      out.writeInt(d.targetColumns());
      for (double t : d.targets()) {
        out.writeDouble(t);
      }
    }
  }

  private static DenseDataset read(ObjectInputStream in) throws IOException {
    String name = in.readUTF();
    int rows = in.readInt();
    int columns = in.readInt();
    float[] features = new float[Math.multiplyExact(rows, columns)];
    for (int i = 0; i < features.length; i++) {
      features[i] = in.readFloat();
    }
    if (in.readBoolean()) {
      int classes = in.readInt();
      int[] labels = new int[rows];
      for (int i = 0; i < rows; i++) {
        labels[i] = in.readInt();
      }
      return DenseDataset.classification(name, features, rows, columns, labels, classes);
    }
    int targetColumns = in.readInt();
    double[] targets = new double[Math.multiplyExact(rows, targetColumns)];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = in.readDouble();
    }
    return DenseDataset.regression(name, features, rows, columns, targets, targetColumns);
  }
}
