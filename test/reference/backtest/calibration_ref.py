"""Calibration reference with pandas: churn rate per fixed-width score decile.

Decile k holds [10k, 10k + 10), the last [90, 100]; outside [0, 100] falls into the end deciles:
pd.cut with edges (-inf, 10, 20, ..., 90, inf), right=False. Population: labelled (y 0 or 1) with a
finite score. Overall and per segment.
"""
import sys

import numpy as np
import pandas as pd

from refio import emit, load_cases

EDGES = [-np.inf] + [10.0 * k for k in range(1, 10)] + [np.inf]


def bins(df):
    g = df.groupby("decile")
    accounts = g.size().reindex(range(10), fill_value=0).astype(float)
    churned = g["churned"].sum().reindex(range(10), fill_value=0).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = churned / accounts
    return [{"accounts": accounts[d], "churned": churned[d], "churnRate": rate[d]} for d in range(10)]


def main(path):
    out = {}
    for name, params, a in load_cases(path):
        df = pd.DataFrame({"score": a["score"], "segment": a["segment"].astype(np.int64), "y": a["y"]})
        df = df[(df["y"] != 255) & np.isfinite(df["score"])].copy()
        df["churned"] = (df["y"] == 1).astype(np.int64)
        df["decile"] = pd.cut(df["score"], bins=EDGES, right=False, labels=False)
        out[name] = {
            "overall": bins(df),
            "segments": [bins(df[df["segment"] == k]) for k in range(int(params["segments"]))],
        }
    emit(out)


if __name__ == "__main__":
    main(sys.argv[1])
