"""pwc's performance measurements (issue 5; design.md "Performance targets").

Run `python -m benchmarks` from the repository root (`--help` for options,
`--quick` for a short run).  Parts:

* modules: for every examples/*/plugin.py and the two reference builds of
  the 'hdr' plugin: module size, compile time, per-callback cost and linear
  memory in wasmtime (benchmarks.modules_part);
* envoy: what hdr costs Envoy per request as hand-written WAT and as built
  by pwc, against no plugin; start-up time and memory (benchmarks.envoy_bench).

docs/performance.md explains the numbers and shows one run.
"""
