"""Precision, recall and F1 from counts, the one definition every evaluation uses."""

from __future__ import annotations


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision = tp_pred/n_pred, recall = tp_gold/n_gold (1.0 when there is nothing to find
    or nothing was predicted), F1 their harmonic mean; rounded to 4 places."""
    p = tp_pred / n_pred if n_pred else 1.0
    r = tp_gold / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)
