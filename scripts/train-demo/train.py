#!/usr/bin/python3
"""
Bedside worked example, training side: a small logistic-regression model of malignancy on the
Wisconsin Diagnostic Breast Cancer (WDBC) data shipped with scikit-learn, exported to ONNX by hand
(onnx.helper, no skl2onnx), with its evaluation, model card and worked cases written from the
figures this script computes.

DEMONSTRATION ONLY. This is not a clinically validated model and must not be used for patient care.

Data: Street WN, Wolberg WH, Mangasarian OL. Nuclear feature extraction for breast tumor diagnosis.
IS&T/SPIE 1993 International Symposium on Electronic Imaging: Science and Technology, vol. 1905,
pp. 861-870. doi:10.1117/12.148698 (via sklearn.datasets.load_breast_cancer, a copy of the UCI
"Breast Cancer Wisconsin (Diagnostic)" data set).

Run from the repository root (Debian bookworm packages, see README.md):
    /usr/bin/python3 scripts/train-demo/train.py
    node scripts/train-demo/verify.mjs

Writes:
    contributed-models/wdbc-malignancy.onnx        the model (input "features" float32 [N, 5], output "probability" float32 [N, 1])
    scripts/train-demo/evaluation.json         every figure printed below
    scripts/train-demo/model-card.yaml         TRIPOD+AI model card filled from evaluation.json
    scripts/train-demo/cases.json              5 held-out rows, low to high predicted probability
    scripts/train-demo/test-predictions.json   all held-out rows + sklearn probabilities (read by verify.mjs)
    test/fixtures/onnx/zipmap.onnx             deliberately bad: ZipMap output (seq(map(int64, float)))
    test/fixtures/onnx/wrong-inputs.onnx       deliberately bad: input "x" with 3 features
"""
import hashlib
import json
import os
import platform
import sys
import warnings

import numpy as np
import onnx
import scipy
import sklearn
import yaml
from onnx import TensorProto, helper, numpy_helper
from scipy import stats
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import l1_min_c

# ---------------------------------------------------------------------------------------------
# Fixed, pre-declared settings
# ---------------------------------------------------------------------------------------------
SEED = 1993                 # every random step below uses this seed (split, CV folds, bootstrap)
TEST_SIZE = 0.30            # stratified 70/30 split
N_FEATURES = 5              # size of the feature subset (declared before fitting)
N_BOOT = 2000               # bootstrap resamples for confidence intervals
TARGET_SENSITIVITY = 0.95   # alert threshold: chosen on the TRAINING split (out-of-fold) for >= 95 % sensitivity
CV_FOLDS = 5
L1_GRID = 200               # points on the L1 regularisation path (log-spaced, 1x to 1000x the minimum C)
STABILITY_SPLITS = 20       # alternative splits (seeds 0..19) on which the selection is repeated, for information

# Candidate pool: the 20 "mean" and "worst" descriptors (standard-error features are excluded as
# least interpretable). Descriptors measuring the same nuclear property are grouped a priori, from
# the dataset documentation, and at most one per group is kept: size (radius, perimeter ~ 2*pi*r,
# area ~ pi*r^2 are near-collinear), contour indentation (compactness = perimeter^2/area - 1,
# concavity, concave points), texture, smoothness, symmetry, fractal dimension.
GROUPS = {
    'radius': 'size', 'perimeter': 'size', 'area': 'size',
    'compactness': 'contour indentation', 'concavity': 'contour indentation', 'concave points': 'contour indentation',
    'texture': 'texture', 'smoothness': 'smoothness', 'symmetry': 'symmetry', 'fractal dimension': 'fractal dimension',
}

# Units as far as the dataset documentation states them (it gives none explicitly): be honest.
UNITS = {
    'radius': ('image units (pixel scale)', 'mean distance from the nucleus centre to points on its outline, measured on the digitised image; the data set gives no physical unit or micrometre calibration'),
    'perimeter': ('image units (pixel scale)', 'length of the nucleus outline on the digitised image; no physical calibration given'),
    'area': ('square image units (pixel scale)', 'area inside the nucleus outline on the digitised image; no physical calibration given'),
    'texture': ('grey levels', 'standard deviation of the grey-scale values inside the nucleus'),
    'smoothness': ('dimensionless', 'local variation in radius lengths (normalised)'),
    'compactness': ('dimensionless', 'perimeter^2 / area - 1.0'),
    'concavity': ('dimensionless', 'severity of concave portions of the contour (normalised)'),
    'concave points': ('dimensionless', 'described as the number of concave portions of the contour, but distributed normalised (values 0 to about 0.3), not as a count'),
    'symmetry': ('dimensionless', 'symmetry of the outline (normalised)'),
    'fractal dimension': ('dimensionless', '"coastline approximation" - 1'),
}

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
MODEL_PATH = os.path.join(ROOT, 'contributed-models', 'wdbc-malignancy.onnx')
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'onnx')
OPSET = 17
IR_VERSION = 8
PRODUCER = 'bedside-train-demo'
PRODUCER_VERSION = '1.0.0'
DOI = '10.1117/12.148698'


def base(name):
    return name.split(' ', 1)[1]  # "worst concave points" -> "concave points"


def ident(name):
    return name.replace(' ', '_')  # "worst concave points" -> "worst_concave_points"


def r(x, nd=4):
    return float(round(float(x), nd))


# ---------------------------------------------------------------------------------------------
# Small statistics helpers (numpy only; unpenalised logistic fits need no sklearn "penalty=None")
# ---------------------------------------------------------------------------------------------
def logit(p):
    p = np.clip(p, 1e-15, 1 - 1e-15)
    return np.log(p / (1 - p))


def irls(X, y, offset=None, max_iter=100, tol=1e-10):
    """Unpenalised logistic regression by Newton-Raphson; returns (beta, standard errors)."""
    n, k = X.shape
    offset = np.zeros(n) if offset is None else offset
    beta = np.zeros(k)
    for _ in range(max_iter):
        eta = X @ beta + offset
        mu = 1 / (1 + np.exp(-eta))
        w = mu * (1 - mu)
        H = X.T @ (X * w[:, None])
        step = np.linalg.solve(H, X.T @ (y - mu))
        beta = beta + step
        if np.max(np.abs(step)) < tol:
            break
    else:
        raise RuntimeError('calibration fit did not converge (separation?)')
    mu = 1 / (1 + np.exp(-(X @ beta + offset)))
    H = X.T @ (X * (mu * (1 - mu))[:, None])
    return beta, np.sqrt(np.diag(np.linalg.inv(H)))


def calibration(y, p):
    """Logistic recalibration: slope from logit(P(y)) = a + b*lp; calibration-in-the-large a' from
    logit(P(y)) = a' + offset(lp) (slope fixed at 1). Wald 95 % CIs."""
    lp = logit(p)
    (a, b), (sa, sb) = irls(np.column_stack([np.ones_like(lp), lp]), y)
    (citl,), (sc,) = irls(np.ones((len(y), 1)), y, offset=lp)
    z = stats.norm.ppf(0.975)
    return {
        'intercept_calibration_in_the_large': r(citl), 'intercept_calibration_in_the_large_ci95': [r(citl - z * sc), r(citl + z * sc)],
        'slope': r(b), 'slope_ci95': [r(b - z * sb), r(b + z * sb)],
        'recalibration_intercept_with_slope': r(a),
        'method': 'logistic recalibration on the held-out test set: slope b from logit(P(malignant)) = a + b * LP; '
                  'calibration-in-the-large from logit(P(malignant)) = a + offset(LP) (slope fixed at 1); '
                  'LP = model linear predictor (logit of the predicted probability); Wald 95 % CIs. Ideal: intercept 0, slope 1.',
    }


def wilson(k, n):
    z = stats.norm.ppf(0.975)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return [r(centre - half), r(centre + half)]


def at_threshold(y, p, t):
    pos = p >= t
    tp = int(np.sum(pos & (y == 1))); fn = int(np.sum(~pos & (y == 1)))
    tn = int(np.sum(~pos & (y == 0))); fp = int(np.sum(pos & (y == 0)))
    return {
        'threshold': t, 'rule': 'alert when predicted probability >= threshold',
        'sensitivity': r(tp / (tp + fn)), 'sensitivity_ci95_wilson': wilson(tp, tp + fn),
        'specificity': r(tn / (tn + fp)), 'specificity_ci95_wilson': wilson(tn, tn + fp),
        'ppv': r(tp / (tp + fp)) if tp + fp else None, 'npv': r(tn / (tn + fn)) if tn + fn else None,
        'tp': tp, 'fp': fp, 'tn': tn, 'fn': fn,
    }


# ---------------------------------------------------------------------------------------------
# 1. Data and split
# ---------------------------------------------------------------------------------------------
def main():
    warnings.filterwarnings('error', category=RuntimeWarning)
    out = {}
    data = load_breast_cancer()
    names = [str(n) for n in data.feature_names]
    X_all = data.data.astype(np.float64)
    # sklearn codes 0 = malignant, 1 = benign (target_names ['malignant', 'benign']); recode: 1 = malignant.
    assert list(data.target_names) == ['malignant', 'benign']
    y_all = (data.target == 0).astype(int)
    assert X_all.shape == (569, 30) and y_all.sum() == 212

    idx = np.arange(len(y_all))
    tr, te = train_test_split(idx, test_size=TEST_SIZE, stratify=y_all, random_state=SEED)
    y_tr, y_te = y_all[tr], y_all[te]
    pool = [i for i, n in enumerate(names) if n.startswith('mean ') or n.startswith('worst ')]

    print('Bedside train-demo: WDBC malignancy (DEMONSTRATION ONLY, not clinically validated)')
    print(f'python {platform.python_version()}  numpy {np.__version__}  scipy {scipy.__version__}  '
          f'scikit-learn {sklearn.__version__}  onnx {onnx.__version__}  pyyaml {yaml.__version__}')
    print(f'data: {len(y_all)} samples, {y_all.sum()} malignant ({y_all.mean():.1%}), {len(y_all) - y_all.sum()} benign')
    print(f'split (seed {SEED}, stratified {1 - TEST_SIZE:.0%}/{TEST_SIZE:.0%}): train {len(tr)} ({y_tr.sum()} malignant), '
          f'test {len(te)} ({y_te.sum()} malignant)')

    # -----------------------------------------------------------------------------------------
    # 2. Feature selection on the training split only: order of entry along the L1 path
    # -----------------------------------------------------------------------------------------
    def select(train_idx, seed):
        Xp = X_all[train_idx][:, pool]
        Xs = StandardScaler().fit(Xp).transform(Xp)
        y = y_all[train_idx]
        c0 = l1_min_c(Xs, y, loss='log')
        entry = {}
        for C in c0 * np.logspace(0, 3, L1_GRID):
            m = LogisticRegression(penalty='l1', solver='liblinear', C=C, intercept_scaling=100.0,
                                   tol=1e-8, max_iter=10000, random_state=seed).fit(Xs, y)
            for j in np.flatnonzero(m.coef_[0]):
                entry.setdefault(j, C / c0)
        order = sorted(entry, key=lambda j: (entry[j], names[pool[j]]))
        chosen, used, path = [], set(), []
        for j in order:
            n = names[pool[j]]
            g = GROUPS[base(n)]
            take = g not in used and len(chosen) < N_FEATURES
            path.append({'feature': n, 'enters_at_C_over_Cmin': r(entry[j], 3), 'group': g,
                         'selected': bool(take), **({} if take or len(chosen) >= N_FEATURES else {'skipped': f'group "{g}" already represented'})})
            if take:
                chosen.append(pool[j]); used.add(g)
        return chosen, path

    sel, path = select(tr, SEED)
    feat_names = [names[i] for i in sel]
    print('\nfeature selection (training split only): order of entry along the L1-penalised logistic path '
          '(standardised features), at most one feature per nuclear-property group, first', N_FEATURES)
    for p in path[:12]:
        mark = 'SELECTED' if p['selected'] else (p.get('skipped') or '')
        print(f'  {p["feature"]:<24} enters at C = {p["enters_at_C_over_Cmin"]:>7} x Cmin  [{p["group"]}]  {mark}')

    # Stability of the procedure on other random splits (information only, not used for the model).
    freq = {}
    for s in range(STABILITY_SPLITS):
        tr_s, _ = train_test_split(idx, test_size=TEST_SIZE, stratify=y_all, random_state=s)
        for i in select(tr_s, s)[0]:
            freq[names[i]] = freq.get(names[i], 0) + 1
    stability = {k: f'{v}/{STABILITY_SPLITS}' for k, v in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))}
    print(f'  selection frequency over {STABILITY_SPLITS} other splits (seeds 0..{STABILITY_SPLITS - 1}): {stability}')

    # -----------------------------------------------------------------------------------------
    # 3. Fit: standardise, L2 logistic regression with C chosen by stratified 5-fold CV (log loss)
    # -----------------------------------------------------------------------------------------
    Xtr, Xte = X_all[tr][:, sel], X_all[te][:, sel]
    scaler = StandardScaler().fit(Xtr)
    folds = StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=SEED)
    Cs = np.logspace(-3, 3, 25)
    clf = LogisticRegressionCV(Cs=Cs, cv=folds, penalty='l2', scoring='neg_log_loss', solver='lbfgs',
                               max_iter=10000, tol=1e-10).fit(scaler.transform(Xtr), y_tr)
    C_best = float(clf.C_[0])
    beta_std = clf.coef_[0].astype(np.float64)
    b0_std = float(clf.intercept_[0])
    # Fold the standardisation into the coefficients: z = (x - mu) / sd, so
    # logit = b0 + sum(b_j z_j) = (b0 - sum(b_j mu_j / sd_j)) + sum((b_j / sd_j) x_j).
    w_raw = beta_std / scaler.scale_
    b_raw = b0_std - float(np.sum(beta_std * scaler.mean_ / scaler.scale_))

    def proba_sklearn(X):
        return clf.predict_proba(scaler.transform(X))[:, list(clf.classes_).index(1)]

    p_te = proba_sklearn(Xte)
    p_fold = 1 / (1 + np.exp(-(Xte @ w_raw + b_raw)))
    assert np.max(np.abs(p_te - p_fold)) < 1e-12, 'folded coefficients disagree with the sklearn pipeline'
    print(f'\nmodel: logistic regression, L2, C = {C_best:.4g} (chosen from {len(Cs)} values by {CV_FOLDS}-fold stratified CV log loss on the training split)')
    print('  coefficients on RAW dataset units (as exported; logit = intercept + sum(coef * x)):')
    print(f'    {"intercept":<24} {b_raw:+.8f}')
    for n, w, bs, sd in zip(feat_names, w_raw, beta_std, scaler.scale_):
        print(f'    {n:<24} {w:+.8f}   (standardised {bs:+.4f} per SD; training SD {sd:.5g}; OR per SD {np.exp(bs):.2f})')

    # -----------------------------------------------------------------------------------------
    # 4. Alert threshold, chosen on the training split (out-of-fold predictions), not on the test set
    # -----------------------------------------------------------------------------------------
    oof = cross_val_predict(LogisticRegression(C=C_best, max_iter=10000, tol=1e-10), scaler.transform(Xtr), y_tr,
                            cv=folds, method='predict_proba')[:, 1]
    cands = np.round(np.arange(0.01, 1.0, 0.01), 2)
    ok = [t for t in cands if np.mean(oof[y_tr == 1] >= t) >= TARGET_SENSITIVITY]
    alert = float(max(ok))
    print(f'\nalert threshold: highest of 0.01..0.99 (step 0.01) with out-of-fold training sensitivity >= {TARGET_SENSITIVITY:.0%}: {alert:.2f}')

    # -----------------------------------------------------------------------------------------
    # 5. Evaluation on the held-out test set
    # -----------------------------------------------------------------------------------------
    auc = roc_auc_score(y_te, p_te)
    brier = brier_score_loss(y_te, p_te)
    brier_ref = float(np.mean((y_te - y_tr.mean()) ** 2))  # predicting the training prevalence for everyone
    rng = np.random.default_rng(SEED)
    aucs, briers, skipped = [], [], 0
    for _ in range(N_BOOT):
        b = rng.integers(0, len(y_te), len(y_te))
        if y_te[b].min() == y_te[b].max():
            skipped += 1
            continue
        aucs.append(roc_auc_score(y_te[b], p_te[b]))
        briers.append(brier_score_loss(y_te[b], p_te[b]))
    auc_ci = [r(np.percentile(aucs, 2.5)), r(np.percentile(aucs, 97.5))]
    brier_ci = [r(np.percentile(briers, 2.5)), r(np.percentile(briers, 97.5))]
    cal = calibration(y_te, p_te)
    thr_alert = at_threshold(y_te, p_te, alert)
    thr_half = at_threshold(y_te, p_te, 0.5)
    train_auc = roc_auc_score(y_tr, proba_sklearn(Xtr))
    oof_auc = roc_auc_score(y_tr, oof)

    print(f'\nheld-out test set (n = {len(te)}, {y_te.sum()} malignant, {len(te) - y_te.sum()} benign):')
    print(f'  AUC (c-statistic)       {auc:.4f}  95% CI {auc_ci[0]:.4f} to {auc_ci[1]:.4f}  (percentile bootstrap, {N_BOOT} resamples, seed {SEED}, {skipped} single-class resamples skipped)')
    print(f'  calibration intercept   {cal["intercept_calibration_in_the_large"]:+.4f}  95% CI {cal["intercept_calibration_in_the_large_ci95"][0]:+.4f} to {cal["intercept_calibration_in_the_large_ci95"][1]:+.4f}  (calibration-in-the-large, slope fixed at 1)')
    print(f'  calibration slope       {cal["slope"]:.4f}  95% CI {cal["slope_ci95"][0]:.4f} to {cal["slope_ci95"][1]:.4f}  (recalibration intercept with slope: {cal["recalibration_intercept_with_slope"]:+.4f})')
    print(f'  Brier score             {brier:.4f}  95% CI {brier_ci[0]:.4f} to {brier_ci[1]:.4f}  (prevalence-only reference {brier_ref:.4f}; scaled Brier {1 - brier / brier_ref:.3f})')
    for name, t in (('alert threshold', thr_alert), ('threshold', thr_half)):
        print(f'  at {name} {t["threshold"]:.2f}: sensitivity {t["sensitivity"]:.3f} ({t["sensitivity_ci95_wilson"][0]:.3f} to {t["sensitivity_ci95_wilson"][1]:.3f}), '
              f'specificity {t["specificity"]:.3f} ({t["specificity_ci95_wilson"][0]:.3f} to {t["specificity_ci95_wilson"][1]:.3f}), '
              f'PPV {t["ppv"]:.3f}, NPV {t["npv"]:.3f}  [TP {t["tp"]} FP {t["fp"]} TN {t["tn"]} FN {t["fn"]}]')
    print(f'  (apparent training AUC {train_auc:.4f}; out-of-fold training AUC {oof_auc:.4f})')

    train_range = {n: {'min': r(Xtr[:, k].min(), 6), 'max': r(Xtr[:, k].max(), 6)} for k, n in enumerate(feat_names)}
    print('\ntraining range (training split):')
    for n, rg in train_range.items():
        print(f'  {n:<24} {rg["min"]:>10g} to {rg["max"]:<10g} {UNITS[base(n)][0]}')
    outside = int(np.sum(np.any((Xte < Xtr.min(0)) | (Xte > Xtr.max(0)), axis=1)))
    print(f'  test rows with any feature outside the training range: {outside} of {len(te)}')

    # -----------------------------------------------------------------------------------------
    # 6. ONNX export by hand (no skl2onnx): features -> MatMul -> Add -> Sigmoid -> probability
    # -----------------------------------------------------------------------------------------
    F = len(sel)
    doc = (f'DEMONSTRATION ONLY - not clinically validated. Logistic regression predicting malignancy (1) vs benign (0) of a breast '
           f'mass from {F} nuclear features of a digitised fine-needle-aspirate image, trained on the Wisconsin Diagnostic Breast '
           f'Cancer data (Street, Wolberg, Mangasarian 1993, doi:{DOI}) by scripts/train-demo/train.py. Input "features" float32 [N, {F}] '
           f'in dataset units, columns in order: {", ".join(feat_names)}. Output "probability" float32 [N, 1] = P(malignant).')

    def linear_model(input_name, n_features, w, b, graph_name, doc_string):
        inp = helper.make_tensor_value_info(input_name, TensorProto.FLOAT, ['N', n_features])
        out_v = helper.make_tensor_value_info('probability', TensorProto.FLOAT, ['N', 1])
        inits = [numpy_helper.from_array(np.asarray(w, np.float32).reshape(n_features, 1), 'coefficients'),
                 numpy_helper.from_array(np.asarray([b], np.float32), 'intercept')]
        nodes = [helper.make_node('MatMul', [input_name, 'coefficients'], ['logit_raw'], name='matmul'),
                 helper.make_node('Add', ['logit_raw', 'intercept'], ['logit'], name='add_intercept'),
                 helper.make_node('Sigmoid', ['logit'], ['probability'], name='sigmoid')]
        g = helper.make_graph(nodes, graph_name, [inp], [out_v], initializer=inits)
        m = helper.make_model(g, producer_name=PRODUCER, producer_version=PRODUCER_VERSION, doc_string=doc_string,
                              opset_imports=[helper.make_opsetid('', OPSET)])
        m.ir_version = IR_VERSION
        return m

    model = linear_model('features', F, w_raw, b_raw, 'wdbc_malignancy', doc)
    meta = {'features': json.dumps(feat_names), 'output': 'probability = P(malignant), [N, 1]',
            'dataset': f'Wisconsin Diagnostic Breast Cancer (sklearn.datasets.load_breast_cancer), doi:{DOI}',
            'status': 'demonstration only, not clinically validated', 'seed': str(SEED)}
    for k, v in meta.items():
        model.metadata_props.append(onnx.StringStringEntryProto(key=k, value=v))
    onnx.checker.check_model(model, full_check=True)
    os.makedirs(os.path.dirname(MODEL_PATH), exist_ok=True)
    onnx.save(model, MODEL_PATH)
    sha = hashlib.sha256(open(MODEL_PATH, 'rb').read()).hexdigest()
    # float32 arithmetic as onnxruntime will do it, to bound the export error before the Node check
    p32 = 1 / (1 + np.exp(-((Xte.astype(np.float32) @ w_raw.astype(np.float32).reshape(F, 1)).ravel() + np.float32(b_raw)).astype(np.float64)))
    print(f'\nONNX: {os.path.relpath(MODEL_PATH, ROOT)} ({os.path.getsize(MODEL_PATH)} bytes, sha256 {sha[:16]}..., opset {OPSET}, IR {IR_VERSION}); '
          f'checker OK; float32 emulation max |diff| vs sklearn {np.max(np.abs(p32 - p_te)):.2e}')

    # Deliberately bad fixtures for the engine's refusal tests.
    os.makedirs(FIXTURES, exist_ok=True)
    bad_inputs = linear_model('x', 3, w_raw[:3], b_raw, 'wrong_inputs',
                              'TEST FIXTURE (deliberately bad): the WDBC demo model structure but with input "x" taking 3 features; '
                              'a definition declaring input "features" with 5 features must be refused.')
    onnx.checker.check_model(bad_inputs, full_check=True)
    onnx.save(bad_inputs, os.path.join(FIXTURES, 'wrong-inputs.onnx'))

    # Same input as the real model (features float32 [N, 5]) so that ZipMap is the only thing wrong with it.
    zx = helper.make_tensor_value_info('features', TensorProto.FLOAT, ['N', F])
    z_label = helper.make_tensor_value_info('output_label', TensorProto.INT64, ['N'])
    map_type = onnx.TypeProto()  # onnx 1.12 has no helper.make_map_type_proto
    map_type.map_type.key_type = TensorProto.INT64
    map_type.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, []))
    z_prob = helper.make_value_info('output_probability', helper.make_sequence_type_proto(map_type))
    z_nodes = [
        helper.make_node('MatMul', ['features', 'W'], ['logits'], name='matmul'),
        helper.make_node('Softmax', ['logits'], ['probabilities'], name='softmax', axis=1),
        helper.make_node('ArgMax', ['probabilities'], ['label_2d'], name='argmax', axis=1, keepdims=1),
        helper.make_node('Squeeze', ['label_2d', 'squeeze_axes'], ['output_label'], name='squeeze'),
        helper.make_node('ZipMap', ['probabilities'], ['output_probability'], name='zipmap', domain='ai.onnx.ml',
                         classlabels_int64s=[0, 1]),
    ]
    z_graph = helper.make_graph(z_nodes, 'zipmap_fixture', [zx], [z_label, z_prob], initializer=[
        numpy_helper.from_array(np.column_stack([-w_raw, w_raw]).astype(np.float32) / 2, 'W'),
        numpy_helper.from_array(np.array([1], np.int64), 'squeeze_axes')])
    zipmap = helper.make_model(z_graph, producer_name=PRODUCER, producer_version=PRODUCER_VERSION,
                               doc_string='TEST FIXTURE (deliberately bad): a tiny 2-class classifier whose probabilities go through '
                                          'ai.onnx.ml ZipMap, giving a seq(map(int64, float)) output as skl2onnx does by default; must be refused.',
                               opset_imports=[helper.make_opsetid('', OPSET), helper.make_opsetid('ai.onnx.ml', 1)])
    zipmap.ir_version = IR_VERSION
    # Structural check only: onnx 1.12's strict shape inference cannot type ZipMap's seq(map) output
    # ("type case unsupported for symbolic shape inference"); the model itself is valid ONNX.
    onnx.checker.check_model(zipmap)
    onnx.save(zipmap, os.path.join(FIXTURES, 'zipmap.onnx'))
    print(f'fixtures: {os.path.relpath(FIXTURES, ROOT)}/zipmap.onnx, wrong-inputs.onnx (checker OK)')

    # -----------------------------------------------------------------------------------------
    # 7. Outputs: evaluation.json, test-predictions.json, cases.json, model-card.yaml
    # -----------------------------------------------------------------------------------------
    ids = [ident(n) for n in feat_names]
    out = {
        'status': 'DEMONSTRATION ONLY - not a clinically validated model',
        'environment': {'python': platform.python_version(), 'numpy': np.__version__, 'scipy': scipy.__version__,
                        'scikit-learn': sklearn.__version__, 'onnx': onnx.__version__, 'pyyaml': yaml.__version__,
                        'platform': platform.platform()},
        'data': {'source': 'sklearn.datasets.load_breast_cancer (copy of UCI Breast Cancer Wisconsin (Diagnostic))',
                 'citation': f'Street WN, Wolberg WH, Mangasarian OL. Nuclear feature extraction for breast tumor diagnosis. Proc SPIE 1905 (1993) 861-870. doi:{DOI}',
                 'n': int(len(y_all)), 'malignant': int(y_all.sum()), 'benign': int(len(y_all) - y_all.sum()),
                 'outcome_coding': '1 = malignant, 0 = benign (sklearn target 0 = malignant, recoded)'},
        'split': {'seed': SEED, 'method': f'train_test_split(stratify=y, test_size={TEST_SIZE}, random_state={SEED})',
                  'train': {'n': int(len(tr)), 'malignant': int(y_tr.sum()), 'benign': int(len(tr) - y_tr.sum())},
                  'test': {'n': int(len(te)), 'malignant': int(y_te.sum()), 'benign': int(len(te) - y_te.sum())}},
        'feature_selection': {
            'procedure': f'On the training split only: standardise the 20 "mean" and "worst" features; fit L1-penalised logistic regression '
                         f'(liblinear) along {L1_GRID} log-spaced C from the minimum non-null C (sklearn l1_min_c) to 1000x it; rank features '
                         f'by the C at which their coefficient first becomes non-zero; take the first {N_FEATURES}, at most one per a-priori '
                         f'group of near-redundant descriptors ({sorted(set(GROUPS.values()))}).',
            'path': path, 'selected': feat_names,
            f'selection_frequency_over_{STABILITY_SPLITS}_other_splits': stability},
        'model': {'type': 'logistic regression (L2)', 'C': C_best,
                  'C_selection': f'LogisticRegressionCV over {len(Cs)} values 1e-3..1e3, {CV_FOLDS}-fold stratified CV (seed {SEED}), neg log loss',
                  'features_in_order': feat_names, 'onnx_input': 'features float32 [N, %d]' % F, 'onnx_output': 'probability float32 [N, 1] = P(malignant)',
                  'intercept_raw': float(b_raw),
                  'coefficients_raw': {n: float(w) for n, w in zip(feat_names, w_raw)},
                  'intercept_standardised': b0_std,
                  'coefficients_standardised_per_SD': {n: float(b) for n, b in zip(feat_names, beta_std)},
                  'training_mean': {n: float(m) for n, m in zip(feat_names, scaler.mean_)},
                  'training_sd': {n: float(s) for n, s in zip(feat_names, scaler.scale_)},
                  'onnx_file': os.path.relpath(MODEL_PATH, ROOT), 'onnx_sha256': sha, 'opset': OPSET, 'ir_version': IR_VERSION},
        'training_range': train_range,
        'evaluation_test_set': {
            'n': int(len(te)), 'malignant': int(y_te.sum()), 'benign': int(len(te) - y_te.sum()),
            'auc': r(auc), 'auc_ci95': auc_ci,
            'auc_ci_method': f'percentile bootstrap, {N_BOOT} resamples of the test set, numpy default_rng({SEED}); {skipped} single-class resamples skipped',
            'calibration': cal,
            'brier': r(brier), 'brier_ci95': brier_ci, 'brier_reference_prevalence_only': r(brier_ref),
            'scaled_brier': r(1 - brier / brier_ref),
            'alert_threshold': {**thr_alert, 'chosen_how': f'on the training split: highest threshold in 0.01..0.99 (step 0.01) whose '
                                                          f'{CV_FOLDS}-fold out-of-fold sensitivity is >= {TARGET_SENSITIVITY}'},
            'threshold_0_5': thr_half,
            'test_rows_outside_training_range': outside,
            'apparent_training_auc': r(train_auc), 'out_of_fold_training_auc': r(oof_auc)},
        'external_validation': 'none',
    }
    with open(os.path.join(HERE, 'evaluation.json'), 'w') as f:
        json.dump(out, f, indent=2)
        f.write('\n')

    rows = [{'row': int(i), 'label': int(y_all[i]), 'features': [float(v) for v in X_all[i, sel]], 'p_sklearn': float(p)}
            for i, p in zip(te, p_te)]
    with open(os.path.join(HERE, 'test-predictions.json'), 'w') as f:
        json.dump({'model': os.path.relpath(MODEL_PATH, ROOT), 'input': 'features', 'output': 'probability',
                   'features': feat_names, 'tolerance': 1e-5, 'rows': rows}, f, indent=1)
        f.write('\n')

    # 5 worked cases: the test rows whose probability is nearest to 2 %, 15 %, 50 %, 85 %, 98 %.
    lo, hi = Xtr.min(0), Xtr.max(0)
    cases, used = [], set()
    for target in (0.02, 0.15, 0.5, 0.85, 0.98):
        k = min((k for k in range(len(te)) if k not in used), key=lambda k: (abs(p_te[k] - target), k))
        used.add(k)
        i = te[k]
        x = X_all[i, sel]
        cases.append({
            'name': f'WDBC test row {int(i)} (predicted {p_te[k]:.1%}, {"malignant" if y_all[i] else "benign"} in the data set)',
            'dataset_row': int(i), 'target_probability_bucket': target,
            'inputs': {ident(n): float(v) for n, v in zip(feat_names, x)},
            'p_malignant_sklearn': float(p_te[k]), 'p_malignant_percent': round(float(p_te[k]) * 100, 2),
            'above_alert_threshold': bool(p_te[k] >= alert),
            'observed_diagnosis': 'malignant' if y_all[i] else 'benign',
            'inside_training_range': bool(np.all((x >= lo) & (x <= hi))),
        })
    outside_rows = []
    for k in np.flatnonzero(np.any((Xte < lo) | (Xte > hi), axis=1)):
        i = te[k]
        x = X_all[i, sel]
        outside_rows.append({
            'dataset_row': int(i), 'inputs': {ident(n): float(v) for n, v in zip(feat_names, x)},
            'outside': {ident(n): ('below' if v < lo[j] else 'above') + f' training range {lo[j]:g} to {hi[j]:g}'
                        for j, (n, v) in enumerate(zip(feat_names, x)) if v < lo[j] or v > hi[j]},
            'p_malignant_sklearn': float(p_te[k]), 'observed_diagnosis': 'malignant' if y_all[i] else 'benign'})
    with open(os.path.join(HERE, 'cases.json'), 'w') as f:
        json.dump({'source': 'held-out test split of scripts/train-demo/train.py; dataset_row = row index in sklearn.datasets.load_breast_cancer()',
                   'feature_order': ids, 'alert_threshold': alert,
                   'test_rows_outside_training_range': outside_rows,
                   'note': 'p_malignant_sklearn is float64 from scikit-learn; the float32 ONNX model agrees within 1e-5 (verify.mjs).',
                   'cases': cases}, f, indent=2)
        f.write('\n')
    print('\nworked cases (cases.json):')
    for c in cases:
        print(f'  row {c["dataset_row"]:>3}: p = {c["p_malignant_sklearn"]:.4f} ({c["observed_diagnosis"]}) '
              + ', '.join(f'{k}={v:g}' for k, v in c['inputs'].items()))

    write_model_card(out, feat_names, alert)
    print('\nwrote scripts/train-demo/{evaluation.json, test-predictions.json, cases.json, model-card.yaml}')
    print('next: node scripts/train-demo/verify.mjs   (onnxruntime-web vs sklearn, tolerance 1e-5)')


def write_model_card(ev, feat_names, alert):
    e = ev['evaluation_test_set']
    cal = e['calibration']
    sp = ev['split']
    pct = lambda x: f'{x * 100:.1f} %'
    card = {
        'model': {
            'name': 'WDBC malignancy (demonstration)',
            'file': ev['model']['onnx_file'], 'sha256': ev['model']['onnx_sha256'],
            'version': PRODUCER_VERSION, 'produced_by': 'scripts/train-demo/train.py (seed %d)' % SEED,
            'type': f'logistic regression, {len(feat_names)} features, L2-penalised (C = {ev["model"]["C"]:.4g}), standardisation folded into the coefficients',
            'status': 'DEMONSTRATION ONLY - not clinically validated, not for clinical use',
        },
        'intended_use': {
            'purpose': 'Demonstrates, end to end, how a trained prediction model is contributed to Bedside (training, ONNX export, '
                       'model card, worked cases). It is NOT intended for clinical use, diagnosis, triage or any patient-care decision.',
            'intended_users': 'Bedside contributors and reviewers learning the bring-your-own-model workflow.',
            'not_for': ['diagnosing breast cancer', 'deciding on biopsy, surgery or follow-up',
                        'features measured by any system other than the original Wisconsin image-analysis software'],
            'setting_it_would_describe': 'Cytology of a fine-needle aspirate (FNA) of a breast mass, analysed by the University of '
                                         'Wisconsin interactive image-analysis system (later Xcyt); the inputs are not routinely available elsewhere.',
        },
        'population': {
            'description': 'Patients with a breast mass who had a fine-needle aspirate (FNA), from the practice of the dataset '
                           'creators at the University of Wisconsin (Madison, USA); 569 FNA samples, one digitised image per sample. '
                           'The dataset documentation does not describe eligibility, age range or setting further.',
            'dates': 'Collection dates are not stated in the dataset documentation; the source papers are from 1993-1995 and the '
                     'UCI deposit is dated November 1995, so samples predate 1995.',
            'demographics': 'Not available: the dataset contains no age, sex, ethnicity or clinical history.',
            'selection': 'Not documented in the dataset (consecutive or not is not stated); prevalence 37.3 % malignant reflects a '
                         'referral/biopsy population, not screening.',
        },
        'outcome': {
            'definition': 'Malignant (1) vs benign (0) diagnosis of the breast mass sampled by FNA, as labelled in the dataset '
                          '(WDBC-Malignant / WDBC-Benign). How each diagnosis was confirmed (reference standard) is not recorded '
                          'in the dataset; see the source papers.',
            'horizon': 'Diagnostic (cross-sectional): the state of the mass at the time of FNA. No prognostic horizon.',
            'output': 'probability = P(malignant), 0 to 1.',
        },
        'development_data': {
            'source': ev['data']['source'],
            'citation': ev['data']['citation'],
            'size': f'{ev["data"]["n"]} samples: {ev["data"]["malignant"]} malignant ({pct(ev["data"]["malignant"] / ev["data"]["n"])}), {ev["data"]["benign"]} benign',
            'split': f'stratified {int((1 - TEST_SIZE) * 100)}/{int(TEST_SIZE * 100)}, seed {SEED}: training {sp["train"]["n"]} '
                     f'({sp["train"]["malignant"]} malignant), test {sp["test"]["n"]} ({sp["test"]["malignant"]} malignant)',
            'missing_data': 'none in the dataset',
            'feature_selection': ev['feature_selection']['procedure'],
        },
        'features': [
            {'id': ident(n), 'name': n, 'unit': UNITS[base(n)][0], 'meaning': UNITS[base(n)][1]
             + (' - "worst" = mean of the three largest values over the nuclei in the image' if n.startswith('worst') else ' - mean over the nuclei in the image'),
             'coefficient_raw': ev['model']['coefficients_raw'][n],
             'odds_ratio_per_training_sd_adjusted': round(float(np.exp(ev['model']['coefficients_standardised_per_SD'][n])), 3),
             'training_range': ev['training_range'][n]}
            for n in feat_names],
        'intercept_raw': ev['model']['intercept_raw'],
        'units_note': 'Values are in the units of the distributed dataset, computed by image analysis of a digitised FNA image; '
                      'size features are in pixel-scale image units with no physical calibration published with the data. '
                      'The model only makes sense for values produced by the same measurement pipeline.',
        'performance': {
            'evaluated_on': f'held-out internal test split: {e["n"]} samples, {e["malignant"]} malignant',
            'discrimination': {'auc': e['auc'], 'auc_ci95': e['auc_ci95'], 'method': e['auc_ci_method']},
            'calibration': {'intercept': cal['intercept_calibration_in_the_large'], 'intercept_ci95': cal['intercept_calibration_in_the_large_ci95'],
                            'slope': cal['slope'], 'slope_ci95': cal['slope_ci95'],
                            'brier': e['brier'], 'brier_ci95': e['brier_ci95'], 'scaled_brier': e['scaled_brier'],
                            'method': cal['method'] + ' Brier CI: same bootstrap as the AUC.'},
            'alert_threshold': {'probability': alert, 'percent': round(alert * 100),
                                'sensitivity': e['alert_threshold']['sensitivity'], 'sensitivity_ci95': e['alert_threshold']['sensitivity_ci95_wilson'],
                                'specificity': e['alert_threshold']['specificity'], 'specificity_ci95': e['alert_threshold']['specificity_ci95_wilson'],
                                'ppv': e['alert_threshold']['ppv'], 'npv': e['alert_threshold']['npv'],
                                'counts': {k: e['alert_threshold'][k] for k in ('tp', 'fp', 'tn', 'fn')},
                                'chosen_how': e['alert_threshold']['chosen_how']},
            'at_threshold_0_5': {k: e['threshold_0_5'][k] for k in ('sensitivity', 'specificity', 'ppv', 'npv')},
        },
        'external_validation': 'None. Only an internal random split of one single-centre dataset; performance elsewhere is unknown.',
        'limitations': [
            'Demonstration model: not clinically validated; no external or temporal validation; internal test set of only %d samples, so the CIs are wide.' % e['n'],
            'Inputs come from a specific 1990s research image-analysis system (operator-outlined nuclei on a digitised FNA image); they are not measurements a clinician can take, and other systems will give different values.',
            'Single centre (University of Wisconsin), samples from before 1995; case mix, FNA technique and cytology practice have changed since.',
            'Prevalence in the data (37 %) is that of a biopsied/referred population; predicted probabilities will be miscalibrated where prevalence differs.',
            'Dataset rows are samples, not guaranteed unique patients; no patient identifiers are in the scikit-learn copy.',
            'This dataset is widely used in machine-learning teaching and benchmarking; the features were designed (and the source papers selected features) on the same data, so apparent performance is optimistic.',
            'Feature units are image units; the dataset documentation gives no physical calibration.',
            'Inputs outside the training range (listed per feature) are extrapolation.',
        ],
        'fairness': 'No demographic or socioeconomic variables are available (not even age), so performance across subgroups '
                    'cannot be assessed. The population is from one US centre; nothing is known about representativeness.',
        'tripod_ai_items_not_applicable_or_unknown': ['sample size calculation (none: fixed public dataset)',
                                                      'handling of missing data (none missing)',
                                                      'participant dates and recruitment (not documented in the dataset)'],
    }
    header = ('# Model card (TRIPOD+AI items) for contributed-models/wdbc-malignancy.onnx\n'
              '# GENERATED by scripts/train-demo/train.py from the evaluation it prints (evaluation.json). Do not edit by hand;\n'
              '# re-run the script. DEMONSTRATION ONLY - not a clinically validated model.\n')
    with open(os.path.join(HERE, 'model-card.yaml'), 'w') as f:
        f.write(header)
        yaml.safe_dump(card, f, sort_keys=False, allow_unicode=True, width=110)


if __name__ == '__main__':
    sys.exit(main())
