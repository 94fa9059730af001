# ruff: noqa
"""Names a module does not define, by attribute and by `from ... import`."""

import proxywasm
from proxywasm import no_such_name  # error: 23: Module "proxywasm" has no attribute "no_such_name"


def main() -> None:
    proxywasm.log_nothing("x")  # error: 15: Module "proxywasm" has no attribute "log_nothing"
    print(proxywasm.NO_SUCH_CONSTANT)  # error: 21: Module "proxywasm" has no attribute "NO_SUCH_CONSTANT"


main()
