"""Band table reference with pandas groupby (the definitions of shared/backtest/bandTable.ts).

Population: labelled accounts (y 0 or 1). Rows red 0, yellow 1, green 2, unscored 3 (band codes
above 3 count as unscored). Overall rate = churned / accounts over all rows; lift = rate / overall;
recall = churned / all churned; ARR sums skip unknown ARR (NaN). Per segment: the same table on the
segment's accounts alone. Totals: groupby on a constant key (sum over all rows in account order).
"""
import sys

import numpy as np
import pandas as pd

from refio import emit, load_cases

BANDS = ["red", "yellow", "green", "unscored"]


def table(df):
    g = df.groupby("band")
    accounts = g.size().reindex(range(4), fill_value=0).astype(float)
    churned = g["churned"].sum().reindex(range(4), fill_value=0).astype(float)
    arr = g["arr"].sum().reindex(range(4), fill_value=0.0)
    churned_arr = df.assign(arr=df["arr"].where(df["churned"] == 1)).groupby("band")["arr"].sum().reindex(range(4), fill_value=0.0)
    n_all = accounts.sum()
    c_all = churned.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        overall = np.float64(c_all) / np.float64(n_all)
        rate = churned / accounts
        rows = []
        for b in range(4):
            rows.append({
                "band": BANDS[b],
                "accounts": accounts[b],
                "churned": churned[b],
                "churnRate": rate[b],
                "lift": np.float64(rate[b]) / overall,
                "recall": np.float64(churned[b]) / np.float64(c_all),
                "arr": arr[b],
                "churnedArr": churned_arr[b],
            })
    key = np.zeros(len(df), dtype=np.int64)
    total_arr = df.groupby(key)["arr"].sum()
    total_churned_arr = df.assign(arr=df["arr"].where(df["churned"] == 1)).groupby(key)["arr"].sum()
    total = {
        "accounts": n_all,
        "churned": c_all,
        "churnRate": overall,
        "arr": float(total_arr.iloc[0]) if len(total_arr) else 0.0,
        "churnedArr": float(total_churned_arr.iloc[0]) if len(total_churned_arr) else 0.0,
    }
    return {"rows": rows, "total": total}


def main(path):
    out = {}
    for name, params, a in load_cases(path):
        df = pd.DataFrame({
            "band": np.minimum(a["band"].astype(np.int64), 3),
            "segment": a["segment"].astype(np.int64),
            "arr": a["arr"],
            "y": a["y"],
        })
        df = df[df["y"] != 255].copy()
        df["churned"] = (df["y"] == 1).astype(np.int64)
        segments = [table(df[df["segment"] == k]) for k in range(int(params["segments"]))]
        out[name] = {"overall": table(df), "segments": segments}
    emit(out)


if __name__ == "__main__":
    main(sys.argv[1])
