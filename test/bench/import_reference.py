#!/usr/bin/env python3
"""pandas reference figures for the import benchmark (test/bench/import.bench.ts): pandas.read_csv
(C parser, default type inference) on the same generated CSV files, best of `reps` runs, and the
peak RSS of this process. Prints one JSON object.
Usage: import_reference.py FILE [FILE...] [--reps N]
"""

import json
import resource
import sys
import time

import pandas as pd


def timed_read(path, reps):
    best = None
    shape = None
    for _ in range(reps):
        t = time.perf_counter()
        frame = pd.read_csv(path)
        seconds = time.perf_counter() - t
        shape = frame.shape
        del frame
        best = seconds if best is None else min(best, seconds)
    return {"seconds": round(best, 3), "rows": int(shape[0]), "columns": int(shape[1]), "rowsPerSecond": round(shape[0] / best)}


def main():
    args = sys.argv[1:]
    reps = 2
    if "--reps" in args:
        i = args.index("--reps")
        reps = int(args[i + 1])
        del args[i : i + 2]
    if not args:
        print(json.dumps({"skipped": "give the CSV files to read (the bench passes the files it generates)"}))
        return
    files = {path: timed_read(path, reps) for path in args}
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(json.dumps({"pandas": pd.__version__, "reps": reps, "readCsv": files, "peakRssMiB": round(peak_mib)}))


if __name__ == "__main__":
    main()
