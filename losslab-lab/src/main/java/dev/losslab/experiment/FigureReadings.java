package dev.losslab.experiment;

import dev.losslab.report.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The sentence under each figure of a comparison, read from the runs' numbers (the mean over seeds
 * at each epoch, as the figure draws it), never written for a data set. The rules the sentences
 * apply are stated here and in the sentences themselves:
 *
 * <ul>
 *   <li><b>overfitting</b>: the mean test accuracy at the last epoch is below its peak over the epochs
 *       by more than {@value #OVERFIT_MARGIN} and by more than the sd across seeds at the last epoch,
 *       while the mean training loss at the last epoch is lower than at the peak's epoch (with one
 *       seed there is no sd, and only the margin counts);
 *   <li><b>steady since epoch e</b>: from epoch e to the last, the mean stays within
 *       {@value #STEADY} of its last value (accuracies and fractions), said only when e is before the
 *       last epoch;
 *   <li><b>within one sd</b> of the best: a mean at least the best mean minus the best's sd across
 *       seeds;
 *   <li>a change on a log-scale figure (training loss, gradient norm) is a ratio, "falls 3.5-fold",
 *       or a percentage when below 2-fold; the biggest is the largest ratio either way.
 * </ul>
 *
 * <p>A loss whose runs all diverged before completing an epoch has no curve: the training-loss
 * sentence says so and the other sentences leave it out. Runs that diverged later are counted in the
 * training-loss sentence; the curves after that average the runs left.
 */
final class FigureReadings {
  private FigureReadings() {}

  /** Overfitting: the drop from the peak test accuracy must exceed this (and the sd across seeds). */
  static final double OVERFIT_MARGIN = 0.01;
  /** Falls: the last mean below this fraction of the first (a 1 % drop at least). */
  static final double FALLS = 0.99;
  /** Steady: every later mean within this of the last one. */
  static final double STEADY = 0.01;
  /** The lowest loss's stalled fraction worth naming in the accuracy sentence. */
  static final double STALLED_WORTH_NAMING = 0.1;

  /** One loss's mean ± sd curve of one metric, finite points only. */
  record Trend(String loss, int[] epoch, double[] mean, double[] sd) {

    static Trend of(String loss, List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
      SeedCurves.Series s = SeedCurves.series(runs, metric);
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.mean()[i])) {
          keep.add(i);
        }
      }
      int[] e = new int[keep.size()];
      double[] m = new double[keep.size()];
      double[] d = new double[keep.size()];
      for (int j = 0; j < e.length; j++) {
        int i = keep.get(j);
        e[j] = (int) s.x()[i];
        m[j] = s.mean()[i];
        d[j] = Double.isFinite(s.sd()[i]) ? s.sd()[i] : 0;
      }
      return new Trend(loss, e, m, d);
    }

    boolean empty() {
      return epoch.length == 0;
    }

    int points() {
      return epoch.length;
    }

    double first() {
      return mean[0];
    }

    double last() {
      return mean[mean.length - 1];
    }

    int firstEpoch() {
      return epoch[0];
    }

    int lastEpoch() {
      return epoch[epoch.length - 1];
    }

    double lastSd() {
      return sd[sd.length - 1];
    }

    /** Index of the highest mean (the first, if tied). */
    int peak() {
      int best = 0;
      for (int i = 1; i < mean.length; i++) {
        if (mean[i] > mean[best]) {
          best = i;
        }
      }
      return best;
    }

    /** The mean at {@code e}, or NaN when the curve has no point there. */
    double at(int e) {
      for (int i = 0; i < epoch.length; i++) {
        if (epoch[i] == e) {
          return mean[i];
        }
      }
      return Double.NaN;
    }

    /** The first epoch from which every mean stays within {@code tolerance} of the last one. */
    int steadySince(double tolerance) {
      int i = mean.length - 1;
      while (i > 0 && Math.abs(mean[i - 1] - last()) <= tolerance) {
        i--;
      }
      return epoch[i];
    }

    /** Whether the curve is 0 at every point. */
    boolean allZero() {
      for (double v : mean) {
        if (v != 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** The training-loss figure: which losses' loss falls, most and least, and which runs diverged. */
  static String trainingLoss(List<String> losses, List<RunResult> runs) {
    List<Trend> ts = trends(losses, runs, EpochRecord::trainLoss);
    List<String> parts = new ArrayList<>();
    List<Trend> moving =
        ts.stream().filter(t -> t.points() >= 2 && t.first() > 0 && t.last() > 0).toList();
    if (moving.isEmpty()) {
      parts.add(ts.stream().anyMatch(t -> !t.empty())
          ? "No loss has two epochs of positive training loss, so there is no change to read"
          : "No run completed an epoch");
    } else if (moving.size() == 1) {
      Trend t = moving.get(0);
      parts.add("The training loss of " + t.loss() + verb(t.first(), t.last()) + ", from "
          + sig(t.first()) + " at epoch " + t.firstEpoch() + " to " + sig(t.last()) + " at epoch "
          + t.lastEpoch());
    } else {
      List<Trend> falling = moving.stream().filter(t -> t.last() < FALLS * t.first()).toList();
      List<Trend> rising = moving.stream().filter(t -> t.last() >= FALLS * t.first()).toList();
      Comparator<Trend> byRatio = Comparator.comparingDouble(t -> t.last() / t.first());
      String span = sameSpan(moving) ? " from epoch " + moving.get(0).firstEpoch() + " to epoch "
          + moving.get(0).lastEpoch() : "";
      if (falling.isEmpty()) {
        parts.add("The training loss falls under no loss" + span
            + ": it ends at or above its start under " + join(moves(rising)));
      } else {
        Trend most = falling.stream().min(byRatio).get();
        Trend least = falling.stream().max(byRatio).get();
        StringBuilder b = new StringBuilder("The training loss falls under "
            + (!rising.isEmpty() ? falling.size() + " of " + moving.size() + " losses"
                : moving.size() == 2 ? "both losses" : "all " + moving.size() + " losses")
            + span + ", most for " + move(most));
        if (least != most) {
          b.append(" and least for ").append(move(least));
        }
        parts.add(b.toString());
        if (!rising.isEmpty()) {
          parts.add("it does not fall under " + join(moves(rising)));
        }
      }
    }
    for (String loss : losses) {
      List<RunResult> rs = SeedCurves.of(runs, loss);
      List<RunResult> diverged = rs.stream().filter(RunResult::diverged).toList();
      if (diverged.isEmpty()) {
        continue;
      }
      java.util.SortedSet<Integer> epochs = new java.util.TreeSet<>();
      for (RunResult r : diverged) {
        epochs.add(r.last() == null ? 1 : r.last().epoch() + 1);
      }
      List<String> at = epochs.stream().map(String::valueOf).toList();
      boolean none = rs.stream().allMatch(r -> r.epochs().isEmpty());
      parts.add(loss + " diverged in " + (diverged.size() == rs.size() ? "every run" : diverged.size()
          + " of " + rs.size() + " runs") + " (at epoch" + (at.size() == 1 ? " " : "s ") + join(at) + ")"
          + (none ? ", before completing an epoch, so it has no curve"
              : diverged.size() < rs.size() ? ", and its curves from there average the runs left" : ""));
    }
    return sentence(parts);
  }

  /** "softmax-mse (0.111 → 0.0565, 2.0-fold)". */
  private static String move(Trend t) {
    return t.loss() + " (" + sig(t.first()) + " → " + sig(t.last()) + ", "
        + change(t.first(), t.last()) + ")";
  }

  private static List<String> moves(List<Trend> ts) {
    return ts.stream().map(FigureReadings::move).toList();
  }

  /**
   * The test-accuracy (or P@1) figure: which losses overfit (the rule above), then the ranking at the
   * last epoch, and the biggest change when none overfits.
   */
  static String testAccuracy(List<String> losses, List<RunResult> runs, boolean text) {
    String metric = text ? "test P@1" : "test accuracy";
    List<Trend> ts = present(trends(losses, runs, EpochRecord::testAccuracy));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no " + metric + " to read.";
    }
    List<Trend> loss = trends(losses, runs, EpochRecord::trainLoss);
    boolean oneSeed = runs.stream().map(RunResult::seed).distinct().count() == 1;
    List<String> parts = new ArrayList<>();

    // overfitting, largest drop first
    List<String> overfit = new ArrayList<>();
    List<Trend> byDrop = new ArrayList<>(ts);
    byDrop.sort(Comparator.comparingDouble((Trend t) -> t.mean()[t.peak()] - t.last()).reversed());
    for (Trend t : byDrop) {
      int p = t.peak();
      double drop = t.mean()[p] - t.last();
      Trend l = find(loss, t.loss());
      double lossAtPeak = l.at(t.epoch()[p]);
      double lossAtEnd = l.at(t.lastEpoch());
      if (p < t.points() - 1 && drop > OVERFIT_MARGIN && drop > t.lastSd() && lossAtEnd < lossAtPeak) {
        overfit.add(t.loss() + " (" + acc(t.mean()[p]) + " at epoch " + t.epoch()[p] + " → "
            + acc(t.last()) + " at epoch " + t.lastEpoch() + (overfit.isEmpty() ? ", training loss "
            + sig(lossAtPeak) + " → " + sig(lossAtEnd) : "") + ")");
      }
    }
    if (!overfit.isEmpty()) {
      parts.add((overfit.size() == 1 ? "One loss overfits" : overfit.size() + " losses overfit")
          + " (" + metric + " at the last epoch below its peak by more than "
          + Numbers.exact(OVERFIT_MARGIN)
          + (oneSeed ? ", one seed so no sd to exceed" : " and more than one sd across seeds")
          + ", with a lower training loss than at the peak): " + join(overfit));
    }

    // ranking at the last epoch
    Trend top = ts.stream().max(Comparator.comparingDouble(Trend::last)).get();
    int end = commonLastEpoch(ts);
    if (ts.size() == 1) {
      parts.add(top.loss() + "'s " + metric + " ends at " + acc(top.last()) + at(top, -1)
          + (top.peak() < top.points() - 1 ? ", after a peak of " + acc(top.mean()[top.peak()])
              + " at epoch " + top.epoch()[top.peak()] : ", its highest"));
    } else {
      StringBuilder b = new StringBuilder(top.loss() + " ends with the highest " + metric + ", "
          + acc(top.last()) + (oneSeed ? "" : " ± " + String.format(Locale.ROOT, "%.3f", top.lastSd()))
          + at(top, end));
      List<String> close = new ArrayList<>();
      for (Trend t : ts) {
        if (t != top && !oneSeed && t.last() >= top.last() - top.lastSd()) {
          close.add(t.loss() + " " + acc(t.last()));
        }
      }
      if (!close.isEmpty()) {
        b.append(", with ").append(join(close)).append(" within one sd of it");
      }
      Trend bottom = ts.stream().min(Comparator.comparingDouble(Trend::last)).get();
      b.append("; ").append(bottom.loss()).append(" the lowest, ").append(acc(bottom.last()))
          .append(at(bottom, end));
      int steady = bottom.steadySince(STEADY);
      if (steady < bottom.lastEpoch()) {
        b.append(", steady since epoch ").append(steady);
      }
      Trend stall = find(trends(losses, runs, e -> e.diagnostics().stalled()), bottom.loss());
      double stalled = stall.empty() ? 0 : stall.last();
      if (stalled >= STALLED_WORTH_NAMING) {
        b.append(", with ").append(pct(stalled)).append(" of its training sample stalled");
      }
      parts.add(b.toString());
    }

    if (overfit.isEmpty()) {
      Trend moved = biggestChange(ts, false);
      if (moved != null) {
        parts.add("no loss overfits (none ends below its peak by more than "
            + Numbers.exact(OVERFIT_MARGIN) + (oneSeed ? "" : " and one sd across seeds")
            + " with a lower training loss than at the peak)"
            + "; the biggest change is " + moved.loss() + "'s, from " + acc(moved.first()) + " at epoch "
            + moved.firstEpoch() + " to " + acc(moved.last()) + " at epoch " + moved.lastEpoch());
      }
    }
    return sentence(parts);
  }

  /** The gradient-norm figure: largest and smallest at the last epoch, and the biggest change. */
  static String gradientNorm(List<String> losses, List<RunResult> runs, String what) {
    List<Trend> ts = present(trends(losses, runs, EpochRecord::gradientNorm));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no gradient norm to read.";
    }
    int end = commonLastEpoch(ts);
    List<String> parts = new ArrayList<>();
    if (ts.size() == 1) {
      Trend t = ts.get(0);
      parts.add("The " + what + " under " + t.loss() + " ends at " + sig(t.last()) + at(t, -1));
    } else {
      Trend big = ts.stream().max(Comparator.comparingDouble(Trend::last)).get();
      Trend small = ts.stream().min(Comparator.comparingDouble(Trend::last)).get();
      parts.add("At the last epoch the " + what + " is largest under " + big.loss() + " ("
          + sig(big.last()) + at(big, end) + ") and smallest under " + small.loss() + " ("
          + sig(small.last()) + at(small, end) + ")");
    }
    Trend moved = biggestChange(ts, true);
    if (moved != null) {
      parts.add((ts.size() == 1 ? "it " : "the biggest change is " + moved.loss() + "'s, which ")
          + verb(moved.first(), moved.last()).strip() + " from " + sig(moved.first()) + " at epoch "
          + moved.firstEpoch() + " to " + sig(moved.last()) + " at epoch " + moved.lastEpoch());
    }
    return sentence(parts);
  }

  /** The stalled figure: which losses leave examples stalled, how many, since when. */
  static String stalled(List<String> losses, List<RunResult> runs, double threshold) {
    List<Trend> ts = present(trends(losses, runs, e -> e.diagnostics().stalled()));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no stalled fraction to read.";
    }
    String rule = "misclassified with ‖∂L/∂s‖₂ < " + Numbers.exact(threshold);
    List<Trend> never = ts.stream().filter(Trend::allZero).toList();
    if (never.size() == ts.size()) {
      return "No loss leaves a training example " + rule + " at any epoch: the stalled fraction is 0"
          + " throughout.";
    }
    int examples = sampleSize(runs);
    int end = commonLastEpoch(ts);
    List<Trend> some = new ArrayList<>(ts.stream().filter(t -> !t.allZero()).toList());
    some.sort(Comparator.comparingDouble(Trend::last).reversed()
        .thenComparing(Comparator.comparingDouble((Trend t) -> t.mean()[t.peak()]).reversed()));
    List<String> phrases = new ArrayList<>();
    for (Trend t : some) {
      if (t.last() > 0) {
        int steady = t.steadySince(STEADY);
        String what = phrases.isEmpty()
            ? " of " + (examples > 0 ? "the " + examples + " sample examples" : "the training sample")
                + " " + rule + " at the last epoch"
            : "";
        phrases.add(t.loss() + " leaves " + pct(t.last()) + what + at(t, end)
            + (steady < t.lastEpoch() ? ", steady since epoch " + steady : ""));
      } else {
        int p = t.peak();
        phrases.add(t.loss() + " peaks at " + pct(t.mean()[p]) + " at epoch " + t.epoch()[p]
            + " and ends at 0" + (phrases.isEmpty() ? " (stalled: " + rule + ")" : ""));
      }
    }
    String tail = never.isEmpty() ? ""
        : "; " + (never.size() == 1 ? never.get(0).loss() + " never stalls"
            : join(names(never)) + " never stall");
    return sentence(List.of(String.join("; ", phrases) + tail));
  }

  /** The wrong-direction figure: who pushes incorrect classes up and how much, who never does. */
  static String wrongDirection(List<String> losses, List<RunResult> runs) {
    List<Trend> ts = present(trends(losses, runs, e -> e.diagnostics().wrongDirection()));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no wrong-direction fraction to read.";
    }
    List<Trend> never = ts.stream().filter(Trend::allZero).toList();
    List<Trend> some = new ArrayList<>(ts.stream().filter(t -> !t.allZero()).toList());
    if (some.isEmpty()) {
      return (ts.size() == 1 ? ts.get(0).loss() + " never pushes" : "No loss pushes")
          + " an incorrect class's score up at any epoch: the fraction is 0 throughout.";
    }
    int end = commonLastEpoch(ts);
    some.sort(Comparator.comparingDouble(Trend::last).reversed());
    List<String> ranked = new ArrayList<>();
    for (Trend t : some) {
      ranked.add((ranked.isEmpty() ? "" : t.loss() + " ") + pct(t.last()) + at(t, end));
    }
    String first = ranked.remove(0);
    StringBuilder b = new StringBuilder("At the last epoch " + some.get(0).loss()
        + " pushes the largest fraction of incorrect-class scores up, " + first);
    if (!ranked.isEmpty()) {
      b.append(", then ").append(join(ranked));
    }
    if (!never.isEmpty()) {
      b.append("; ").append(join(names(never))).append(never.size() == 1 ? " never does" : " never do")
          .append(" (0 at every epoch)");
    }
    Trend moved = biggestChange(some, false);
    if (moved != null && moved.points() >= 2) {
      b.append("; the biggest change is ").append(moved.loss()).append("'s, from ")
          .append(pct(moved.first())).append(" at epoch ").append(moved.firstEpoch()).append(" to ")
          .append(pct(moved.last()));
    }
    return sentence(List.of(b.toString()));
  }

  // ---- helpers ----

  private static List<Trend> trends(List<String> losses, List<RunResult> runs,
      ToDoubleFunction<EpochRecord> metric) {
    List<Trend> ts = new ArrayList<>();
    for (String l : losses) {
      ts.add(Trend.of(l, SeedCurves.of(runs, l), metric));
    }
    return ts;
  }

  private static List<Trend> present(List<Trend> ts) {
    return ts.stream().filter(t -> !t.empty()).toList();
  }

  private static Trend find(List<Trend> ts, String loss) {
    for (Trend t : ts) {
      if (t.loss().equals(loss)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no curve for " + loss);
  }

  /** The trend that changes most from first to last point: by ratio on a log scale, else by difference. */
  private static Trend biggestChange(List<Trend> ts, boolean logScale) {
    Trend best = null;
    double size = 0;
    for (Trend t : ts) {
      if (t.points() < 2) {
        continue;
      }
      double s = logScale
          ? (t.first() > 0 && t.last() > 0 ? Math.abs(Math.log(t.last() / t.first())) : 0)
          : Math.abs(t.last() - t.first());
      if (s > size) {
        best = t;
        size = s;
      }
    }
    return best;
  }

  private static boolean sameSpan(List<Trend> ts) {
    for (Trend t : ts) {
      if (t.firstEpoch() != ts.get(0).firstEpoch() || t.lastEpoch() != ts.get(0).lastEpoch()) {
        return false;
      }
    }
    return true;
  }

  /** The last epoch most curves reach (the one a curve that stops earlier is compared with). */
  private static int commonLastEpoch(List<Trend> ts) {
    int last = Integer.MIN_VALUE;
    for (Trend t : ts) {
      last = Math.max(last, t.lastEpoch());
    }
    return last;
  }

  /** " at epoch N" when the curve ends elsewhere than {@code end} (always, for {@code end} -1). */
  private static String at(Trend t, int end) {
    return t.lastEpoch() == end ? "" : " at epoch " + t.lastEpoch();
  }

  private static int sampleSize(List<RunResult> runs) {
    for (RunResult r : runs) {
      if (r.last() != null) {
        return r.last().diagnostics().examples();
      }
    }
    return 0;
  }

  private static List<String> names(List<Trend> ts) {
    return ts.stream().map(Trend::loss).toList();
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> xs) {
    if (xs.size() <= 1) {
      return xs.isEmpty() ? "" : xs.get(0);
    }
    return String.join(", ", xs.subList(0, xs.size() - 1)) + " and " + xs.get(xs.size() - 1);
  }

  /** The parts as one sentence: joined by semicolons, ending with a full stop. */
  private static String sentence(List<String> parts) {
    String s = String.join("; ", parts);
    if (s.isEmpty()) {
      return s;
    }
    return s.endsWith(".") ? s : s + ".";
  }

  /** An accuracy: 3 decimals. */
  static String acc(double v) {
    return Numbers.format(v, 3);
  }

  /** A loss or a norm: 3 significant digits, {@code 0.0565}, {@code 14.2}, {@code 2.10e-07}. */
  static String sig(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return Numbers.format(v, 0);
    }
    double a = Math.abs(v);
    if (a < 1e-4 || a >= 1000) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** A fraction as a percentage: {@code 56.1 %}; below 0.1 % with three significant digits. */
  static String pct(double fraction) {
    double p = 100 * fraction;
    if (p == 0) {
      return "0 %";
    }
    if (Math.abs(p) < 0.1) {
      return sig(p) + " %";
    }
    return String.format(Locale.ROOT, "%.1f %%", p);
  }

  /** The size of {@code from} → {@code to}: "3.5-fold" from 2-fold up, else "37 %"; unsigned. */
  static String size(double from, double to) {
    double ratio = to / from;
    double fold = Math.max(ratio, 1 / ratio);
    if (fold >= 2) {
      return (fold >= 10 ? String.format(Locale.ROOT, "%.0f", fold)
          : String.format(Locale.ROOT, "%.1f", fold)) + "-fold";
    }
    return Math.abs(Math.round(100 * (ratio - 1))) + " %";
  }

  /** {@code from} → {@code to} signed: "−37 %", "+26 %", "3.5-fold", or "unchanged" below 0.5 %. */
  static String change(double from, double to) {
    long percent = Math.round(100 * (to / from - 1));
    if (percent == 0) {
      return "unchanged";
    }
    String size = size(from, to);
    return size.endsWith("-fold") ? size : (percent < 0 ? "−" : "+") + size;
  }

  /** " falls 37 %", " rises 3.5-fold" or " stays level" for {@code from} → {@code to}. */
  private static String verb(double from, double to) {
    if (Math.round(100 * (to / from - 1)) == 0) {
      return " stays level";
    }
    return (to < from ? " falls " : " rises ") + size(from, to);
  }
}
