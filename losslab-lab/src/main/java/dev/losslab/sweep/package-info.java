/**
 * Sweeps: grids of options over a comparison, a store of finished runs, and the engines that train
 * them.
 *
 * <pre>{@code
 * CompareConfig config = CompareConfig.of("cross-entropy,gce", 3, ModelSetup.defaults());
 * Grid grid = Grid.parse(List.of("lr=0.01,0.05,0.2", "noise=none,symmetric:0.4"));
 * CompareData data = CompareData.generated();
 * SweepPlan plan = SweepPlan.of(config, grid, data.checksum());         // 6 cells × 2 losses × 3 seeds
 * try (SweepEngine engine = SweepEngines.open("in-process", EngineSettings.defaults())) {
 *   SweepResult r = SweepRunner.run(plan, data, RunStore.open(Path.of(".losslab-runs")), engine,
 *       SweepListener.NONE);
 *   Lab.write(r.report(), Path.of("report"));
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Grids.</b> {@link dev.losslab.sweep.Grid} of {@link dev.losslab.sweep.GridAxis}
 *       ({@code lr=0.01,0.1}, {@code noise=none,symmetric:0.2}, {@code gce:q=0.3,0.7}; the options are
 *       {@link dev.losslab.sweep.GridOptions}); each {@link dev.losslab.sweep.GridCell} is one
 *       comparison, and every cell × loss × seed is one {@link dev.losslab.sweep.RunSpec} of a
 *       {@link dev.losslab.sweep.SweepPlan}.
 *   <li><b>The store.</b> {@link dev.losslab.sweep.RunStore}: one file per finished run,
 *       {@link dev.losslab.sweep.RunRecord}, named by the hash of the run's canonical configuration
 *       and written atomically, so a sweep started again trains only what it lacks.
 *   <li><b>Engines.</b> {@link dev.losslab.sweep.SweepEngine}: {@link dev.losslab.sweep.InProcessEngine}
 *       (threads of this JVM) or one offered by a {@link dev.losslab.sweep.SweepEngineProvider} on the
 *       class path ({@code losslab-spark}); {@link dev.losslab.sweep.SweepEngines#open} finds them.
 *       {@link dev.losslab.sweep.SweepRunner} runs a plan on one, with a
 *       {@link dev.losslab.sweep.SweepListener} such as the console's
 *       {@link dev.losslab.sweep.SweepProgress}, and returns a {@link dev.losslab.sweep.SweepResult}
 *       whose report ({@link dev.losslab.sweep.GridReport}) is built from the store.
 * </ul>
 *
 * <p>A run's numbers depend on its spec alone: the same key gives the same bits on any thread count
 * and engine, on the same losslab and JVM. Bad grids throw {@link java.lang.IllegalArgumentException}
 * naming the option and value.
 */
package dev.losslab.sweep;
