#!/usr/bin/python3
"""Cross-checks the numpy re-implementations of scikit-learn in make-vectors.py against
scikit-learn itself. Run once after regenerating vectors, with a Python that has sklearn
(on this machine: `apt-get install -y python3-sklearn`, then `/usr/bin/python3 <this file>`).
The tests never need it.
"""
import json
import os

import numpy as np
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "test", "vectors", "classification.vectors.json")) as handle:
    cases = json.load(handle)["cases"]


def close(a, b):
    a = np.array(a, dtype=float)
    b = np.array(b, dtype=float)
    assert a.shape == b.shape, (a.shape, b.shape)
    assert np.allclose(a, b, rtol=1e-12, atol=0, equal_nan=True), (a, b)


checked = 0
for case in cases:
    if case["kind"] == "scores":
        y = np.array(case["labels"], dtype=int)
        s = np.array(case["scores"], dtype=float)
        fpr, tpr, thr = metrics.roc_curve(y, s)
        close(fpr, case["rocFalsePositiveRates"])
        close(tpr, case["rocTruePositiveRates"])
        # sklearn < 1.3 puts max(score) + 1 first where >= 1.3 puts +inf.
        close(thr[1:], case["rocThresholds"][1:])
        close(metrics.roc_auc_score(y, s), case["auc"])
        precision, recall, pr_thr = metrics.precision_recall_curve(y, s)
        close(precision, case["precisions"])
        close(recall, case["recalls"])
        close(pr_thr, case["prThresholds"])
        close(metrics.average_precision_score(y, s), case["averagePrecision"])
        close(metrics.brier_score_loss(y, s), case["brier"])
        checked += 1
    else:
        tp, fp, fn, tn = case["cells"]
        y_true = [1] * tp + [0] * fp + [1] * fn + [0] * tn
        y_pred = [1] * tp + [1] * fp + [0] * fn + [0] * tn
        close(metrics.accuracy_score(y_true, y_pred), case["accuracy"])
        if case["f1"] != "NaN":
            close(metrics.f1_score(y_true, y_pred), case["f1"])
        if case["mcc"] != "NaN":
            close(metrics.matthews_corrcoef(y_true, y_pred), case["mcc"])
        if case["kappa"] != "NaN":
            close(metrics.cohen_kappa_score(y_true, y_pred), case["kappa"])
        if case["precision"] != "NaN":
            close(metrics.precision_score(y_true, y_pred), case["precision"])
        checked += 1
print(f"scikit-learn agrees with classification.vectors.json on {checked} cases")

with open(os.path.join(HERE, "..", "test", "vectors", "agreement.vectors.json")) as handle:
    agreement_cases = json.load(handle)["cases"]
pairs_checked = 0
for case in agreement_cases:
    if case["kind"] != "nominal":
        continue
    for pair in case["pairs"]:
        rows = [row for row in case["matrix"] if row[pair["first"]] is not None and row[pair["second"]] is not None]
        kappa = metrics.cohen_kappa_score([row[pair["first"]] for row in rows], [row[pair["second"]] for row in rows])
        close(kappa, pair["cohensKappa"])
        pairs_checked += 1
print(f"scikit-learn cohen_kappa_score agrees with agreement.vectors.json on {pairs_checked} rater pairs")
