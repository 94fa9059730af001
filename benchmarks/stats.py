"""The statistics the benchmarks use: the median, and how far a ratio of
medians of paired differences could move (a bootstrap interval)."""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    """The median; ValueError on no values (a measurement that took none is a bug)."""
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))


def ratio_interval(
    top: Sequence[float], bottom: Sequence[float], resamples: int = 2000
) -> tuple[float, float] | None:
    """The 95% bootstrap interval of median(top) / median(bottom), `top[i]`
    and `bottom[i]` measured in the same round i: rounds are drawn with
    replacement, both series together (a fixed seed: the same data gives
    the same interval).  A resample whose denominator is not positive
    bounds the ratio by nothing: it counts as infinite, so the upper end is
    `math.inf` when more than 2.5% of them are such (one such resample in
    2,000 no longer hides the interval).  None when there are fewer than 2
    rounds or more than 97.5% of the resamples are such (no ratio to speak
    of)."""
    if len(top) != len(bottom):
        raise ValueError("the two series must have one value per round each")
    if len(top) < 2:
        return None
    draw = random.Random(0)
    ratios: list[float] = []
    for _ in range(resamples):
        picked = [draw.randrange(len(top)) for _ in top]
        denominator = median([bottom[i] for i in picked])
        ratios.append(median([top[i] for i in picked]) / denominator if denominator > 0
                      else math.inf)
    ratios.sort()
    low, high = ratios[int(0.025 * resamples)], ratios[int(0.975 * resamples) - 1]
    return None if math.isinf(low) else (low, high)
