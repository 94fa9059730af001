"""proxywasm.json parses a 10 KB configuration well under a millisecond when
compiled (the issue's target; `python -m benchmarks.json_parse` gives the
figures of docs/performance.md)."""

from __future__ import annotations

from benchmarks.json_parse import CURRENT_SOURCE, measure

# Generous: the parser takes about a quarter of it, and the first cut of the
# parser, which took 1.5 ms, fails it.
BOUND_US = 1000.0


def test_parsing_10_kb_compiled_takes_well_under_a_millisecond() -> None:
    timing = measure(CURRENT_SOURCE, samples=10)
    assert 10_000 <= timing.document_bytes <= 12_000
    # The fastest sample: on a shared machine other load only adds time.
    assert timing.best_us < BOUND_US, (
        f"parsing {timing.document_bytes} bytes took {timing.best_us:.0f} µs at best"
    )
