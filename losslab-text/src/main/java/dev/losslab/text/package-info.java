/**
 * The fastText-compatible text classifier {@code s = B·A·x}: tokens and labels counted into a
 * {@link dev.losslab.text.Dictionary}, word and character n-grams hashed with fastText's exact hash
 * ({@link dev.losslab.text.FastTextHash}), the corpus encoded once ({@link dev.losslab.text.Corpus}),
 * the two matrices ({@link dev.losslab.text.Model}), the output heads (fastText's softmax, one-vs-all,
 * negative sampling, hierarchical softmax, and any core loss by name), the Hogwild trainer
 * ({@link dev.losslab.text.Trainer}), prediction and the test meter. Start at
 * {@link dev.losslab.text.Args} and {@link dev.losslab.text.Trainer}.
 */
package dev.losslab.text;
