"""Metrics: counters, gauges and histograms (abi.md §3.10).

Envoy exports them as `wasmcustom.<name>`, summed over every VM instance.
What Envoy allows, and therefore what raises here: a counter only grows
(increment by 0 or less raises BadArgumentError); a gauge moves both ways;
a histogram only records samples and cannot be read back (value() raises
BadArgumentError).
"""

from proxywasm import _abi, _host


class MetricCounter:
    """A counter (Go: proxywasm.MetricCounter)."""

    def __init__(self, metric_id: int) -> None:
        self.metric_id = metric_id

    def increment(self, offset: int) -> None:
        """Add `offset` (> 0) to the counter."""
        _host.increment_metric(self.metric_id, offset)

    def value(self) -> int:
        return _host.get_metric(self.metric_id)


class MetricGauge:
    """A gauge (Go: proxywasm.MetricGauge)."""

    def __init__(self, metric_id: int) -> None:
        self.metric_id = metric_id

    def add(self, offset: int) -> None:
        """Add `offset` to the gauge (a negative offset subtracts)."""
        _host.increment_metric(self.metric_id, offset)

    def set(self, value: int) -> None:
        """Set the gauge to `value` (a convenience; Go has only add)."""
        _host.record_metric(self.metric_id, value)

    def value(self) -> int:
        return _host.get_metric(self.metric_id)


class MetricHistogram:
    """A histogram (Go: proxywasm.MetricHistogram)."""

    def __init__(self, metric_id: int) -> None:
        self.metric_id = metric_id

    def record(self, value: int) -> None:
        """Record one sample."""
        _host.record_metric(self.metric_id, value)

    def value(self) -> int:
        """Envoy cannot read a histogram back: this raises BadArgumentError
        there (kept for parity with the Go SDK)."""
        return _host.get_metric(self.metric_id)


def define_counter_metric(name: str) -> MetricCounter:
    """A handle on the counter `name` (defining it again gives a new handle
    on the same counter)."""
    return MetricCounter(_host.define_metric(_abi.METRIC_COUNTER, name))


def define_gauge_metric(name: str) -> MetricGauge:
    return MetricGauge(_host.define_metric(_abi.METRIC_GAUGE, name))


def define_histogram_metric(name: str) -> MetricHistogram:
    return MetricHistogram(_host.define_metric(_abi.METRIC_HISTOGRAM, name))
