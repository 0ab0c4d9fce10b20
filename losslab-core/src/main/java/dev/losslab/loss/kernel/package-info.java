/**
 * The float path of the built-in losses: how a loss runs on float scores with a float gradient, as
 * training does. Not a user API: a user's {@link dev.losslab.loss.Loss} needs nothing from here, and
 * {@link dev.losslab.loss.LossEvaluation}'s float overload and the text classifier reach every loss
 * through {@link dev.losslab.loss.kernel.FloatLoss#of}, which widens the rows of a loss without a
 * float path of its own to double.
 *
 * <ul>
 *   <li>{@link dev.losslab.loss.kernel.FloatLoss}: the interface the built-ins with fused float loops
 *       and the formula losses implement beside {@code Loss}, and the one place that picks a loss's
 *       float path;
 *   <li>{@link dev.losslab.loss.kernel.FusedFloat}: the scalar fused loops of cross-entropy,
 *       binary-cross-entropy, mse and softmax-mse, and the widening path; public only for the loss
 *       classes that call them;
 *   <li>{@code FusedFloatVector}: the same loops of cross-entropy, binary-cross-entropy and softmax-mse
 *       written with the Vector API, loaded only when {@code jdk.incubator.vector} is enabled;
 *   <li>{@link dev.losslab.loss.kernel.FloatKernels}: which of the two runs, and a line saying so.
 * </ul>
 *
 * The exponential, {@code log1p}, sum and dot product kernels these loops share with the text
 * classifier's softmax are in {@link dev.losslab.math.FastFloat}.
 */
package dev.losslab.loss.kernel;
