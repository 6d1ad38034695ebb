#!/usr/bin/env bash
# Issue 27: reading against its floors, pandas and `pipeline validate`, interleaved and repeated on shared cores.
#   bash tests/Pipeline.Benchmarks/speed.sh [--rounds 5] [--sizes 1000,100000,1000000] [--formats csv,xlsx,ods]
#                                           [--pandas-max 100000] [--skip-publish]
# Each round runs every size and format back to back: the floor (a bare reader), ours in process (read + check +
# normalise), pandas' read_csv / read_excel and `pipeline validate` (the published CLI), each a process of its own
# timed by /usr/bin/time (wall, user + system CPU, peak resident set), with the load average beside it. Raw runs go
# to out/speed/runs.tsv; the medians, spreads and ratios of each comparison to out/speed/summary.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=5; SIZES=1000,100000,1000000; FORMATS=csv,xlsx,ods; PANDAS_MAX=100000; PUBLISH=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --formats) FORMATS=$2; shift 2 ;;
    --pandas-max) PANDAS_MAX=$2; shift 2 ;;
    --skip-publish) PUBLISH=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if ! /usr/bin/python3 -c "import pandas, openpyxl" 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3-pandas python3-openpyxl
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
if [ "$PUBLISH" = 1 ]; then
  # As run.sh: the harness ReadyToRun; the command line as it ships (see docs/benchmarks.md for the choice).
  dotnet publish tests/Pipeline.Benchmarks -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o out/bench-bin
  dotnet publish functions/Pipeline.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o out/cli-bin
fi
BENCH=out/bench-bin/Pipeline.Benchmarks
# The harness's reading runs as the command line runs: its gen0 budget capped at 2 MB (Pipeline.Cli.csproj,
# System.GC.Gen0MaxBudget, hexadecimal here) unless the caller gives another; the CLI carries the cap itself.
export DOTNET_GCGen0MaxBudget=${DOTNET_GCGen0MaxBudget-200000}
CLI=${CLI:-out/cli-bin/pipeline}  # CLI=out/bench-bin/pipeline: the ReadyToRun CLI the harness publish carries
WORK=out/speed
mkdir -p "$WORK"
RUNS=$WORK/runs.tsv
printf 'round\tsize\tformat\ttool\twall_ms\tcpu_ms\tpeak_kb\tinner_ms\tinner_cpu_ms\tload\n' > "$RUNS"

for size in ${SIZES//,/ }; do
  [ -f "$WORK/plan-$size/bench-parse.json" ] || { mkdir -p "$WORK/plan-$size"; $BENCH child-plan "$WORK/plan-$size/bench-parse.json" "$size" > /dev/null; }
  for format in ${FORMATS//,/ }; do
    [ -f "$WORK/bench-$size.$format" ] || $BENCH child-write "$format" "$WORK/bench-$size.$format" "$size" > /dev/null
  done
done

# run ROUND SIZE FORMAT TOOL command…: one timed process, one line of runs.tsv.
run() {
  local round=$1 size=$2 format=$3 tool=$4; shift 4
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "$@" > "$WORK/stdout.txt" 2> "$WORK/stderr.txt" || {
    # validate exits 1 for a rejected file: that would be a broken workload, never a figure.
    echo "$tool failed on $format $size:" >&2; tail -5 "$WORK/stderr.txt" "$WORK/stdout.txt" >&2; exit 1; }
  read -r wall user sys peak < <(tail -1 "$WORK/time.txt")
  local inner="" inner_cpu=""
  case "$tool" in
    floor) read -r _ inner _ inner_cpu < "$WORK/stdout.txt" ;;
    ours) inner=$(sed -nE 's/.*read \+ check \+ normalise ([0-9]+) ms, CPU ([0-9]+) ms.*/\1/p' "$WORK/stderr.txt")
          inner_cpu=$(sed -nE 's/.*read \+ check \+ normalise ([0-9]+) ms, CPU ([0-9]+) ms.*/\2/p' "$WORK/stderr.txt") ;;
  esac
  awk -v r="$round" -v s="$size" -v f="$format" -v t="$tool" -v w="$wall" -v u="$user" -v y="$sys" -v p="$peak" \
      -v i="$inner" -v c="$inner_cpu" -v l="$load" \
      'BEGIN { printf "%s\t%s\t%s\t%s\t%.0f\t%.0f\t%s\t%s\t%s\t%s\n", r, s, f, t, w * 1000, (u + y) * 1000, p, i, c, l }' >> "$RUNS"
}

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for size in ${SIZES//,/ }; do
    for format in ${FORMATS//,/ }; do
      file=$WORK/bench-$size.$format
      case "$format" in csv) floor=child-floor-csv ;; xlsx) floor=child-floor-xml ;; ods) floor=child-floor-ods ;; esac
      run "$round" "$size" "$format" floor $BENCH $floor "$file"
      run "$round" "$size" "$format" ours $BENCH child-parse "$file" "$size"
      run "$round" "$size" "$format" validate env Pipeline__PlansPath="$WORK/plan-$size" Pipeline__DefaultPlanId=bench-parse \
        Pipeline__ReadLimits__MaxRows=5000000 Pipeline__ReadLimits__MaxFileBytes=2147483648 \
        Pipeline__ReadLimits__MaxUncompressedBytes=4294967296 $CLI validate --department bench-dept "$file"
      if [ "$size" -le "$PANDAS_MAX" ] && [ "$format" != ods ]; then
        read_call="pd.read_csv(sys.argv[1])"; [ "$format" = xlsx ] && read_call="pd.read_excel(sys.argv[1], engine='openpyxl')"
        run "$round" "$size" "$format" pandas /usr/bin/python3 -c "import sys, pandas as pd
df = $read_call
df.to_json(sys.argv[2], orient='records', force_ascii=False)" "$file" "$WORK/pandas.json"
      fi
    done
  done
done

/usr/bin/python3 tests/Pipeline.Benchmarks/speed_summary.py "$RUNS" | tee "$WORK/summary.md"
