"""genvm_calldata (this package) against genlayer-py 0.8.1, in one run.

Payloads as benches/src/lib.rs builds them: `records` (here 5,000 records of
seven fields) and the ~90-byte `contract_call`. Each round times every
operation back to back (in reverse order every other round) and takes each
ratio within its round, so the machine's drift moves both sides alike; the
table shows medians over the rounds. Python's cyclic garbage collector is
on, as in a program (`decode` pauses it while it builds); the rows marked
"collector off" time both sides with it off, as `timeit` does.
`marshal.loads` of the same records (addresses as bytes: marshal has no such
type) is there for scale.

Run by benches/python/run.sh (which installs both packages); `--write`
puts the table into BENCHMARKS.md.
"""

import abc
import collections.abc
import datetime
import gc as collector
import marshal
import pathlib
import platform
import statistics
import sys
import time

import genvm_calldata as gc

if not hasattr(collections.abc, "Buffer"):
    # As interop/test_peers.py: genlayer-py names collections.abc.Buffer
    # (Python 3.12) in annotations only.
    class Buffer(metaclass=abc.ABCMeta):
        """Stand-in for collections.abc.Buffer."""

    collections.abc.Buffer = Buffer

from genlayer_py.abi import calldata as peer  # noqa: E402
from genlayer_py.types import CalldataAddress  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "BENCHMARKS.md"
START = "<!-- python:begin -->\n"
END = "<!-- python:end -->\n"
RECORDS = 5_000
ROUNDS = 15
# Each timing repeats the operation until it has run this long.
MIN_TIME = 0.05


def record(i, address):
    return {
        "id": i,
        "name": f"user-{i % 100_000:05}",
        "owner": address(bytes([i % 251]) * 20),
        "active": i % 3 == 0,
        "balance": (2**128 - 1) // (i + 1),
        "tags": ["tag", -i - 1, None],
        "blob": bytes([i % 256]) * 32,
    }


def contract_call(address):
    return {"method": "transfer_with_memo",
            "args": [address(b"\xab" * 20), 1_000_000_000_000, "invoice 2026-11-24 #1234", True]}


def payloads():
    """name -> (our value, genlayer-py's value, bytes)."""
    out = {}
    for name, build in [("records", lambda address: [record(i, address) for i in range(RECORDS)]),
                        ("contract_call", contract_call)]:
        ours, theirs = build(gc.Address), build(CalldataAddress)
        data = gc.encode(ours)
        assert peer.encode(theirs) == data, name
        assert gc.decode(data) == ours
        out[name] = (ours, theirs, data)
    return out


def per_call(function, argument, collector_off=False):
    """Seconds per call, repeated for at least MIN_TIME."""
    if collector_off:
        collector.disable()
        try:
            return per_call(function, argument)
        finally:
            collector.enable()
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            function(argument)
        elapsed = time.perf_counter() - start
        if elapsed >= MIN_TIME:
            return elapsed / loops
        loops *= 2 if elapsed == 0 else max(2, int(MIN_TIME / elapsed * 1.2))


def measure():
    cases = []  # (payload, operation, ours, theirs or None, argument size)
    values = payloads()
    for name, (ours, theirs, data) in values.items():
        cases.append((name, "decode", (gc.decode, data), (peer.decode, data), len(data)))
        cases.append((name, "encode", (gc.encode, ours), (peer.encode, theirs), len(data)))
        cases.append((name, "validate", (gc.validate, data), None, len(data)))
    records, _, data = values["records"]
    plain = marshal.dumps([{**r, "owner": bytes(r["owner"])} for r in records])
    off = "collector off"
    cases += [
        ("records", f"decode, {off}", (gc.decode, data, True), (peer.decode, data, True), len(data)),
        ("records", f"marshal.loads, {off} (for scale)", (marshal.loads, plain, True), None, len(plain)),
        ("records", "marshal.loads (for scale)", (marshal.loads, plain), None, len(plain)),
    ]

    times = {case[:2]: ([], [], []) for case in cases}
    for round_ in range(ROUNDS):
        for case in cases if round_ % 2 == 0 else reversed(cases):
            ours_times, their_times, ratios = times[case[:2]]
            ours = per_call(*case[2])
            ours_times.append(ours)
            if case[3] is not None:
                theirs = per_call(*case[3])
                their_times.append(theirs)
                ratios.append(theirs / ours)
    rows = []
    for payload, operation, _, _, size in cases:
        ours_times, their_times, ratios = times[(payload, operation)]
        ours = statistics.median(ours_times)
        theirs = statistics.median(their_times) if their_times else None
        ratio = statistics.median(ratios) if ratios else None
        rows.append((payload, size, operation, ours, theirs, ratio))
    return rows


def duration(seconds):
    if seconds < 1e-5:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e6:,.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:,.2f} ms"


def machine():
    model = "unknown CPU"
    cpuinfo = pathlib.Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    cores = len([line for line in cpuinfo.read_text().splitlines() if line.startswith("processor")]) \
        if cpuinfo.exists() else "?"
    return (f"{model}, {cores} cores, Linux {platform.release()}, "
            f"CPython {platform.python_version()}")


def table(rows):
    lines = [f"Measured {datetime.date.today().isoformat()} on {machine()}; genlayer-py 0.8.1; "
             f"medians of {ROUNDS} interleaved rounds (`bash benches/python/run.sh`).", "",
             "| payload | size | operation | genvm_calldata | genlayer-py | × genlayer-py | MB/s |",
             "|---|---:|---|---:|---:|---:|---:|"]
    for payload, size, operation, ours, theirs, ratio in rows:
        lines.append(f"| {payload} | {size:,} B | {operation} | {duration(ours)} | "
                     f"{duration(theirs) if theirs else '—'} | {f'{ratio:.1f}×' if ratio else '—'} | "
                     f"{size / ours / 1e6:,.0f} |")
    return "\n".join(lines) + "\n"


def main():
    text = table(measure())
    sys.stdout.write(text)
    if "--write" in sys.argv:
        document = BENCHMARKS.read_text()
        start = document.index(START) + len(START)
        BENCHMARKS.write_text(document[:start] + text + document[document.index(END):])


if __name__ == "__main__":
    main()
