"""Shared test settings.

Hypothesis' per-example deadline measures wall time, which on a loaded
2-core CI machine (Envoy, wasmtime and several test processes at once) says
more about the neighbours than about the code; correctness is what these
tests check, and the suite's total time is watched separately.
"""

from hypothesis import settings

settings.register_profile("pwc", deadline=None)
settings.load_profile("pwc")
