#!/usr/bin/env bash
# Loss-kernel benchmark: losslab's float path (JMH, LossBenchmark + CopyBenchmark) next to PyTorch
# with one thread (torch_losses.py), on a 4096 x 1000 batch. Prints one table and writes it, with the
# raw JMH and PyTorch results, to the folder given as the first argument (default bench-results/).
#
#   losslab-bench/scripts/bench_losses.sh [OUT_DIR]
#
# Cross-entropy, binary-cross-entropy and softmax-mse are measured twice: as the JVM starts by default
# (the scalar loops), and with --add-modules jdk.incubator.vector (the Vector API loops; see
# dev.losslab.loss.kernel.FloatKernels). mse has no Vector API loop: C2 vectorises it as it is.
#
# Environment: JMH_ARGS (default "-f 1 -wi 3 -w 2s -i 5 -r 2s"), TORCH_REPS (default 30),
# PYTHON (default /usr/bin/python3, where Debian's python3-torch lives), SKIP_BUILD=1 to reuse the jar,
# VECTOR=0 to skip the Vector API run, OPTIONS=1 to time also cross-entropy with labelSmoothing=0.1
# and with weight, and binary-cross-entropy with weight and with posWeight (1.5 for every class).
set -euo pipefail

cd "$(dirname "$0")/../.."
out=${1:-bench-results}
mkdir -p "$out"
python=${PYTHON:-/usr/bin/python3}
jmh_args=${JMH_ARGS:-"-f 1 -wi 3 -w 2s -i 5 -r 2s"}

if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "bench_losses.sh: $python cannot import torch (apt-get install python3-torch)" >&2
  exit 1
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -ntp -pl losslab-core,losslab-bench -am package -DskipTests
fi

rm -f "$out"/jmh-options-*.json
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt"
# shellcheck disable=SC2086
java -jar losslab-bench/target/benchmarks.jar 'dev.losslab.bench.(LossBenchmark|CopyBenchmark)' \
  $jmh_args -t 1 -prof gc -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
if [[ "${VECTOR:-1}" != 0 ]]; then
  # shellcheck disable=SC2086
  java -jar losslab-bench/target/benchmarks.jar 'dev.losslab.bench.LossBenchmark' \
    -p loss=cross-entropy,binary-cross-entropy,softmax-mse -jvmArgsAppend --add-modules=jdk.incubator.vector \
    $jmh_args -t 1 -prof gc -rf json -rff "$out/jmh-vector.json" | tee "$out/jmh-vector.txt"
  if ! grep -q "float kernels: Vector API" "$out/jmh-vector.txt"; then
    echo "bench_losses.sh: the Vector API run did not use the Vector API loops (see $out/jmh-vector.txt)" >&2
    exit 1
  fi
fi
# one JMH run per loss with its options: run_options SUFFIX [extra JMH arguments]
run_options() {
  local suffix=$1
  shift
  local spec loss
  for spec in "cross-entropy:labelSmoothing=0.1,weight=1.5" "binary-cross-entropy:weight=1.5,posWeight=1.5"; do
    loss=${spec%%:*}
    # shellcheck disable=SC2086
    java -jar losslab-bench/target/benchmarks.jar 'dev.losslab.bench.LossBenchmark' \
      -p loss="$loss" -p option="${spec#*:}" "$@" \
      $jmh_args -t 1 -prof gc -rf json -rff "$out/jmh-options-$loss$suffix.json" \
      | tee "$out/jmh-options-$loss$suffix.txt"
  done
}
if [[ "${OPTIONS:-0}" == 1 ]]; then
  run_options ""
  if [[ "${VECTOR:-1}" != 0 ]]; then
    run_options -vector -jvmArgsAppend --add-modules=jdk.incubator.vector
  fi
fi
"$python" losslab-bench/scripts/torch_losses.py --reps "${TORCH_REPS:-30}" --json "$out/torch.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"

"$python" - "$out" <<'EOF'
import json
import os
import sys

out = sys.argv[1]
jmh = json.load(open(os.path.join(out, "jmh.json")))
vector_path = os.path.join(out, "jmh-vector.json")
vector = json.load(open(vector_path)) if os.path.exists(vector_path) else []
for loss in ("cross-entropy", "binary-cross-entropy"):
    for suffix, into in (("", jmh), ("-vector", vector)):
        path = os.path.join(out, f"jmh-options-{loss}{suffix}.json")
        if os.path.exists(path):
            into.extend(json.load(open(path)))
torch = json.load(open(os.path.join(out, "torch.json")))
UNIT_MS = {"ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6, "s/op": 1e3}


def ms(r):
    return r["primaryMetric"]["score"] * UNIT_MS[r["primaryMetric"]["scoreUnit"]]


def err_ms(r):
    e = r["primaryMetric"]["scoreError"]  # "NaN" (a string) when there is a single iteration
    return float(e) * UNIT_MS[r["primaryMetric"]["scoreUnit"]]


lines = []
copies = {}


def cpu_ms(r):
    """CPU milliseconds per operation from the CpuTime counters (summed over the iterations)."""
    sec = r.get("secondaryMetrics", {})
    if "cpuNanos" not in sec or "calls" not in sec:
        return float("nan")
    return sec["cpuNanos"]["score"] / sec["calls"]["score"] / 1e6


for r in jmh:
    if r["benchmark"].endswith("CopyBenchmark.copy"):
        size = int(r["params"]["size"])
        moved = 2 * 4 * size
        copies[size] = (moved / (ms(r) * 1e-3) / 1e9, moved / (cpu_ms(r) * 1e-3) / 1e9)
lines.append("| loss | losslab ms/batch (wall) | losslab ns/elem (wall) | losslab ns/elem (CPU) "
             "| losslab GB/s (CPU) | losslab KB allocated/batch | torch ns/elem (wall) "
             "| torch ns/elem (CPU) | torch / losslab (CPU) |")
lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r, kernels in [(r, "") for r in jmh] + [(r, ", Vector API") for r in vector]:
    if not r["benchmark"].endswith("LossBenchmark.forwardBackward"):
        continue
    p = r["params"]
    name, n, k = p["loss"], int(p["n"]), int(p["k"])
    option = p.get("option", "")
    elements = n * k
    targets = 4 * n if name == "cross-entropy" else 8 * elements  # int labels or a double[] target
    moved = 4 * elements + targets + 4 * elements  # scores read + targets read + gradient written
    t = ms(r)
    c = cpu_ms(r)
    ns = t * 1e6 / elements
    cns = c * 1e6 / elements
    gbs = moved / (c * 1e-3) / 1e9
    label = f"{name} {option}" if option else name
    tr = torch["losses"].get(label)
    if tr is None:
        tns = tcns = ratio = "—"
    else:
        tns = f"{tr['ns_per_element']:.3f}"
        tcns = f"{tr['cpu_ns_per_element']:.3f}"
        ratio = f"{tr['cpu_ns_per_element'] / cns:.2f}"
    # bytes allocated per batch: a few KB of scratch rows; megabytes mean boxed vectors
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    lines.append(f"| {label}{kernels} | {t:.2f} ± {err_ms(r):.2f} | {ns:.3f} | {cns:.3f} | {gbs:.1f} "
                 f"| {alloc / 1e3:.0f} | {tns} | {tcns} | {ratio} |")
lines.append("")
for size, (wall, cpu) in sorted(copies.items()):
    lines.append(f"copy bandwidth (System.arraycopy, {size} floats = {4 * size / 1e6:.0f} MB per array, "
                 f"read + write): {cpu:.1f} GB/s by CPU time, {wall:.1f} GB/s by wall time")
lines.append(f"torch {torch['torch']}, {torch['threads']} thread, median of {torch['reps']} reps")
text = "\n".join(lines)
print(text)
with open(os.path.join(out, "table.md"), "w") as f:
    f.write(text + "\n")
EOF
