package dev.losslab.text.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A quantized fastText model file ({@code .ftz}, version 12, written by {@code fasttext quantize}) as
 * one immutable record whose parts follow the file byte for byte (little-endian; fasttext.cc
 * {@code saveModel}, dictionary.cc {@code save}, quantmatrix.cc {@code save}):
 *
 * <pre>
 * int32 magic, int32 version = 12, args {@link FastTextArgs} (56 bytes)
 * dictionary  {@link FastTextDictionary} layout, pruneidx_size = -1 (not pruned) or N &gt;= 0,
 *             then N pairs {@link PruneIndex int32 bucket, int32 row}
 * uint8       quant_input = 1
 * input       {@link QuantizedMatrix} A, (nwords + (N or bucket)) × dim
 * uint8       qout
 * output      {@link QuantizedMatrix} B when qout, else {@link FastTextMatrix}; nlabels × dim
 * </pre>
 *
 * <p>A file written by {@link #write} is read by fastText 0.9.2; a file fastText writes is read by
 * {@link FastTextFile#read}, safely on untrusted files. The matrices are not copied.
 *
 * @param args the hyperparameters stored in the file
 * @param dictionary words and labels as bytes, with their counts (after pruning)
 * @param pruneIndex the kept buckets when the dictionary was pruned ({@code -cutoff})
 * @param input the quantized input matrix A
 * @param output the output matrix B, quantized exactly when the file's {@code qout} flag is set
 */
public record FastTextQuantized(FastTextArgs args, DictionaryBytes dictionary,
    Optional<PruneIndex> pruneIndex, QuantizedMatrix input, StoredMatrix output)
    implements FastTextFile {

  /**
   * Checks the shapes as the file implies them.
   *
   * @throws IllegalArgumentException naming the matrix or index and both shapes when they disagree
   */
  public FastTextQuantized {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(pruneIndex, "pruneIndex");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    checkShapes(args, dictionary, pruneIndex, input, output);
  }

  /** The {@code qout} flag: whether the output matrix is quantized. */
  @Override
  public boolean qout() {
    return output instanceof QuantizedMatrix;
  }

  /** Writes this model to {@code file} atomically. */
  public void write(Path file) throws IOException {
    write(file, args, dictionary, pruneIndex, input, output);
  }

  /**
   * Writes a quantized model given by its parts to {@code file} atomically (temporary file in the same
   * folder, forced to disk, renamed).
   *
   * @throws IllegalArgumentException if the shapes disagree (before anything is written) or a
   *     dictionary entry is empty, holds a {@code 0x00} byte or has a negative count
   * @throws IOException if the file cannot be written; the target is then left as it was
   */
  public static void write(Path file, FastTextArgs args, DictionaryEntries dictionary,
      Optional<PruneIndex> pruneIndex, QuantizedMatrix input, StoredMatrix output)
      throws IOException {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(pruneIndex, "pruneIndex");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    checkShapes(args, dictionary, pruneIndex, input, output);
    FastTextBinaryWriter.write(args, dictionary, pruneIndex, input, output instanceof QuantizedMatrix,
        output, file);
  }

  /** The rows the input matrix has: {@code nwords} plus the kept buckets, or every bucket. */
  static long inputRows(FastTextArgs args, DictionaryEntries d, Optional<PruneIndex> prune) {
    return (long) d.nwords() + (prune.isPresent() ? prune.get().size() : args.bucket());
  }

  private static void checkShapes(FastTextArgs args, DictionaryEntries d,
      Optional<PruneIndex> prune, QuantizedMatrix input, StoredMatrix output) {
    long inRows = inputRows(args, d, prune);
    if (input.rows() != inRows || input.cols() != args.dim()) {
      throw new IllegalArgumentException("input matrix is " + input.rows() + " × " + input.cols()
          + ", expected (nwords + " + (prune.isPresent() ? "pruneidx_size" : "bucket") + ") × dim = "
          + inRows + " × " + args.dim());
    }
    if (prune.isPresent()) {
      PruneIndex p = prune.get();
      for (int i = 0; i < p.size(); i++) {
        if (p.bucket(i) >= args.bucket() || p.row(i) >= p.size()) {
          throw new IllegalArgumentException("pruneidx pair " + i + " (" + p.bucket(i) + " → "
              + p.row(i) + ") must have a bucket below " + args.bucket() + " and a row below "
              + p.size());
        }
      }
    }
    boolean sup = args.model() == FastTextArgs.ModelName.SUP;
    int outRows = sup ? d.nlabels() : d.nwords();
    if (output.rows() != outRows || output.cols() != args.dim()) {
      throw new IllegalArgumentException("output matrix is " + output.rows() + " × " + output.cols()
          + ", expected " + (sup ? "nlabels" : "nwords") + " × dim = " + outRows + " × "
          + args.dim());
    }
  }
}
