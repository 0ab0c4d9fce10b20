#!/usr/bin/env bash
# Side-by-side benchmark of `./losslab supervised` against Debian's fastText 0.9.2 on the same data
# and the same flags, both with -thread 2:
#   - supervised: whole-process wall time (reading, training, saving) and peak RSS, median of RUNS runs
#     (measured with /usr/bin/time -f '%e %M'); the runs of the two tools alternate, so that both see
#     the same background load on a shared machine;
#   - test: P@1 of each tool's model, as each tool's own `test` command prints it;
#   - predict: whole-process throughput (documents/s, model loading and start-up included) on the test
#     file repeated until it has at least PREDICT_DOCS lines, median of RUNS runs.
# Prints a markdown table on stdout; every single measurement goes to stderr.
#
# Usage: losslab-bench/scripts/bench_fasttext.sh [case ...]
#   cases: cooking cooking-tuned imdb 20news trec sst2 (default: all); a case whose data is absent is
#   skipped with a message.
# Environment: DATA (default ../shared/datasets next to the repository), RUNS (3), PREDICT_DOCS (100000),
#   FASTTEXT (fasttext), LOSSLAB (./losslab, run once to build the jar; the timed runs are
#   `java $LOSSLAB_JAVA_OPTS -jar COPY-OF-losslab.jar`, what ./losslab execs, without its source check).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${DATA:-$root/../shared/datasets}"
RUNS="${RUNS:-3}"
PREDICT_DOCS="${PREDICT_DOCS:-100000}"
FASTTEXT="${FASTTEXT:-fasttext}"
LOSSLAB="${LOSSLAB:-$root/losslab}"
THREADS=2

# name | training file | test file | flags (the same for both tools)
CASES=(
  "cooking|cooking/cooking.train|cooking/cooking.valid|"
  "cooking-tuned|cooking/cooking.train|cooking/cooking.valid|-lr 1.0 -epoch 25 -wordNgrams 2"
  "imdb|imdb/train.txt|imdb/test.txt|-dim 10 -lr 0.1 -wordNgrams 2 -epoch 5"
  "20news|20news/train.txt|20news/test.txt|-dim 50 -lr 0.5 -wordNgrams 2 -epoch 10"
  "trec|trec/train.txt|trec/test.txt|-dim 50 -lr 0.5 -wordNgrams 2 -epoch 25"
  "sst2|sst2/train.txt|sst2/test.txt|-dim 50 -lr 0.2 -wordNgrams 2 -epoch 10"
)

die() { echo "bench_fasttext: $*" >&2; exit 1; }
command -v "$FASTTEXT" >/dev/null 2>&1 || die "fasttext not found (apt-get install fasttext, or set FASTTEXT)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
[ -x "$LOSSLAB" ] || die "losslab launcher not found at $LOSSLAB"

work="$(mktemp -d "${TMPDIR:-/tmp}/bench_fasttext.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Build losslab before any timing (the launcher builds on first use), then run a private copy of the
# jar it built: edits to the sources during the benchmark must not trigger a rebuild mid-run.
"$LOSSLAB" --help >/dev/null 2>&1 || die "./losslab does not run: $("$LOSSLAB" --help 2>&1 | tail -3)"
cp "$root/losslab-cli/target/losslab.jar" "$work/losslab.jar"
# shellcheck disable=SC2206
losslab_cmd=(java ${LOSSLAB_JAVA_OPTS:-} -jar "$work/losslab.jar")

# timed LABEL CMD... : runs CMD with stdout to $work/out, prints "wall_s peak_rss_kb".
timed() {
  local label="$1"; shift
  if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
    echo "bench_fasttext: $label failed: $*" >&2
    tail -5 "$work/err" >&2
    return 1
  fi
  tail -1 "$work/time"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print v[(NR+1)/2]} else {print (v[NR/2]+v[NR/2+1])/2}}'; }

tool_cmd() { if [ "$1" = fasttext ]; then echo "$FASTTEXT"; else echo "${losslab_cmd[@]}"; fi; }

p_at_1() { awk '$1 == "P@1" {print $2}' "$work/out"; }

echo "bench_fasttext: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" >&2
echo "bench_fasttext: fastText $(dpkg-query -W -f '${Version}' fasttext 2>/dev/null || echo '?'), losslab $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1)" >&2
echo "bench_fasttext: load before: $(uptime | sed 's/.*load average/load average/')" >&2

selected=("$@")
rows=()
for c in "${CASES[@]}"; do
  IFS='|' read -r name train test flags <<<"$c"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " =~ " $name " ]]; then
    continue
  fi
  if [ ! -f "$DATA/$train" ] || [ ! -f "$DATA/$test" ]; then
    echo "bench_fasttext: skipping $name: $DATA/$train or $DATA/$test is absent" >&2
    continue
  fi
  echo "bench_fasttext: $name ($train, flags: ${flags:-defaults} -thread $THREADS)" >&2
  # Predict input: the test file repeated until it has at least PREDICT_DOCS lines.
  pin="$work/predict.txt"; : >"$pin"
  while [ "$(wc -l <"$pin")" -lt "$PREDICT_DOCS" ]; do cat "$DATA/$test" >>"$pin"; done
  plines=$(wc -l <"$pin")
  declare -A W R P D walls rsss pwalls
  # Runs alternate between the tools so that both see the same background load.
  for ((r = 1; r <= RUNS; r++)); do
    for tool in fasttext losslab; do
      # shellcheck disable=SC2046,SC2086
      m=$(timed "$tool supervised" $(tool_cmd $tool) supervised -input "$DATA/$train" \
          -output "$work/$tool-$name" -thread "$THREADS" $flags) || continue
      echo "  $tool supervised run $r: wall ${m% *} s, peak RSS ${m#* } KB" >&2
      walls[$tool]+="${m% *}"$'\n'; rsss[$tool]+="${m#* }"$'\n'
    done
  done
  for tool in fasttext losslab; do
    [ -n "${walls[$tool]:-}" ] || continue
    W[$tool]=$(printf '%s' "${walls[$tool]}" | median)
    R[$tool]=$(printf '%s' "${rsss[$tool]}" | median | awk '{printf "%.0f", $1/1024}')
    # shellcheck disable=SC2046
    timed "$tool test" $(tool_cmd $tool) test "$work/$tool-$name.bin" "$DATA/$test" >/dev/null \
        && P[$tool]=$(p_at_1)
    echo "  $tool test (model of the last run): P@1 ${P[$tool]:-?}" >&2
  done
  for ((r = 1; r <= RUNS; r++)); do
    for tool in fasttext losslab; do
      [ -f "$work/$tool-$name.bin" ] || continue
      # shellcheck disable=SC2046
      m=$(timed "$tool predict" $(tool_cmd $tool) predict "$work/$tool-$name.bin" "$pin") || continue
      echo "  $tool predict run $r: wall ${m% *} s for $plines documents, peak RSS ${m#* } KB" >&2
      pwalls[$tool]+="${m% *}"$'\n'
    done
  done
  for tool in fasttext losslab; do
    [ -n "${pwalls[$tool]:-}" ] || continue
    D[$tool]=$(printf '%s' "${pwalls[$tool]}" | median | awk -v n="$plines" '{printf "%.0f", ($1 > 0 ? n/$1 : 0)}')
    rm -f "$work/$tool-$name".*
  done
  ratio=$(awk -v a="${W[losslab]:-nan}" -v b="${W[fasttext]:-nan}" 'BEGIN {if (b+0 > 0 && a+0 > 0) printf "%.2f", a/b; else print "–"}')
  rows+=("| $name | \`${flags:-(defaults)}\` | ${W[fasttext]:-–} | ${W[losslab]:-–} | $ratio | ${R[fasttext]:-–} | ${R[losslab]:-–} | ${P[fasttext]:-–} | ${P[losslab]:-–} | ${D[fasttext]:-–} | ${D[losslab]:-–} |")
  unset W R P D walls rsss pwalls
done
echo "bench_fasttext: load after: $(uptime | sed 's/.*load average/load average/')" >&2

echo "| data | flags (both tools, plus \`-thread $THREADS\`) | fastText wall s | losslab wall s | losslab / fastText | fastText RSS MB | losslab RSS MB | fastText P@1 | losslab P@1 | fastText predict docs/s | losslab predict docs/s |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for row in "${rows[@]}"; do echo "$row"; done
