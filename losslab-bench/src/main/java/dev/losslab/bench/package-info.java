/**
 * JMH benchmarks: {@link dev.losslab.bench.LossBenchmark} (batched forward + backward of the training
 * losses on the float path) and {@link dev.losslab.bench.CopyBenchmark} (copy bandwidth, the yardstick);
 * {@link dev.losslab.bench.TextSourcesBenchmark} reads CSV / TSV text-classifier input.
 * Run them with {@code losslab-bench/scripts/bench_losses.sh}; results are in BENCHMARKS.md.
 * {@link dev.losslab.bench.TextModelThroughput} (a plain main, not JMH) times {@code TextModel.predict}
 * from one or more threads for {@code losslab-bench/scripts/bench_text_api.sh}.
 */
package dev.losslab.bench;
