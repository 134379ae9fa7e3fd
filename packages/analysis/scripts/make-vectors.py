"""scikit-learn reference values that `calibrate` must reproduce end to end (verdicts and gold in,
metrics out), to check that @judgekit/analysis wires the @judgekit/stats functions the right way
round (which label is positive, which side a threshold flags).

Run with a Python that has scikit-learn and NumPy (here: Debian's /usr/bin/python3 with
python3-sklearn 1.2.1):

    /usr/bin/python3 packages/analysis/scripts/make-vectors.py

It writes test/vectors/classification.vectors.json, which test/calibrate-vectors.test.ts reads.
The cases are seeded, so re-running gives the same file.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    cohen_kappa_score,
    confusion_matrix,
    f1_score,
    matthews_corrcoef,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

rng = np.random.default_rng(20261124)
OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "vectors" / "classification.vectors.json"


def labels_case(name, y_true, y_pred):
    tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    return {
        "name": name,
        "counts": [int(tp), int(fp), int(fn), int(tn)],
        "accuracy": accuracy_score(y_true, y_pred),
        "precision": precision_score(y_true, y_pred, zero_division=0),
        "recall": recall_score(y_true, y_pred, zero_division=0),
        "specificity": recall_score(y_true, y_pred, pos_label=0, zero_division=0),
        "f1": f1_score(y_true, y_pred, zero_division=0),
        "mcc": matthews_corrcoef(y_true, y_pred),
        "cohenKappa": cohen_kappa_score(y_true, y_pred),
    }


def scores_case(name, y_true, y_score, bins=10):
    fpr, tpr, thresholds = roc_curve(y_true, y_score)
    prob_true, prob_pred = calibration_curve(y_true, y_score, n_bins=bins, strategy="uniform")
    edges = np.linspace(0.0, 1.0, bins + 1)
    binids = np.searchsorted(edges[1:-1], y_score)
    counts = np.bincount(binids, minlength=bins)
    nonempty = counts[counts > 0]
    ece = float(np.sum(nonempty / len(y_score) * np.abs(prob_pred - prob_true)))
    return {
        "name": name,
        "positive": [bool(v) for v in y_true],
        "score": [float(v) for v in y_score],
        "rocAUC": roc_auc_score(y_true, y_score),
        "averagePrecision": average_precision_score(y_true, y_score),
        "brier": brier_score_loss(y_true, y_score),
        "ece": ece,
        "binCounts": [int(c) for c in counts],
        # roc_curve drops collinear points by default; keep the thresholds that it keeps
        "roc": [
            {"threshold": float(t), "fpr": float(f), "tpr": float(r)}
            for t, f, r in zip(thresholds[1:], fpr[1:], tpr[1:])
        ],
    }


label_cases = []
for index, (n, prevalence, accuracy) in enumerate([(50, 0.3, 0.8), (200, 0.05, 0.9), (400, 0.5, 0.6), (37, 0.2, 0.95)]):
    y_true = (rng.random(n) < prevalence).astype(int)
    flip = rng.random(n) > accuracy
    y_pred = np.where(flip, 1 - y_true, y_true)
    label_cases.append(labels_case(f"random-{index}", y_true, y_pred))
label_cases.append(labels_case("perfect", [0, 0, 1, 1, 1], [0, 0, 1, 1, 1]))
label_cases.append(labels_case("always-negative", [0, 1, 0, 0, 1, 0], [0, 0, 0, 0, 0, 0]))

score_cases = []
for index, (n, prevalence, separation, grid) in enumerate([(60, 0.3, 1.5, None), (300, 0.1, 2.0, 10), (120, 0.5, 0.5, 20)]):
    y_true = (rng.random(n) < prevalence).astype(int)
    logits = rng.normal(size=n) + separation * (y_true - 0.5)
    y_score = 1 / (1 + np.exp(-logits))
    if grid:  # an LLM judge that answers on a coarse grid: many ties, scores on bin edges
        y_score = np.round(y_score * grid) / grid
    score_cases.append(scores_case(f"random-{index}", y_true, y_score))
score_cases.append(scores_case("ties-on-edges", [0, 0, 1, 1, 0, 1, 1, 0], [0.1, 0.3, 0.3, 0.7, 0.7, 0.9, 1.0, 0.0]))

OUT.write_text(
    json.dumps(
        {"generator": f"scripts/make-vectors.py, scikit-learn {sklearn.__version__}, NumPy {np.__version__}",
         "labels": label_cases, "scores": score_cases},
        indent=1,
    )
    + "\n"
)
print(f"wrote {OUT}")
