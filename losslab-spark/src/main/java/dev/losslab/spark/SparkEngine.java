package dev.losslab.spark;

import dev.losslab.experiment.CompareData;
import dev.losslab.sweep.EngineUnavailableException;
import dev.losslab.sweep.RunOutcome;
import dev.losslab.sweep.RunRecord;
import dev.losslab.sweep.RunSpec;
import dev.losslab.sweep.SweepEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Trains a sweep's runs as Apache Spark tasks, one task per run. The data is broadcast once per
 * {@link #run} call, so each executor receives it once, not once per run; each task gets the run's
 * configuration, rebuilds the run ({@link RunTask}) and sends back its record, which reaches the
 * driver (and from there the store) as soon as that task finishes, while the others still run. A run
 * that fails inside its task comes back as a failed record; a task Spark gives up on (an executor
 * lost four times) ends the sweep with {@link EngineUnavailableException}, the runs stored so far
 * kept.
 */
final class SparkEngine implements SweepEngine {
  private final JavaSparkContext spark;
  private final String description;

  SparkEngine(JavaSparkContext spark) {
    this.spark = spark;
    this.description = "spark, master " + spark.master() + ", " + spark.defaultParallelism()
        + (spark.defaultParallelism() == 1 ? " task slot" : " task slots");
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void run(CompareData data, List<RunSpec> specs, Consumer<RunOutcome> onDone) {
    if (specs.isEmpty()) {
      return;
    }
    Broadcast<ShippedData> shipped = spark.broadcast(new ShippedData(data));
    try {
      List<RunTask.Input> inputs = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        inputs.add(RunTask.Input.of(i, specs.get(i)));
      }
      spark.setJobDescription("losslab compare: " + specs.size() + " runs");
      JavaRDD<RunTask.Output> runs = spark.parallelize(inputs, inputs.size()).map(new RunTask(shipped));
      BlockingQueue<RunTask.Output> done = new LinkedBlockingQueue<>();
      List<Object> partitions = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        partitions.add(i);
      }
      SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(runs.rdd(), new FirstOfPartition(),
          CollectionConverters.asScala(partitions).toSeq(), new Collect(done), new Nothing());
      int handed = 0;
      while (handed < specs.size()) {
        RunTask.Output o = done.poll(200, TimeUnit.MILLISECONDS);
        if (o != null) {
          onDone.accept(outcome(specs.get(o.index()), o));
          handed++;
        } else if (job.isCompleted()) {
          RunTask.Output late = done.poll();
          if (late != null) {
            onDone.accept(outcome(specs.get(late.index()), late));
            handed++;
            continue;
          }
          failure(spark, job);
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineUnavailableException("interrupted while waiting for the Spark job", e);
    } finally {
      if (!spark.sc().isStopped()) {
        shipped.destroy();
      }
    }
  }

  /**
   * Throws why {@code job} ended without handing back every run. A context that Spark stopped on its
   * own means the master never took the application: an address that accepts connections but does
   * not answer as a Spark master, or one that has no worker to offer.
   */
  private static void failure(JavaSparkContext spark, SimpleFutureAction<BoxedUnit> job) {
    try {
      job.get();
    } catch (SparkException | RuntimeException e) {
      if (spark.sc().isStopped()) {
        throw new EngineUnavailableException("Spark master " + spark.master()
            + " did not accept the application (no Spark master answered there)", e);
      }
      throw new EngineUnavailableException("the Spark job failed: " + oneLine(e), e);
    }
    throw new EngineUnavailableException("the Spark job ended without handing back every run");
  }

  /** The messages of {@code e} and its causes, first lines only, each once, joined on one line. */
  static String oneLine(Throwable e) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
      String first = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
      String m = first.endsWith(":") ? first.substring(0, first.length() - 1).strip() : first;
      if (!m.isEmpty() && !m.equals("Exception thrown in awaitResult")
          && parts.stream().noneMatch(p -> p.contains(m))) {
        parts.add(m);
      }
    }
    return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
  }

  private static RunOutcome outcome(RunSpec spec, RunTask.Output o) {
    if (o.json() == null) {
      return RunOutcome.error(spec, o.error());
    }
    return RunOutcome.of(RunRecord.fromJson(o.json()), spec);
  }

  @Override
  public void close() {
    spark.stop();
  }

  /** A partition's single output (each partition holds one run). */
  private static final class FirstOfPartition
      extends AbstractFunction1<Iterator<RunTask.Output>, RunTask.Output> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public RunTask.Output apply(Iterator<RunTask.Output> it) {
      return it.next();
    }
  }

  /** On the driver, as each task's result arrives: queues it for the thread that called run. */
  private static final class Collect extends AbstractFunction2<Object, RunTask.Output, BoxedUnit> {
    private final BlockingQueue<RunTask.Output> done;

    Collect(BlockingQueue<RunTask.Output> done) {
      this.done = done;
    }

    @Override
    public BoxedUnit apply(Object partition, RunTask.Output o) {
      done.add(o);
      return BoxedUnit.UNIT;
    }
  }

  /** The job's overall result: nothing (the runs come back one by one). */
  private static final class Nothing extends AbstractFunction0<BoxedUnit> {
    @Override
    public BoxedUnit apply() {
      return BoxedUnit.UNIT;
    }
  }
}
