# ruff: noqa
"""An error found while parsing an imported module is shown at that module's path."""

import counter

print(counter.bump())
