"""Summarises out/warm/runs.tsv (written by warm.sh): for each format, span and build, the floor and ours in the warm
rounds (6 and later) of every process, and ours ÷ floor taken round by round."""
import csv
import statistics
import sys
from collections import defaultdict

WARM_FROM = 6
FORMATS = ["csv", "xlsx", "ods"]
SPANS = [("entities", "with the table entities (ingestion)"), ("validate", "without them (`validate`)")]
BUILDS = ["jit", "r2r", "native"]


def main(path):
    runs = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    by = defaultdict(list)
    for r in runs:
        by[(r["format"], r["span"], r["build"])].append(r)
    loads = [float(r["load"]) for r in runs]
    print(f"{len({r['repeat'] for r in runs})} processes a line, rounds {WARM_FROM} and later of each; load average "
          f"{min(loads):.1f}–{max(loads):.1f} when the processes started. CPU ms of the reading thread.\n")
    print("| format | span | build | floor | ours | ours ÷ floor, per round: median (min–max) | "
          "observations alone | entities alone | first round: floor, ours |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for fmt in FORMATS:
        for span, words in SPANS:
            for build in BUILDS:
                rows = by.get((fmt, span, build))
                if not rows:
                    continue
                warm = [r for r in rows if int(r["round"]) >= WARM_FROM]
                first = [r for r in rows if r["round"] == "1"]
                if not warm:
                    raise SystemExit(f"no warm rounds for {fmt} {span} {build}: run with --rounds {WARM_FROM} or more")

                def med(rs, key):
                    return statistics.median(float(r[key]) for r in rs)

                if any(float(r["floor_cpu_ms"]) <= 0 for r in warm):
                    raise SystemExit(f"{fmt} {span} {build}: a floor of no measurable CPU time; read a larger file "
                                     "(--size)")
                ratios = [float(r["ours_cpu_ms"]) / float(r["floor_cpu_ms"]) for r in warm]
                print(f"| {fmt} | {words} | {build} | {med(warm, 'floor_cpu_ms'):.1f} | {med(warm, 'ours_cpu_ms'):.1f} | "
                      f"**{statistics.median(ratios):.2f}×** ({min(ratios):.2f}–{max(ratios):.2f}) | "
                      f"{med(warm, 'observations_cpu_ms'):.1f} | {med(warm, 'entities_cpu_ms'):.1f} | "
                      f"{med(first, 'floor_cpu_ms'):.1f}, {med(first, 'ours_cpu_ms'):.1f} |")


if __name__ == "__main__":
    main(sys.argv[1])
