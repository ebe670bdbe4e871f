#!/usr/bin/env python3
"""numpy reference figures for the engine benchmark (test/bench/engine.bench.ts): the same shape,
1M accounts x 20 metrics of float32 sub-scores, scored by S @ w (BLAS sgemv), then band counts and a
50-bin histogram; also the same product in the engine's float64 arithmetic, and how far float32
sums stray from it. Prints one JSON object. Usage: engine_reference.py [accounts] [metrics] [reps]
"""

import json
import sys
import time

import numpy as np


def timed(fn, reps):
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000.0)
    out.sort()
    return {"median": round(out[len(out) // 2], 2), "p95": round(out[min(len(out) - 1, int(0.95 * len(out)))], 2), "min": round(out[0], 2)}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rng = np.random.default_rng(7)
    S = np.clip(rng.normal(50, 20, size=(n, m)), 0, 100).astype(np.float32)
    w = (1 + np.arange(m) % 5).astype(np.float32)
    w /= w.sum()

    def matvec():
        return S @ w

    def score_bands_histogram():
        s = S @ w
        counts = [int(np.count_nonzero(s < 40)), int(np.count_nonzero((s >= 40) & (s < 70))), int(np.count_nonzero(s >= 70))]
        hist, _ = np.histogram(s, bins=50, range=(0.0, 100.0))
        return counts, hist

    w64 = w.astype(np.float64)

    def exact_matvec():
        # The engine's arithmetic on the same float32 matrix: float64 products and sums (numpy
        # upcasts S to float64 first). S @ w above sums in float32 (sgemv).
        return np.dot(S, w64)

    matvec()  # warm-up (BLAS thread start, page faults)
    float32_error = float(np.abs(matvec() - exact_matvec()).max())
    print(
        json.dumps(
            {
                "accounts": n,
                "metrics": m,
                "numpy": np.__version__,
                "matrixMB": round(S.nbytes / 2**20, 2),
                "matvecMs": timed(matvec, reps),
                "matvecBandsHistogramMs": timed(score_bands_histogram, reps),
                "exactMatvecMs": timed(exact_matvec, 5),
                "matvecMaxAbsErrorVsFloat64": float32_error,
            }
        )
    )


if __name__ == "__main__":
    main()
