package dev.losslab.text.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A fastText model file ({@code .bin}, version 12, not quantized) as one immutable record whose parts
 * follow the file byte for byte (little-endian):
 *
 * <pre>
 * int32 magic = 793712314, int32 version = 12
 * args        {@link FastTextArgs} (56 bytes)
 * dictionary  {@link FastTextDictionary} (counts, entries, pruneidx_size = -1)
 * uint8       quant_input = 0
 * input       {@link FastTextMatrix} A, (nwords + bucket) × dim
 * uint8       qout
 * output      {@link FastTextMatrix} B, nlabels × dim (nwords × dim for cbow / sg)
 * </pre>
 *
 * <p>A model written by {@link #write} is read by fastText 0.9.2 (and {@code fasttext test} gives the
 * same result on it as on the file it was read from); a model written by fastText is read by
 * {@link #read}. A quantized model ({@code .ftz}) is refused here with a clear message: it is a
 * {@link FastTextQuantized}, and {@link FastTextFile#read} reads either kind. Reading is safe on
 * untrusted files (see {@link #read}). The matrices are not copied (see {@link FastTextMatrix}).
 *
 * <p>Source: fastText v0.9.2 {@code fasttext.cc} ({@code saveModel}, {@code loadModel}).
 *
 * @param args the hyperparameters stored in the file
 * @param dictionary words and labels with their counts
 * @param input the input matrix A (word and n-gram embeddings)
 * @param qout the file's qout flag (1 only when {@code -qout} was given; the output is dense here
 *     either way)
 * @param output the output matrix B
 */
public record FastTextBinary(
    FastTextArgs args, FastTextDictionary dictionary, FastTextMatrix input, boolean qout,
    FastTextMatrix output) {

  /** The first int32 of every fastText model file (0x2F4F16BA). */
  public static final int MAGIC = 793712314;
  /** The file format version written by fastText 0.9.x. */
  public static final int VERSION = 12;

  /**
   * Checks that the matrices have the shapes the args and the dictionary imply: both have {@code dim}
   * columns; A has {@code nwords + bucket} rows; B has {@code nlabels} rows for a supervised model and
   * {@code nwords} otherwise.
   *
   * @throws IllegalArgumentException naming the matrix and both shapes when they disagree
   */
  public FastTextBinary {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    checkShapes(args, dictionary, input, output);
  }

  /**
   * Reads a fastText model file. Every size in the file is checked against the bytes that remain
   * before anything is allocated, and matrix values must be finite.
   *
   * @throws MalformedModelException if the file is truncated, corrupted, hostile, quantized (read a
   *     {@code .ftz} with {@link FastTextFile#read}), or of another version: one line naming the file,
   *     the byte offset and what is wrong
   * @throws IOException if the file cannot be read ({@link java.nio.file.NoSuchFileException} etc.)
   */
  public static FastTextBinary read(Path file) throws IOException {
    return FastTextBinaryReader.read(file);
  }

  /**
   * Reads a fastText model file as {@link #read} does, with the same checks and messages, but keeps
   * the dictionary as the entries' bytes and counts ({@link DictionaryBytes}): no {@code String} or
   * entry object per word, for a caller that builds its own vocabulary from the bytes.
   *
   * @throws MalformedModelException as {@link #read}
   * @throws IOException as {@link #read}
   */
  public static Compact readCompact(Path file) throws IOException {
    return FastTextBinaryReader.readCompact(file);
  }

  /**
   * Writes this model to {@code file} atomically (temporary file in the same folder, forced to disk,
   * renamed over {@code file}).
   *
   * @throws IOException if the file cannot be written; the target is then left as it was
   */
  public void write(Path file) throws IOException {
    FastTextBinaryWriter.write(args, dictionary, input, qout, output, file);
  }

  /**
   * Writes a model given by its parts, the dictionary as a {@link DictionaryEntries} view, to
   * {@code file} atomically: the same bytes as {@code new FastTextBinary(...).write(file)} for the
   * same entries, without building a {@link FastTextDictionary} (one {@code String} and one entry per
   * word) first.
   *
   * @throws IllegalArgumentException if the matrix shapes disagree with the args and the dictionary
   *     (before anything is written), or a dictionary count is negative or an entry is empty or holds
   *     a {@code 0x00} byte (the message names the entry; the target is then left as it was)
   * @throws IOException if the file cannot be written; the target is then left as it was
   */
  public static void write(Path file, FastTextArgs args, DictionaryEntries dictionary,
      FastTextMatrix input, boolean qout, FastTextMatrix output) throws IOException {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    if (dictionary.nwords() < 0 || dictionary.nlabels() < 0 || dictionary.ntokens() < 0
        || (long) dictionary.nwords() + dictionary.nlabels() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("dictionary counts nwords (" + dictionary.nwords()
          + "), nlabels (" + dictionary.nlabels() + ") and ntokens (" + dictionary.ntokens()
          + ") must be >= 0, nwords + nlabels at most " + Integer.MAX_VALUE);
    }
    checkShapes(args, dictionary, input, output);
    FastTextBinaryWriter.write(args, dictionary, input, qout, output, file);
  }

  /**
   * A model file as {@link #readCompact} reads it: the record's parts, the dictionary as
   * {@link DictionaryBytes}. The matrices are not copied.
   *
   * @param args the hyperparameters stored in the file
   * @param dictionary words and labels as bytes, with their counts
   * @param input the input matrix A
   * @param qout the file's qout flag
   * @param output the output matrix B
   */
  public record Compact(FastTextArgs args, DictionaryBytes dictionary, FastTextMatrix input,
      boolean qout, FastTextMatrix output) implements FastTextFile {

    /**
     * Checks the matrix shapes as {@link FastTextBinary}'s constructor does.
     *
     * @throws IllegalArgumentException naming the matrix and both shapes when they disagree
     */
    public Compact {
      Objects.requireNonNull(args, "args");
      Objects.requireNonNull(dictionary, "dictionary");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(output, "output");
      checkShapes(args, dictionary, input, output);
    }

    /** The {@link FastTextBinary} record: the dictionary decoded, the matrices shared. */
    public FastTextBinary toBinary() {
      return new FastTextBinary(args, dictionary.toDictionary(), input, qout, output);
    }
  }

  private static void checkShapes(FastTextArgs args, DictionaryEntries dictionary,
      FastTextMatrix input, FastTextMatrix output) {
    long inRows = (long) dictionary.nwords() + args.bucket();
    if (input.rows() != inRows || input.cols() != args.dim()) {
      throw new IllegalArgumentException("input matrix is " + input.rows() + " × " + input.cols()
          + ", expected (nwords + bucket) × dim = " + inRows + " × " + args.dim());
    }
    boolean sup = args.model() == FastTextArgs.ModelName.SUP;
    int outRows = sup ? dictionary.nlabels() : dictionary.nwords();
    if (output.rows() != outRows || output.cols() != args.dim()) {
      throw new IllegalArgumentException("output matrix is " + output.rows() + " × " + output.cols()
          + ", expected " + (sup ? "nlabels" : "nwords") + " × dim = " + outRows + " × "
          + args.dim());
    }
  }
}
