#!/usr/bin/env bash
# Issue 27: reading against its floor in one process that has read before, as a host reads its second upload.
#   bash tests/Pipeline.Benchmarks/warm.sh [--rounds 10] [--repeat 2] [--builds jit,r2r,native] [--formats csv,xlsx,ods]
#                                          [--size 100000] [--skip-publish]
# Each process (`child-warm`) reads the file once, then runs the floor and ours one after the other --rounds times and
# times each on its own thread's CPU clock (the tiered JIT's own thread not counted); rounds 6 and later are warm.
# Every build × format × span (with the table entities an ingestion makes, and without them, as `validate` reads) runs
# --repeat processes. Builds: jit, the harness built IL-only and run as the Functions app runs (tiered PGO on, the
# concurrent collector, the runtime's gen0 budget); r2r, as speed.sh publishes it; native, as `pipeline` ships
# (Native AOT). Raw lines go to out/warm/runs.tsv, the medians and per-round ratios to out/warm/summary.md. The files
# are speed.sh's (out/speed/bench-SIZE.FORMAT), written here where missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=10; REPEAT=2; BUILDS=jit,r2r,native; FORMATS=csv,xlsx,ods; SIZE=100000; PUBLISH=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --builds) BUILDS=$2; shift 2 ;;
    --formats) FORMATS=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --skip-publish) PUBLISH=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$ROUNDS" -ge 6 ] || { echo "--rounds must be 6 or more: rounds 6 and later are the warm ones" >&2; exit 2; }
if [ "$PUBLISH" = 1 ]; then
  for build in ${BUILDS//,/ }; do
    case $build in
      jit) dotnet build tests/Pipeline.Benchmarks -c Release ;;
      r2r) dotnet publish tests/Pipeline.Benchmarks -c Release -r linux-x64 --self-contained false \
             -p:PublishReadyToRun=true -o out/bench-bin ;;
      native) dotnet publish tests/Pipeline.Benchmarks -c Release -r linux-x64 -p:PublishAot=true -o out/bench-bin-native ;;
      *) echo "unknown build $build (jit, r2r or native)" >&2; exit 2 ;;
    esac
  done
fi
declare -A BIN=(
  [jit]=tests/Pipeline.Benchmarks/bin/Release/net10.0/Pipeline.Benchmarks
  [r2r]=out/bench-bin/Pipeline.Benchmarks
  [native]=out/bench-bin-native/Pipeline.Benchmarks)
for build in ${BUILDS//,/ }; do
  [ -x "${BIN[$build]}" ] || { echo "${BIN[$build]} is missing: run without --skip-publish" >&2; exit 2; }
done
# The workloads speed.sh reads (out/speed/bench-SIZE.FORMAT), written by the first build where missing.
mkdir -p out/speed out/warm
first=${BUILDS%%,*}
for format in ${FORMATS//,/ }; do
  [ -f "out/speed/bench-$SIZE.$format" ] || "${BIN[$first]}" child-write "$format" "out/speed/bench-$SIZE.$format" "$SIZE" > /dev/null
done
RUNS=out/warm/runs.tsv
printf 'repeat\tformat\tspan\tbuild\tround\tfloor_ms\tfloor_cpu_ms\tours_ms\tours_cpu_ms\tobservations_cpu_ms\tentities_cpu_ms\tload\n' > "$RUNS"
for repeat in $(seq 1 "$REPEAT"); do
  for format in ${FORMATS//,/ }; do for span in entities validate; do for build in ${BUILDS//,/ }; do
    flag=""; [ "$span" = validate ] && flag=--no-entities
    case $build in
      # As the Functions app runs: tiered PGO on and the concurrent collector (the harness's own defaults are the
      # command line's: both off), the runtime's gen0 budget.
      jit) run=(env DOTNET_TieredPGO=1 DOTNET_gcConcurrent=1 DOTNET_GCGen0MaxBudget=0 "${BIN[jit]}") ;;
      # As the command line runs (Pipeline.Cli.csproj): no tiered PGO, the gen0 budget capped at 2 MB.
      r2r) run=(env DOTNET_TieredPGO=0 DOTNET_GCGen0MaxBudget=200000 "${BIN[r2r]}") ;;
      native) run=(env DOTNET_GCGen0MaxBudget=200000 "${BIN[native]}") ;;
    esac
    load=$(cut -d' ' -f1 /proc/loadavg)
    "${run[@]}" child-warm "out/speed/bench-$SIZE.$format" "$SIZE" "$ROUNDS" $flag 2> out/warm/stderr.txt \
      | awk -v r="$repeat" -v f="$format" -v s="$span" -v b="$build" -v l="$load" \
          '$1 == "warm" { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r, f, s, b, $2, $3, $4, $5, $6, $7, $8, l }' \
      >> "$RUNS" || { echo "failed: $build $format $span" >&2; cat out/warm/stderr.txt >&2; exit 1; }
  done; done; done
  echo "repeat $repeat done $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
done
/usr/bin/python3 tests/Pipeline.Benchmarks/warm_summary.py "$RUNS" | tee out/warm/summary.md
