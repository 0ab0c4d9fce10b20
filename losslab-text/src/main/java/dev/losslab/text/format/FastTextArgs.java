package dev.losslab.text.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The args block of a fastText model file, field by field in file order (56 bytes: twelve little-endian
 * {@code int32} then one {@code float64}). fastText stores only these; {@code -lr}, {@code -thread},
 * {@code -minCountLabel} and {@code -label} are not in the file (a loaded model uses the default label
 * prefix {@code __label__}).
 *
 * <p>Only structural constraints are checked here ({@code dim ≥ 1}, {@code bucket ≥ 0}); the range of a
 * training flag is the trainer's business. Source: fastText v0.9.2 {@code args.h}, {@code args.cc}
 * ({@code Args::save}, {@code Args::load}, {@code Args::dump}).
 *
 * @param dim size of a word vector (columns of both matrices)
 * @param ws context window (unused in supervised mode)
 * @param epoch number of epochs
 * @param minCount minimal number of word occurrences
 * @param neg number of negatives sampled ({@code ns} loss)
 * @param wordNgrams max length of word n-grams
 * @param loss the fastText loss
 * @param model the fastText model kind ({@code sup} for a classifier)
 * @param bucket number of hash buckets for word and character n-grams (0 when none are used)
 * @param minn min length of character n-grams
 * @param maxn max length of character n-grams (0 = none)
 * @param lrUpdateRate tokens between learning-rate updates
 * @param t sampling threshold (unused in supervised mode)
 */
public record FastTextArgs(
    int dim,
    int ws,
    int epoch,
    int minCount,
    int neg,
    int wordNgrams,
    LossName loss,
    ModelName model,
    int bucket,
    int minn,
    int maxn,
    int lrUpdateRate,
    double t) {

  /** Size of the args block in the file, in bytes. */
  public static final int BYTES = 12 * Integer.BYTES + Double.BYTES;

  /**
   * Checks the structural constraints.
   *
   * @throws IllegalArgumentException if {@code dim < 1} or {@code bucket < 0}
   * @throws NullPointerException if {@code loss} or {@code model} is null
   */
  public FastTextArgs {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(model, "model");
    if (dim < 1) {
      throw new IllegalArgumentException("dim (" + dim + ") must be >= 1");
    }
    if (bucket < 0) {
      throw new IllegalArgumentException("bucket (" + bucket + ") must be >= 0");
    }
  }

  /**
   * The text {@code fasttext dump MODEL args} prints: one {@code name value} line per field, in file
   * order, numbers as C++ {@code ostream} writes them (so {@code t} reads {@code 0.0001}).
   */
  public String dump() {
    return "dim " + dim + "\n"
        + "ws " + ws + "\n"
        + "epoch " + epoch + "\n"
        + "minCount " + minCount + "\n"
        + "neg " + neg + "\n"
        + "wordNgrams " + wordNgrams + "\n"
        + "loss " + loss.fastTextName() + "\n"
        + "model " + model.fastTextName() + "\n"
        + "bucket " + bucket + "\n"
        + "minn " + minn + "\n"
        + "maxn " + maxn + "\n"
        + "lrUpdateRate " + lrUpdateRate + "\n"
        + "t " + cppDefault(t) + "\n";
  }

  /** A double as C++ {@code operator<<} writes it by default ({@code %g}, 6 significant digits). */
  static String cppDefault(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6));
    int exponent = d.precision() - d.scale() - 1;
    if (exponent >= -4 && exponent < 6) {
      return strip(d.toPlainString());
    }
    BigDecimal mantissa = d.movePointLeft(exponent);
    String e = String.format("%02d", Math.abs(exponent));
    return strip(mantissa.toPlainString()) + "e" + (exponent < 0 ? "-" : "+") + e;
  }

  private static String strip(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** fastText's {@code loss_name} enum and its codes in the file. */
  public enum LossName {
    /** Hierarchical softmax, code 1. */
    HS(1, "hs"),
    /** Negative sampling, code 2. */
    NS(2, "ns"),
    /** Softmax, code 3. */
    SOFTMAX(3, "softmax"),
    /** One-vs-all, code 4. */
    OVA(4, "one-vs-all");

    private final int code;
    private final String fastTextName;

    LossName(int code, String fastTextName) {
      this.code = code;
      this.fastTextName = fastTextName;
    }

    /** The int32 stored in the file. */
    public int code() {
      return code;
    }

    /** The name {@code fasttext dump args} prints. */
    public String fastTextName() {
      return fastTextName;
    }

    /**
     * The loss stored as {@code code}.
     *
     * @throws IllegalArgumentException for a code other than 1–4
     */
    public static LossName ofCode(int code) {
      for (LossName l : values()) {
        if (l.code == code) {
          return l;
        }
      }
      throw new IllegalArgumentException(
          "unknown loss code " + code + " (known: 1=hs, 2=ns, 3=softmax, 4=ova)");
    }
  }

  /** fastText's {@code model_name} enum and its codes in the file. */
  public enum ModelName {
    /** Continuous bag of words, code 1. */
    CBOW(1, "cbow"),
    /** Skip-gram, code 2. */
    SG(2, "sg"),
    /** Supervised classifier, code 3. */
    SUP(3, "sup");

    private final int code;
    private final String fastTextName;

    ModelName(int code, String fastTextName) {
      this.code = code;
      this.fastTextName = fastTextName;
    }

    /** The int32 stored in the file. */
    public int code() {
      return code;
    }

    /** The name {@code fasttext dump args} prints. */
    public String fastTextName() {
      return fastTextName;
    }

    /**
     * The model stored as {@code code}.
     *
     * @throws IllegalArgumentException for a code other than 1–3
     */
    public static ModelName ofCode(int code) {
      for (ModelName m : values()) {
        if (m.code == code) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "unknown model code " + code + " (known: 1=cbow, 2=sg, 3=sup)");
    }
  }
}
