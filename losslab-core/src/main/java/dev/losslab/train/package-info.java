/**
 * Training a {@link dev.losslab.nn.Network} on a {@link dev.losslab.loss.Loss}: the objective
 * {@code J(θ) = mean loss + (λ/2)‖W‖²} (seed 001 §1: a primary loss plus a regularisation term), mini-batch
 * SGD, SGD with momentum and Adam, and the two stopping rules of seed 002 §6.7 (gradient norm below a
 * threshold, or the objective no longer changing). Start at {@link dev.losslab.train.Trainer} and
 * {@link dev.losslab.train.TrainerConfig}.
 */
package dev.losslab.train;
