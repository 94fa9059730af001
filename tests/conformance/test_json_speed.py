"""proxywasm.json parses a 10 KB configuration well under a millisecond when
compiled (the issue's target; `python -m benchmarks.json_parse` gives the
figures of docs/performance.md)."""

from __future__ import annotations

from benchmarks.json_parse import CURRENT_SOURCE, measure

# Both generous: the parser takes about a quarter of each.  The first cut
# of the parser (1.5 ms and 12.9 million instructions) fails both.
BOUND_US = 1000.0
BOUND_FUEL = 4_000_000


def test_parsing_10_kb_compiled_takes_well_under_a_millisecond() -> None:
    timings = measure(CURRENT_SOURCE, samples=10)
    assert 10_000 <= timings.document_bytes <= 12_000
    parse = timings.parse
    # The fastest sample: on a shared machine other load only adds time.
    assert parse.best_us < BOUND_US, f"a parse took {parse.best_us:.0f} µs at best"
    # Fuel (wasm instructions) does not depend on the load at all.
    assert parse.fuel < BOUND_FUEL, f"a parse took {parse.fuel:,} fuel"
