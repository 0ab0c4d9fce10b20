/**
 * Hyperparameter search for the text classifier, as fastText's {@code autotune}: a random search
 * around the best arguments so far ({@link dev.losslab.text.autotune.RandomSearch}), scored on a
 * validation set ({@link dev.losslab.text.autotune.ValidationSet},
 * {@link dev.losslab.text.autotune.AutotuneMetric}), with bad trials stopped after an epoch or two
 * ({@link dev.losslab.text.autotune.MedianStoppingRule}), the loss itself as a dimension
 * ({@link dev.losslab.text.autotune.SearchLoss}), every trial written as CSV
 * ({@link dev.losslab.text.autotune.TrialCsv}), and a model-size budget reached through a quantizer
 * ({@link dev.losslab.text.autotune.ModelSize}, {@link dev.losslab.text.autotune.Quantizer}). Start at
 * {@link dev.losslab.text.autotune.Autotune#run}.
 */
package dev.losslab.text.autotune;
