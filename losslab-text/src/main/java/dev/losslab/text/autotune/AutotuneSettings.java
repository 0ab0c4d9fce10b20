package dev.losslab.text.autotune;

import dev.losslab.text.TrainingData;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * How a search runs: the validation data and the metric it is scored with, the time (and optionally
 * trial) budget, the losses to choose from, the parameters given by hand, the model size, whether bad
 * trials stop early, and where the trials are written. Immutable; built and checked by
 * {@link Builder#build()}, which names the flag at fault.
 */
public final class AutotuneSettings {
  private final TrainingData.Source validation;
  private final String validationName;
  private final AutotuneMetric metric;
  private final int predictions;
  private final double durationSeconds;
  private final int maxTrials;
  private final List<SearchLoss> losses;
  private final Set<SearchParam> fixed;
  private final int dsub;
  private final Optional<ModelSize> modelSize;
  private final Optional<Quantizer> quantizer;
  private final boolean earlyStopping;
  private final Optional<Path> csv;
  private final Path tempFolder;
  private final TrainingData.Options reading;
  private final LongSupplier clock;

  private AutotuneSettings(Builder b) {
    validation = b.validation;
    validationName = b.validationName;
    metric = b.metric;
    predictions = b.predictions;
    durationSeconds = b.durationSeconds;
    maxTrials = b.maxTrials;
    losses = List.copyOf(b.losses);
    fixed = b.fixed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.fixed));
    dsub = b.dsub;
    modelSize = b.modelSize;
    quantizer = b.quantizer;
    earlyStopping = b.earlyStopping;
    csv = b.csv;
    tempFolder = b.tempFolder;
    reading = b.reading;
    clock = b.clock;
  }

  /** Settings scored on {@code validation} (fastText lines), with fastText's defaults otherwise. */
  public static Builder builder(TrainingData.Source validation, String validationName) {
    return new Builder(validation, validationName);
  }

  public TrainingData.Source validation() { return validation; }
  public String validationName() { return validationName; }
  public AutotuneMetric metric() { return metric; }
  /** k of the predictions scored: {@code -autotune-predictions}; −1 for all labels. */
  public int predictions() { return predictions; }
  /** {@code -autotune-duration}. */
  public double durationSeconds() { return durationSeconds; }
  /** At most this many trials; 0 for no limit. */
  public int maxTrials() { return maxTrials; }
  /** The losses to choose from; empty for fastText's rule. */
  public List<SearchLoss> losses() { return losses; }
  /** The parameters given by hand, which the search leaves as they are. */
  public Set<SearchParam> fixed() { return fixed; }
  /** The sub-vector size of the first trial (and of all, when fixed). */
  public int dsub() { return dsub; }
  public Optional<ModelSize> modelSize() { return modelSize; }
  public Optional<Quantizer> quantizer() { return quantizer; }
  /** Whether the {@link MedianStoppingRule} stops bad trials. */
  public boolean earlyStopping() { return earlyStopping; }
  /** Where the trials are written as CSV, if anywhere. */
  public Optional<Path> csv() { return csv; }
  /**
   * The folder of the temporary corpus files, one per reading of the training data
   * ({@link dev.losslab.text.TrainingData.Options#tempFolder()}); null for {@code java.io.tmpdir}.
   */
  public Path tempFolder() { return tempFolder; }

  /**
   * How the training file is read for every trial and the final training: {@code -strict} and
   * {@code -pretrainedVectors}, whose dimension fixes the searched {@code -dim}
   * ({@link TrainingData.Options}; its temporary folder is {@link #tempFolder()}).
   */
  public TrainingData.Options reading() { return reading; }
  LongSupplier clock() { return clock; }

  /** Mutable settings. */
  public static final class Builder {
    private final TrainingData.Source validation;
    private final String validationName;
    private AutotuneMetric metric = AutotuneMetric.f1();
    private int predictions = 1;
    private double durationSeconds = 300;
    private int maxTrials;
    private List<SearchLoss> losses = List.of();
    private Set<SearchParam> fixed = EnumSet.noneOf(SearchParam.class);
    private int dsub = 2;
    private Optional<ModelSize> modelSize = Optional.empty();
    private Optional<Quantizer> quantizer = Optional.empty();
    private boolean earlyStopping = true;
    private Optional<Path> csv = Optional.empty();
    private Path tempFolder;
    private TrainingData.Options reading = TrainingData.Options.DEFAULT;
    private LongSupplier clock = System::nanoTime;

    private Builder(TrainingData.Source validation, String validationName) {
      this.validation = Objects.requireNonNull(validation, "validation");
      this.validationName = Objects.requireNonNull(validationName, "validationName");
    }

    public Builder metric(AutotuneMetric v) { metric = Objects.requireNonNull(v); return this; }
    public Builder predictions(int v) { predictions = v; return this; }
    public Builder durationSeconds(double v) { durationSeconds = v; return this; }
    public Builder maxTrials(int v) { maxTrials = v; return this; }
    public Builder losses(List<SearchLoss> v) { losses = List.copyOf(v); return this; }
    public Builder fixed(Set<SearchParam> v) {
      fixed = v.isEmpty() ? EnumSet.noneOf(SearchParam.class) : EnumSet.copyOf(v);
      return this;
    }
    public Builder dsub(int v) { dsub = v; return this; }
    /** A model size, reached through {@code quantizer}. */
    public Builder modelSize(ModelSize size, Quantizer q) {
      modelSize = Optional.of(size);
      quantizer = Optional.of(q);
      return this;
    }
    public Builder earlyStopping(boolean v) { earlyStopping = v; return this; }
    public Builder csv(Path v) { csv = Optional.of(v); return this; }
    /** Where the temporary corpus files go (null: {@code java.io.tmpdir}). */
    public Builder tempFolder(Path v) { tempFolder = v; return this; }
    /** How the training file is read ({@link AutotuneSettings#reading()}). */
    public Builder reading(TrainingData.Options v) { reading = Objects.requireNonNull(v); return this; }
    /** The clock the duration is measured with, in nanoseconds (tests give their own). */
    Builder clock(LongSupplier v) { clock = Objects.requireNonNull(v); return this; }

    /**
     * Checks and builds.
     *
     * @throws IllegalArgumentException naming the flag and value: a duration that is not a positive
     *     number, predictions 0 or below −1, a negative trial limit, a dsub that is not a power of two
     *     in [2, 16] (or, when fixed, not positive), losses together with a loss given by hand
     */
    public AutotuneSettings build() {
      if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
        throw new IllegalArgumentException(
            "-autotune-duration (" + durationSeconds + ") must be a number of seconds > 0");
      }
      if (predictions == 0 || predictions < -1) {
        throw new IllegalArgumentException(
            "-autotune-predictions (" + predictions + ") must be > 0, or -1 for all labels");
      }
      if (maxTrials < 0) {
        throw new IllegalArgumentException("-autotune-trials (" + maxTrials + ") must be >= 0");
      }
      if (dsub <= 0) {
        throw new IllegalArgumentException("-dsub (" + dsub + ") must be > 0");
      }
      if (!fixed.contains(SearchParam.DSUB) && (Integer.bitCount(dsub) != 1 || dsub < 2 || dsub > 16)) {
        throw new IllegalArgumentException("-dsub (" + dsub + ") must be 2, 4, 8 or 16 when searched");
      }
      if (reading.pretrainedVectors() != null && !fixed.contains(SearchParam.DIM)) {
        throw new IllegalArgumentException("-pretrainedVectors fix the dimension: give -dim "
            + reading.pretrainedVectors().dim() + " so that the search leaves it");
      }
      if (!losses.isEmpty() && fixed.contains(SearchParam.LOSS)) {
        throw new IllegalArgumentException(
            "-autotune-losses searches the loss; it cannot be used with -loss, which fixes it");
      }
      return new AutotuneSettings(this);
    }
  }
}
