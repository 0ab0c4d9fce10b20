package dev.losslab.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the idx format of MNIST and Fashion-MNIST (LeCun et al., "THE MNIST DATABASE of handwritten
 * digits", file-format section): a big-endian header of two zero bytes, a type byte ({@code 0x08}: unsigned
 * byte), the number of dimensions, one 32-bit size per dimension, then the data. Images are
 * {@code idx3} ({@code n × rows × cols}), labels {@code idx1} ({@code n}). Files may be gzip-compressed.
 *
 * <p>Pixels are returned as they are stored, 0–255 as floats; scale them with {@link Scaling}.
 */
public final class IdxReader {
  private IdxReader() {}

  /**
   * Reads an image file and its label file into a classification data set.
   *
   * @throws IllegalArgumentException naming the file when it is missing, not idx, truncated, or the two
   *     files disagree on the number of examples
   */
  public static DenseDataset read(String name, Path images, Path labels) {
    Images im = readImages(images);
    int[] y = readLabels(labels);
    if (y.length != im.count()) {
      throw new IllegalArgumentException(labels + ": has " + y.length + " labels but " + images
          + " has " + im.count() + " images");
    }
    int classes = 0;
    for (int v : y) {
      classes = Math.max(classes, v + 1);
    }
    return DenseDataset.classification(name, im.pixels(), im.count(), im.size(), y, classes);
  }

  /**
   * Reads {@code PREFIX-images-idx3-ubyte[.gz]} and {@code PREFIX-labels-idx1-ubyte[.gz]} from
   * {@code directory}, e.g. prefix {@code train} or {@code t10k}.
   */
  public static DenseDataset readDirectory(Path directory, String prefix) {
    Path images = find(directory, prefix + "-images-idx3-ubyte");
    Path labels = find(directory, prefix + "-labels-idx1-ubyte");
    return read(directory.getFileName() + "/" + prefix, images, labels);
  }

  private static Path find(Path directory, String base) {
    Path plain = directory.resolve(base);
    if (Files.exists(plain)) {
      return plain;
    }
    Path gz = directory.resolve(base + ".gz");
    if (Files.exists(gz)) {
      return gz;
    }
    throw new IllegalArgumentException(directory + ": has neither " + base + " nor " + base + ".gz");
  }

  /** Images: {@code count} images of {@code height × width} pixels, row-major, one image per row. */
  public record Images(float[] pixels, int count, int height, int width) {
    /** Pixels per image. */
    public int size() {
      return height * width;
    }
  }

  /** Reads an {@code idx3-ubyte} image file. */
  public static Images readImages(Path file) {
    try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
      int[] dims = header(in, file, 3);
      long total = (long) dims[0] * dims[1] * dims[2];
      if (total > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(file + ": " + dims[0] + " × " + dims[1] + " × " + dims[2]
            + " pixels are too many for one array");
      }
      float[] pixels = new float[(int) total];
      byte[] buf = new byte[1 << 16];
      int filled = 0;
      while (filled < total) {
        int want = (int) Math.min(buf.length, total - filled);
        int got = in.read(buf, 0, want);
        if (got < 0) {
          throw new IllegalArgumentException(file + ": truncated: expected " + total
              + " pixel bytes after the header, found " + filled);
        }
        for (int i = 0; i < got; i++) {
          pixels[filled + i] = buf[i] & 0xff;
        }
        filled += got;
      }
      return new Images(pixels, dims[0], dims[1], dims[2]);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads an {@code idx1-ubyte} label file. */
  public static int[] readLabels(Path file) {
    try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
      int[] dims = header(in, file, 1);
      int[] labels = new int[dims[0]];
      byte[] bytes = in.readNBytes(dims[0]);
      if (bytes.length != dims[0]) {
        throw new IllegalArgumentException(file + ": truncated: expected " + dims[0]
            + " labels after the header, found " + bytes.length);
      }
      for (int i = 0; i < labels.length; i++) {
        labels[i] = bytes[i] & 0xff;
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static int[] header(DataInputStream in, Path file, int expectedDims) throws IOException {
    int magic;
    try {
      magic = in.readInt();
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + ": empty or shorter than an idx header");
    }
    int type = (magic >>> 8) & 0xff;
    int dims = magic & 0xff;
    if ((magic >>> 16) != 0 || type != 0x08) {
      throw new IllegalArgumentException(String.format(
          "%s: not an unsigned-byte idx file (magic 0x%08x, expected 0x0000080%d)", file, magic,
          expectedDims));
    }
    if (dims != expectedDims) {
      throw new IllegalArgumentException(file + ": has " + dims + " dimensions, expected "
          + expectedDims + (expectedDims == 3 ? " (an image file)" : " (a label file)"));
    }
    int[] sizes = new int[dims];
    try {
      for (int d = 0; d < dims; d++) {
        sizes[d] = in.readInt();
        if (sizes[d] < 0) {
          throw new IllegalArgumentException(file + ": dimension " + d + " has negative size "
              + sizes[d]);
        }
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + ": truncated idx header");
    }
    return sizes;
  }

}
