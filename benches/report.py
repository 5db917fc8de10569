#!/usr/bin/env python3
"""Writes criterion's latest results into BENCHMARKS.md.

Reads every target/criterion/**/new/{benchmark,estimates}.json, turns mean
times into MB/s (10^6 bytes per second of the payload's calldata size) and a
ratio against the reference crate's number for the same payload and
operation (`reference/<op>`, or `reference/decode` for views and validation),
and replaces the text between the results markers of BENCHMARKS.md.
"""
import datetime
import json
import os
import pathlib
import platform
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRITERION = ROOT / "target" / "criterion"
REPORT = ROOT / "BENCHMARKS.md"
PLOT = ROOT / "BENCHMARKS.png"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
# Tables that benches write themselves (the interleaved serde ratios, the
# big-integer text curve), each with the markers it goes between.
SECTIONS = [
    (ROOT / "target" / "serde_ratios.md", "<!-- ratios:begin -->", "<!-- ratios:end -->"),
    (ROOT / "target" / "big_int_text.md", "<!-- big-int-text:begin -->", "<!-- big-int-text:end -->"),
]


def load():
    results = {}
    for meta_path in CRITERION.glob("**/new/benchmark.json"):
        meta = json.loads(meta_path.read_text())
        estimates = json.loads((meta_path.parent / "estimates.json").read_text())
        throughput = meta.get("throughput") or {}
        seconds = estimates["mean"]["point_estimate"] / 1e9
        if "Bytes" in throughput:
            size = throughput["Bytes"]
            results[(meta["group_id"], meta["function_id"])] = (f"{size:,} B", size / seconds / 1e6, "MB/s")
        elif "Elements" in throughput:
            count = throughput["Elements"]
            results[(meta["group_id"], meta["function_id"])] = (f"{count:,} lines", count / seconds, "lines/s")
    return results


def baseline(results, group, function):
    op = function.split("/", 1)[1]
    for candidate in (f"reference/{op}", "reference/round_trip", "reference/decode"):
        if (group, candidate) in results:
            return results[(group, candidate)][1]
    return None


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, {rustc}"


def table(results):
    groups = sorted({g for g, _ in results}, key=lambda g: min(k for k in results if k[0] == g))
    lines = ["| payload | size | implementation / operation | throughput | × reference |", "|---|---:|---|---:|---:|"]
    for group in sorted(groups):
        functions = sorted(f for g, f in results if g == group)
        for function in functions:
            size, rate, unit = results[(group, function)]
            base = baseline(results, group, function)
            ratio = "—" if base is None or function.startswith("reference/") else f"{rate / base:.1f}×"
            lines.append(f"| {group} | {size} | {function} | {rate:,.1f} {unit} | {ratio} |")
    return "\n".join(lines)


def plot(results):
    """One horizontal bar a result, grouped by payload, log-scale MB/s."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = sorted((g, f, rate) for (g, f), (_, rate, unit) in results.items() if unit == "MB/s")
    colours = {"ours": "#2a7ab0", "reference": "#c0392b"}
    fig, ax = plt.subplots(figsize=(10, 0.28 * len(rows) + 1.5))
    labels = [f"{group}: {function}" for group, function, _ in rows]
    bars = [rate for _, _, rate in rows]
    ax.barh(range(len(rows)), bars, color=[colours.get(f.split("/")[0], "#7f8c8d") for _, f, _ in rows])
    ax.set_yticks(range(len(rows)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("MB/s of calldata (log scale); blue: ours, red: genlayer_calldata 0.0.2, grey: other formats")
    ax.set_title(f"genvm-calldata throughput, {datetime.date.today().isoformat()}")
    fig.tight_layout()
    fig.savefig(PLOT, dpi=110)


def replace_between(text, begin, end, body):
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    return f"{head}{begin}\n{body}\n{end}{tail}"


def main():
    results = load()
    if not results:
        sys.exit("no criterion results under target/criterion: run `cargo bench -p genvm-calldata-benches` first")
    today = datetime.date.today().isoformat()
    text = REPORT.read_text() if REPORT.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    text = replace_between(text, BEGIN, END, f"Measured {today} on {machine()}.\n\n{table(results)}")
    for path, begin, end in SECTIONS:
        if path.exists() and begin in text:
            text = replace_between(text, begin, end, f"Measured {today}.\n\n{path.read_text().strip()}")
    REPORT.write_text(text)
    plot(results)
    print(f"wrote {len(results)} results to {REPORT.relative_to(ROOT)} and {PLOT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
