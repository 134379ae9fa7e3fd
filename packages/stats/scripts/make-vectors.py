#!/usr/bin/env python3
"""Writes the reference vectors that packages/stats tests compare against.

Run from the repository root with the `python3` on PATH (SciPy 1.17, numpy):

    python3 packages/stats/scripts/make-vectors.py

Each file test/vectors/<topic>.vectors.json holds {"generator": ..., "cases": [...]}. Where
SciPy has the function, the expected value is SciPy's. Where it does not (Newcombe's interval,
Holm, power, ROC/PR curves, agreement coefficients, the Rogan-Gladen estimator) the formula is
written out here in numpy from the cited paper, independently of the TypeScript code, and the
tests also check published worked examples.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats
from scipy.stats import contingency

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "vectors")
RNG = np.random.default_rng(20261126)


def clean(value):
    """JSON-safe: numpy scalars to Python, inf/nan to strings the tests decode."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return [clean(v) for v in value.tolist()]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    return value


def write(name, cases):
    payload = {
        "generator": f"scripts/make-vectors.py (scipy {scipy.__version__}, numpy {np.__version__})",
        "cases": clean(cases),
    }
    path = os.path.join(OUT, f"{name}.vectors.json")
    with open(path, "w") as handle:
        json.dump(payload, handle, indent=1)
        handle.write("\n")
    print(f"{name}: {len(cases)} cases", file=sys.stderr)


# ---------------------------------------------------------------- special functions
def special_functions():
    cases = []
    for x in [1e-8, 0.1, 0.5, 0.9, 1.5, 2.5, 3.7, 7.25, 10.0, 14.99, 15.0, 33.3, 120.5, 1e3, 1e5, 1e7, -0.5, -2.5]:
        cases.append({"function": "logGamma", "args": [x], "expected": special.gammaln(x)})
    for a, b, x in [(0.5, 0.5, 0.3), (2, 3, 0.4), (10, 20, 0.2), (10, 20, 0.5), (0.1, 5, 0.01), (100, 100, 0.47),
                    (1000, 20, 0.99), (5, 0.5, 0.9999), (3, 1000, 1e-4), (40.5, 0.5, 0.93), (1e4, 1e4, 0.505),
                    (1, 1, 0.25), (7, 2, 0.999999)]:
        cases.append({"function": "regularizedBeta", "args": [x, a, b], "expected": special.betainc(a, b, x)})
    for a, x in [(0.5, 0.01), (0.5, 2.0), (0.5, 450.0), (1, 1), (3, 2.5), (10, 30), (10, 3), (100, 90), (100, 140),
                 (1e4, 1.01e4), (2.5, 1e-5), (50, 1.0)]:
        cases.append({"function": "regularizedGammaLower", "args": [a, x], "expected": special.gammainc(a, x)})
        cases.append({"function": "regularizedGammaUpper", "args": [a, x], "expected": special.gammaincc(a, x)})
    for x in [-38.0, -30.0, -12.5, -5.0, -1.96, -0.3, 0.0, 0.7, 1.6448536269514722, 3.0, 8.0]:
        cases.append({"function": "normalCdf", "args": [x], "expected": special.ndtr(x)})
    for p in [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.02425, 0.025, 0.05, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10]:
        cases.append({"function": "normalQuantile", "args": [p], "expected": special.ndtri(p)})
    for x, k in [(0.5, 1), (3.84, 1), (100, 3), (1e-3, 5), (30, 10), (250, 40), (2000, 1000), (12.2, 2)]:
        cases.append({"function": "chiSquareSurvival", "args": [x, k], "expected": stats.chi2.sf(x, k)})
        cases.append({"function": "chiSquareCdf", "args": [x, k], "expected": stats.chi2.cdf(x, k)})
    for t, df in [(-3.2, 4), (0.5, 1), (2.1, 10), (-40, 3), (1.3, 250), (8, 2.5)]:
        cases.append({"function": "studentTCdf", "args": [t, df], "expected": stats.t.cdf(t, df)})
    for p, a, b in [(0.025, 1, 30), (0.975, 5, 96), (0.5, 0.5, 0.5), (1e-6, 3, 7), (0.999, 200, 10), (0.025, 1, 1e6)]:
        cases.append({"function": "inverseRegularizedBeta", "args": [p, a, b], "expected": special.betaincinv(a, b, p)})
    for k, n, p in [(3, 10, 0.5), (0, 50, 0.01), (45, 100, 0.3), (999, 1000, 0.999), (20, 1e5, 1e-4)]:
        cases.append({"function": "binomialCdf", "args": [k, n, p], "expected": stats.binom.cdf(k, n, p)})
        cases.append({"function": "binomialSurvival", "args": [k, n, p], "expected": stats.binom.sf(k, n, p)})
    for k, population, successes, draws in [(3, 20, 7, 12), (0, 50, 5, 10), (40, 1000, 100, 300), (250, 2000, 500, 1000),
                                            (1, 10000, 10, 50)]:
        cases.append({"function": "hypergeometricLogPmf", "args": [k, population, successes, draws],
                      "expected": stats.hypergeom.logpmf(k, population, successes, draws)})
    for n, x in [(5, 0.3), (5, 0.15), (10, 0.08), (10, 0.2), (10, 0.45), (10, 0.6), (10, 0.95), (50, 0.05),
                 (50, 0.12), (50, 0.25), (100, 0.03), (100, 0.09), (100, 0.2), (140, 0.3), (141, 0.05), (300, 0.04),
                 (300, 0.1), (1000, 0.01), (1000, 0.03), (1000, 0.06), (5000, 0.015), (20000, 0.004), (200000, 0.002),
                 (200000, 0.004)]:
        cases.append({"function": "kolmogorovSurvival", "args": [n, x], "expected": stats.kstwo.sf(x, n)})
        cases.append({"function": "kolmogorovCdf", "args": [n, x], "expected": stats.kstwo.cdf(x, n)})
    for n, x in [(5, 0.3), (20, 0.1), (100, 0.05), (1000, 0.02), (10, 0.7)]:
        cases.append({"function": "smirnovSurvival", "args": [n, x], "expected": special.smirnov(n, x)})
    write("special", cases)


# ---------------------------------------------------------------- rates
def wilson(k, n, level, correction):
    r = stats.binomtest(k, n).proportion_ci(confidence_level=level, method="wilsoncc" if correction else "wilson")
    return float(r.low), float(r.high)


def rates():
    cases = []
    samples = [(0, 10), (1, 10), (5, 10), (10, 10), (3, 250), (1, 1000), (999, 1000), (57, 93), (4, 2000), (150, 300)]
    for k, n in samples:
        for level in [0.95, 0.9, 0.99]:
            for correction in [False, True]:
                lo, hi = wilson(k, n, level, correction)
                cases.append({"kind": "wilson", "successes": k, "trials": n, "level": level,
                              "continuityCorrection": correction, "lower": lo, "upper": hi})
            alpha = (1 - level) / 2
            lo = 0.0 if k == 0 else stats.beta.ppf(alpha, k, n - k + 1)
            hi = 1.0 if k == n else stats.beta.ppf(1 - alpha, k + 1, n - k)
            cases.append({"kind": "clopper-pearson", "successes": k, "trials": n, "level": level, "lower": lo, "upper": hi})
    # Newcombe (1998) method 10/11: built from SciPy's Wilson intervals, formula from the paper.
    pairs = [((56, 70), (48, 80)), ((9, 10), (3, 10)), ((6, 7), (2, 7)), ((5, 56), (0, 29)), ((0, 10), (0, 20)),
             ((0, 10), (0, 10)), ((10, 10), (0, 20)), ((3, 400), (12, 410)), ((120, 1000), (80, 1000))]
    for (k1, n1), (k2, n2) in pairs:
        for correction in [False, True]:
            p1, p2 = k1 / n1, k2 / n2
            l1, u1 = wilson(k1, n1, 0.95, correction)
            l2, u2 = wilson(k2, n2, 0.95, correction)
            d = p1 - p2
            cases.append({"kind": "newcombe", "first": [k1, n1], "second": [k2, n2], "continuityCorrection": correction,
                          "lower": d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
                          "upper": d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)})
    for (k1, n1), (k2, n2) in pairs + [((30, 100), (10, 100)), ((2, 5000), (9, 5000))]:
        p = (k1 + k2) / (n1 + n2)
        var = p * (1 - p) * (1 / n1 + 1 / n2)
        if var == 0:
            continue
        z = (k1 / n1 - k2 / n2) / math.sqrt(var)
        table = np.array([[k1, n1 - k1], [k2, n2 - k2]])
        chi2 = contingency.chi2_contingency(table, correction=False).statistic
        assert abs(z * z - chi2) <= 1e-9 * max(1, chi2), (z, chi2)
        for alternative, pv in [("two-sided", 2 * stats.norm.sf(abs(z))), ("greater", stats.norm.sf(z)),
                                ("less", stats.norm.cdf(z))]:
            cases.append({"kind": "z-test", "first": [k1, n1], "second": [k2, n2], "alternative": alternative,
                          "statistic": z, "pValue": min(1.0, pv)})
    tables = [[[8, 2], [1, 5]], [[3, 1], [1, 3]], [[0, 5], [5, 0]], [[10, 0], [0, 10]], [[1, 9], [11, 3]],
              [[12, 5], [4, 18]], [[2, 7], [8, 2]], [[20, 380], [6, 394]], [[100, 900], [120, 880]],
              [[0, 50], [0, 30]], [[5, 0], [3, 0]], [[4, 4], [4, 4]], [[1, 1000], [10, 990]], [[30, 2], [15, 17]],
              [[700, 300], [640, 360]], [[2, 3], [6, 4]]]
    for table in tables:
        for alternative in ["two-sided", "less", "greater"]:
            r = stats.fisher_exact(table, alternative=alternative)
            cases.append({"kind": "fisher", "table": table, "alternative": alternative,
                          "oddsRatio": r.statistic, "pValue": r.pvalue})
        a = np.array(table)
        if a.sum(axis=0).min() > 0 and a.sum(axis=1).min() > 0:
            r = contingency.odds_ratio(a, kind="conditional")
            ci = r.confidence_interval(0.95)
            cases.append({"kind": "conditional-odds-ratio", "table": table, "estimate": r.statistic,
                          "lower": ci.low, "upper": ci.high})
    chi_tables = [[[10, 20], [30, 40]], [[12, 5], [4, 18]], [[1, 9], [11, 3]], [[20, 380], [6, 394]],
                  [[10, 10, 20], [20, 20, 20]], [[5, 1, 7, 3], [2, 9, 4, 4], [8, 8, 1, 2]], [[100, 2], [3, 100]],
                  [[7]], [[3, 4]], [[50, 50], [50, 50]], [[10.5, 2], [3, 4]], [[0, 5], [6, 7]]]
    for table in chi_tables:
        for correction in [True, False]:
            r = contingency.chi2_contingency(np.array(table, dtype=float), correction=correction)
            cases.append({"kind": "chi-square", "table": table, "correction": correction, "statistic": r.statistic,
                          "pValue": r.pvalue, "degreesOfFreedom": r.dof, "expected": r.expected_freq})
    write("rates", cases)


# ---------------------------------------------------------------- continuous tests
def continuous():
    cases = []
    samples = []
    for n1, n2, ties in [(5, 4, False), (3, 7, False), (8, 8, False), (6, 12, False), (1, 5, False), (10, 15, True),
                         (20, 25, False), (40, 35, True), (200, 300, True), (7, 3, True), (25, 25, False)]:
        if ties:
            x = RNG.integers(0, 6, n1).astype(float)
            y = RNG.integers(1, 7, n2).astype(float)
        else:
            x = np.round(RNG.normal(0.3, 1, n1), 6)
            y = np.round(RNG.normal(0, 1, n2), 6)
        samples.append((x, y))
    for x, y in samples:
        has_ties = len(np.unique(np.concatenate([x, y]))) < len(x) + len(y)
        for alternative in ["two-sided", "greater", "less"]:
            for method in ["asymptotic", "exact"]:
                if method == "exact" and (has_ties or len(x) * len(y) > 700):
                    continue
                for continuity in ([True, False] if method == "asymptotic" else [True]):
                    r = stats.mannwhitneyu(x, y, use_continuity=continuity, alternative=alternative, method=method)
                    cases.append({"kind": "mann-whitney", "first": x, "second": y, "alternative": alternative,
                                  "method": method, "continuityCorrection": continuity, "statistic": r.statistic,
                                  "pValue": r.pvalue})
    ks_samples = [(np.round(RNG.normal(0, 1, n1), 4), np.round(RNG.normal(shift, 1, n2), 4))
                  for n1, n2, shift in [(10, 10, 0.5), (8, 12, 0.8), (30, 45, 0.2), (50, 50, 0.0), (60, 17, 1.0),
                                        (100, 150, 0.25), (7, 3, 0.0), (400, 500, 0.1), (1000, 800, 0.05)]]
    ks_samples.append((RNG.integers(0, 5, 40).astype(float), RNG.integers(0, 5, 60).astype(float)))
    for x, y in ks_samples:
        for alternative in ["two-sided", "greater", "less"]:
            for method in ["exact", "asymp"]:
                r = stats.ks_2samp(x, y, alternative=alternative, method=method)
                cases.append({"kind": "kolmogorov-smirnov", "first": x, "second": y, "alternative": alternative,
                              "method": "asymptotic" if method == "asymp" else method, "statistic": r.statistic,
                              "pValue": r.pvalue, "statisticLocation": r.statistic_location,
                              "statisticSign": r.statistic_sign})

    def mean_difference(a, b, axis=-1):
        return np.mean(a, axis=axis) - np.mean(b, axis=axis)

    for n1, n2 in [(5, 6), (8, 7), (4, 4), (10, 6)]:
        x = np.round(RNG.normal(0.5, 1, n1), 3)
        y = np.round(RNG.normal(0, 1, n2), 3)
        for alternative in ["two-sided", "greater", "less"]:
            r = stats.permutation_test((x, y), mean_difference, permutation_type="independent",
                                       alternative=alternative, n_resamples=10**6, vectorized=True)
            cases.append({"kind": "permutation", "first": x, "second": y, "alternative": alternative,
                          "statistic": r.statistic, "pValue": r.pvalue, "resamples": len(r.null_distribution)})
    write("continuous", cases)


# ---------------------------------------------------------------- bootstrap interval formulas
def bootstrap_intervals():
    cases = []
    for n, resamples, distribution in [(30, 200, "normal"), (25, 300, "exponential"), (60, 150, "lognormal"),
                                       (12, 400, "normal")]:
        data = {"normal": RNG.normal(1, 2, n), "exponential": RNG.exponential(1.5, n),
                "lognormal": RNG.lognormal(0, 1, n)}[distribution]
        data = np.round(data, 5)
        jackknife = np.array([np.mean(np.delete(data, i)) for i in range(n)])
        for method in ["percentile", "BCa"]:
            for level in [0.95, 0.9]:
                seed = int(RNG.integers(0, 2**31))
                r = stats.bootstrap((data,), np.mean, n_resamples=resamples, method=method, confidence_level=level,
                                    rng=np.random.default_rng(seed))
                cases.append({"data": data, "estimate": np.mean(data), "replicates": r.bootstrap_distribution,
                              "jackknife": jackknife, "method": "bca" if method == "BCa" else "percentile",
                              "level": level, "lower": r.confidence_interval.low, "upper": r.confidence_interval.high,
                              "standardError": r.standard_error})
    write("bootstrap", cases)


# ---------------------------------------------------------------- effect sizes, multiplicity, power
def effects():
    cases = []
    for (a, n1), (c, n2) in [((27, 122), (44, 487)), ((10, 75), (12, 225)), ((3, 400), (12, 410)), ((50, 50), (1, 50)),
                             ((120, 1000), (80, 1000)), ((1, 20), (19, 20))]:
        r = contingency.relative_risk(a, n1, c, n2)
        for level in [0.95, 0.9]:
            ci = r.confidence_interval(level)
            cases.append({"kind": "risk-ratio", "first": [a, n1], "second": [c, n2], "level": level,
                          "value": r.relative_risk, "lower": ci.low, "upper": ci.high})
    for table in [[[12, 5], [4, 18]], [[20, 380], [6, 394]], [[1, 9], [11, 3]], [[700, 300], [640, 360]], [[3, 1], [1, 3]]]:
        r = contingency.odds_ratio(np.array(table), kind="sample")
        for level in [0.95, 0.99]:
            ci = r.confidence_interval(level)
            cases.append({"kind": "odds-ratio", "table": table, "level": level, "value": r.statistic,
                          "lower": ci.low, "upper": ci.high})
    for table in [[[0, 10], [5, 5]], [[3, 0], [2, 7]]]:
        haldane = np.array(table, dtype=float) + 0.5
        log_or = math.log(haldane[0, 0] * haldane[1, 1] / (haldane[0, 1] * haldane[1, 0]))
        se = math.sqrt((1 / haldane).sum())
        z = special.ndtri(0.975)
        cases.append({"kind": "odds-ratio-haldane", "table": table, "level": 0.95, "value": math.exp(log_or),
                      "lower": math.exp(log_or - z * se), "upper": math.exp(log_or + z * se)})
    for p1, p2 in [(0.5, 0.3), (0.01, 0.002), (0.0, 1.0), (0.95, 0.9), (0.2, 0.2)]:
        cases.append({"kind": "cohens-h", "first": p1, "second": p2,
                      "value": 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2))})
    for n1, n2 in [(10, 12), (40, 33), (100, 120)]:
        x = RNG.integers(0, 10, n1).astype(float)
        y = RNG.integers(1, 11, n2).astype(float)
        greater = (x[:, None] > y[None, :]).sum()
        less = (x[:, None] < y[None, :]).sum()
        u = stats.mannwhitneyu(x, y).statistic
        assert abs((2 * u / (n1 * n2) - 1) - (greater - less) / (n1 * n2)) < 1e-12
        cases.append({"kind": "cliffs-delta", "first": x, "second": y, "value": (greater - less) / (n1 * n2)})
    p_sets = [[0.01, 0.04, 0.03, 0.005, 0.5], [0.2, 0.2, 0.01, 0.9, 0.049, 0.051, 0.3], [0.001], [0.5, 0.5, 0.5],
              list(np.round(RNG.uniform(0, 0.2, 25), 6))]
    for ps in p_sets:
        ps = np.array(ps)
        order = np.argsort(ps, kind="stable")
        m = len(ps)
        holm_sorted = np.maximum.accumulate(np.minimum(1, (m - np.arange(m)) * ps[order]))
        holm = np.empty(m)
        holm[order] = holm_sorted
        cases.append({"kind": "holm", "pValues": ps, "adjusted": holm})
        cases.append({"kind": "benjamini-hochberg", "pValues": ps, "adjusted": stats.false_discovery_control(ps, method="bh")})
        cases.append({"kind": "benjamini-yekutieli", "pValues": ps, "adjusted": stats.false_discovery_control(ps, method="by")})
    for p1, p2, alpha, power, ratio, sided in [(0.1, 0.05, 0.05, 0.8, 1, 2), (0.02, 0.005, 0.05, 0.9, 1, 2),
                                               (0.3, 0.2, 0.01, 0.8, 2, 2), (0.04, 0.01, 0.05, 0.8, 1, 1)]:
        za = special.ndtri(1 - alpha / sided)
        zb = special.ndtri(power)
        pbar = (p1 + ratio * p2) / (1 + ratio)
        n1 = (za * math.sqrt(pbar * (1 - pbar) * (1 + 1 / ratio)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / ratio)) ** 2 / (p1 - p2) ** 2
        cases.append({"kind": "sample-size", "first": p1, "second": p2, "alpha": alpha, "power": power, "ratio": ratio,
                      "sided": sided, "n1Exact": n1, "n1": math.ceil(n1), "n2": math.ceil(math.ceil(n1) * ratio)})
        for m1, m2 in [(100, 100), (500, 250), (2000, 2000)]:
            pooled = (m1 * p1 + m2 * p2) / (m1 + m2)
            power_value = special.ndtr((abs(p1 - p2) - za * math.sqrt(pooled * (1 - pooled) * (1 / m1 + 1 / m2)))
                                       / math.sqrt(p1 * (1 - p1) / m1 + p2 * (1 - p2) / m2))
            cases.append({"kind": "power", "first": p1, "second": p2, "alpha": alpha, "sided": sided, "n1": m1,
                          "n2": m2, "power": power_value})
    write("effects", cases)


# ---------------------------------------------------------------- classification and calibration
def binary_clf_curve(y_true, y_score):
    """scikit-learn's _binary_clf_curve, written out in numpy."""
    order = np.argsort(y_score, kind="mergesort")[::-1]
    y_score = y_score[order]
    y_true = y_true[order]
    distinct = np.where(np.diff(y_score))[0]
    idx = np.r_[distinct, y_true.size - 1]
    tps = np.cumsum(y_true)[idx]
    fps = 1 + idx - tps
    return fps.astype(float), tps.astype(float), y_score[idx]


def roc_curve(y_true, y_score, drop_intermediate=True):
    fps, tps, thresholds = binary_clf_curve(y_true, y_score)
    if drop_intermediate and len(fps) > 2:
        keep = np.where(np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True])[0]
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    tps = np.r_[0, tps]
    fps = np.r_[0, fps]
    thresholds = np.r_[np.inf, thresholds]
    return fps / fps[-1], tps / tps[-1], thresholds


def pr_curve(y_true, y_score):
    fps, tps, thresholds = binary_clf_curve(y_true, y_score)
    ps = tps + fps
    precision = np.zeros_like(tps)
    np.divide(tps, ps, out=precision, where=(ps != 0))
    recall = tps / tps[-1]
    return np.hstack((precision[::-1], 1)), np.hstack((recall[::-1], 0)), thresholds[::-1]


def classification():
    cases = []
    for n, positive_rate, rounding, separation in [(30, 0.3, 1, 1.0), (200, 0.1, 2, 1.5), (500, 0.03, 3, 2.0),
                                                   (80, 0.5, 1, 0.3), (1000, 0.2, 2, 0.8)]:
        y = RNG.uniform(size=n) < positive_rate
        y[0], y[1] = True, False
        score = np.round(1 / (1 + np.exp(-(RNG.normal(size=n) + separation * y - 1))), rounding)
        fpr, tpr, thr = roc_curve(y.astype(int), score)
        fpr_all, tpr_all, _ = roc_curve(y.astype(int), score, drop_intermediate=False)
        auc = float(np.sum(np.diff(fpr_all) * (tpr_all[1:] + tpr_all[:-1]) / 2))
        u = stats.mannwhitneyu(score[y], score[~y]).statistic
        assert abs(auc - u / (y.sum() * (~y).sum())) < 1e-12
        precision, recall, pr_thr = pr_curve(y.astype(int), score)
        ap = float(-np.sum(np.diff(recall) * precision[:-1]))
        brier = float(np.mean((score - y) ** 2))
        bins = 10
        which = np.minimum(bins - 1, np.floor(score * bins).astype(int))
        ece = 0.0
        table = []
        for b in range(bins):
            mask = which == b
            count = int(mask.sum())
            if count:
                ece += count * abs(y[mask].mean() - score[mask].mean())
            table.append({"count": count, "meanPredicted": score[mask].mean() if count else float("nan"),
                          "observedRate": y[mask].mean() if count else float("nan")})
        cases.append({"kind": "scores", "scores": score, "labels": y, "rocFalsePositiveRates": fpr,
                      "rocTruePositiveRates": tpr, "rocThresholds": thr, "auc": auc, "aucFromMannWhitney": u / (y.sum() * (~y).sum()),
                      "precisions": precision, "recalls": recall, "prThresholds": pr_thr, "averagePrecision": ap,
                      "brier": brier, "ece": ece / n, "reliability": table})
    for tp, fp, fn, tn in [(40, 10, 5, 945), (3, 0, 7, 90), (0, 2, 5, 93), (50, 50, 50, 50), (12, 3, 1, 0), (1, 99, 0, 900)]:
        n = tp + fp + fn + tn
        po = (tp + tn) / n
        pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n**2
        denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
        cases.append({"kind": "matrix", "cells": [tp, fp, fn, tn],
                      "accuracy": po,
                      "precision": tp / (tp + fp) if tp + fp else float("nan"),
                      "recall": tp / (tp + fn) if tp + fn else float("nan"),
                      "specificity": tn / (tn + fp) if tn + fp else float("nan"),
                      "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else float("nan"),
                      "mcc": (tp * tn - fp * fn) / denominator if denominator else float("nan"),
                      "kappa": (po - pe) / (1 - pe) if pe != 1 else float("nan")})
    write("classification", cases)


# ---------------------------------------------------------------- agreement
def coincidence_alpha(matrix, interval):
    """Krippendorff's alpha through the coincidence matrix (Krippendorff 2011, section C)."""
    values = sorted({v for row in matrix for v in row if v is not None})
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for row in matrix:
        present = [v for v in row if v is not None]
        m = len(present)
        if m < 2:
            continue
        for i, a in enumerate(present):
            for j, b in enumerate(present):
                if i != j:
                    o[index[a], index[b]] += 1 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if interval:
        delta = np.array([[(a - b) ** 2 for b in values] for a in values], dtype=float)
    else:
        delta = 1 - np.eye(len(values))
    observed = (o * delta).sum() / n
    expected = (np.outer(n_c, n_c) * delta).sum() / (n * (n - 1))
    return 1 - observed / expected


def irrcac(matrix, categories=None):
    """Percent agreement, Fleiss' kappa and AC1 as irrCAC's *.raw functions compute them."""
    rows = [[v for v in row if v is not None] for row in matrix]
    rows = [row for row in rows if row]
    cats = sorted({v for row in rows for v in row} | set(categories or []))
    counts = np.array([[row.count(c) for c in cats] for row in rows], dtype=float)
    r = counts.sum(axis=1)
    two = r >= 2
    pa = np.mean((counts * (counts - 1)).sum(axis=1)[two] / (r * (r - 1))[two])
    pi = (counts / r[:, None]).mean(axis=0)
    q = len(cats)
    pe_fleiss = (pi ** 2).sum()
    pe_ac1 = (pi * (1 - pi)).sum() / (q - 1)
    return pa, (pa - pe_fleiss) / (1 - pe_fleiss), (pa - pe_ac1) / (1 - pe_ac1)


def cohen(a, b):
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    cats = sorted({v for pair in pairs for v in pair})
    n = len(pairs)
    po = sum(x == y for x, y in pairs) / n
    pe = sum((sum(x == c for x, _ in pairs) / n) * (sum(y == c for _, y in pairs) / n) for c in cats)
    return po, (po - pe) / (1 - pe)


def agreement():
    cases = []
    for items, raters, categories, missing, bias in [(30, 3, 2, 0.0, 0.8), (50, 4, 3, 0.2, 0.7), (200, 2, 2, 0.1, 0.9),
                                                     (40, 6, 5, 0.3, 0.5), (120, 3, 2, 0.05, 0.95)]:
        truth = RNG.integers(0, categories, items)
        matrix = []
        for item in range(items):
            row = []
            for _ in range(raters):
                if RNG.uniform() < missing:
                    row.append(None)
                elif RNG.uniform() < bias:
                    row.append(int(truth[item]))
                else:
                    row.append(int(RNG.integers(0, categories)))
            matrix.append(row)
        pa, fleiss, ac1 = irrcac(matrix)
        pairs = []
        for i in range(raters):
            for j in range(i + 1, raters):
                po, kappa = cohen([row[i] for row in matrix], [row[j] for row in matrix])
                pairs.append({"first": i, "second": j, "percentAgreement": po, "cohensKappa": kappa})
        cases.append({"kind": "nominal", "matrix": matrix, "percentAgreement": pa, "fleissKappa": fleiss, "gwetAc1": ac1,
                      "alphaNominal": coincidence_alpha(matrix, False), "pairs": pairs})
    for items, raters, missing in [(25, 3, 0.1), (60, 4, 0.25), (15, 2, 0.0)]:
        truth = RNG.normal(0, 1, items)
        matrix = [[None if RNG.uniform() < missing else round(float(t + RNG.normal(0, 0.5)), 3) for _ in range(raters)]
                  for t in truth]
        cases.append({"kind": "interval", "matrix": matrix, "alphaInterval": coincidence_alpha(matrix, True)})
    write("agreement", cases)


# ---------------------------------------------------------------- prevalence correction
def prevalence():
    cases = []
    for counts in [(235, 10000, 90, 100, 392, 400), (80, 2000, 40, 50, 240, 250), (30, 5000, 70, 100, 295, 300),
                   (700, 5000, 45, 50, 248, 250), (12, 400, 18, 20, 99, 100), (500, 1000, 50, 50, 200, 200)]:
        k, n, kse, nse, ksp, nsp = counts
        for level in [0.95, 0.9]:
            z = special.ndtri(0.5 + level / 2)
            p, se, sp = k / n, kse / nse, ksp / nsp
            youden = se + sp - 1
            est = (p + sp - 1) / youden
            sd = math.sqrt(p * (1 - p) / n + se * (1 - se) / nse * est**2 + sp * (1 - sp) / nsp * (1 - est) ** 2) / youden
            delta = [min(1, max(0, est - z * sd)), min(1, max(0, est + z * sd))]
            # Lang & Reiczigel (2014), following the authors' published R script (CI_Binom).
            n_, k_ = n + z**2, k + z**2 / 2
            nse_, kse_, nsp_, ksp_ = nse + 2, kse + 1, nsp + 2, ksp + 1
            p_, se_, sp_ = k_ / n_, kse_ / nse_, ksp_ / nsp_
            youden_ = se_ + sp_ - 1
            est_ = (p_ + sp_ - 1) / youden_
            sd_ = math.sqrt(p_ * (1 - p_) / n_ + se_ * (1 - se_) / nse_ * est_**2 + sp_ * (1 - sp_) / nsp_ * (1 - est_) ** 2) / abs(youden_)
            shift = 2 * z**2 * (est_ * se_ * (1 - se_) / nse_ - (1 - est_) * sp_ * (1 - sp_) / nsp_)
            lr = [min(1, max(0, est_ + shift - z * sd_)), min(1, max(0, est_ + shift + z * sd_))]
            cases.append({"counts": counts, "level": level, "estimate": min(1, max(0, est)), "delta": delta,
                          "langReiczigel": lr})
    write("prevalence", cases)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    special_functions()
    rates()
    continuous()
    bootstrap_intervals()
    effects()
    classification()
    agreement()
    prevalence()
