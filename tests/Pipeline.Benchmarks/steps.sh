#!/usr/bin/env bash
# Issue 27: builds of the harness measured step against step, interleaved, each run a process of its own.
#   bash tests/Pipeline.Benchmarks/steps.sh ROUNDS SIZES FORMATS TOOL...
# TOOL is floor (the bare reader of out/bench-bin-main), floor@BIN (the bare reader of out/bench-bin-BIN: a harness
# published natively, -p:PublishAot=true, has its own floor), BIN (child-parse of out/bench-bin-BIN, a harness
# published as speed.sh does, or natively) or BIN:noent (the same with --no-entities). Files come from speed.sh (out/speed/bench-N.F).
# One line a run in out/runs-HHMM.tsv: wall and CPU of the process, the span's own wall, CPU, allocation and
# collections, and the load average beside it; ratios are to be taken per round.
cd "$(dirname "$0")/../.."
# As the command line and the harness run on main (4f01c10): no tiered PGO, for every binary alike.
export DOTNET_TieredPGO=0
# And with its gen0 budget capped at 2 MB (Pipeline.Cli.csproj, System.GC.Gen0MaxBudget; hexadecimal here), unless the
# caller gives another (DOTNET_GCGen0MaxBudget=0: the runtime's default, as builds before the cap ran).
export DOTNET_GCGen0MaxBudget=${DOTNET_GCGen0MaxBudget-200000}
ROUNDS=$1; SIZES=$2; FORMATS=$3; shift 3
OUT=out/runs-$(date +%H%M).tsv
printf 'round\tsize\tformat\ttool\twall_ms\tcpu_ms\tpeak_kb\tinner_ms\tinner_cpu_ms\talloc_mb\tgcs\tload\n' > $OUT
for r in $(seq 1 $ROUNDS); do for size in ${SIZES//,/ }; do for f in ${FORMATS//,/ }; do for tool in "$@"; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  file=out/speed/bench-$size.$f
  case $tool in
    floor|floor@*) case $f in csv) fl=child-floor-csv;; xlsx) fl=child-floor-xml;; ods) fl=child-floor-ods;; esac
           bin=main; [ "$tool" = floor ] || bin=${tool#floor@}
           cmd="out/bench-bin-$bin/Pipeline.Benchmarks $fl $file";;
    *:noent) cmd="out/bench-bin-${tool%:noent}/Pipeline.Benchmarks child-parse $file $size --no-entities";;
    *) cmd="out/bench-bin-$tool/Pipeline.Benchmarks child-parse $file $size";;
  esac
  /usr/bin/time -f '%e %U %S %M' -o out/time.txt $cmd > out/stdout.txt 2> out/stderr.txt || {
    echo "fail $tool $f" >&2; cat out/stderr.txt >&2; continue; }
  read -r wall user sys peak < <(tail -1 out/time.txt)
  if [ "${tool%@*}" = floor ]; then
    read -r _ inner _ icpu < out/stdout.txt; alloc=""; gcs=""
  else
    span='s/.*normalise ([0-9]+) ms, CPU ([0-9]+) ms.*'
    inner=$(sed -nE "$span/\1/p" out/stderr.txt); icpu=$(sed -nE "$span/\2/p" out/stderr.txt)
    alloc=$(sed -nE 's/.*allocated ([0-9]+) MB.*/\1/p' out/stderr.txt)
    gcs=$(sed -nE 's/.*collections ([0-9/]+).*/\1/p' out/stderr.txt)
  fi
  awk -v r="$r" -v s="$size" -v f="$f" -v t="$tool" -v w="$wall" -v u="$user" -v y="$sys" -v p="$peak" \
      -v i="$inner" -v c="$icpu" -v a="$alloc" -v g="$gcs" -v l="$load" \
    'BEGIN { printf "%s\t%s\t%s\t%s\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\n",
             r, s, f, t, w*1000, (u+y)*1000, p, i, c, a, g, l }' >> "$OUT"
done; done; done
echo "round $r done $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"; done
echo $OUT
