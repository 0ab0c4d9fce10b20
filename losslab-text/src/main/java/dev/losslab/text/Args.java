package dev.losslab.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a supervised run, with fastText's {@code supervised} defaults (args.cc:20-54,
 * 110-116): lr 0.1, dim 100, epoch 5, minCount 1, minCountLabel 0, wordNgrams 1, loss softmax,
 * bucket 2,000,000, minn 0, maxn 0, lrUpdateRate 100, neg 5, ws 5, t 1e-4, label {@code __label__},
 * seed 0, verbose 2. One difference: {@code thread} defaults to the number of available processors
 * rather than 12.
 *
 * <p>{@link #bucket()} is the value as given; {@link #effectiveBucket()} is fastText's rule that a
 * model with neither word n-grams nor character n-grams has no bucket rows (args.cc:232-234).
 *
 * <p>Immutable; built and validated by {@link Builder#build()}, which throws
 * {@link IllegalArgumentException} naming the flag and value, e.g. {@code -dim (0) must be > 0}.
 */
public final class Args {
  /** fastText's own heads; any other loss name is a core loss. */
  public static final String SOFTMAX = "softmax";
  public static final String OVA = "ova";
  public static final String NS = "ns";
  public static final String HS = "hs";

  private final double lr;
  private final int lrUpdateRate;
  private final int dim;
  private final int ws;
  private final int epoch;
  private final int minCount;
  private final int minCountLabel;
  private final int neg;
  private final int wordNgrams;
  private final String loss;
  private final Map<String, Object> lossOptions;
  private final int bucket;
  private final int minn;
  private final int maxn;
  private final int thread;
  private final double t;
  private final String label;
  private final long seed;
  private final int verbose;

  private Args(Builder b) {
    lr = b.lr;
    lrUpdateRate = b.lrUpdateRate;
    dim = b.dim;
    ws = b.ws;
    epoch = b.epoch;
    minCount = b.minCount;
    minCountLabel = b.minCountLabel;
    neg = b.neg;
    wordNgrams = b.wordNgrams;
    loss = b.loss;
    lossOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.lossOptions));
    bucket = b.bucket;
    minn = b.minn;
    maxn = b.maxn;
    thread = b.thread;
    t = b.t;
    label = b.label;
    seed = b.seed;
    verbose = b.verbose;
  }

  /** fastText's supervised defaults. */
  public static Args defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.lr = lr;
    b.lrUpdateRate = lrUpdateRate;
    b.dim = dim;
    b.ws = ws;
    b.epoch = epoch;
    b.minCount = minCount;
    b.minCountLabel = minCountLabel;
    b.neg = neg;
    b.wordNgrams = wordNgrams;
    b.loss = loss;
    b.lossOptions.putAll(lossOptions);
    b.bucket = bucket;
    b.minn = minn;
    b.maxn = maxn;
    b.thread = thread;
    b.t = t;
    b.label = label;
    b.seed = seed;
    b.verbose = verbose;
    return b;
  }

  public double lr() { return lr; }
  public int lrUpdateRate() { return lrUpdateRate; }
  public int dim() { return dim; }
  public int ws() { return ws; }
  public int epoch() { return epoch; }
  public int minCount() { return minCount; }
  public int minCountLabel() { return minCountLabel; }
  public int neg() { return neg; }
  public int wordNgrams() { return wordNgrams; }
  /** The loss: {@code softmax}, {@code ova}, {@code ns}, {@code hs}, or a core loss name. */
  public String loss() { return loss; }
  /** Options of a core loss, passed to {@code Losses.create(name, options)}. */
  public Map<String, Object> lossOptions() { return lossOptions; }
  /** The bucket count as given. */
  public int bucket() { return bucket; }
  public int minn() { return minn; }
  public int maxn() { return maxn; }
  public int thread() { return thread; }
  public double t() { return t; }
  /** The label prefix. */
  public String label() { return label; }
  public long seed() { return seed; }
  public int verbose() { return verbose; }

  /** Whether the loss is one of fastText's own heads. */
  public boolean fastTextLoss() {
    return isFastTextLoss(loss);
  }

  static boolean isFastTextLoss(String name) {
    return SOFTMAX.equals(name) || OVA.equals(name) || NS.equals(name) || HS.equals(name);
  }

  /** Bucket rows actually allocated: 0 when {@code wordNgrams <= 1 && maxn == 0}, as fastText. */
  public int effectiveBucket() {
    return wordNgrams <= 1 && maxn == 0 ? 0 : bucket;
  }

  @Override
  public String toString() {
    return "lr " + lr + ", dim " + dim + ", epoch " + epoch + ", minCount " + minCount
        + ", minCountLabel " + minCountLabel + ", wordNgrams " + wordNgrams + ", loss " + loss
        + (lossOptions.isEmpty() ? "" : " " + lossOptions) + ", bucket " + bucket + ", minn "
        + minn + ", maxn " + maxn + ", neg " + neg + ", thread " + thread + ", lrUpdateRate "
        + lrUpdateRate + ", label " + label + ", seed " + seed;
  }

  /** Mutable settings; {@link #build()} validates them. */
  public static final class Builder {
    private double lr = 0.1;
    private int lrUpdateRate = 100;
    private int dim = 100;
    private int ws = 5;
    private int epoch = 5;
    private int minCount = 1;
    private int minCountLabel = 0;
    private int neg = 5;
    private int wordNgrams = 1;
    private String loss = SOFTMAX;
    private final Map<String, Object> lossOptions = new LinkedHashMap<>();
    private int bucket = 2_000_000;
    private int minn = 0;
    private int maxn = 0;
    private int thread = Runtime.getRuntime().availableProcessors();
    private double t = 1e-4;
    private String label = "__label__";
    private long seed = 0;
    private int verbose = 2;

    private Builder() {}

    public Builder lr(double v) { lr = v; return this; }
    public Builder lrUpdateRate(int v) { lrUpdateRate = v; return this; }
    public Builder dim(int v) { dim = v; return this; }
    public Builder ws(int v) { ws = v; return this; }
    public Builder epoch(int v) { epoch = v; return this; }
    public Builder minCount(int v) { minCount = v; return this; }
    public Builder minCountLabel(int v) { minCountLabel = v; return this; }
    public Builder neg(int v) { neg = v; return this; }
    public Builder wordNgrams(int v) { wordNgrams = v; return this; }
    public Builder loss(String v) { loss = Objects.requireNonNull(v, "loss"); return this; }
    /** Sets an option of a core loss (e.g. {@code labelSmoothing}, 0.1). */
    public Builder lossOption(String name, Object value) { lossOptions.put(name, value); return this; }
    /** Removes every core-loss option (before switching to another loss). */
    public Builder clearLossOptions() { lossOptions.clear(); return this; }
    public Builder bucket(int v) { bucket = v; return this; }
    public Builder minn(int v) { minn = v; return this; }
    public Builder maxn(int v) { maxn = v; return this; }
    public Builder thread(int v) { thread = v; return this; }
    public Builder t(double v) { t = v; return this; }
    public Builder label(String v) { label = Objects.requireNonNull(v, "label"); return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder verbose(int v) { verbose = v; return this; }

    /** Validates and builds. */
    public Args build() {
      if (!(lr > 0) || Double.isInfinite(lr)) {
        throw new IllegalArgumentException("-lr (" + lr + ") must be > 0 and finite");
      }
      positive("-lrUpdateRate", lrUpdateRate);
      positive("-dim", dim);
      positive("-ws", ws);
      positive("-epoch", epoch);
      nonNegative("-minCount", minCount);
      nonNegative("-minCountLabel", minCountLabel);
      positive("-neg", neg);
      positive("-wordNgrams", wordNgrams);
      nonNegative("-bucket", bucket);
      nonNegative("-minn", minn);
      nonNegative("-maxn", maxn);
      positive("-thread", thread);
      nonNegative("-verbose", verbose);
      if (maxn > 0 && minn > maxn) {
        throw new IllegalArgumentException("-minn (" + minn + ") must be <= -maxn (" + maxn + ")");
      }
      if (maxn > 0 && minn == 0) {
        throw new IllegalArgumentException("-minn (0) must be > 0 when -maxn (" + maxn + ") is set");
      }
      if ((wordNgrams > 1 || maxn > 0) && bucket == 0) {
        throw new IllegalArgumentException(
            "-bucket (0) must be > 0 when -wordNgrams (" + wordNgrams + ") > 1 or -maxn ("
                + maxn + ") > 0");
      }
      if (label.isEmpty() || label.chars().anyMatch(c -> c <= ' ')) {
        throw new IllegalArgumentException(
            "-label ('" + label + "') must be a non-empty prefix without whitespace");
      }
      if (loss.isEmpty()) {
        throw new IllegalArgumentException("-loss must not be empty");
      }
      if (isFastTextLoss(loss) && !lossOptions.isEmpty()) {
        throw new IllegalArgumentException(
            "-loss " + loss + " takes no loss options (got " + lossOptions.keySet()
                + "); they apply to core losses such as cross-entropy");
      }
      long rows = (long) bucket + 1;
      if ((wordNgrams > 1 || maxn > 0) && rows * dim > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "-bucket (" + bucket + ") × -dim (" + dim + ") is too large for one matrix (at most "
                + (Integer.MAX_VALUE - 8) + " values)");
      }
      return new Args(this);
    }

    private static void positive(String flag, int v) {
      if (v <= 0) {
        throw new IllegalArgumentException(flag + " (" + v + ") must be > 0");
      }
    }

    private static void nonNegative(String flag, int v) {
      if (v < 0) {
        throw new IllegalArgumentException(flag + " (" + v + ") must be >= 0");
      }
    }
  }
}
