#!/usr/bin/env bash
# Formula losses against the built-in losses they spell, on the loss benchmark's 4096 x 1000 float
# batch (LossBenchmark, the float path with reduction mean, one thread, a default JVM):
#
#   (exp(s) - y)^2            against exp-mse         (one-hot double[] targets)
#   logsumexp(s) - s[label]   against cross-entropy   (int labels)
#
# The machine is noisy, so each pair runs ROUNDS times (default 5) as alternating JMH runs, the order
# of the two flipped every round, and the ratio formula / built-in is taken round by round from the
# CPU time per batch. Prints one table (medians, with the range over rounds) and writes it, with the
# raw JMH results, to OUT_DIR (default bench-results/formulas).
#
#   losslab-bench/scripts/bench_formulas.sh [OUT_DIR]
#
# Environment: ROUNDS (default 5), JMH_ARGS (default "-f 1 -wi 3 -w 1s -i 5 -r 1s"), SKIP_BUILD=1 to
# reuse losslab-bench/target/benchmarks.jar, PYTHON (default python3, for the table only).
set -euo pipefail

cd "$(dirname "$0")/../.."
out=${1:-bench-results/formulas}
mkdir -p "$out"
rounds=${ROUNDS:-5}
jmh_args=${JMH_ARGS:-"-f 1 -wi 3 -w 1s -i 5 -r 1s"}
python=${PYTHON:-python3}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -ntp -pl losslab-core,losslab-bench -am package -DskipTests
fi

pairs=("exp-mse|formula:(exp(s) - y)^2" "cross-entropy|formula:logsumexp(s) - s[label]")
rm -f "$out"/jmh-*.json
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt"
for ((round = 1; round <= rounds; round++)); do
  for p in "${!pairs[@]}"; do
    builtin=${pairs[$p]%%|*}
    formula=${pairs[$p]#*|}
    order=("$builtin" "$formula")
    if ((round % 2 == 0)); then
      order=("$formula" "$builtin")
    fi
    for loss in "${order[@]}"; do
      which=$([[ "$loss" == "$builtin" ]] && echo builtin || echo formula)
      # shellcheck disable=SC2086
      java -jar losslab-bench/target/benchmarks.jar 'dev.losslab.bench.LossBenchmark' \
        -p loss="$loss" $jmh_args -t 1 -rf json -rff "$out/jmh-$p-$which-$round.json" \
        > "$out/jmh-$p-$which-$round.txt"
      echo "round $round: $loss done"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"

"$python" - "$out" "$rounds" "${#pairs[@]}" <<'EOF'
import json
import os
import statistics
import sys

out, rounds, npairs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def cpu_ns_per_element(path):
    r = json.load(open(path))[0]
    sec = r["secondaryMetrics"]
    ms = sec["cpuNanos"]["score"] / sec["calls"]["score"] / 1e6
    p = r["params"]
    return r["params"]["loss"], ms * 1e6 / (int(p["n"]) * int(p["k"]))


lines = ["| formula | built-in | built-in ns/elem (CPU) | formula ns/elem (CPU) | formula / built-in |",
         "|---|---|---:|---:|---:|"]


def fmt(values, digits):
    m = statistics.median(values)
    return f"{m:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


for p in range(npairs):
    b, f, ratio = [], [], []
    for round in range(1, rounds + 1):
        bname, bns = cpu_ns_per_element(os.path.join(out, f"jmh-{p}-builtin-{round}.json"))
        fname, fns = cpu_ns_per_element(os.path.join(out, f"jmh-{p}-formula-{round}.json"))
        b.append(bns)
        f.append(fns)
        ratio.append(fns / bns)
    lines.append(f"| `{fname}` | `{bname}` | {fmt(b, 2)} | {fmt(f, 2)} | {fmt(ratio, 2)} |")
lines.append("")
lines.append(f"median (range) over {rounds} alternating rounds, CPU time per batch of 4096 x 1000")
text = "\n".join(lines)
print(text)
with open(os.path.join(out, "table.md"), "w") as fh:
    fh.write(text + "\n")
EOF
