"""Shared I/O of the back-test reference scripts.

A test writes a manifest JSON {"cases": [{"name", "params", "arrays": {name: {"file", "dtype", "shape"?}}}]}
next to raw little-endian binary files (float64, uint8, uint16 columns). Each script prints one JSON
object {case name: result} to stdout, with NaN written as null.
"""
import json
import math
import os
import sys

import numpy as np


def load_cases(path):
    with open(path) as fh:
        manifest = json.load(fh)
    base = os.path.dirname(os.path.abspath(path))
    for case in manifest["cases"]:
        arrays = {}
        for name, spec in case["arrays"].items():
            a = np.fromfile(os.path.join(base, spec["file"]), dtype=spec["dtype"])
            if "shape" in spec:
                a = a.reshape(spec["shape"])
            arrays[name] = a
        yield case["name"], case.get("params", {}), arrays


def clean(value):
    """numpy scalars and arrays to JSON-ready Python values; NaN and ±inf to None."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return [clean(v) for v in value.tolist()]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        f = float(value)
        return f if math.isfinite(f) else None
    return value


def emit(results):
    json.dump(clean(results), sys.stdout, allow_nan=False)
    sys.stdout.write("\n")
