"""The `pwc` command line: argument parsing only; the work is in driver.py."""

from __future__ import annotations

import argparse
import gc
import sys
import traceback
from pathlib import Path

from pwc.diagnostics import CompileError

REPORT_URL = "the pwc issue tracker"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="pwc", description="Compile a typed-Python Proxy-Wasm plugin to WebAssembly.")
    parser.add_argument("source", type=Path, help="the plugin source file (.py)")
    parser.add_argument("-o", "--output", type=Path,
                        help="output .wasm path (default: SOURCE with .wasm beside it)")
    parser.add_argument("-S", "--emit-wat", nargs="?", const=True, default=None,
                        metavar="PATH", help="also write the linked WAT (default: OUTPUT.wat)")
    parser.add_argument("--timings", action="store_true", help="print each stage's time")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code not in (0, None) else 0
    source: Path = args.source
    if not source.is_file():
        print(f"pwc: error: {source}: no such file", file=sys.stderr)
        return 2
    output: Path = args.output or source.with_suffix(".wasm")

    from pwc.driver import InternalError, compile_file

    # One short-lived compile: the collector would only keep re-scanning the
    # imported modules and parsed stdlib trees, all of which live to the end.
    gc.freeze()

    try:
        result = compile_file(source)
    except CompileError as e:
        sys.stderr.write(e.diagnostics.render())
        count = sum(1 for d in e.diagnostics.items if d.severity == "error")
        print(f"pwc: {count} error{'s' if count != 1 else ''}", file=sys.stderr)
        return 1
    except (InternalError, Exception) as e:  # noqa: BLE001 - every bug gets the same report
        print(f"{source}: internal compiler error: {e}", file=sys.stderr)
        print(f"This is a bug in pwc; please report it to {REPORT_URL} with the source file.",
              file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 3
    wat_path = None
    if args.emit_wat is not None:
        wat_path = output.with_suffix(".wat") if args.emit_wat is True else Path(args.emit_wat)
    try:
        output.write_bytes(result.wasm)
        if wat_path is not None:
            wat_path.write_text(result.wat, encoding="utf-8")
    except OSError as e:
        print(f"pwc: error: cannot write {e.filename or output}: {e.strerror}", file=sys.stderr)
        return 2
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"{stage:>10}: {seconds * 1000:7.1f} ms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
