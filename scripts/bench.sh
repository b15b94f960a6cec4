#!/usr/bin/env bash
# Startup, memory and idle-CPU benchmarks of branch-kiosk, with Debian's headless Chromium rendering the
# same home screen as a baseline. Prints a markdown table on standard output (progress goes to stderr).
# What is measured and why: docs/benchmarks.md.
#
#   bash scripts/bench.sh [--quick] [--runs N] [--idle-seconds S] [--no-chromium] [--strict] [--out FILE]
#   bash scripts/bench.sh --sync [--sync-events N] [--strict] [--out FILE]
#
#   --quick          5 runs of each screenshot instead of 15 (what the ctest test bench_startup runs)
#   --runs N         runs of each screenshot (warm, cold, chromium), interleaved; one more is discarded
#   --idle-seconds S length of the idle event loop (default 10)
#   --no-chromium    skip the Chromium baseline
#   --strict         exit 1 when a target is missed (default: report it, exit 0)
#   --out FILE       also write the table to FILE
#   --sync           only the sync benchmarks of issue 5 instead (head-office ingest in process, then a
#                    100,000-event drain over MQTT and HTTPS beside mosquitto_pub and libcurl baselines,
#                    memory growth and single-event ack latency); needs mosquitto, mosquitto-clients, openssl
#   --sync-events N  backlog size for --sync (default 100000)
#
# Exit status: 0 when the kiosk numbers were measured (whatever Chromium did), 1 when the kiosk failed to
# run (or, with --strict, a target was missed), 2 on bad arguments. KIOSK_BIN overrides the binary;
# SYNC_BENCH_DIR the folder with bench_sync_drain and bench_headoffice_ingest (default
# build/release/tests/bench/sync, built there when missing).
# Idempotent: installs chromium, GNU time and a C compiler with apt-get only when missing; every run uses
# its own data dir under one mktemp -d folder, removed on exit.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

runs=15
idle_seconds=10
with_chromium=1
strict=0
out_file=""
sync_only=0
sync_events=100000
while (($# > 0)); do
  case "$1" in
    --quick) runs=5 ;;
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --idle-seconds) idle_seconds=${2:?--idle-seconds needs a number}; shift ;;
    --no-chromium) with_chromium=0 ;;
    --strict) strict=1 ;;
    --out) out_file=${2:?--out needs a file}; shift ;;
    --sync) sync_only=1 ;;
    --sync-events) sync_events=${2:?--sync-events needs a number}; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if ! [[ "$runs" =~ ^[1-9][0-9]*$ && "$idle_seconds" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "bench: --runs must be a positive integer and --idle-seconds a number" >&2
  exit 2
fi

say() { echo "bench: $*" >&2; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- sync (issue 5): separate from the start-up benchmarks, which it would only disturb ----------------
if ((sync_only)); then
  if ! [[ "$sync_events" =~ ^[1-9][0-9]*$ ]]; then
    echo "bench: --sync-events must be a positive integer" >&2
    exit 2
  fi
  for tool in mosquitto mosquitto_pub mosquitto_sub openssl; do
    command -v "$tool" >/dev/null 2>&1 || { say "$tool is missing (Debian: mosquitto, mosquitto-clients, openssl)"; exit 1; }
  done
  sync_dir=${SYNC_BENCH_DIR:-$root/build/release/tests/bench/sync}
  if ! [[ -x "$sync_dir/bench_sync_drain" && -x "$sync_dir/bench_headoffice_ingest" ]]; then
    [[ -z "${SYNC_BENCH_DIR:-}" ]] || { say "no sync benchmarks in $sync_dir"; exit 1; }
    say "building the sync benchmarks in build/release"
    if ! [[ -f "$root/build/release/build.ninja" ]]; then (cd "$root" && cmake --preset release >&2); fi
    cmake --build "$root/build/release" --target bench_sync_drain bench_headoffice_ingest -j2 >&2
  fi
  sync_table=$(mktemp -t kiosk-sync-bench.XXXXXX)
  trap 'rm -f "$sync_table"' EXIT
  say "head-office ingest, in process ($sync_events events, 4 kiosks)"
  ingest_status=0
  ingest_line=$("$sync_dir/bench_headoffice_ingest" "$sync_events" 4) || ingest_status=$?
  say "drain benchmark ($sync_events events over MQTT and HTTPS); this takes a few minutes"
  drain_args=(--events "$sync_events")
  ((strict)) && drain_args+=(--strict)
  drain_status=0
  "$sync_dir/bench_sync_drain" "${drain_args[@]}" --out "$sync_table" >/dev/null || drain_status=$?
  # The group-commit run (the MQTT worker's way) is the second line; strict mode judges it.
  ingest_rate=$(echo "$ingest_line" | tail -n 1 | sed -n 's/.* s, \([0-9][0-9]*\) events\/s.*/\1/p')
  {
    echo "### Sync benchmarks (issue 5)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (work tree modified)'), binaries in ${sync_dir#"$root"/}"
    echo
    echo "| receiver ingest into SQLite (in process, batches of 50) | value | target | result |"
    echo "|---|---|---|---|"
    if ((ingest_status == 0)) && [[ -n "$ingest_rate" ]]; then
      while IFS= read -r line; do
        rate=$(echo "$line" | sed -n 's/.* s, \([0-9][0-9]*\) events\/s.*/\1/p')
        echo "| $line | $rate events/s | >= 20,000 events/s | $(awk -v v="$rate" 'BEGIN { print (v >= 20000 ? "met" : "**NOT met**") }') |"
      done <<<"$ingest_line"
    else
      echo "| failed (exit status $ingest_status): $ingest_line | | | |"
    fi
    echo
    cat "$sync_table"
  } >"$sync_table.full"
  mv "$sync_table.full" "$sync_table"
  cat "$sync_table"
  if [[ -n "$out_file" ]]; then cp "$sync_table" "$out_file"; fi
  if ((ingest_status != 0 || drain_status != 0)); then exit 1; fi
  if ((strict)) && [[ -n "$ingest_rate" ]] && ((ingest_rate < 20000)); then exit 1; fi
  exit 0
fi

# --- what the benchmark needs, installed only when missing ----------------------------------------------
apt_updated=0
apt_install() {  # apt_install PACKAGE...; returns non-zero when it cannot
  local sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo_cmd=(sudo -n); else return 1; fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  export DEBIAN_FRONTEND=noninteractive
  if ((apt_updated == 0)); then
    "${sudo_cmd[@]}" apt-get update -qq >&2 || return 1
    apt_updated=1
  fi
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@" >&2
}

gnu_time=/usr/bin/time
if ! [[ -x "$gnu_time" ]] || ! "$gnu_time" -f '%M' true >/dev/null 2>&1; then
  say "installing GNU time"
  apt_install time || true
fi
if ! [[ -x "$gnu_time" ]] || ! "$gnu_time" -f '%M' true >/dev/null 2>&1; then
  say "GNU time is not available: peak RSS of the screenshot runs comes from wait4() instead (the same number)"
  gnu_time=""
fi
cc_cmd=$(command -v cc || command -v gcc || true)
if [[ -z "$cc_cmd" ]]; then
  say "installing a C compiler for the measuring helper"
  apt_install gcc >/dev/null || true
  cc_cmd=$(command -v cc || command -v gcc || true)
fi
[[ -n "$cc_cmd" ]] || { say "no C compiler and none could be installed: cannot build tests/bench/treemon.c"; exit 1; }

chromium_cmd=""
chromium_problem=""
if ((with_chromium)); then
  chromium_cmd=$(command -v chromium || true)
  if [[ -z "$chromium_cmd" ]]; then
    say "installing chromium (Debian package) for the baseline; this takes a minute the first time"
    if apt_install chromium; then
      chromium_cmd=$(command -v chromium || true)
    fi
    [[ -n "$chromium_cmd" ]] || chromium_problem="chromium is not installed and could not be installed (apt-get failed)"
  fi
else
  chromium_problem="skipped (--no-chromium)"
fi

kiosk=${KIOSK_BIN:-$root/build/release/firmware_app/branch-kiosk}
if ! [[ -x "$kiosk" ]]; then
  say "no kiosk binary at $kiosk: building the release preset"
  if [[ -f "$root/build/release/build.ninja" ]]; then
    cmake --build "$root/build/release" --target branch-kiosk -j2 >&2
  else
    (cd "$root" && cmake --preset release >&2 && cmake --build --preset release --target branch-kiosk >&2)
  fi
  kiosk=$root/build/release/firmware_app/branch-kiosk
fi

# --- workspace ---------------------------------------------------------------------------------------------
work=$(mktemp -d -t kiosk-bench.XXXXXX)
# shellcheck disable=SC2317  # called by the trap
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# A private copy of the binary, so a rebuild running meanwhile cannot swap or delete it mid-run.
kiosk_source=$kiosk
cp "$kiosk_source" "$work/branch-kiosk"
kiosk=$work/branch-kiosk

treemon=$work/treemon
"$cc_cmd" -O2 -std=c11 -o "$treemon" "$root/tests/bench/treemon.c"
cp "$root/tests/bench/home.html" "$work/home.html"
log=$work/log
: >"$log"

# A data dir as a kiosk that has run once has it: database created, font atlas cached.
seed=$work/seed
mkdir -p "$seed"
if ! "$kiosk" screenshot --screen home --lang en --size 1920x1080 --out "$work/seed.png" --data-dir "$seed" \
  >>"$log" 2>&1 || ! [[ -s "$work/seed.png" ]]; then
  say "the kiosk could not take a screenshot:"
  tail -n 20 "$log" >&2
  exit 1
fi
[[ -d "$seed/cache/fonts" ]] || say "warning: no font atlas cache in $seed/cache/fonts after a run; warm == cold"

# result FILE KEY: one value from a treemon result file
result() { sed -n "s/^$2=//p" "$1"; }

# Reading smaps_rollup (PSS) of Chromium's processes every 20 ms costs the sampler ~0.7 s of CPU per run
# on this kind of machine and slows Chromium down, so PSS is sampled only in a few separate, untimed runs
# ($2 = pss); the timed runs sample RSS only.
pss_runs=3

# One screenshot by the kiosk. $1 = warm|cold, $2 = pss for a PSS run (written to $1-pss.tsv).
# Appends "png_ms exit_ms gnu_maxrss_kb tree_peak_kb pss_peak_kb procs cpu_ms sampler_cpu_ms".
kiosk_shot() {
  local mode=$1 pss_flag=() tsv=$work/$1.tsv run
  if [[ "${2:-}" == pss ]]; then pss_flag=(--pss); tsv=$work/$1-pss.tsv; fi
  run=$(mktemp -d "$work/run.XXXXXX")
  mkdir -p "$run/data"
  cp -a "$seed/." "$run/data/"
  if [[ "$mode" == cold ]]; then rm -rf "$run/data/cache/fonts"; fi
  local timed=("$treemon" "${pss_flag[@]}" --watch "$run/home.png" --out "$run/result" --
    "$kiosk" screenshot --screen home --lang en --size 1920x1080 --out "$run/home.png" --data-dir "$run/data")
  local status=0
  if [[ -n "$gnu_time" ]]; then
    "$gnu_time" -f '%M' -o "$run/time" "${timed[@]}" >>"$log" 2>&1 || status=$?
  else
    "${timed[@]}" >>"$log" 2>&1 || status=$?
  fi
  if ((status != 0)) || ! [[ -s "$run/home.png" && -s "$run/result" ]]; then
    say "kiosk screenshot ($mode) failed with status $status:"
    tail -n 20 "$log" >&2
    rm -rf "$run"
    return 1
  fi
  local png exit_ms maxrss gnu peak pss
  png=$(result "$run/result" png_ms)
  exit_ms=$(result "$run/result" wall_ms)
  maxrss=$(result "$run/result" maxrss_kb)
  gnu=$maxrss
  if [[ -n "$gnu_time" ]]; then gnu=$(tail -n 1 "$run/time"); fi
  peak=$(result "$run/result" peak_rss_kb)
  pss=$(result "$run/result" peak_pss_kb)
  # A 20 ms sampler can miss the top of a short peak; the kernel's high-water mark of the largest
  # process cannot, so the tree's peak is never reported below it.
  ((peak >= maxrss)) || peak=$maxrss
  if [[ "$png" == -1.00 ]]; then png=$exit_ms; fi
  echo "$png $exit_ms $gnu $peak $pss 1 $(result "$run/result" cpu_ms) $(result "$run/result" self_cpu_ms)" >>"$tsv"
  rm -rf "$run"
}

# One headless screenshot by Chromium of tests/bench/home.html. Appends the same columns (the third is the
# largest single process's peak, what GNU time %M would say). $1 = pss for a PSS run (chromium-pss.tsv).
chromium_shot() {
  local pss_flag=() tsv=$work/chromium.tsv run profile
  if [[ "${1:-}" == pss ]]; then pss_flag=(--pss); tsv=$work/chromium-pss.tsv; fi
  run=$(mktemp -d "$work/run.XXXXXX")
  profile=$(mktemp -d "$work/profile.XXXXXX")
  cp "$work/home.html" "$run/home.html"
  local status=0
  timeout -k 5 60 "$treemon" "${pss_flag[@]}" --watch "$run/out.png" --out "$run/result" -- \
    "$chromium_cmd" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --window-size=1920,1080 --screenshot="$run/out.png" "file://$run/home.html" \
    >"$work/chromium.out" 2>"$work/chromium.err" || status=$?
  cat "$work/chromium.out" "$work/chromium.err" >>"$log"
  if ((status != 0)) || ! [[ -s "$run/out.png" && -s "$run/result" ]]; then
    if ((status == 124)); then
      echo "timed out after 60 s" >"$work/chromium.failure"
    else
      { echo "exit status $status, screenshot $([[ -s "$run/out.png" ]] && echo written || echo missing)"
        grep -v -e 'dbus' -e '^$' "$work/chromium.err" | tail -n 5 | sed 's/^/  stderr: /'; } >"$work/chromium.failure"
    fi
    rm -rf "$run" "$profile"
    return 1
  fi
  local png exit_ms maxrss peak pss procs
  png=$(result "$run/result" png_ms)
  exit_ms=$(result "$run/result" wall_ms)
  maxrss=$(result "$run/result" maxrss_kb)
  peak=$(result "$run/result" peak_rss_kb)
  pss=$(result "$run/result" peak_pss_kb)
  procs=$(result "$run/result" max_procs)
  ((peak >= maxrss)) || peak=$maxrss
  if [[ "$png" == -1.00 ]]; then png=$exit_ms; fi
  echo "$png $exit_ms $maxrss $peak $pss $procs $(result "$run/result" cpu_ms) $(result "$run/result" self_cpu_ms)" >>"$tsv"
  rm -rf "$run" "$profile"
}

# stats FILE COLUMN -> "median p90 min max" (p90 by nearest rank)
stats() {
  if ! [[ -s "$1" ]]; then echo "nan nan nan nan"; return 0; fi
  awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "nan nan nan nan"; exit }
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      r = int(0.9 * NR); if (r < 0.9 * NR) r++; if (r < 1) r = 1
      print m, v[r], v[1], v[NR]
    }'
}
field() { echo "$1" | awk -v i="$2" '{ print $i }'; }
ms() { if [[ "$1" == nan ]]; then echo "n/a"; else awk -v v="$1" 'BEGIN { printf "%.0f ms", v }'; fi; }
mib() { if [[ "$1" == nan ]]; then echo "n/a"; else awk -v v="$1" 'BEGIN { printf "%.1f MiB", v / 1024 }'; fi; }
ratio() {
  if [[ "$1" == nan || "$2" == nan ]]; then echo "n/a"; return 0; fi
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }'
}
verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "**NOT met**") }'; }
missed=()

# --- 1 and 2: screenshots, interleaved so that drift in the machine's load hits every case alike ----------
chromium_ok=0
chromium_failed=0   # in measured rounds
chromium_failures=0 # in all rounds
if [[ -n "$chromium_cmd" ]]; then chromium_version=$("$chromium_cmd" --version 2>/dev/null | head -n 1 || true); fi
say "screenshots: 1 discarded + $runs measured rounds of kiosk warm, kiosk cold$([[ -n "$chromium_cmd" ]] && echo ", chromium")"
for ((round = 0; round <= runs; round++)); do
  kiosk_shot warm || exit 1
  kiosk_shot cold || exit 1
  if [[ -n "$chromium_cmd" ]]; then
    if chromium_shot; then
      chromium_ok=$((chromium_ok + 1))
    else
      chromium_failures=$((chromium_failures + 1))
      ((round == 0)) || chromium_failed=$((chromium_failed + 1))
      say "chromium run failed: $(head -n 1 "$work/chromium.failure")"
      # Chromium that cannot start at all is not retried 15 times.
      if ((chromium_ok == 0 && chromium_failures >= 2)); then
        chromium_problem="chromium failed: $(tr '\n' ' ' <"$work/chromium.failure" | sed 's/ *$//')"
        chromium_cmd=""
      fi
    fi
  fi
  if ((round == 0)); then  # the first round warms the page cache and font caches: discarded
    rm -f "$work/warm.tsv" "$work/cold.tsv" "$work/chromium.tsv"
    chromium_ok=0
  fi
  say "round $round/$runs done"
done
say "PSS: $pss_runs untimed runs of each, sampling smaps_rollup"
for ((round = 1; round <= pss_runs; round++)); do
  kiosk_shot warm pss || exit 1
  kiosk_shot cold pss || exit 1
  if [[ -n "$chromium_cmd" ]]; then chromium_shot pss || say "chromium PSS run failed"; fi
done
if [[ -z "$chromium_problem" && ! -s "$work/chromium.tsv" ]]; then
  chromium_problem="chromium produced no screenshot in $chromium_failures runs"
fi

# --- 3: idle CPU of the real event loop -------------------------------------------------------------------
# CPU time (user+sys from /proc/PID/stat) at the line printed just before the loop starts and at the line
# printed just after it ends, so startup, rendering the 16 PNGs and teardown are not counted.
idle_run() {  # idle_run SECONDS NAME
  local run=$work/idle-$2
  mkdir -p "$run/data"
  cp -a "$seed/." "$run/data/"
  local timed=("$treemon" --mark "Fonts: " --mark "Ran the event loop" --out "$run/result" --
    stdbuf -oL "$kiosk" run --headless --data-dir "$run/data" --out-dir "$run/png" --duration "$1")
  local status=0
  if [[ -n "$gnu_time" ]]; then
    "$gnu_time" -f '%M' -o "$run/time" "${timed[@]}" >"$run/out" 2>&1 || status=$?
  else
    "${timed[@]}" >"$run/out" 2>&1 || status=$?
  fi
  cat "$run/out" >>"$log"
  if ((status != 0)) || ! [[ -s "$run/result" ]]; then
    say "kiosk run --headless --duration $1 failed with status $status:"
    tail -n 20 "$run/out" >&2
    return 1
  fi
}
say "idle: run --headless --duration $idle_seconds (and --duration 0 for the subtraction check)"
idle_run 0 zero || exit 1
idle_run "$idle_seconds" loop || exit 1
idle=$work/idle-loop
loop_wall=$(awk -v a="$(result "$idle/result" mark0_ms)" -v b="$(result "$idle/result" mark1_ms)" 'BEGIN { print (a >= 0 && b >= 0) ? b - a : -1 }')
loop_cpu=$(awk -v a="$(result "$idle/result" mark0_cpu_ms)" -v b="$(result "$idle/result" mark1_cpu_ms)" 'BEGIN { print (a >= 0 && b >= 0) ? b - a : -1 }')
# Cross-check as the subtraction of a --duration 0 run: CPU from the "Fonts:" line to exit in each run, so
# the variable cost of startup and of the 16 PNGs cancels out, and so does teardown.
tail_cpu() { awk -v t="$(result "$1" cpu_ms)" -v m="$(result "$1" mark0_cpu_ms)" 'BEGIN { print (m >= 0) ? t - m : t }'; }
subtract_cpu=$(awk -v a="$(tail_cpu "$work/idle-zero/result")" -v b="$(tail_cpu "$idle/result")" 'BEGIN { print b - a }')
if awk -v w="$loop_wall" 'BEGIN { exit !(w <= 0) }'; then
  # No marks seen (output changed?): fall back to the subtraction of the two runs.
  say "warning: loop start/end lines not seen; idle CPU from the --duration 0 subtraction"
  loop_wall=$(awk -v s="$idle_seconds" 'BEGIN { print s * 1000 }')
  loop_cpu=$subtract_cpu
fi
idle_pct=$(awk -v c="$loop_cpu" -v w="$loop_wall" 'BEGIN { printf "%.2f", 100 * c / w }')
subtract_pct=$(awk -v c="$subtract_cpu" -v s="$idle_seconds" 'BEGIN { printf "%.2f", (s > 0) ? 100 * c / (s * 1000) : 0 }')
frames=$(sed -n 's/.*: \([0-9]*\) frames drawn.*/\1/p' "$idle/out" | tail -n 1)
atlas=$(sed -n 's/^Fonts: .*(\(.*\))$/\1/p' "$idle/out" | tail -n 1)
idle_peak=$(result "$idle/result" peak_rss_kb)
idle_maxrss=$(result "$idle/result" maxrss_kb)
((idle_peak >= idle_maxrss)) || idle_peak=$idle_maxrss
idle_gnu=$idle_maxrss
if [[ -n "$gnu_time" ]]; then idle_gnu=$(tail -n 1 "$idle/time"); fi
idle_window=$(result "$idle/result" window_peak_rss_kb)

# --- the table -----------------------------------------------------------------------------------------------
warm_png=$(stats "$work/warm.tsv" 1); warm_exit=$(stats "$work/warm.tsv" 2); warm_cpu=$(stats "$work/warm.tsv" 7)
cold_cpu=$(stats "$work/cold.tsv" 7); warm_self=$(stats "$work/warm.tsv" 8)
warm_gnu=$(stats "$work/warm.tsv" 3); warm_tree=$(stats "$work/warm.tsv" 4); warm_pss=$(stats "$work/warm-pss.tsv" 5)
cold_png=$(stats "$work/cold.tsv" 1); cold_exit=$(stats "$work/cold.tsv" 2)
cold_gnu=$(stats "$work/cold.tsv" 3); cold_tree=$(stats "$work/cold.tsv" 4); cold_pss=$(stats "$work/cold-pss.tsv" 5)
n_warm=$(wc -l <"$work/warm.tsv"); n_cold=$(wc -l <"$work/cold.tsv")

warm_ok=$(awk -v v="$(field "$warm_png" 1)" 'BEGIN { print (v <= 150) }')
((warm_ok)) || missed+=("warm start to PNG <= 150 ms (median $(ms "$(field "$warm_png" 1)"))")
idle_cpu_ok=$(awk -v v="$idle_pct" 'BEGIN { print (v < 1) }')
((idle_cpu_ok)) || missed+=("idle CPU < 1% of a core (${idle_pct}%)")
idle_rss_ok=$(awk -v v="$idle_gnu" 'BEGIN { print (v < 64 * 1024) }')
((idle_rss_ok)) || missed+=("idle run peak RSS < 64 MiB ($(mib "$idle_gnu"))")

{
  echo "### branch-kiosk benchmarks"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), load average before / after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "kiosk: ${kiosk_source#"$root"/} ($("$kiosk" --version 2>/dev/null | head -n 1), built $(date -u -r "$kiosk_source" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '?')), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (work tree modified)'); chromium: ${chromium_version:-none}"
  echo
  echo "1. \`screenshot --screen home --lang en --size 1920x1080\`, process start to PNG closed (inotify), $n_warm warm and $n_cold cold runs"
  echo
  echo "| case | start to PNG median | p90 | min / max | start to exit median | peak RSS (GNU time %M) median / max | target | result |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| kiosk warm (atlas cached) | $(ms "$(field "$warm_png" 1)") | $(ms "$(field "$warm_png" 2)") | $(ms "$(field "$warm_png" 3)") / $(ms "$(field "$warm_png" 4)") | $(ms "$(field "$warm_exit" 1)") | $(mib "$(field "$warm_gnu" 1)") / $(mib "$(field "$warm_gnu" 4)") | <= 150 ms | $(verdict "$warm_ok") |"
  echo "| kiosk cold (cache/fonts removed) | $(ms "$(field "$cold_png" 1)") | $(ms "$(field "$cold_png" 2)") | $(ms "$(field "$cold_png" 3)") / $(ms "$(field "$cold_png" 4)") | $(ms "$(field "$cold_exit" 1)") | $(mib "$(field "$cold_gnu" 1)") / $(mib "$(field "$cold_gnu" 4)") | reported | - |"
  echo
  echo "2. Baseline: Debian's Chromium, headless screenshot of tests/bench/home.html (same screen), interleaved with the kiosk runs above. Peak RSS = highest sum of RSS over the whole process tree, sampled from /proc every 20 ms (never below the kernel's high-water mark of the largest process); PSS likewise, in separate untimed runs"
  echo
  echo "| case | start to PNG median | p90 | start to exit median | CPU user+sys median | peak RSS, tree sum, median | peak PSS, tree sum, median of $pss_runs untimed runs | processes |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| kiosk warm | $(ms "$(field "$warm_png" 1)") | $(ms "$(field "$warm_png" 2)") | $(ms "$(field "$warm_exit" 1)") | $(ms "$(field "$warm_cpu" 1)") | $(mib "$(field "$warm_tree" 1)") | $(mib "$(field "$warm_pss" 1)") | 1 |"
  echo "| kiosk cold | $(ms "$(field "$cold_png" 1)") | $(ms "$(field "$cold_png" 2)") | $(ms "$(field "$cold_exit" 1)") | $(ms "$(field "$cold_cpu" 1)") | $(mib "$(field "$cold_tree" 1)") | $(mib "$(field "$cold_pss" 1)") | 1 |"
  if [[ -s "$work/chromium.tsv" ]]; then
    cr_png=$(stats "$work/chromium.tsv" 1); cr_exit=$(stats "$work/chromium.tsv" 2)
    cr_tree=$(stats "$work/chromium.tsv" 4); cr_pss=$(stats "$work/chromium-pss.tsv" 5); cr_procs=$(stats "$work/chromium.tsv" 6)
    cr_cpu=$(stats "$work/chromium.tsv" 7); cr_self=$(stats "$work/chromium.tsv" 8)
    n_cr=$(wc -l <"$work/chromium.tsv")
    echo "| chromium ($n_cr runs$( ((chromium_failed > 0)) && echo ", $chromium_failed failed")) | $(ms "$(field "$cr_png" 1)") | $(ms "$(field "$cr_png" 2)") | $(ms "$(field "$cr_exit" 1)") | $(ms "$(field "$cr_cpu" 1)") | $(mib "$(field "$cr_tree" 1)") | $(mib "$(field "$cr_pss" 1)") | $(field "$cr_procs" 4) |"
    time_ratio=$(ratio "$(field "$cr_png" 1)" "$(field "$warm_png" 1)")
    rss_ratio=$(ratio "$(field "$cr_tree" 1)" "$(field "$warm_tree" 1)")
    time_ok=$(awk -v a="$(field "$cr_png" 1)" -v b="$(field "$warm_png" 1)" 'BEGIN { print (a >= 10 * b) }')
    rss_ok=$(awk -v a="$(field "$cr_tree" 1)" -v b="$(field "$warm_tree" 1)" 'BEGIN { print (a >= 4 * b) }')
    ((time_ok)) || missed+=("chromium/kiosk time >= 10x ($time_ratio)")
    ((rss_ok)) || missed+=("chromium/kiosk peak RSS >= 4x ($rss_ratio)")
    echo
    echo "| chromium / kiosk warm | value | target | result |"
    echo "|---|---|---|---|"
    echo "| start to PNG (medians) | $time_ratio | >= 10x | $(verdict "$time_ok") |"
    echo "| peak RSS, tree sum (medians) | $rss_ratio | >= 4x | $(verdict "$rss_ok") |"
    echo "| peak PSS, tree sum (medians, for information) | $(ratio "$(field "$cr_pss" 1)" "$(field "$warm_pss" 1)") | - | - |"
    echo "| start to PNG vs kiosk cold (for information) | $(ratio "$(field "$cr_png" 1)" "$(field "$cold_png" 1)") | - | - |"
    echo "| CPU user+sys (medians, for information) | $(ratio "$(field "$cr_cpu" 1)" "$(field "$warm_cpu" 1)") | - | - |"
    echo
    echo "The sampler's own CPU per run (median): $(ms "$(field "$warm_self" 1)") beside the kiosk, $(ms "$(field "$cr_self" 1)") beside Chromium."
  else
    echo "| chromium | not measured: ${chromium_problem} | | | | | | |"
  fi
  echo
  echo "3. \`run --headless --duration $idle_seconds\`: the event loop on the attract screen"
  echo
  echo "| measurement | value | target | result |"
  echo "|---|---|---|---|"
  echo "| CPU (user+sys) during the loop, from /proc/PID/stat at its start and end lines | $(awk -v v="$loop_cpu" 'BEGIN { printf "%.0f ms", v }') in $(awk -v v="$loop_wall" 'BEGIN { printf "%.2f s", v / 1000 }') = ${idle_pct}% of one core | < 1% | $(verdict "$idle_cpu_ok") |"
  echo "| cross-check: CPU from the \"Fonts:\" line to exit, minus the same in a --duration 0 run | $(awk -v v="$subtract_cpu" 'BEGIN { printf "%.0f ms", v }') = ${subtract_pct}% | - | - |"
  echo "| frames drawn in the loop | ${frames:-?} | - | - |"
  echo "| peak RSS of the run (GNU time %M; renders 16 PNGs first, font atlas ${atlas:-?}) | $(mib "$idle_gnu") | < 64 MiB | $(verdict "$idle_rss_ok") |"
  echo "| peak RSS during the loop only (sampled) | $(mib "$idle_window") | - | - |"
  echo
  if ((${#missed[@]} == 0)); then
    echo "All targets met."
  else
    echo "Targets not met:"
    for item in "${missed[@]}"; do echo "- $item"; done
  fi
  if [[ -n "$chromium_problem" ]]; then
    echo
    echo "Chromium baseline: $chromium_problem"
  fi
} >"$work/table.md"

cat "$work/table.md"
if [[ -n "$out_file" ]]; then cp "$work/table.md" "$out_file"; fi
if ((strict && ${#missed[@]} > 0)); then exit 1; fi
exit 0
