package dev.losslab.loss.kernel;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;
import java.util.Objects;

/**
 * A loss's float path: the same loss as its double {@link Loss#evaluate}, on float scores, writing a
 * float gradient with the reduction's scale folded in. The built-in losses with fused float loops
 * ({@code cross-entropy}, {@code binary-cross-entropy}, {@code mse}, {@code softmax-mse}) and the
 * formula losses implement it beside {@link Loss}. A user's loss does not need to: {@link #of} gives
 * every loss a float path, and for a loss that is not a {@code FloatLoss} that path widens each row
 * to double and calls its double {@code evaluate} ({@link FusedFloat#throughDouble}).
 *
 * <p>Contract (tested for every implementation against the double path):
 *
 * <ul>
 *   <li>the value returned is the double path's on the widened scores, and {@code g[go .. go+k)}
 *       receives {@code scale · ∂value/∂s}, both within 1e-5 relative of the double path (the
 *       gradient relative to the row's largest entry), also at scores of ±1e4;
 *   <li>nothing is validated: callers ({@link dev.losslab.loss.LossEvaluation}, the trainers) check
 *       the target once per batch;
 *   <li>implementations are immutable and thread-safe; {@code scratch} comes from the caller, and the
 *       fused loops add per-thread rows of their own (C2 vectorises a loop only over separate arrays
 *       indexed from 0, which one caller scratch array cannot give).
 * </ul>
 */
public interface FloatLoss {

  /**
   * Value of the loss for example {@code row}, and {@code scale} times its gradient.
   *
   * @param s float scores, read at {@code s[so .. so+k)}
   * @param so offset of the example's scores
   * @param k number of scores
   * @param target the batch's targets
   * @param row which example of {@code target}
   * @param g receives {@code scale · ∂value/∂s} at {@code g[go .. go+k)}
   * @param go offset of the gradient
   * @param scratch at least {@code 2k} doubles, overwritten
   * @param scale the reduction's factor: 1 for {@code sum}, {@code 1/Σ mean weights} for {@code mean}
   * @return the example's unscaled value
   */
  double evaluate(float[] s, int so, int k, Target target, int row, float[] g, int go,
      double[] scratch, float scale);

  /**
   * The float path of {@code loss}: the loss itself when it is a {@code FloatLoss}, otherwise one that
   * widens each row to double, runs {@code loss}'s double {@code evaluate} and narrows
   * {@code scale · g} to float (one rounding per entry). Call it once per batch or per model, not per
   * row: the check is made here, and the loop then calls one {@code evaluate}.
   */
  static FloatLoss of(Loss loss) {
    Objects.requireNonNull(loss, "loss");
    if (loss instanceof FloatLoss fused) {
      return fused;
    }
    return (s, so, k, target, row, g, go, scratch, scale) ->
        FusedFloat.throughDouble(loss, s, so, k, target, row, g, go, scratch, scale);
  }
}
