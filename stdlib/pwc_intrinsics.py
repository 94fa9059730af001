"""Compiler intrinsics.

`export`, `host_import` and `I32` are the compiler's two generic features for
talking to a wasm host; any module may use them.  Everything else here is a
raw memory or region operation that only stdlib modules may use (the compiler
rejects it in plugin code).  Under CPython these are plain Python so that
stdlib modules import and type-check; the memory functions raise, because
under CPython the SDK's bottom layer is replaced by `pwc.testing`.
"""

from __future__ import annotations

from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable[..., object])
V = TypeVar("V")

# A wasm i32 in an export/import signature; an ordinary int everywhere else.
I32 = int


def export(name: str, if_overridden: object = None,
           if_reachable: object = None) -> Callable[[F], F]:
    """Export the decorated function from the wasm module under `name`.

    With `if_reachable=f` (or a tuple of functions), the export exists only
    if the program can call f (e.g. a host callback that answers a request
    only some plugins make).

    With `if_overridden=Base.method` (or a tuple of them), the export exists
    only if some class of the program overrides that method (one of them), so
    a host does not call callbacks that would do nothing.
    """

    def mark(f: F) -> F:
        return f

    return mark


def host_import(module: str, name: str) -> Callable[[F], F]:
    """Declare a body-less (`...`) function as the wasm import `module.name`."""

    def mark(f: F) -> F:
        def unavailable(*args: object, **kwargs: object) -> object:
            raise RuntimeError(
                f"{module}.{name} is a wasm host function; under CPython run the plugin "
                "through pwc.testing"
            )

        return unavailable  # type: ignore[return-value]

    return mark


class Registry(dict[int, V]):
    """An int-keyed table whose stores never copy their values into the table's
    region (the copy-on-store rule).  For runtime-owned tables that point into
    shorter-lived regions, such as context id -> context object; the owner
    must remove an entry before the value's region is freed."""


def _unavailable() -> RuntimeError:
    return RuntimeError("wasm memory intrinsics are not available under CPython")


def load_u8(addr: int) -> int:
    raise _unavailable()


def load_i32(addr: int) -> int:
    """Unsigned 32-bit little-endian load."""
    raise _unavailable()


def store_i32(addr: int, value: int) -> None:
    raise _unavailable()


def load_i64(addr: int) -> int:
    raise _unavailable()


def store_i64(addr: int, value: int) -> None:
    raise _unavailable()


def alloc(size: int) -> int:
    """A zeroed raw block of `size` bytes in the current region."""
    raise _unavailable()


def alloc_bare(size: int) -> int:
    """As `alloc`, but not zeroed: for a block written in full before it is read."""
    raise _unavailable()


def bytes_ptr(data: bytes) -> int:
    """Address of the first byte of `data` (valid while `data` lives)."""
    raise _unavailable()


def bytes_at(addr: int, size: int) -> bytes:
    """A new bytes object holding a copy of memory [addr, addr+size)."""
    raise _unavailable()


def str_at(addr: int, size: int) -> str:
    """A new str decoded from memory [addr, addr+size) as UTF-8 with surrogateescape."""
    raise _unavailable()


def str_at_address(addr: int) -> str:
    """The str object at `addr` (for the runtime's error reports)."""
    raise _unavailable()


def decode_map(addr: int, size: int) -> list[tuple[str, str]]:
    """The pairs of the serialized header map at [addr, addr+size) (abi.md 5.1),
    strings decoded with surrogateescape."""
    raise _unavailable()


def encode_map(pairs: list[tuple[str, str]]) -> bytes:
    """`pairs` as a serialized header map (abi.md 5.1), strings encoded with
    surrogateescape."""
    raise _unavailable()


def host_encode(text: str) -> bytes:
    """`text.encode("utf-8", "surrogateescape")`: the bytes a host should see."""
    return text.encode("utf-8", "surrogateescape")


def host_text(text: str) -> int:
    """Where the bytes of `host_encode(text)` are, as `(size << 32) | address`,
    for an import's (pointer, size) pair: an `I32` argument keeps the low 32
    bits, the address.  They are `text`'s own bytes, copied nowhere, unless it
    holds surrogate escapes (only then rewritten, into a raw block); valid
    while `text` lives.  Raises UnicodeEncodeError as `host_encode` does."""
    raise _unavailable()


# Regions are the wasm memory model; under CPython the garbage collector does
# their work, so these are no-ops that let the SDK's dispatch code run there too.


def region_new(long_lived: bool) -> int:
    """A new empty region (long-lived: the VM's kind; else a stream's)."""
    return 0


def region_free(region: int) -> None:
    """Free every object of `region` at once; its chunks are reused."""


def region_enter(region: int) -> int:
    """Make `region` the current allocation region; returns the previous one."""
    return 0


def region_of(obj: object) -> int:
    """The region that holds `obj`."""
    return 0


def exception_location(exc: BaseException) -> str:
    """`file.py:LINE in FUNCTION` of the innermost frame that raised `exc`
    in the program's own code: an SDK call that fails is located at the
    plugin's line that made it.  `<unknown>` when no frame of the program
    was involved (a failure inside the SDK's own dispatch), as in a module,
    where pwc's library records no frames.  Under the emulator, its host
    (the `pwc` package) and Python's own modules count as library too.
    Frames are told apart by their module's name, which does not depend on
    where the files were imported from."""
    import os
    import sys

    library = {"proxywasm", "pwc", "std", __name__, *sys.stdlib_module_names}
    last = None
    tb = exc.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).split(".")[0] not in library:
            last = tb
        tb = tb.tb_next
    if last is None:
        return "<unknown>"
    code = last.tb_frame.f_code
    return f"{os.path.basename(code.co_filename)}:{last.tb_lineno} in {code.co_name}"


def location_text(offset: int) -> str:
    """The text at `offset` in the program's location texts (the file and
    function names exceptions record; see pwc/lower/locations.py)."""
    raise _unavailable()


def overridden(*methods: Callable[..., object]) -> bool:
    """Whether a subclass of a method's class defines the method (any of
    them): the rule of `@export(if_overridden=...)`.  Compiled, a constant."""
    for method in methods:
        owner_name, _, name = method.__qualname__.rpartition(".")
        # The class through the method's own module (the emulator loads a
        # fresh copy of the SDK per plugin, not the one in sys.modules).
        owner = method.__globals__[owner_name]
        pending = list(owner.__subclasses__())
        while pending:
            sub = pending.pop()
            if name in vars(sub):
                return True
            pending.extend(sub.__subclasses__())
    return False


def hex_digits(value: int, width: int) -> str:
    """The low `width` (1 or more) hex digits of `value`, zero-padded, in
    lower case ("00e9" for 0xE9 and 4): the prelude's codec error messages
    spell bytes and code points with them."""
    return format(value & ((1 << 4 * width) - 1), f"0{width}x")


# Float bits and the f64 instructions the prelude builds float arithmetic and
# float text from.  Plain Python here, so the prelude's float code can be tested
# under CPython too.

def ascii_number(text: str) -> str:
    """The text int() and float() read (runtime/number_text.wat): `text` with
    other scripts' decimal digits and Unicode whitespace made ASCII, as
    CPython's _PyUnicode_TransformDecimalAndSpaceToASCII makes it, and the
    ASCII whitespace around it (not "\x1c".."\x1f") stripped."""
    import unicodedata
    out: list[str] = []
    for c in text:
        if c < "\x7f":
            out.append(c)
        elif c.isspace():
            out.append(" ")
        elif c.isdecimal():
            out.append(str(unicodedata.decimal(c)))
        else:
            out.append("?")
            break
    return "".join(out).strip(" \t\n\v\f\r")


def float_bits(x: float) -> int:
    """The IEEE 754 bits of x as a signed 64-bit int (i64.reinterpret_f64)."""
    import struct
    return int(struct.unpack("<q", struct.pack("<d", x))[0])


def float_from_bits(bits: int) -> float:
    """The float whose IEEE 754 bits are `bits` (f64.reinterpret_i64)."""
    import struct
    return float(struct.unpack("<d", struct.pack("<q", bits))[0])


def float_divide(x: float, y: float) -> float:
    """x / y by IEEE 754 rules (f64.div): y = 0 gives an infinity or NaN."""
    import math
    if y == 0.0:
        return math.nan if x == 0.0 or x != x else math.copysign(math.inf, x) * math.copysign(1.0, y)
    return x / y


def float_floor(x: float) -> float:
    import math
    return float(math.floor(x)) if math.isfinite(x) and x != 0.0 else x


def float_nearest(x: float) -> float:
    """x rounded to a whole number, ties to even (f64.nearest)."""
    import math
    return math.copysign(float(round(x)), x) if math.isfinite(x) else x


def float_trunc_int(x: float) -> int:
    """x toward zero as a 64-bit int (i64.trunc_sat_f64_s): callers check the range."""
    import math
    if x != x:
        return 0
    if math.isinf(x):
        return 2**63 - 1 if x > 0 else -(2**63)
    return max(-(2**63), min(2**63 - 1, math.trunc(x)))
