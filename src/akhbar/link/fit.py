"""Fitting the link model's weights: L2-regularised logistic regression by Newton's method.

Small and dependency-free (numpy only): the model has a handful of named features, and the fit
must be reproducible from the command that made it (``akhbar eval similarity --fit``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .similarity import FEATURES, LinkModel


# Features that measure resemblance: more of them can never make two reports less likely to be
# of one event, so their weights are kept >= 0 (a pair set where, say, shared entities happen to
# come with lower scores says more about the pair set than about news). The indicators
# (``undated``, ``cross_lingual``) shift the bias for a kind of pair and may take either sign.
NONNEGATIVE = frozenset(FEATURES) - {"undated", "cross_lingual"}


def fit_logistic(rows: Sequence[dict[str, float]], labels: Sequence[int], *, l2: float = 1.0,
                 features: Sequence[str] = FEATURES, nonnegative: frozenset[str] = NONNEGATIVE) -> tuple[float, dict[str, float]]:
    """(bias, weights) maximising the penalised likelihood of ``labels`` (0/1) given ``rows``,
    with the weights of ``nonnegative`` features kept >= 0 (active set: a feature whose weight
    comes out negative is fixed at 0 and the rest refitted)."""
    active = list(features)
    while True:
        bias, weights = _newton(rows, labels, l2=l2, features=active)
        negative = [f for f in active if f in nonnegative and weights[f] < 0]
        if not negative:
            break
        worst = min(negative, key=lambda f: weights[f])
        active.remove(worst)
    return bias, {f: weights.get(f, 0.0) for f in features}


def _newton(rows: Sequence[dict[str, float]], labels: Sequence[int], *, l2: float, features: Sequence[str],
            iterations: int = 50) -> tuple[float, dict[str, float]]:
    if len(rows) != len(labels) or not rows:
        raise ValueError("fit_logistic: need as many labels as rows, and at least one row")
    x = np.array([[1.0] + [r.get(f, 0.0) for f in features] for r in rows])
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return round(float(w[0]), 4), {f: round(float(v), 4) for f, v in zip(features, w[1:])}


def fitted_model(rows: Sequence[dict[str, float]], labels: Sequence[int], *, about: str, l2: float = 1.0,
                 threshold: float = 0.5) -> LinkModel:
    bias, weights = fit_logistic(rows, labels, l2=l2)
    return LinkModel(bias=bias, weights=weights, threshold=threshold, about=about)
