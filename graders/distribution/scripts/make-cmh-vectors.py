"""Reference values for cochranMantelHaenszelTest, from statsmodels.

The Python on PATH here lacks statsmodels; Debian's has it (`apt-get install -y
python3-statsmodels`). From the repository root:

    /usr/bin/python3 graders/distribution/scripts/make-cmh-vectors.py

Writes test/vectors/cochran-mantel-haenszel.vectors.json, read by test/statistics.test.ts.
"""

import math

import numpy as np
import scipy.stats as stats
from statsmodels.stats.contingency_tables import StratifiedTable

from vector_tables import table_sets, strata_dicts, write

cases = []
for name, tables in table_sets():
    stratified = StratifiedTable([np.array(t, dtype=float) for t in tables])
    delta = sum(t[0][0] - (t[0][0] + t[0][1]) * (t[0][0] + t[1][0]) / sum(map(sum, t)) for t in tables)
    for correction in (False, True):
        result = stratified.test_null_odds(correction=correction)
        # statsmodels gives the two-sided chi-square; the signed z and one-sided p-values as R's
        # mantelhaen.test: z = sign(delta) sqrt(chi2), p = norm.sf(z) ('greater'), norm.cdf(z) ('less').
        z = math.copysign(math.sqrt(result.statistic), delta)
        case = {
            "name": name,
            "strata": strata_dicts(tables),
            "continuityCorrection": correction,
            "chiSquare": result.statistic,
            "pTwoSided": result.pvalue,
            "pGreater": stats.norm.sf(z),
            "pLess": stats.norm.cdf(z),
        }
        if len(tables) == 1 and not correction:
            # One stratum, no correction: the 'N - 1' chi-square, Pearson's chi-square times (N - 1)/N.
            table = np.array(tables[0])
            n = table.sum()
            case["nMinusOneChiSquare"] = stats.chi2_contingency(table, correction=False)[0] * (n - 1) / n
        cases.append(case)

write(
    "cochran-mantel-haenszel",
    cases,
    "statsmodels StratifiedTable.test_null_odds(correction); one-sided p from the signed z as R's mantelhaen.test; "
    "single tables also scipy chi2_contingency(correction=False) * (N - 1)/N",
)
print("wrote", len(cases), "cases")
