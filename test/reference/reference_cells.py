"""Cells, columns and conditions for score_reference.py: how the contract reads a spreadsheet cell
(missing tokens, strict numbers, booleans, ISO dates) and evaluates segment rules and adjustment
conditions. Written from docs/scorecard-format.md, independently of the TypeScript engine."""

import datetime as dt
import math
import re

import numpy as np

MISSING = {"", "n/a", "na", "#n/a", "null", "nan", "-"}
TRUE = {"true", "yes", "y", "1", "t"}
FALSE = {"false", "no", "n", "0", "f"}
DECIMAL = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
EPOCH = dt.date(1970, 1, 1)
TOL = 1e-9


def text_of(cell):
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return None
    t = str(cell).strip()
    return None if t.lower() in MISSING else t


def number_of(cell):
    t = text_of(cell)
    if t is None or not DECIMAL.match(t):
        return math.nan
    x = float(t)
    return x if math.isfinite(x) else math.nan


def bool_of(cell):
    t = text_of(cell)
    if t is None:
        return math.nan
    t = t.lower()
    return 1.0 if t in TRUE else 0.0 if t in FALSE else math.nan


def day_of(cell):
    t = text_of(cell)
    m = ISO.match(t) if t is not None else None
    if not m:
        return math.nan
    try:
        return float((dt.date(int(m[1]), int(m[2]), int(m[3])) - EPOCH).days)
    except ValueError:
        return math.nan


class Data:
    def __init__(self, frame, spec):
        self.frame = frame
        self.spec = spec
        self.kinds = spec.get("kinds", {})
        self.n = len(frame)
        self.keys = frame[spec["key"]].tolist()
        self.snapshot = day_of(spec["snapshotDate"])
        pc = spec.get("present")
        self.present = (frame[pc].map(number_of) == 1).to_numpy() if pc else np.ones(self.n, dtype=bool)

    def column(self, name, prefer):
        order = [self.spec["metrics"], self.spec["attributes"]]
        if prefer == "attributes":
            order.reverse()
        for names in order:
            if name in names:
                return self.frame[name], self.kinds.get(name, "text")
        raise KeyError(f"no column named {name!r}")

    def numbers(self, series, kind, as_date=False):
        """Numbers (dates as days, booleans as 1/0) the way a typed column or a text column reads."""
        if kind == "boolean":
            return series.map(bool_of).to_numpy(dtype=float)
        if as_date or kind == "date":
            return series.map(day_of).to_numpy(dtype=float)
        return series.map(number_of).to_numpy(dtype=float)


# ---------- segments and conditions ----------


def condition_mask(cond, data):
    series, kind = data.column(cond["attribute"], "attributes")
    op = cond["operator"]
    if op in ("isTrue", "isFalse"):
        want = 1.0 if op == "isTrue" else 0.0
        if kind == "text":
            b = series.map(bool_of).to_numpy(dtype=float)
        else:
            x = data.numbers(series, kind)
            b = np.where(np.isnan(x), np.nan, (x != 0).astype(float))
        return b == want
    values = cond["value"] if isinstance(cond["value"], list) else [cond["value"]]
    if kind == "text" and all(isinstance(v, str) for v in values) and op in ("eq", "neq", "in", "notIn"):
        t = series.map(text_of)
        hit = t.isin([v.strip() for v in values]).to_numpy()
        ok = t.notna().to_numpy()
        return ok & (~hit if op in ("neq", "notIn") else hit)
    sample = values[0]
    if isinstance(sample, bool):
        cells = series.map(bool_of).to_numpy(dtype=float) if kind == "text" else data.numbers(series, kind)
    else:
        as_date = isinstance(sample, str) and not math.isnan(day_of(sample))
        cells = data.numbers(series, kind, as_date)

    def target(v):
        if isinstance(v, bool):
            return 1.0 if v else 0.0
        if isinstance(v, (int, float)):
            return float(v)
        d = day_of(v)
        return d if kind == "date" or not math.isnan(d) else number_of(v)

    targets = [target(v) for v in values]
    ok = ~np.isnan(cells)
    t = targets[0]
    if op == "eq":
        return cells == t
    if op == "neq":
        return ok & (cells != t)
    if op == "in":
        return np.isin(cells, targets)
    if op == "notIn":
        return ok & ~np.isin(cells, targets)
    return {"gte": cells >= t, "gt": cells > t, "lte": cells <= t, "lt": cells < t}[op]


def segments_of(sc, data):
    segs = sc["segments"] + [sc["defaultSegment"]]
    seg = np.full(data.n, len(segs) - 1)
    assigned = np.zeros(data.n, dtype=bool)
    for k, s in enumerate(sc["segments"]):
        m = np.ones(data.n, dtype=bool)
        for c in s["when"]:
            m &= condition_mask(c, data)
        m &= ~assigned
        seg[m] = k
        assigned |= m
    return segs, seg
