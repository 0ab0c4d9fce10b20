#!/usr/bin/env bash
# The training engine against Debian's fastText 0.9.2: corpus size and thread count.
#   scale:   `supervised` on IMDB's training set repeated 1, 3 and 10 times (SIZES), the same flags
#            for both tools (FLAGS, default one epoch), whole-process wall time and peak RSS;
#   threads: cooking (defaults) and imdb (its flags in bench_fasttext.sh) with -thread 1 and 2: each
#            round runs both thread counts of both tools back to back, and the gain of the second
#            thread is the median of the rounds' one-thread / two-thread wall ratios, so that a drift
#            of the machine's speed between rounds does not enter it;
#   huge:    a generated corpus of more than 2^31 tokens (HUGE_COPIES × a block of 20,000 lines of 100
#            one-letter words and a label, 2.04 M tokens a block; default 1080 copies: 4.6 GB,
#            2.2 G tokens) in TMPDIR, one epoch with FLAGS, RUNS pairs (the 2^31-token case).
# Runs alternate between the tools (fastText, losslab, fastText, ...) so that both see the same
# background load; each figure is the median of RUNS runs with its range, and the wall ratio is the
# median of the per-pair ratios. Prints markdown rows on stdout, every run on stderr.
#
# Usage: losslab-bench/scripts/bench_engine.sh scale|threads|huge
# Environment: DATA (../shared/datasets), RUNS (3), SIZES ("1 3 10"), FLAGS (scale's flags),
#   HUGE_COPIES (1080),
#   FASTTEXT (fasttext), JAR (losslab-cli/target/losslab.jar, built first with
#   mvn -B -q -ntp -pl losslab-cli -am package -DskipTests; timed as java $LOSSLAB_JAVA_OPTS -jar).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${DATA:-$root/../shared/datasets}"
RUNS="${RUNS:-3}"
SIZES="${SIZES:-1 3 10}"
FLAGS="${FLAGS:--dim 10 -lr 0.1 -wordNgrams 2 -epoch 1 -thread 2}"
FASTTEXT="${FASTTEXT:-fasttext}"
JAR="${JAR:-$root/losslab-cli/target/losslab.jar}"
mode="${1:-}"

die() { echo "bench_engine: $*" >&2; exit 1; }
[ "$mode" = scale ] || [ "$mode" = threads ] || [ "$mode" = huge ] || die "usage: bench_engine.sh scale|threads|huge"
command -v "$FASTTEXT" >/dev/null 2>&1 || die "fasttext not found (apt-get install fasttext, or set FASTTEXT)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
[ -f "$JAR" ] || die "$JAR not found (mvn -B -q -ntp -pl losslab-cli -am package -DskipTests)"

work="$(mktemp -d "${TMPDIR:-/tmp}/bench_engine.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$JAR" "$work/losslab.jar"
# shellcheck disable=SC2206
losslab=(java ${LOSSLAB_JAVA_OPTS:-} -jar "$work/losslab.jar")

# timed CMD... : prints "wall_s user_s peak_rss_kb"
timed() {
  /usr/bin/time -f '%e %U %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" \
    || { tail -3 "$work/err" >&2; die "failed: $*"; }
  tail -1 "$work/time"
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
range() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }

# run NAME TRAIN FLAGS : one alternating pair (fastText, then losslab), kept under NAME
run() {
  local name="$1" train="$2" flags="$3" f l
  # shellcheck disable=SC2086
  f="$(timed "$FASTTEXT" supervised -input "$train" -output "$work/ft" $flags -verbose 0)"
  # shellcheck disable=SC2086
  l="$(timed "${losslab[@]}" supervised -input "$train" -output "$work/ll" $flags -verbose 0)"
  echo "bench_engine: $name: fastText $f, losslab $l (wall s, user s, peak KB)" >&2
  echo "$f" >>"$work/$name.ft"; echo "$l" >>"$work/$name.ll"
  awk -v a="${l%% *}" -v b="${f%% *}" 'BEGIN {printf "%.3f\n", a / b}' >>"$work/$name.ratio"
}

# row NAME : one markdown row of NAME's pairs
row() {
  local name="$1"
  printf '| %s | %s (%s) | %s (%s) | %s (%s) | %d | %d |\n' "$name" \
    "$(cut -d' ' -f1 "$work/$name.ft" | median)" "$(cut -d' ' -f1 "$work/$name.ft" | range)" \
    "$(cut -d' ' -f1 "$work/$name.ll" | median)" "$(cut -d' ' -f1 "$work/$name.ll" | range)" \
    "$(median <"$work/$name.ratio")" "$(range <"$work/$name.ratio")" \
    "$(cut -d' ' -f3 "$work/$name.ft" | median | awk '{printf "%d", $1 / 1024}')" \
    "$(cut -d' ' -f3 "$work/$name.ll" | median | awk '{printf "%d", $1 / 1024}')"
}

# compare NAME TRAIN FLAGS : RUNS alternating pairs; prints one markdown row
compare() {
  for ((i = 1; i <= RUNS; i++)); do run "$1" "$2" "$3"; done
  row "$1"
}

# gain DATA TOOL : the median (range) of the rounds' one-thread / two-thread wall ratios
gain() {
  paste -d' ' <(cut -d' ' -f1 "$work/$1 -thread 1.$2") <(cut -d' ' -f1 "$work/$1 -thread 2.$2") \
    | awk '{printf "%.3f\n", $1 / $2}' >"$work/gain"
  echo "$(median <"$work/gain")× ($(range <"$work/gain"))"
}

echo "bench_engine: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, losslab $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), load before: $(uptime | sed 's/.*load average: //')" >&2
echo "| case | fastText wall s (range) | losslab wall s (range) | losslab / fastText (range) | fastText RSS MB | losslab RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
if [ "$mode" = scale ]; then
  [ -f "$DATA/imdb/train.txt" ] || die "$DATA/imdb/train.txt not found (set DATA)"
  for n in $SIZES; do
    for ((k = 0; k < n; k++)); do cat "$DATA/imdb/train.txt"; done >"$work/imdb-x$n.txt"
    compare "imdb ×$n ($FLAGS)" "$work/imdb-x$n.txt" "$FLAGS"
    rm -f "$work/imdb-x$n.txt"
  done
elif [ "$mode" = huge ]; then
  copies="${HUGE_COPIES:-1080}"
  # 20,000 lines: a label (0 or 1) and 100 one-letter words, each label drawing from its own
  # overlapping range of 40 of the 62 letters and digits
  awk 'BEGIN { srand(7); c = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (i = 0; i < 20000; i++) { l = int(rand() * 2); s = "__label__" l;
      for (t = 0; t < 100; t++) s = s " " substr(c, 1 + l * 22 + int(rand() * 40), 1); print s } }' >"$work/block.txt"
  for ((k = 0; k < copies; k++)); do cat "$work/block.txt"; done >"$work/huge.txt"
  echo "bench_engine: huge corpus: $(wc -c <"$work/huge.txt") bytes, $((copies * 20000)) lines, $((copies * 20000 * 102)) tokens" >&2
  compare "generated, $((copies * 20000 * 102 / 1000000)) M tokens ($FLAGS)" "$work/huge.txt" "$FLAGS"
  rm -f "$work/huge.txt"
else
  sets=()
  [ -f "$DATA/cooking/cooking.train" ] && sets+=(cooking) || echo "bench_engine: cooking not found under $DATA, skipped" >&2
  [ -f "$DATA/imdb/train.txt" ] && sets+=(imdb) || echo "bench_engine: imdb not found under $DATA, skipped" >&2
  for d in "${sets[@]}"; do
    if [ "$d" = cooking ]; then train="$DATA/cooking/cooking.train" flags=""
    else train="$DATA/imdb/train.txt" flags="-dim 10 -lr 0.1 -wordNgrams 2 -epoch 5"; fi
    for ((i = 1; i <= RUNS; i++)); do
      run "$d -thread 1" "$train" "$flags -thread 1"
      run "$d -thread 2" "$train" "$flags -thread 2"
    done
    row "$d -thread 1"; row "$d -thread 2"
  done
  echo
  echo "| data | losslab, one thread / two (range) | fastText, one thread / two (range) |"
  echo "|---|---:|---:|"
  for d in "${sets[@]}"; do echo "| $d | $(gain "$d" ll) | $(gain "$d" ft) |"; done
fi
echo "bench_engine: load after: $(uptime | sed 's/.*load average: //')" >&2
