"""Shared by the vector scripts: the seeded 2x2xK tables and the JSON writer."""

import json
import math
import pathlib

import numpy as np
import scipy

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "vectors"
OUT.mkdir(parents=True, exist_ok=True)


def clean(value):
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (np.floating, float)):
        value = float(value)
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, np.integer):
        return int(value)
    return value


def versions():
    found = {"scipy": scipy.__version__, "numpy": np.__version__}
    try:
        import statsmodels

        found["statsmodels"] = statsmodels.__version__
    except ImportError:
        pass
    return found


def write(name, cases, note):
    payload = {
        "generator": "graders/distribution/scripts",
        "versions": versions(),
        "note": note,
        "cases": clean(cases),
    }
    (OUT / f"{name}.vectors.json").write_text(json.dumps(payload, indent=1) + "\n")


def strata_dicts(tables):
    return [
        {
            "treatmentEvents": int(t[0][0]),
            "treatmentTrials": int(t[0][0] + t[0][1]),
            "controlEvents": int(t[1][0]),
            "controlTrials": int(t[1][0] + t[1][1]),
        }
        for t in tables
    ]


def _random_tables(rng, k, n_low, n_high, p_low, p_high):
    tables = []
    for _ in range(k):
        n1, n2 = (int(v) for v in rng.integers(n_low, n_high + 1, size=2))
        p = rng.uniform(p_low, p_high)
        a = int(rng.binomial(n1, min(0.99, p * rng.uniform(0.7, 1.6))))
        c = int(rng.binomial(n2, p))
        tables.append([[a, n1 - a], [c, n2 - c]])
    return tables


# R's `Rabbits` data (penicillin and rabbits, 5 strata; Cochran 1954), from ?mantelhaen.test, as
# [[treated cured, treated not], [control cured, control not]] per penicillin level.
RABBITS = [
    [[0, 6], [0, 5]],
    [[3, 3], [0, 6]],
    [[6, 0], [2, 4]],
    [[5, 1], [6, 0]],
    [[2, 0], [5, 0]],
]


def table_sets():
    """(name, tables) pairs: Rabbits, 12 random 2x2xK sets (every third sparse), 6 single tables."""
    rng = np.random.default_rng(20261126)
    sets = [("rabbits", RABBITS)]
    for index in range(12):
        k = int(rng.integers(2, 11))
        sparse = index % 3 == 0
        sets.append(
            (
                f"random-{index}",
                _random_tables(
                    rng, k, 5 if sparse else 20, 30 if sparse else 120, 0.02 if sparse else 0.1, 0.2 if sparse else 0.6
                ),
            )
        )
    sets += [(f"single-{i}", [t]) for i, t in enumerate(_random_tables(rng, 6, 15, 90, 0.05, 0.5))]
    return sets
