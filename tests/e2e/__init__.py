"""End-to-end tests: compiled plugins in a real Envoy (see envoy_harness.py)."""
