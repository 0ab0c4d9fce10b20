/**
 * Losses on the scores of a network, each returning its value and exact gradient from one pass, with
 * PyTorch's reductions and options. Start at {@link dev.losslab.loss.Loss} and
 * {@link dev.losslab.loss.LossEvaluation}.
 */
package dev.losslab.loss;
