"""The one statistic the benchmarks use: the median."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    """The median; ValueError on no values (a measurement that took none is a bug)."""
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))
