"""Logistic regression reference.

Unconstrained: sklearn LogisticRegression(penalty='l2', C=C, fit_intercept=True, solver='lbfgs',
tol=1e-12) on the sub-scores with missing values filled by the column mean (np.nanmean). sklearn's
lbfgs also stops on a relative objective decrease of 64 * machine epsilon, which on unscaled 0-100
sub-scores leaves the coefficients ~1e-4 from the optimum; warm-started refits continue from the
previous solution until the coefficients stop moving (relative change < 1e-10, at most 200 refits).
A second, tightly converged reference of the same objective C * sum(logloss) + 0.5 * ||w||^2 is
scipy L-BFGS-B in standardised variables (the penalty carried over exactly), mapped back to the
original scale; with bounds w <= 0 it is the reference for the non-negative health fit.
"""
import warnings

import sys

import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

from refio import emit, load_cases


def filled(x):
    x = x.copy()
    mean = np.nanmean(x, axis=0)
    rows, cols = np.where(np.isnan(x))
    x[rows, cols] = mean[cols]
    return x


def sklearn_lbfgs(x, y, C):
    model = LogisticRegression(penalty="l2", C=C, fit_intercept=True, solver="lbfgs", tol=1e-12,
                               max_iter=100000, warm_start=True)
    prev = None
    for refit in range(200):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(x, y)
        cur = np.concatenate([model.coef_[0], model.intercept_])
        if prev is not None and np.max(np.abs(cur - prev) / np.maximum(np.abs(cur), 1e-300)) < 1e-10:
            break
        prev = cur
    return model.coef_[0], model.intercept_[0], refit + 1


def scipy_fit(x, y, C, bounded):
    mu = x.mean(axis=0)
    sd = x.std(axis=0)
    sd[sd == 0] = 1.0
    z = (x - mu) / sd
    lam = 1.0 / sd ** 2
    p = x.shape[1]

    def f(theta):
        b, v = theta[0], theta[1:]
        eta = b + z @ v
        loss = np.sum(np.logaddexp(0.0, eta) - y * eta)
        pr = 1.0 / (1.0 + np.exp(-eta))
        r = C * (pr - y)
        grad = np.concatenate([[r.sum()], z.T @ r + lam * v])
        return C * loss + 0.5 * np.sum(lam * v * v), grad

    res = minimize(f, np.zeros(p + 1), jac=True, method="L-BFGS-B",
                   bounds=[(None, None)] + [(None, 0.0 if bounded else None)] * p,
                   options={"maxiter": 100000, "ftol": 1e-16, "gtol": 1e-11, "maxcor": 50})
    w = res.x[1:] / sd
    return w, res.x[0] - np.dot(w, mu)


def main(path):
    out = {}
    for name, params, a in load_cases(path):
        x = filled(a["x"].astype(np.float64))
        y = a["y"].astype(np.float64)
        fits = []
        for C in params["C"]:
            coef, intercept, refits = sklearn_lbfgs(x, y, C)
            sw, sb = scipy_fit(x, y, C, False)
            w, b = scipy_fit(x, y, C, True)
            fits.append({"C": C, "coef": coef, "intercept": intercept, "refits": refits,
                         "scipyCoef": sw, "scipyIntercept": sb,
                         "constrainedCoef": w, "constrainedIntercept": b})
        out[name] = fits
    emit(out)


if __name__ == "__main__":
    main(sys.argv[1])
