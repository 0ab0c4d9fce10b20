package dev.losslab.text.autotune;

import dev.losslab.text.Args;
import dev.losslab.text.Dictionary;
import java.util.Arrays;

/**
 * Predicts how long a trial takes, so that the search skips a draw that could not finish in the time
 * left instead of spending that time on it (a trial is only stopped at the end of an epoch, and one
 * epoch of {@code -dim 800} on hundreds of labels can take longer than a whole budget).
 *
 * <p>The model counts the multiply-adds of one epoch, {@code W = T·r·d·2 + L·d·o}: {@code T} training
 * tokens, {@code r} input rows per token ({@code wordNgrams}, plus the character n-grams of an average
 * word when {@code maxn > 0}), {@code d = dim}, {@code L} lines, and {@code o} output rows touched per
 * line and pass (2 × labels for softmax, one-vs-all and the core losses; 2 × (neg + 1) for ns;
 * 2 × log2 labels for hs); and the values the initialization writes, {@code I = (words + bucket)·d}.
 * Its two rates, seconds per epoch unit and per initialized value, are the medians of what the trials
 * so far measured; before the first measurement nothing is predicted.
 */
final class TrialCost {
  private final double tokens;
  private final double lines;
  private final double nwords;
  private final int nlabels;
  private final double averageWordBytes;
  private double[] epochRates = new double[0];
  private double[] initRates = new double[0];

  /**
   * @param dict the dictionary of the data (its words' lengths give the character n-gram count)
   * @param tokens training tokens per epoch
   * @param lines training lines
   */
  TrialCost(Dictionary dict, long tokens, int lines) {
    this.tokens = tokens;
    this.lines = lines;
    this.nwords = dict.nwords();
    this.nlabels = dict.nlabels();
    double weighted = 0;
    double count = 0;
    for (int i = 0; i < dict.nwords(); i++) {
      weighted += (double) dict.count(i) * dict.wordBytes(i).length;
      count += dict.count(i);
    }
    this.averageWordBytes = count == 0 ? 0 : weighted / count;
  }

  /** Multiply-adds of one epoch of {@code a}. */
  double epochWork(Args a) {
    double rows = a.wordNgrams();
    if (a.maxn() > 0) {
      double wrapped = averageWordBytes + 2; // "<" word ">"
      for (int n = Math.max(1, a.minn()); n <= a.maxn(); n++) {
        rows += Math.max(0, wrapped - n + 1);
      }
    }
    double out = switch (a.loss()) {
      case Args.NS -> 2.0 * (a.neg() + 1);
      case Args.HS -> 2.0 * Math.max(1, Math.log(nlabels) / Math.log(2));
      default -> 2.0 * nlabels;
    };
    return tokens * rows * a.dim() * 2 + lines * a.dim() * out;
  }

  /** Values written by the initialization of {@code a}'s input matrix. */
  double initWork(Args a) {
    return (nwords + a.effectiveBucket()) * a.dim();
  }

  /**
   * Records a measured trial.
   *
   * @param epochs epochs it trained
   * @param trainSeconds the time of those epochs (their validation included)
   * @param otherSeconds the rest of the trial: reading, initialization
   */
  void observe(Args a, int epochs, double trainSeconds, double otherSeconds) {
    if (epochs > 0 && trainSeconds > 0) {
      epochRates = append(epochRates, trainSeconds / (epochs * epochWork(a)));
    }
    double init = initWork(a);
    if (init >= 1e7 && otherSeconds > 0) {
      initRates = append(initRates, otherSeconds / init);
    }
  }

  /** The predicted seconds of a whole trial, or NaN before any measurement. */
  double predict(Args a) {
    if (epochRates.length == 0) {
      return Double.NaN;
    }
    double init = initWork(a);
    // before a large initialization was measured, assume 10 ns a value (measured: 3 to 11 ns)
    double initRate = initRates.length == 0 ? 10e-9 : median(initRates);
    return median(epochRates) * a.epoch() * epochWork(a) + (init >= 1e7 ? initRate * init : 0);
  }

  private static double[] append(double[] a, double v) {
    double[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
