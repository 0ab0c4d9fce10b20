package dev.losslab.experiment;

import dev.losslab.report.Numbers;
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

  /** The training-loss figure: which losses' loss falls, most and least, and which runs diverged. */
  static String trainingLoss(List<String> losses, List<RunResult> runs) {
    List<MeanCurve> ts = curves(losses, runs, EpochRecord::trainLoss);
    List<String> parts = new ArrayList<>();
    List<MeanCurve> moving =
        ts.stream().filter(t -> t.points() >= 2 && t.first() > 0 && t.last() > 0).toList();
    if (moving.isEmpty()) {
      parts.add(ts.stream().anyMatch(t -> !t.empty())
          ? "No loss has two epochs of positive training loss, so there is no change to read"
          : "No run completed an epoch");
    } else if (moving.size() == 1) {
      MeanCurve t = moving.get(0);
      parts.add("The training loss of " + t.loss() + Wording.verb(t.first(), t.last()) + ", from "
          + Wording.sig(t.first()) + " at epoch " + t.firstEpoch() + " to " + Wording.sig(t.last()) + " at epoch "
          + t.lastEpoch());
    } else {
      List<MeanCurve> falling = moving.stream().filter(t -> t.last() < FALLS * t.first()).toList();
      List<MeanCurve> rising = moving.stream().filter(t -> t.last() >= FALLS * t.first()).toList();
      Comparator<MeanCurve> byRatio = Comparator.comparingDouble(t -> t.last() / t.first());
      String span = sameSpan(moving) ? " from epoch " + moving.get(0).firstEpoch() + " to epoch "
          + moving.get(0).lastEpoch() : "";
      if (falling.isEmpty()) {
        parts.add("The training loss falls under no loss" + span
            + ": it ends at or above its start under " + Wording.join(moves(rising)));
      } else {
        MeanCurve most = falling.stream().min(byRatio).get();
        MeanCurve least = falling.stream().max(byRatio).get();
        StringBuilder b = new StringBuilder("The training loss falls under "
            + (!rising.isEmpty() ? falling.size() + " of " + moving.size() + " losses"
                : moving.size() == 2 ? "both losses" : "all " + moving.size() + " losses")
            + span + ", most for " + move(most));
        if (least != most) {
          b.append(" and least for ").append(move(least));
        }
        parts.add(b.toString());
        if (!rising.isEmpty()) {
          parts.add("it does not fall under " + Wording.join(moves(rising)));
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
          + " of " + rs.size() + " runs") + " (at epoch" + (at.size() == 1 ? " " : "s ") + Wording.join(at) + ")"
          + (none ? ", before completing an epoch, so it has no curve"
              : diverged.size() < rs.size() ? ", and its curves from there average the runs left" : ""));
    }
    return sentence(parts);
  }

  /** "softmax-mse (0.111 → 0.0565, 2.0-fold)". */
  private static String move(MeanCurve t) {
    return t.loss() + " (" + Wording.sig(t.first()) + " → " + Wording.sig(t.last()) + ", "
        + Wording.change(t.first(), t.last()) + ")";
  }

  private static List<String> moves(List<MeanCurve> ts) {
    return ts.stream().map(FigureReadings::move).toList();
  }

  /**
   * The test-accuracy (or P@1) figure: which losses overfit (the rule above), then the ranking at the
   * last epoch, and the biggest change when none overfits.
   */
  static String testAccuracy(List<String> losses, List<RunResult> runs, boolean text) {
    String metric = text ? "test P@1" : "test accuracy";
    List<MeanCurve> ts = present(curves(losses, runs, EpochRecord::testAccuracy));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no " + metric + " to read.";
    }
    List<MeanCurve> loss = curves(losses, runs, EpochRecord::trainLoss);
    boolean oneSeed = runs.stream().map(RunResult::seed).distinct().count() == 1;
    List<String> parts = new ArrayList<>();

    // overfitting, largest drop first
    List<String> overfit = new ArrayList<>();
    List<MeanCurve> byDrop = new ArrayList<>(ts);
    byDrop.sort(Comparator.comparingDouble((MeanCurve t) -> t.mean()[t.peak()] - t.last()).reversed());
    for (MeanCurve t : byDrop) {
      int p = t.peak();
      double drop = t.mean()[p] - t.last();
      MeanCurve l = find(loss, t.loss());
      double lossAtPeak = l.at(t.epoch()[p]);
      double lossAtEnd = l.at(t.lastEpoch());
      if (p < t.points() - 1 && drop > OVERFIT_MARGIN && drop > t.lastSd() && lossAtEnd < lossAtPeak) {
        overfit.add(t.loss() + " (" + Wording.acc(t.mean()[p]) + " at epoch " + t.epoch()[p] + " → "
            + Wording.acc(t.last()) + " at epoch " + t.lastEpoch() + (overfit.isEmpty() ? ", training loss "
            + Wording.sig(lossAtPeak) + " → " + Wording.sig(lossAtEnd) : "") + ")");
      }
    }
    if (!overfit.isEmpty()) {
      parts.add((overfit.size() == 1 ? "One loss overfits" : overfit.size() + " losses overfit")
          + " (" + metric + " at the last epoch below its peak by more than "
          + Numbers.exact(OVERFIT_MARGIN)
          + (oneSeed ? ", one seed so no sd to exceed" : " and more than one sd across seeds")
          + ", with a lower training loss than at the peak): " + Wording.join(overfit));
    }

    // ranking at the last epoch
    MeanCurve top = ts.stream().max(Comparator.comparingDouble(MeanCurve::last)).get();
    int end = commonLastEpoch(ts);
    if (ts.size() == 1) {
      parts.add(top.loss() + "'s " + metric + " ends at " + Wording.acc(top.last()) + at(top, -1)
          + (top.peak() < top.points() - 1 ? ", after a peak of " + Wording.acc(top.mean()[top.peak()])
              + " at epoch " + top.epoch()[top.peak()] : ", its highest"));
    } else {
      StringBuilder b = new StringBuilder(top.loss() + " ends with the highest " + metric + ", "
          + Wording.acc(top.last()) + (oneSeed ? "" : " ± " + String.format(Locale.ROOT, "%.3f", top.lastSd()))
          + at(top, end));
      List<String> close = new ArrayList<>();
      for (MeanCurve t : ts) {
        if (t != top && !oneSeed && t.last() >= top.last() - top.lastSd()) {
          close.add(t.loss() + " " + Wording.acc(t.last()));
        }
      }
      if (!close.isEmpty()) {
        b.append(", with ").append(Wording.join(close)).append(" within one sd of it");
      }
      MeanCurve bottom = ts.stream().min(Comparator.comparingDouble(MeanCurve::last)).get();
      b.append("; ").append(bottom.loss()).append(" the lowest, ").append(Wording.acc(bottom.last()))
          .append(at(bottom, end));
      int steady = bottom.steadySince(STEADY);
      if (steady < bottom.lastEpoch()) {
        b.append(", steady since epoch ").append(steady);
      }
      MeanCurve stall = find(curves(losses, runs, e -> e.diagnostics().stalled()), bottom.loss());
      double stalled = stall.empty() ? 0 : stall.last();
      if (stalled >= STALLED_WORTH_NAMING) {
        b.append(", with ").append(Wording.pct(stalled)).append(" of its training sample stalled");
      }
      parts.add(b.toString());
    }

    if (overfit.isEmpty()) {
      MeanCurve moved = biggestChange(ts, false);
      if (moved != null) {
        parts.add("no loss overfits (none ends below its peak by more than "
            + Numbers.exact(OVERFIT_MARGIN) + (oneSeed ? "" : " and one sd across seeds")
            + " with a lower training loss than at the peak)"
            + "; the biggest change is " + moved.loss() + "'s, from " + Wording.acc(moved.first()) + " at epoch "
            + moved.firstEpoch() + " to " + Wording.acc(moved.last()) + " at epoch " + moved.lastEpoch());
      }
    }
    return sentence(parts);
  }

  /** The gradient-norm figure: largest and smallest at the last epoch, and the biggest change. */
  static String gradientNorm(List<String> losses, List<RunResult> runs, String what) {
    List<MeanCurve> ts = present(curves(losses, runs, EpochRecord::gradientNorm));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no gradient norm to read.";
    }
    int end = commonLastEpoch(ts);
    List<String> parts = new ArrayList<>();
    if (ts.size() == 1) {
      MeanCurve t = ts.get(0);
      parts.add("The " + what + " under " + t.loss() + " ends at " + Wording.sig(t.last()) + at(t, -1));
    } else {
      MeanCurve big = ts.stream().max(Comparator.comparingDouble(MeanCurve::last)).get();
      MeanCurve small = ts.stream().min(Comparator.comparingDouble(MeanCurve::last)).get();
      parts.add("At the last epoch the " + what + " is largest under " + big.loss() + " ("
          + Wording.sig(big.last()) + at(big, end) + ") and smallest under " + small.loss() + " ("
          + Wording.sig(small.last()) + at(small, end) + ")");
    }
    MeanCurve moved = biggestChange(ts, true);
    if (moved != null) {
      parts.add((ts.size() == 1 ? "it " : "the biggest change is " + moved.loss() + "'s, which ")
          + Wording.verb(moved.first(), moved.last()).strip() + " from " + Wording.sig(moved.first()) + " at epoch "
          + moved.firstEpoch() + " to " + Wording.sig(moved.last()) + " at epoch " + moved.lastEpoch());
    }
    return sentence(parts);
  }

  /** The stalled figure: which losses leave examples stalled, how many, since when. */
  static String stalled(List<String> losses, List<RunResult> runs, double threshold) {
    List<MeanCurve> ts = present(curves(losses, runs, e -> e.diagnostics().stalled()));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no stalled fraction to read.";
    }
    String rule = "misclassified with ‖∂L/∂s‖₂ < " + Numbers.exact(threshold);
    List<MeanCurve> never = ts.stream().filter(MeanCurve::allZero).toList();
    if (never.size() == ts.size()) {
      return "No loss leaves a training example " + rule + " at any epoch: the stalled fraction is 0"
          + " throughout.";
    }
    int examples = sampleSize(runs);
    int end = commonLastEpoch(ts);
    List<MeanCurve> some = new ArrayList<>(ts.stream().filter(t -> !t.allZero()).toList());
    some.sort(Comparator.comparingDouble(MeanCurve::last).reversed()
        .thenComparing(Comparator.comparingDouble((MeanCurve t) -> t.mean()[t.peak()]).reversed()));
    List<String> phrases = new ArrayList<>();
    for (MeanCurve t : some) {
      if (t.last() > 0) {
        int steady = t.steadySince(STEADY);
        String what = phrases.isEmpty()
            ? " of " + (examples > 0 ? "the " + examples + " sample examples" : "the training sample")
                + " " + rule + " at the last epoch"
            : "";
        phrases.add(t.loss() + " leaves " + Wording.pct(t.last()) + what + at(t, end)
            + (steady < t.lastEpoch() ? ", steady since epoch " + steady : ""));
      } else {
        int p = t.peak();
        phrases.add(t.loss() + " peaks at " + Wording.pct(t.mean()[p]) + " at epoch " + t.epoch()[p]
            + " and ends at 0" + (phrases.isEmpty() ? " (stalled: " + rule + ")" : ""));
      }
    }
    String tail = never.isEmpty() ? ""
        : "; " + (never.size() == 1 ? never.get(0).loss() + " never stalls"
            : Wording.join(names(never)) + " never stall");
    return sentence(List.of(String.join("; ", phrases) + tail));
  }

  /** The wrong-direction figure: who pushes incorrect classes up and how much, who never does. */
  static String wrongDirection(List<String> losses, List<RunResult> runs) {
    List<MeanCurve> ts = present(curves(losses, runs, e -> e.diagnostics().wrongDirection()));
    if (ts.isEmpty()) {
      return "No run completed an epoch, so there is no wrong-direction fraction to read.";
    }
    List<MeanCurve> never = ts.stream().filter(MeanCurve::allZero).toList();
    List<MeanCurve> some = new ArrayList<>(ts.stream().filter(t -> !t.allZero()).toList());
    if (some.isEmpty()) {
      return (ts.size() == 1 ? ts.get(0).loss() + " never pushes" : "No loss pushes")
          + " an incorrect class's score up at any epoch: the fraction is 0 throughout.";
    }
    int end = commonLastEpoch(ts);
    some.sort(Comparator.comparingDouble(MeanCurve::last).reversed());
    List<String> ranked = new ArrayList<>();
    for (MeanCurve t : some) {
      ranked.add((ranked.isEmpty() ? "" : t.loss() + " ") + Wording.pct(t.last()) + at(t, end));
    }
    String first = ranked.remove(0);
    StringBuilder b = new StringBuilder("At the last epoch " + some.get(0).loss()
        + " pushes the largest fraction of incorrect-class scores up, " + first);
    if (!ranked.isEmpty()) {
      b.append(", then ").append(Wording.join(ranked));
    }
    if (!never.isEmpty()) {
      b.append("; ").append(Wording.join(names(never))).append(never.size() == 1 ? " never does" : " never do")
          .append(" (0 at every epoch)");
    }
    MeanCurve moved = biggestChange(some, false);
    if (moved != null && moved.points() >= 2) {
      b.append("; the biggest change is ").append(moved.loss()).append("'s, from ")
          .append(Wording.pct(moved.first())).append(" at epoch ").append(moved.firstEpoch()).append(" to ")
          .append(Wording.pct(moved.last()));
    }
    return sentence(List.of(b.toString()));
  }

  // ---- helpers ----

  private static List<MeanCurve> curves(List<String> losses, List<RunResult> runs,
      ToDoubleFunction<EpochRecord> metric) {
    List<MeanCurve> ts = new ArrayList<>();
    for (String l : losses) {
      ts.add(MeanCurve.of(l, SeedCurves.of(runs, l), metric));
    }
    return ts;
  }

  private static List<MeanCurve> present(List<MeanCurve> ts) {
    return ts.stream().filter(t -> !t.empty()).toList();
  }

  private static MeanCurve find(List<MeanCurve> ts, String loss) {
    for (MeanCurve t : ts) {
      if (t.loss().equals(loss)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no curve for " + loss);
  }

  /** The curve that changes most from first to last point: by ratio on a log scale, else by difference. */
  private static MeanCurve biggestChange(List<MeanCurve> ts, boolean logScale) {
    MeanCurve best = null;
    double size = 0;
    for (MeanCurve t : ts) {
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

  private static boolean sameSpan(List<MeanCurve> ts) {
    for (MeanCurve t : ts) {
      if (t.firstEpoch() != ts.get(0).firstEpoch() || t.lastEpoch() != ts.get(0).lastEpoch()) {
        return false;
      }
    }
    return true;
  }

  /** The last epoch any curve reaches (a curve that stops earlier says where it stops). */
  private static int commonLastEpoch(List<MeanCurve> ts) {
    int last = Integer.MIN_VALUE;
    for (MeanCurve t : ts) {
      last = Math.max(last, t.lastEpoch());
    }
    return last;
  }

  /** " at epoch N" when the curve ends elsewhere than {@code end} (always, for {@code end} -1). */
  private static String at(MeanCurve t, int end) {
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

  private static List<String> names(List<MeanCurve> ts) {
    return ts.stream().map(MeanCurve::loss).toList();
  }

  /** The parts as one sentence: joined by semicolons, ending with a full stop. */
  private static String sentence(List<String> parts) {
    String s = String.join("; ", parts);
    if (s.isEmpty()) {
      return s;
    }
    return s.endsWith(".") ? s : s + ".";
  }
}
