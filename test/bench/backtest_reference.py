"""Reference timings for the back-test bench (test/bench/backtest.bench.ts).

Same workloads as the TypeScript bench, on data generated here with numpy (same distributions, not
the same draws): sklearn roc_auc_score at 1M accounts (continuous and integer scores), and
LogisticRegression(lbfgs, C=1) at 100k x 20, alone and with 5-fold stratified cross-validation
(cross_val_score, scoring='roc_auc'). Prints one JSON object with median / p95 milliseconds.
Usage: backtest_reference.py [repeats]
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score


def timed(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    return {"medianMs": float(np.median(times)), "p95Ms": float(np.percentile(times, 95)), "runs": repeats}


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    rng = np.random.default_rng(7)
    n = 1_000_000
    score = np.clip(rng.normal(60, 20, n), 0, 100)
    y = (rng.random(n) < 1 / (1 + np.exp(score / 10 - 4))).astype(np.int8)
    rounded = np.round(score)

    m, p = 100_000, 20
    x = np.clip(np.round(rng.normal(55, 25, (m, p))), 0, 100)
    beta = np.array([0.005 if j % 5 == 4 else -0.01 * ((j % 4) + 1) / 4 for j in range(p)])
    yy = (rng.random(m) < 1 / (1 + np.exp(-(-1.5 + (x - 50) @ beta)))).astype(np.int8)

    def fit():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000).fit(x, yy)

    def fit_cv():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)
            cross_val_score(model, x, yy, cv=StratifiedKFold(5, shuffle=True, random_state=1), scoring="roc_auc")
            model.fit(x, yy)

    out = {
        "aucContinuous1M": timed(lambda: roc_auc_score(y, -score), repeats),
        "aucIntegers1M": timed(lambda: roc_auc_score(y, -rounded), repeats),
        "logisticFit100kx20": timed(fit, max(3, repeats // 2)),
        "logisticFitCv5_100kx20": timed(fit_cv, 3),
        "versions": {"sklearn": __import__("sklearn").__version__, "numpy": np.__version__},
    }
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
