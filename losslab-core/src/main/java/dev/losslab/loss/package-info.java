/**
 * Losses on the scores of a network, each returning its value and exact gradient from one pass, with
 * PyTorch's reductions and options.
 *
 * <p>Start at {@link dev.losslab.loss.Losses} (the registry: built-in names, composed
 * {@code <unit>-<divergence>} names, options) and {@link dev.losslab.loss.LossEvaluation} (batches,
 * reductions, input checks, the float path). One loss per file: {@code SoftmaxCrossEntropy},
 * {@code SigmoidCrossEntropy}, {@code MeanSquaredError}, {@code SoftmaxSquaredError},
 * {@code ExpSquaredError}, ... each documenting its formula, gradient, expected output unit, kinks and
 * behaviour at extreme scores. A user-defined loss implements {@link dev.losslab.loss.Loss} (or extends
 * {@link dev.losslab.loss.ElementwiseLoss}) and is checked with
 * {@link dev.losslab.gradcheck.GradientChecker}; a {@link dev.losslab.loss.LossProvider} on the class
 * path offers it by name to {@code Losses.create} and the command line.
 *
 * <p>The fused float loops that {@code cross-entropy}, {@code binary-cross-entropy}, {@code mse} and
 * {@code softmax-mse} run on the float path are in {@link dev.losslab.loss.kernel}: the built-ins'
 * float path, not part of the interface a user implements (a user's loss reaches the float path
 * through its double {@code evaluate}).
 *
 * <p>Conventions: an empty batch or an all-ignored one has value 0 and gradient 0 under {@code mean};
 * NaN or infinite scores are rejected; a value whose true result exceeds the double range is
 * {@code +∞}, never NaN, and {@link dev.losslab.loss.LossDiagnostics} explains it.
 */
package dev.losslab.loss;
