"""Summarises out/speed/runs.tsv (written by speed.sh): medians with their spread, and each ratio taken per round."""
import csv
import statistics
import sys
from collections import defaultdict


def med(values):
    return statistics.median(values) if values else None


def spread(values):
    return f"{min(values):.0f}–{max(values):.0f}" if values else "—"


def main(path):
    runs = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    by = defaultdict(list)
    for r in runs:
        by[(int(r["size"]), r["format"], r["tool"])].append(r)
    loads = [float(r["load"]) for r in runs]
    print(f"{len({r['round'] for r in runs})} rounds; load average {min(loads):.1f}–{max(loads):.1f} "
          f"(median {statistics.median(loads):.1f}) while measuring.\n")

    print("## In process: read + check + normalise against the floor (CPU ms of the measured span)\n")
    print("| format | rows | floor CPU ms | ours CPU ms | ours ÷ floor (median of rounds, min–max) | "
          "floor wall ms | ours wall ms | ours wall ÷ floor wall |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for (size, fmt, tool), rows in sorted(by.items()):
        if tool != "ours":
            continue
        floors = {r["round"]: r for r in by[(size, fmt, "floor")]}
        ratios = [float(r["inner_cpu_ms"]) / max(1.0, float(floors[r["round"]]["inner_cpu_ms"]))
                  for r in rows if r["round"] in floors]
        wall_ratios = [float(r["inner_ms"]) / max(1.0, float(floors[r["round"]]["inner_ms"]))
                       for r in rows if r["round"] in floors]
        f_cpu = [float(r["inner_cpu_ms"]) for r in floors.values()]
        o_cpu = [float(r["inner_cpu_ms"]) for r in rows]
        f_wall = [float(r["inner_ms"]) for r in floors.values()]
        o_wall = [float(r["inner_ms"]) for r in rows]
        print(f"| {fmt} | {size:,} | {med(f_cpu):.0f} ({spread(f_cpu)}) | {med(o_cpu):.0f} ({spread(o_cpu)}) | "
              f"**{med(ratios):.2f}×** ({min(ratios):.2f}–{max(ratios):.2f}) | {med(f_wall):.0f} | {med(o_wall):.0f} | "
              f"{med(wall_ratios):.2f}× |")

    print("\n## Whole process: `pipeline validate` against pandas (wall and user + system CPU of each process)\n")
    print("| format | rows | validate wall ms | validate CPU ms | pandas wall ms | pandas CPU ms | "
          "pandas ÷ validate, wall (min–max) | pandas ÷ validate, CPU (min–max) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for (size, fmt, tool), rows in sorted(by.items()):
        if tool != "validate":
            continue
        pandas = {r["round"]: r for r in by[(size, fmt, "pandas")]}
        wall = [float(r["wall_ms"]) for r in rows]
        cpu = [float(r["cpu_ms"]) for r in rows]
        if pandas:
            w = [float(pandas[r["round"]]["wall_ms"]) / float(r["wall_ms"]) for r in rows if r["round"] in pandas]
            c = [float(pandas[r["round"]]["cpu_ms"]) / max(1.0, float(r["cpu_ms"])) for r in rows if r["round"] in pandas]
            pw = [float(p["wall_ms"]) for p in pandas.values()]
            pc = [float(p["cpu_ms"]) for p in pandas.values()]
            print(f"| {fmt} | {size:,} | {med(wall):.0f} ({spread(wall)}) | {med(cpu):.0f} ({spread(cpu)}) | "
                  f"{med(pw):.0f} | {med(pc):.0f} | **{med(w):.1f}×** ({min(w):.1f}–{max(w):.1f}) | "
                  f"{med(c):.1f}× ({min(c):.1f}–{max(c):.1f}) |")
        else:
            print(f"| {fmt} | {size:,} | {med(wall):.0f} ({spread(wall)}) | {med(cpu):.0f} ({spread(cpu)}) | — | — | — | — |")

    print("\n## Peak resident set (max over rounds, MB)\n")
    sizes = sorted({k[0] for k in by})
    print("| format | tool | " + " | ".join(f"{s:,}" for s in sizes) + " | growth " +
          (f"{sizes[-2]:,} → {sizes[-1]:,}" if len(sizes) > 1 else "") + " |")
    print("|---|---|" + "---:|" * (len(sizes) + 1))
    for fmt in sorted({k[1] for k in by}):
        for tool in ("floor", "ours", "validate"):
            peaks = [max((int(r["peak_kb"]) for r in by.get((s, fmt, tool), [])), default=0) / 1024 for s in sizes]
            if not any(peaks):
                continue
            growth = f"{peaks[-1] / peaks[-2]:.2f}×" if len(sizes) > 1 and peaks[-2] else "—"
            print(f"| {fmt} | {tool} | " + " | ".join(f"{p:.0f}" for p in peaks) + f" | {growth} |")


if __name__ == "__main__":
    main(sys.argv[1])
