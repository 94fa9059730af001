# ruff: noqa
"""A syntax error in an imported module is shown at that module's path."""

import broken

print(broken.VALUE)
