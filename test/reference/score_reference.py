#!/usr/bin/env python3
"""Independent reference implementation of the scoring contract (DESIGN.md, "Domain model and
scoring semantics", made precise in docs/scorecard-format.md), written with pandas/numpy straight
from the documentation. The TypeScript engine is checked against it account by account.

    score_reference.py --scorecard sc.json --data data.csv --spec spec.json --out scores.csv
                       [--precision float64|float32]

spec.json: {"key": column, "snapshotDate": "YYYY-MM-DD", "metrics": [columns], "attributes":
[columns], "kinds": {column: "number"|"boolean"|"date"|"text"}, "present": column (optional,
"0"/"1")}. The scorecard must be a valid, complete file (defaults written out) as the app writes
it. Output CSV: key, score, band, coverage, computed_score, overridden (floats as repr).
"""

import argparse
import json
import math

import numpy as np
import pandas as pd

from reference_cells import TOL, Data, bool_of, condition_mask, day_of, segments_of, text_of

# ---------- sub-scores ----------


def linear(x, lo, hi):
    if not hi > lo:
        return np.where(np.isnan(x), np.nan, np.where(x > lo, 100.0, np.where(x < lo, 0.0, 50.0)))
    return np.clip((x - lo) / (hi - lo), 0.0, 1.0) * 100.0


def bands(x, method):
    out = np.full(len(x), float(method["otherwise"]))
    done = np.zeros(len(x), dtype=bool)
    for b in method["bands"]:
        hit = ~done & (x >= b["min"])
        out[hit] = b["score"]
        done |= hit
    return np.where(np.isnan(x), np.nan, out)


def score_numbers(x, method, present):
    if method["type"] == "bands":
        return bands(x, method)
    lo, hi = method.get("lo"), method.get("hi")
    if lo is None or hi is None:
        pool = x[present & ~np.isnan(x)]
        p5, p95 = np.percentile(pool, [5, 95]) if len(pool) else (math.nan, math.nan)
        lo = p5 if lo is None else lo
        hi = p95 if hi is None else hi
    return linear(x, lo, hi)


def sub_scores(metric, data, seg, precision):
    series, kind = data.column(metric["source"], "metrics")
    method = metric["method"]
    t = method["type"]
    present = data.present
    if t in ("linear", "bands"):
        s = score_numbers(data.numbers(series, kind), method, present)
    elif t == "daysSince":
        s = score_numbers(data.snapshot - data.numbers(series, kind, as_date=True), method["scoring"], present)
    elif t == "percentile":
        x = pd.Series(data.numbers(series, kind))
        x[~present] = np.nan
        scope = pd.Series(seg if method["scope"] == "segment" else np.zeros(data.n, dtype=int))
        rank = x.groupby(scope).rank(method="average")
        count = x.groupby(scope).transform("count")
        s = (100.0 * (rank - 0.5) / count).to_numpy(dtype=float)
    elif t == "boolean":
        if kind in ("text", "boolean"):
            b = series.map(bool_of).to_numpy(dtype=float)
        else:  # a number column: exactly 1 or 0
            x = data.numbers(series, kind)
            b = np.where((x == 0) | (x == 1), x, np.nan)
        s = b * 100.0
    elif t == "category":
        s = series.map(lambda c: method["map"].get(text_of(c), math.nan) if text_of(c) is not None else math.nan).to_numpy(dtype=float)
    else:
        raise ValueError(t)
    if metric["direction"] == "lowerIsBetter":
        s = 100.0 - s
    s = np.where(present, s, np.nan)
    if precision == "float32":
        s = s.astype(np.float32).astype(np.float64)
    return s


# ---------- weighting ----------


def weight_value(w):
    return float(w) if isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 else 0.0


def score_all(sc, data, precision):
    segs, seg = segments_of(sc, data)
    metrics = sc["metrics"]
    S = np.column_stack([sub_scores(m, data, seg, precision) for m in metrics])
    policy = [m.get("missing") or sc["missingPolicy"] for m in metrics]
    score = np.full(data.n, np.nan)
    coverage = np.zeros(data.n)
    for k, segdef in enumerate(segs):
        rows = np.where((seg == k) & data.present)[0]
        if len(rows) == 0:
            continue
        mw = [weight_value(segdef["weights"].get(m["id"], m["weight"])) for m in metrics]
        units = []
        for g in sc["groups"]:
            members = [j for j, m in enumerate(metrics) if m.get("group") == g["id"]]
            if members:
                units.append((weight_value(segdef["groupWeights"].get(g["id"], g["weight"])), members))
        units += [(mw[j], [j]) for j, m in enumerate(metrics) if m.get("group") is None]
        live = [(W, mem) for W, mem in units if W > 0 and sum(mw[j] for j in mem) > 0]
        total = sum(W for W, _ in live)
        V = S[rows]
        num = np.zeros(len(rows))
        den = np.zeros(len(rows))
        cov = np.zeros(len(rows))
        for W, mem in live:
            T = sum(mw[j] for j in mem)
            gn = np.zeros(len(rows))
            gd = np.zeros(len(rows))
            for j in mem:
                if mw[j] == 0:
                    continue
                v = V[:, j]
                ok = ~np.isnan(v)
                cov += np.where(ok, (W / total) * (mw[j] / T), 0.0)
                used = v if policy[j] == "redistribute" else np.where(ok, v, 0.0 if policy[j] == "zero" else 50.0)
                counted = ~np.isnan(used)
                gn += np.where(counted, mw[j] * np.nan_to_num(used), 0.0)
                gd += np.where(counted, mw[j], 0.0)
            has = gd > 0
            num += np.where(has, W * gn / np.where(has, gd, 1.0), 0.0)
            den += np.where(has, W, 0.0)
        raw = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
        raw[cov < sc["minCoverage"] - TOL] = np.nan
        score[rows] = raw
        coverage[rows] = cov
    for a in sc["adjustments"]:
        score = np.where(condition_mask(a["when"], data), score + a["points"], score)
    score = np.clip(score, 0.0, 100.0)
    return segs, seg, score, coverage


def band_of(s, t):
    if math.isnan(s):
        return "unscored"
    return "red" if s < t["red"] - TOL else "yellow" if s < t["green"] - TOL else "green"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorecard", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--spec", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--precision", default="float64", choices=["float64", "float32"])
    args = ap.parse_args()
    with open(args.scorecard, encoding="utf-8") as f:
        sc = json.load(f)
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    frame = pd.read_csv(args.data, dtype=str, keep_default_na=False)
    data = Data(frame, spec)
    segs, seg, score, coverage = score_all(sc, data, args.precision)
    computed = score.copy()
    overrides = {o["accountKey"]: o for o in sc["overrides"]}
    rows = []
    for i in range(data.n):
        t = {**sc["thresholds"], **(segs[seg[i]].get("thresholds") or {})}
        key = data.keys[i]
        if not data.present[i]:
            rows.append((key, math.nan, "absent", 0.0, math.nan, 0))
            continue
        s, band, flag = score[i], band_of(score[i], t), 0
        o = overrides.get(key)
        if o and data.snapshot <= day_of(o["expires"]):
            flag = 1
            if "score" in o:
                s = float(o["score"])
                band = band_of(s, t)
            else:
                band = o["band"]
        rows.append((key, s, band, coverage[i], computed[i], flag))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("key,score,band,coverage,computed_score,overridden\n")
        for key, s, band, cov, comp, flag in rows:
            f.write(f"{key},{repr(float(s))},{band},{repr(float(cov))},{repr(float(comp))},{flag}\n")


if __name__ == "__main__":
    main()
