# ruff: noqa
"""An error inside a module imported from beside the main file is shown at that module's path."""

import units
from units import kilo


def main() -> None:
    print(units.kilo(2))
    print(kilo("3"))  # error: 16: Argument 1 to "kilo" has incompatible type "str"; expected "int"


main()
