#!/usr/bin/env bash
set -euo pipefail
# Issue 27: whole process, interleaved per round: pandas read_csv (+ to_json, as speed.sh runs it) and the native
# `pipeline validate` of each binary out/native-NAME/pipeline (published with -p:PublishAot=true), on speed.sh's
# 100,000-row csv. Usage: bash tests/Pipeline.Benchmarks/native.sh ROUNDS [pandas] NAME... ; one line a run in
# out/native-HHMM.tsv (wall, user + system CPU, peak resident set, load average); take ratios per round.
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}; shift; TOOLS=${*:-pandas main csv}; OUT=out/native-$(date +%H%M).tsv
export Pipeline__PlansPath=out/speed/plan-100000 Pipeline__DefaultPlanId=bench-parse Pipeline__ReadLimits__MaxRows=5000000 \
  Pipeline__ReadLimits__MaxFileBytes=2147483648 Pipeline__ReadLimits__MaxUncompressedBytes=4294967296
printf 'round\ttool\twall_ms\tcpu_ms\tpeak_kb\tload\n' > $OUT
for r in $(seq 1 $ROUNDS); do
  for tool in $TOOLS; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    case $tool in
      pandas) cmd=(/usr/bin/python3 -c "import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
df.to_json(sys.argv[2], orient='records', force_ascii=False)" out/speed/bench-100000.csv out/pandas.json);;
      *) cmd=(out/native-$tool/pipeline validate --department bench-dept out/speed/bench-100000.csv);;
    esac
    /usr/bin/time -f '%e %U %S %M' -o out/ntime.txt "${cmd[@]}" > out/nstdout.txt 2>&1 || { echo "fail $tool"; cat out/nstdout.txt; }
    read -r wall user sys peak < <(tail -1 out/ntime.txt)
    awk -v r=$r -v t=$tool -v w=$wall -v u=$user -v y=$sys -v p=$peak -v l=$load \
      'BEGIN { printf "%s\t%s\t%.0f\t%.0f\t%s\t%s\n", r, t, w*1000, (u+y)*1000, p, l }' >> $OUT
  done
done
cat $OUT
