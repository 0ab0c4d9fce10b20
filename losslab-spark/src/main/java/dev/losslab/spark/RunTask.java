package dev.losslab.spark;

import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.LossChoice;
import dev.losslab.sweep.RunRecord;
import dev.losslab.sweep.RunSpec;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One run as a Spark task: the run's configuration ({@link RunSpec#config()}) and its loss's label go
 * out, the run is rebuilt from them on the executor ({@link RunSpec#fromConfig}), trained on the
 * broadcast data, and its record comes back as the JSON the store keeps ({@link RunRecord#toJson()},
 * exact to the bit). Nothing but the broadcast data is shared between tasks, so a run gives the same
 * numbers in any executor, thread or order.
 */
final class RunTask implements Function<RunTask.Input, RunTask.Output> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ShippedData> data;

  RunTask(Broadcast<ShippedData> data) {
    this.data = data;
  }

  /**
   * What a task is given.
   *
   * @param index the run's place in the list the engine was given
   * @param key the run's key on the driver, checked against the rebuilt run's
   * @param config the run's configuration
   * @param label the loss as the user wrote it
   */
  record Input(int index, String key, TreeMap<String, String> config, String label)
      implements Serializable {
    static Input of(int index, RunSpec spec) {
      return new Input(index, spec.key(), new TreeMap<>(spec.config()), spec.loss().label());
    }
  }

  /**
   * What a task hands back: the record's JSON, or why there is none.
   *
   * @param index the run's place in the list the engine was given
   * @param json {@link RunRecord#toJson()}, or {@code null}
   * @param error why the run has no record, or {@code null}
   */
  record Output(int index, String json, String error) implements Serializable {}

  @Override
  public Output call(Input in) {
    try {
      RunSpec spec = rebuild(in.config(), in.label());
      if (!spec.key().equals(in.key())) {
        return new Output(in.index(), null, "the executor rebuilt run " + in.key() + " as "
            + spec.key() + " (another losslab version on the cluster?)");
      }
      CompareData d = data.value().data();
      return new Output(in.index(), spec.execute(d).toJson(), null);
    } catch (OutOfMemoryError e) {
      return new Output(in.index(), null, "out of memory on the executor (give it more with"
          + " spark.executor.memory)");
    } catch (RuntimeException | StackOverflowError e) {
      return new Output(in.index(), null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** The spec {@code config} describes, its loss labelled {@code label} as on the driver. */
  static RunSpec rebuild(Map<String, String> config, String label) {
    RunSpec s = RunSpec.fromConfig(config);
    LossChoice l = s.loss();
    return new RunSpec(new LossChoice(label, l.name(), l.options()), s.seed(), s.setup(), s.noise(),
        s.sample(), s.stallThreshold(), s.dataChecksum(), s.version());
  }
}
