"""Summary statistics of request latencies: mean, variance, percentiles, a histogram."""
# covers: float-arith, float-format, list-sort


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    position = fraction * (len(sorted_values) - 1)
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    weight = position - low
    return sorted_values[low] * (1 - weight) + sorted_values[high] * weight


def main() -> None:
    samples = [12.1, 8.4, 15.0, 9.9, 230.5, 11.2, 10.0, 13.7, 9.1, 45.25]
    ordered = sorted(samples)
    mean = sum(samples) / len(samples)
    variance = sum((s - mean) * (s - mean) for s in samples) / (len(samples) - 1)
    print("mean", mean, "variance", variance)
    print("min", min(samples), "max", max(samples), "ordered", ordered)
    for q in [0.5, 0.9, 0.99]:
        print(f"p{int(q * 100)} = {percentile(ordered, q):.3f}")
    buckets: dict[str, int] = {}
    for s in samples:
        bound = 10.0
        while s > bound:
            bound *= 2
        key = f"<= {bound:g}"
        buckets[key] = buckets.get(key, 0) + 1
    print(buckets)
    slow = [s for s in samples if s > mean]
    print("slow", slow, "share", f"{len(slow) / len(samples):.0%}")


main()
