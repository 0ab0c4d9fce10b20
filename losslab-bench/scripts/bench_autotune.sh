#!/usr/bin/env bash
# Autotune side by side: `supervised -autotune-validation VALID -autotune-duration B -thread 2` with
# Debian's fastText 0.9.2 and with losslab, on the same data, for each budget B; then each tool's own
# `test` of the model it wrote on VALID (P@1, the search's own validation file, as fastText's
# autotune tutorial scores it). The budget is wall time, so the result depends on the machine's load:
# the two tools alternate (fastText first in odd rounds, losslab first in even ones) and the load
# average is printed with every run.
# Prints a markdown table on stdout (one row per tool, budget and round); details go to stderr, and
# losslab's trials (PREFIX.autotune.csv) are kept in OUT.
#
# Usage: losslab-bench/scripts/bench_autotune.sh [budget ...]   (default: 120 300)
# Environment: DATA (default ../shared/datasets next to the repository), TRAIN (cooking/cooking.train),
#   VALID (cooking/cooking.valid), ROUNDS (1), TOOLS ("fasttext losslab": one of them alone, to run
#   the two tools side by side in two processes started together), EXTRA (more flags for both tools, e.g. "-seed 1"),
#   OUT (a new temporary folder), FASTTEXT (fasttext), LOSSLAB (./losslab, run once to build the jar;
#   the timed runs are `java -jar COPY-OF-losslab.jar`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${DATA:-$root/../shared/datasets}"
TRAIN="${TRAIN:-cooking/cooking.train}"
VALID="${VALID:-cooking/cooking.valid}"
ROUNDS="${ROUNDS:-1}"
TOOLS="${TOOLS:-fasttext losslab}"
EXTRA="${EXTRA:-}"
FASTTEXT="${FASTTEXT:-fasttext}"
LOSSLAB="${LOSSLAB:-$root/losslab}"
budgets=("$@")
[ ${#budgets[@]} -gt 0 ] || budgets=(120 300)

die() { echo "bench_autotune: $*" >&2; exit 1; }
command -v "$FASTTEXT" >/dev/null 2>&1 || die "fasttext not found (apt-get install fasttext, or set FASTTEXT)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
[ -f "$DATA/$TRAIN" ] && [ -f "$DATA/$VALID" ] \
  || { echo "bench_autotune: skipped: $DATA/$TRAIN or $DATA/$VALID is absent (set DATA)" >&2; exit 0; }

OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/bench_autotune.XXXXXX")}"
mkdir -p "$OUT"
"$LOSSLAB" --help >/dev/null 2>&1 || die "./losslab does not run: $("$LOSSLAB" --help 2>&1 | tail -3)"
cp "$root/losslab-cli/target/losslab.jar" "$OUT/losslab.jar"
losslab_cmd=(java -jar "$OUT/losslab.jar")
echo "bench_autotune: output in $OUT" >&2

# run TOOL BUDGET ROUND: one search, its wall time and the P@1 of its model; prints a table row.
run() {
  local tool="$1" budget="$2" round="$3" prefix="$OUT/$1-$2-$3" cmd load
  if [ "$tool" = fasttext ]; then cmd=("$FASTTEXT"); else cmd=("${losslab_cmd[@]}"); fi
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M' -o "$prefix.time" "${cmd[@]}" supervised -input "$DATA/$TRAIN" \
    -output "$prefix" -autotune-validation "$DATA/$VALID" -autotune-duration "$budget" \
    -thread 2 $EXTRA >"$prefix.out" 2>"$prefix.err" \
    || { echo "bench_autotune: $tool $budget s failed:" >&2; tail -c 300 "$prefix.err" >&2; echo >&2
         echo "| $budget | $tool | $round | failed | | | | $load |"; return 0; }
  local wall rss p1 trials
  read -r wall rss <"$prefix.time"
  p1="$("${cmd[@]}" test "$prefix.bin" "$DATA/$VALID" | awk '$1 == "P@1" {print $2}')"
  if [ "$tool" = losslab ]; then
    trials="$(($(wc -l <"$prefix.autotune.csv") - 1))"
  else
    trials="$(tr '\r' '\n' <"$prefix.err" | grep -o 'Trials: *[0-9]*' | tail -1 | tr -dc 0-9)"
  fi
  echo "bench_autotune: $tool $budget s round $round: wall $wall s, P@1 $p1, $trials trials," \
    "load $load before" >&2
  echo "| $budget | $tool | $round | $p1 | ${trials:-?} | $wall | $((rss / 1024)) | $load |"
}

echo "| budget s | tool | round | P@1 | trials | wall s | peak RSS MB | load before |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for budget in "${budgets[@]}"; do
  for ((r = 1; r <= ROUNDS; r++)); do
    if ((r % 2 == 1)); then order=(fasttext losslab); else order=(losslab fasttext); fi
    for tool in "${order[@]}"; do
      case " $TOOLS " in *" $tool "*) run "$tool" "$budget" "$r" ;; esac
    done
  done
done
