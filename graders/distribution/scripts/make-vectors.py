"""Reference values for the statistics in graders/distribution/src/statistics (the
Cochran-Mantel-Haenszel test has its own script, make-cmh-vectors.py, as it needs statsmodels).

From the repository root, with the Python on PATH (SciPy 1.17.1, numpy 2.4.6 here):

    python3 graders/distribution/scripts/make-vectors.py

Writes test/vectors/{exact-conditional,welch-t,student-t-quantile}.vectors.json, read by
test/statistics.test.ts. Python is never needed to run the tests.
"""

import numpy as np
import scipy.stats as stats

from vector_tables import strata_dicts, table_sets, write


def exact_law(tables):
    """Null law of S = sum of treatment events given every margin: convolved hypergeometrics."""
    law = np.array([1.0])
    offset = 0
    observed = 0
    for t in tables:
        (a, b), (c, d) = t
        n1, total, m1 = a + b, a + b + c + d, a + c
        if total == 0:
            continue
        low, high = max(0, n1 - (total - m1)), min(n1, m1)
        law = np.convolve(law, stats.hypergeom.pmf(np.arange(low, high + 1), total, m1, n1))
        offset += low
        observed += a
    return law, observed - offset


exact_cases = []
for name, tables in table_sets():
    law, index = exact_law(tables)
    case = {
        "name": name,
        "strata": strata_dicts(tables),
        "statistic": int(sum(t[0][0] for t in tables)),
        "pLess": float(law[: index + 1].sum()),
        "pGreater": float(law[index:].sum()),
        # R's mantelhaen.test(exact = TRUE): probabilities no larger than the observed one, relErr 1e-7.
        "pTwoSided": float(min(1.0, law[law <= law[index] * (1 + 1e-7)].sum())),
    }
    if len(tables) == 1:
        case["fisher"] = {
            alternative: stats.fisher_exact(tables[0], alternative=alternative).pvalue
            for alternative in ("two-sided", "less", "greater")
        }
    exact_cases.append(case)
write(
    "exact-conditional",
    exact_cases,
    "numpy convolution of scipy.stats.hypergeom.pmf over strata; two-sided as R mantelhaen.test(exact=TRUE); "
    "scipy fisher_exact for single tables",
)

rng = np.random.default_rng(7)
samples = [
    (rng.normal(0.0, 1.0, 12), rng.normal(0.4, 2.0, 9)),
    (rng.normal(5.0, 0.5, 40), rng.normal(5.1, 0.5, 45)),
    (rng.uniform(0, 1, 80), rng.uniform(0.1, 1, 80)),
    (rng.exponential(1.0, 30), rng.exponential(2.0, 7)),
    (np.round(rng.uniform(0, 1, 25), 1), np.round(rng.uniform(0, 1, 30), 1)),
    (np.array([1.0, 2.0]), np.array([3.0, 5.0, 4.0])),
    (rng.normal(100, 15, 300), rng.normal(97, 25, 200)),
]
welch_cases = []
for index, (x, y) in enumerate(samples):
    for level in (0.95, 0.9):
        entry = {"name": f"welch-{index}", "first": x.tolist(), "second": y.tolist(), "level": level}
        for alternative in ("two-sided", "less", "greater"):
            result = stats.ttest_ind(x, y, equal_var=False, alternative=alternative)
            entry[alternative] = {"statistic": result.statistic, "pValue": result.pvalue, "df": result.df}
        ci = stats.ttest_ind(x, y, equal_var=False).confidence_interval(level)
        entry["ci"] = [ci.low, ci.high]
        welch_cases.append(entry)
write("welch-t", welch_cases, "scipy.stats.ttest_ind(equal_var=False, alternative), .df, .confidence_interval(level)")

quantile_cases = [
    {"probability": p, "df": df, "quantile": stats.t.ppf(p, df)}
    for df in (1, 2, 3.5, 7, 30, 123.4, 1e4)
    for p in (1e-10, 1e-4, 0.025, 0.2, 0.5, 0.8, 0.975, 0.9999)
]
write("student-t-quantile", quantile_cases, "scipy.stats.t.ppf")
print("wrote", len(exact_cases), len(welch_cases), len(quantile_cases))
