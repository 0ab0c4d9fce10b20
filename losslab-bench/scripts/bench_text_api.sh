#!/usr/bin/env bash
# Prediction throughput of the Java API (TextModel.predict from 1 and 2 threads on one shared model)
# against `fasttext predict` (one thread), on the same fastText-made model and the same documents.
#   - the model: fastText 0.9.2 `supervised -thread 2` with the case's flags, loaded by both;
#   - the documents: the case's test file repeated until it has at least PREDICT_DOCS lines;
#   - fastText: documents / (wall of `predict MODEL FILE` - wall of `predict MODEL EMPTY-FILE`), so its
#     start-up and model loading are left out; its output goes to /dev/null;
#   - Java: TextModelThroughput (losslab-bench), which times only the prediction loop after a warm-up
#     pass, for at least SECONDS seconds;
#   - RUNS rounds, each running fastText, then Java on 1 thread, then Java on 2 threads, so that all
#     see the same background load; the table has the median and the range of each, and the median of
#     the per-round ratios Java / fastText.
# Prints a markdown table on stdout; every single measurement goes to stderr.
#
# Usage: losslab-bench/scripts/bench_text_api.sh [case ...]
#   cases: cooking imdb 20news (default: all); a case whose data is absent is skipped with a message.
# Environment: DATA (default ../shared/datasets next to the repository), RUNS (5), PREDICT_DOCS (50000),
#   SECONDS_PER_RUN (5), FASTTEXT (fasttext), JAVA_OPTS (none).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${DATA:-$root/../shared/datasets}"
RUNS="${RUNS:-5}"
PREDICT_DOCS="${PREDICT_DOCS:-50000}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-5}"
FASTTEXT="${FASTTEXT:-fasttext}"

# name | training file | test file | fastText flags of the model
CASES=(
  "cooking|cooking/cooking.train|cooking/cooking.valid|-lr 1.0 -epoch 25 -wordNgrams 2 -bucket 200000"
  "imdb|imdb/train.txt|imdb/test.txt|-dim 10 -lr 0.1 -wordNgrams 2 -epoch 5"
  "20news|20news/train.txt|20news/test.txt|-dim 50 -lr 0.5 -wordNgrams 2 -epoch 10"
)

die() { echo "bench_text_api: $*" >&2; exit 1; }
command -v "$FASTTEXT" >/dev/null 2>&1 || die "fasttext not found (apt-get install fasttext, or set FASTTEXT)"

work="$(mktemp -d "${TMPDIR:-/tmp}/bench_text_api.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Build the benchmarks jar before any timing and run a private copy of it.
(cd "$root" && mvn -B -q -ntp -pl losslab-bench -am package -DskipTests) >&2 \
    || die "cannot build losslab-bench"
cp "$root/losslab-bench/target/benchmarks.jar" "$work/benchmarks.jar"
# shellcheck disable=SC2206
java_cmd=(java ${JAVA_OPTS:-} -cp "$work/benchmarks.jar" dev.losslab.bench.TextModelThroughput)

now() { date +%s.%N; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print v[(NR+1)/2]} else {print (v[NR/2]+v[NR/2+1])/2}}'; }
range() { sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.0f–%.0f", lo, hi}'; }

echo "bench_text_api: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" >&2
echo "bench_text_api: fastText $(dpkg-query -W -f '${Version}' fasttext 2>/dev/null || echo '?'), losslab $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1)" >&2
echo "bench_text_api: load before: $(uptime | sed 's/.*load average/load average/')" >&2

selected=("$@")
rows=()
: >"$work/empty.txt"
for c in "${CASES[@]}"; do
  IFS='|' read -r name train test flags <<<"$c"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " =~ " $name " ]]; then
    continue
  fi
  if [ ! -f "$DATA/$train" ] || [ ! -f "$DATA/$test" ]; then
    echo "bench_text_api: skipping $name: $DATA/$train or $DATA/$test is absent" >&2
    continue
  fi
  model="$work/$name.bin"
  # shellcheck disable=SC2086
  "$FASTTEXT" supervised -input "$DATA/$train" -output "$work/$name" -thread 2 -verbose 0 $flags \
      || die "fasttext supervised failed on $name"
  pin="$work/predict.txt"; : >"$pin"
  while [ "$(wc -l <"$pin")" -lt "$PREDICT_DOCS" ]; do cat "$DATA/$test" >>"$pin"; done
  docs=$(wc -l <"$pin")
  echo "bench_text_api: $name ($flags), $docs documents" >&2
  ft=""; j1=""; j2=""; r1=""; r2=""
  for ((r = 1; r <= RUNS; r++)); do
    t0=$(now); "$FASTTEXT" predict "$model" "$pin" >/dev/null; t1=$(now)
    "$FASTTEXT" predict "$model" "$work/empty.txt" >/dev/null; t2=$(now)
    f=$(awk -v n="$docs" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {printf "%.0f", n / ((b - a) - (c - b))}')
    a=$("${java_cmd[@]}" "$model" "$pin" 1 "$SECONDS_PER_RUN" | awk '{print $2}')
    b=$("${java_cmd[@]}" "$model" "$pin" 2 "$SECONDS_PER_RUN" | awk '{print $2}')
    echo "  round $r: fastText $f docs/s, Java 1 thread $a docs/s, Java 2 threads $b docs/s" >&2
    ft+="$f"$'\n'; j1+="$a"$'\n'; j2+="$b"$'\n'
    r1+="$(awk -v a="$a" -v f="$f" 'BEGIN {print a / f}')"$'\n'
    r2+="$(awk -v b="$b" -v f="$f" 'BEGIN {print b / f}')"$'\n'
  done
  cell() { printf '%.0f (%s)' "$(printf '%s' "$1" | median)" "$(printf '%s' "$1" | range)"; }
  rows+=("| $name | \`$flags\` | $(cell "$ft") | $(cell "$j1") | $(cell "$j2") | $(printf '%s' "$r1" | median | awk '{printf "%.2f", $1}') | $(printf '%s' "$r2" | median | awk '{printf "%.2f", $1}') |")
  rm -f "$work/$name".*
done
echo "bench_text_api: load after: $(uptime | sed 's/.*load average/load average/')" >&2

echo "| data | model (fastText flags) | fastText predict docs/s | Java API, 1 thread | Java API, 2 threads | 1 thread / fastText | 2 threads / fastText |"
echo "|---|---|---:|---:|---:|---:|---:|"
for row in "${rows[@]}"; do echo "$row"; done
