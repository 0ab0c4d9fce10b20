#!/usr/bin/env bash
# Side-by-side benchmark of `losslab quantize` against Debian's fastText 0.9.2 `quantize`.
# For each case, fastText trains one model (-thread 2 and the case's flags); then, RUNS times, both
# tools quantize a fresh copy of that same .bin with the same flags (QFLAGS, plus -thread 2), the two
# tools alternating which goes first, so that both see the same background load. Per run it records
# the quantize wall time and peak RSS (/usr/bin/time -f '%e %M'), the .ftz size, P@1 of the .ftz on the
# test file as each tool's own `test` prints it, and P@1 of losslab's .ftz as `fasttext test` reads it.
# Prints a markdown table on stdout (medians, with the range of the per-pair time ratios); every
# single measurement goes to stderr.
#
# Usage: losslab-bench/scripts/bench_quantize.sh [case ...]
#   cases: cooking imdb (default: both); a case whose data is absent is skipped with a message.
# Environment: DATA (default ../shared/datasets next to the repository), RUNS (3), FASTTEXT
#   (fasttext), QFLAGS ("-qnorm -retrain -cutoff 100000"), JAR (losslab-cli/target/losslab.jar; build
#   it first with `mvn -B -q -ntp -pl losslab-cli -am package -DskipTests`; a private copy is run).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${DATA:-$root/../shared/datasets}"
RUNS="${RUNS:-3}"
FASTTEXT="${FASTTEXT:-fasttext}"
QFLAGS="${QFLAGS:--qnorm -retrain -cutoff 100000}"
JAR="${JAR:-$root/losslab-cli/target/losslab.jar}"
THREADS=2

# name | training file | test file | training flags (fastText)
CASES=(
  "cooking|cooking/cooking.train|cooking/cooking.valid|-lr 1.0 -epoch 25 -wordNgrams 2"
  "imdb|imdb/train.txt|imdb/test.txt|-lr 1.0 -epoch 25 -wordNgrams 2"
)

die() { echo "bench_quantize: $*" >&2; exit 1; }
command -v "$FASTTEXT" >/dev/null 2>&1 || die "fasttext not found (apt-get install fasttext, or set FASTTEXT)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
[ -f "$JAR" ] || die "$JAR not found (mvn -B -q -ntp -pl losslab-cli -am package -DskipTests)"

work="$(mktemp -d "${TMPDIR:-/tmp}/bench_quantize.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$JAR" "$work/losslab.jar"
# shellcheck disable=SC2206
losslab_cmd=(java ${LOSSLAB_JAVA_OPTS:-} -jar "$work/losslab.jar")
# shellcheck disable=SC2206
qflags=($QFLAGS)

median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print v[(NR+1)/2]} else {print (v[NR/2]+v[NR/2+1])/2}}'; }
p_at_1() { awk '$1 == "P@1" {print $2}'; }

# timed CMD... : runs CMD, prints "wall_s peak_rss_kb"; on failure shows its stderr and fails.
timed() {
  if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
    echo "bench_quantize: failed: $*" >&2
    tail -5 "$work/err" >&2
    return 1
  fi
  cat "$work/time"
}

rows=()
for spec in "${CASES[@]}"; do
  IFS='|' read -r name trainf testf flags <<<"$spec"
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then
    continue
  fi
  train="$DATA/$trainf"
  test="$DATA/$testf"
  if [ ! -f "$train" ] || [ ! -f "$test" ]; then
    echo "bench_quantize: $name skipped: $train or $test is absent" >&2
    continue
  fi
  echo "== $name: fasttext supervised $flags -thread $THREADS" >&2
  # shellcheck disable=SC2086
  "$FASTTEXT" supervised -input "$train" -output "$work/model" $flags -thread "$THREADS" -verbose 0
  dense_p=$("$FASTTEXT" test "$work/model.bin" "$test" | p_at_1)
  dense_size=$(stat -c %s "$work/model.bin")
  echo "  dense .bin: $dense_size bytes, P@1 $dense_p" >&2
  declare -A walls=() rsss=() sizes=() ps=()
  cross=""
  ratios=""
  for run in $(seq 1 "$RUNS"); do
    if [ $((run % 2)) -eq 1 ]; then order="fasttext losslab"; else order="losslab fasttext"; fi
    declare -A w=()
    for tool in $order; do
      cp "$work/model.bin" "$work/$tool.bin"
      rm -f "$work/$tool.ftz" "$work/$tool.ftz.losslab"
      if [ "$tool" = fasttext ]; then
        cmd=("$FASTTEXT" quantize)
      else
        cmd=("${losslab_cmd[@]}" quantize)
      fi
      read -r wall rss < <(timed "${cmd[@]}" -input "$train" -output "$work/$tool" "${qflags[@]}" \
          -thread "$THREADS" -verbose 0)
      size=$(stat -c %s "$work/$tool.ftz")
      if [ "$tool" = fasttext ]; then
        p=$("$FASTTEXT" test "$work/$tool.ftz" "$test" | p_at_1)
      else
        p=$("${losslab_cmd[@]}" test "$work/$tool.ftz" "$test" 2>/dev/null | p_at_1)
        cross+="$("$FASTTEXT" test "$work/$tool.ftz" "$test" | p_at_1) "
      fi
      echo "  run $run $tool: wall ${wall}s, peak RSS $((rss / 1024)) MB, .ftz $size bytes, P@1 $p" >&2
      walls[$tool]+="$wall"$'\n'
      rsss[$tool]+="$rss"$'\n'
      sizes[$tool]="$size"
      ps[$tool]+="$p"$'\n'
      w[$tool]="$wall"
      rm -f "$work/$tool.bin"
    done
    ratios+="$(awk -v a="${w[losslab]}" -v b="${w[fasttext]}" 'BEGIN {printf "%.3f", a / b}')"$'\n'
  done
  ft_w=$(printf '%s' "${walls[fasttext]}" | median)
  ll_w=$(printf '%s' "${walls[losslab]}" | median)
  ratio=$(printf '%s' "$ratios" | median)
  lo=$(printf '%s' "$ratios" | sort -g | head -1)
  hi=$(printf '%s' "$ratios" | sort -g | tail -1)
  ft_r=$(printf '%s' "${rsss[fasttext]}" | median | awk '{printf "%.0f", $1/1024}')
  ll_r=$(printf '%s' "${rsss[losslab]}" | median | awk '{printf "%.0f", $1/1024}')
  ft_p=$(printf '%s' "${ps[fasttext]}" | median)
  ll_p=$(printf '%s' "${ps[losslab]}" | median)
  ll_x=$(printf '%s' "${cross// /$'\n'}" | median)
  rows+=("| $name | $dense_size | $dense_p | ${sizes[fasttext]} | ${sizes[losslab]} | $ft_p | $ll_p ($ll_x) | $ft_w | $ll_w | $ratio [$lo–$hi] | $ft_r | $ll_r |")
  unset walls rsss sizes ps w
done

echo "quantize $QFLAGS -thread $THREADS, $RUNS alternating runs per tool on one fastText-trained .bin"
echo
echo "| data | .bin bytes | .bin P@1 | fastText .ftz bytes | losslab .ftz bytes | fastText P@1 | losslab P@1 (read by fastText) | fastText wall s | losslab wall s | losslab / fastText, median [range] of pairs | fastText RSS MB | losslab RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for r in "${rows[@]}"; do
  echo "$r"
done
