package dev.losslab.text.autotune;

import dev.losslab.text.Args;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * fastText's autotune strategy (autotune.cc, 0.9.2): a random search around the best arguments found
 * so far. The first trial is the given arguments; every later one draws each free parameter from a
 * Gaussian around the best trial's value, with a spread σ that shrinks over the search:
 * {@code σ(t) = σ_start − (σ_start − σ_end)·clamp((t − 0.25)/0.5, 0, 1)} for progress {@code t} in
 * [0, 1] (the first quarter at σ_start, the last quarter at σ_end).
 *
 * <table>
 *   <caption>the search space</caption>
 *   <tr><th>parameter</th><th>range</th><th>draw</th><th>σ start → end</th></tr>
 *   <tr><td>epoch</td><td>[1, 100]</td><td>{@code best · 2^N(0, σ)}</td><td>2.8 → 2.5</td></tr>
 *   <tr><td>lr</td><td>[0.01, 5]</td><td>{@code best · 2^N(0, σ)}</td><td>1.9 → 1.0</td></tr>
 *   <tr><td>dim</td><td>[1, 1000]</td><td>{@code best · 2^N(0, σ)}</td><td>1.4 → 0.3</td></tr>
 *   <tr><td>wordNgrams</td><td>[1, 5]</td><td>{@code best + N(0, σ)}</td><td>4.3 → 2.4</td></tr>
 *   <tr><td>dsub</td><td>2^[1, 4]</td><td>exponent {@code + N(0, σ)}</td><td>2.0 → 1.0</td></tr>
 *   <tr><td>minn</td><td>{0, 2, 3}, maxn = minn + 3 (0 with minn 0)</td><td>index {@code + N(0, σ)}</td><td>4.0 → 1.4</td></tr>
 *   <tr><td>bucket</td><td>[10,000, 10,000,000], 0 without n-grams</td><td>{@code best nonzero · 2^N(0, σ)}</td><td>2.0 → 1.5</td></tr>
 *   <tr><td>loss</td><td>softmax, or one of {@code -autotune-losses}</td><td>the best's, or with probability σ another, uniformly</td><td>0.5 → 0.2</td></tr>
 * </table>
 *
 * <p><b>Antithetic pairs.</b> Draws come in pairs around the same best point: the second of a pair
 * takes the first one's normal draws with their signs flipped ({@code lr·2^(−zσ)} after
 * {@code lr·2^(zσ)}, and so for every parameter), so the search looks at both sides of the best point
 * instead of leaving one to chance. Each draw alone has fastText's distribution; a new best point
 * starts a new pair.
 *
 * <p>Integer draws are truncated toward zero, then clipped to the range, as fastText's casts do; the
 * bucket count is also kept small enough for the input matrix to fit one Java array. A
 * parameter in {@code fixed} (given by hand) keeps its value. The draws come from one
 * {@link Random} seeded with {@code seed}, in a fixed order, so the same seed and the same sequence
 * of {@link #improved} calls give the same trials.
 */
public final class RandomSearch {
  private static final int[] MINN_CHOICES = {0, 2, 3};

  private final Set<SearchParam> fixed;
  private final List<SearchLoss> losses;
  private final Random rng;
  private TrialArgs best;
  private int bestMinnIndex;
  private int bestDsubExponent;
  private int bestNonzeroBucket = 2_000_000;
  private int bestLossIndex;
  private int asked;
  /** The standard normal draws of the last fresh trial, one per parameter (see {@link #gauss}). */
  private final double[] z = new double[SLOTS];
  /** Whether the next trial mirrors the last one around the best point. */
  private boolean mirror;

  private static final int EPOCH = 0;
  private static final int LR = 1;
  private static final int DIM = 2;
  private static final int WORD_NGRAMS = 3;
  private static final int DSUB = 4;
  private static final int MINN = 5;
  private static final int BUCKET = 6;
  private static final int SLOTS = 7;

  /**
   * @param start the given arguments, the first trial
   * @param fixed the parameters given by hand
   * @param losses the losses to choose from; empty for fastText's rule (softmax unless {@code -loss}
   *     is given)
   * @param seed the generator's seed
   */
  public RandomSearch(TrialArgs start, Set<SearchParam> fixed, List<SearchLoss> losses, long seed) {
    this.fixed = fixed.isEmpty() ? EnumSet.noneOf(SearchParam.class) : EnumSet.copyOf(fixed);
    this.losses = List.copyOf(losses);
    this.rng = new Random(seed);
    improved(start);
  }

  /** The spread at progress {@code t}. */
  static double sigma(double start, double end, double t) {
    return start - (start - end) * Math.min(1.0, Math.max(0.0, (t - 0.25) / 0.5));
  }

  /**
   * The next trial's arguments at progress {@code t} ∈ [0, 1] (elapsed over the duration, or trials
   * over the trial limit).
   *
   * @throws IllegalArgumentException from {@link Args.Builder#build()} for a draw that makes no model
   *     (a matrix too large for one array): the caller skips such a trial
   */
  public TrialArgs next(double t) {
    asked++;
    if (asked == 1) {
      return best;
    }
    if (!mirror) {
      for (int i = 0; i < SLOTS; i++) {
        z[i] = rng.nextGaussian();
      }
    }
    Args b = best.args();
    Args.Builder a = b.toBuilder();
    int dsub = best.dsub();
    if (free(SearchParam.EPOCH)) {
      a.epoch(clip((int) (b.epoch() * Math.pow(2, gauss(EPOCH, 2.8, 2.5, t))), 1, 100));
    }
    if (free(SearchParam.LR)) {
      a.lr(Math.min(5.0, Math.max(0.01, b.lr() * Math.pow(2, gauss(LR, 1.9, 1.0, t)))));
    }
    int dim = b.dim();
    if (free(SearchParam.DIM)) {
      dim = clip((int) (dim * Math.pow(2, gauss(DIM, 1.4, 0.3, t))), 1, 1000);
    }
    int wordNgrams = b.wordNgrams();
    if (free(SearchParam.WORD_NGRAMS)) {
      wordNgrams = clip((int) (wordNgrams + gauss(WORD_NGRAMS, 4.3, 2.4, t)), 1, 5);
      a.wordNgrams(wordNgrams);
    }
    if (free(SearchParam.DSUB)) {
      dsub = 1 << clip((int) (bestDsubExponent + gauss(DSUB, 2.0, 1.0, t)), 1, 4);
    }
    int minn = b.minn();
    if (free(SearchParam.MINN)) {
      int index = clip((int) (bestMinnIndex + gauss(MINN, 4.0, 1.4, t)), 0, MINN_CHOICES.length - 1);
      minn = MINN_CHOICES[index];
      if (!free(SearchParam.MAXN)) {
        minn = fitMinn(minn, b.maxn());
      }
      a.minn(minn);
    }
    int maxn = b.maxn();
    if (free(SearchParam.MAXN)) {
      maxn = minn == 0 ? 0 : minn + 3;
      a.maxn(maxn);
    }
    int bucket = b.bucket();
    if (!free(SearchParam.BUCKET) && bucket == 0) {
      wordNgrams = 1; // -bucket 0 by hand: no rows for n-grams
      minn = 0;
      maxn = 0;
      a.wordNgrams(1).minn(0).maxn(0);
    }
    if (free(SearchParam.BUCKET)) {
      if (wordNgrams <= 1 && maxn == 0) {
        bucket = 0;
      } else {
        bucket = clip((int) (bestNonzeroBucket * Math.pow(2, gauss(BUCKET, 2.0, 1.5, t))), 10_000,
            10_000_000);
      }
    }
    // one array holds the input matrix: past its limit the bucket count (or else dim) gives way
    if ((wordNgrams > 1 || maxn > 0) && (bucket + 1L) * dim > Integer.MAX_VALUE - 8L) {
      if (free(SearchParam.BUCKET)) {
        bucket = (int) ((Integer.MAX_VALUE - 8L) / dim - 1);
      } else {
        dim = (int) ((Integer.MAX_VALUE - 8L) / (bucket + 1L));
      }
    }
    a.dim(dim).bucket(bucket);
    if (free(SearchParam.LOSS)) {
      if (losses.isEmpty()) {
        a.loss(Args.SOFTMAX).clearLossOptions();
      } else {
        int index = bestLossIndex;
        double u = rng.nextDouble();
        if (losses.size() > 1 && u < sigma(0.5, 0.2, t)) {
          index = (bestLossIndex + 1 + rng.nextInt(losses.size() - 1)) % losses.size();
        }
        losses.get(index).applyTo(a);
      }
    }
    mirror = !mirror;
    return new TrialArgs(a.build(), dsub);
  }

  /** With maxn fixed, a minn it allows: 0 when maxn is 0, else at most maxn and at least 1. */
  private static int fitMinn(int minn, int maxn) {
    if (maxn == 0) {
      return 0;
    }
    return Math.max(1, Math.min(minn == 0 ? 2 : minn, maxn));
  }

  /** Makes {@code t} the point the next draws are centred on. */
  public void improved(TrialArgs t) {
    best = t;
    mirror = false; // a new centre: the next draw is a fresh one
    Args a = t.args();
    bestMinnIndex = 0;
    for (int i = 0; i < MINN_CHOICES.length; i++) {
      if (MINN_CHOICES[i] == a.minn()) {
        bestMinnIndex = i;
      }
    }
    bestDsubExponent = Math.max(1, 31 - Integer.numberOfLeadingZeros(t.dsub()));
    if (a.bucket() != 0) {
      bestNonzeroBucket = a.bucket();
    }
    for (int i = 0; i < losses.size(); i++) {
      if (losses.get(i).text().equals(t.lossText())) {
        bestLossIndex = i;
      }
    }
  }

  /** The point the draws are centred on. */
  public TrialArgs best() {
    return best;
  }

  private boolean free(SearchParam p) {
    return !fixed.contains(p);
  }

  /** Parameter {@code slot}'s step at progress {@code t}: its normal draw (or its mirror) times σ. */
  private double gauss(int slot, double start, double end, double t) {
    return (mirror ? -z[slot] : z[slot]) * sigma(start, end, t);
  }

  private static int clip(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
