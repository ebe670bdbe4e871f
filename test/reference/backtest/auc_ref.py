"""AUC reference: sklearn.metrics.roc_auc_score(y, -score), optionally weighted, overall and per segment.

Accounts enter when y is 0 or 1 (255 = excluded) and the score is finite. A single class -> null.
"""
import sys

import numpy as np
from sklearn.metrics import roc_auc_score

from refio import emit, load_cases


def auc(y, score, weight):
    if len(np.unique(y)) < 2:
        return None
    return roc_auc_score(y, -score, sample_weight=weight)


def main(path):
    out = {}
    for name, _params, a in load_cases(path):
        y, score = a["y"], a["score"]
        weight = a.get("weight")
        mask = (y != 255) & np.isfinite(score)
        result = {"auc": auc(y[mask], score[mask], None if weight is None else weight[mask])}
        if "segment" in a:
            seg = a["segment"]
            result["segments"] = [
                auc(y[mask & (seg == k)], score[mask & (seg == k)], None) for k in range(int(_params["segments"]))
            ]
        out[name] = result
    emit(out)


if __name__ == "__main__":
    main(sys.argv[1])
