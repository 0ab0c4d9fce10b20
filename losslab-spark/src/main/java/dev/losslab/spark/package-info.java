/**
 * The Apache Spark engine of the lab's sweeps ({@code --engine spark}): {@link
 * dev.losslab.spark.SparkEngineProvider}, found by {@link dev.losslab.sweep.SweepEngines#open} through
 * {@code META-INF/services}. Each run of a sweep is one Spark task that rebuilds the run from its
 * configuration and trains it on data broadcast once per executor; the records come back to the
 * driver, which writes them to its run store as they arrive. A run gives the same numbers, bit for
 * bit, here and in-process. This is the only module that depends on Spark; the core, the text
 * classifier and the lab do not.
 */
package dev.losslab.spark;
