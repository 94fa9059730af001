"""The prelude: built-in exception classes and helpers, written in the dialect.

Compiled into every program (the linker drops what is unused).  Never run
under CPython, which has the real built-ins; names starting with `_` are
private to the compiler.
"""

from pwc_intrinsics import I32, alloc, bytes_ptr, host_import, store_i32, str_at_address


class BaseException:
    _message: str
    # Where it was raised (the innermost frame), set by the compiled code.
    _where_file: str | None
    _where_function: str
    _where_line: int

    def __init__(self, message: str = "") -> None:
        self._message = message
        self._where_file = None

    def __str__(self) -> str:
        return self._message


class Exception(BaseException):
    pass


class ArithmeticError(Exception):
    pass


class OverflowError(ArithmeticError):
    pass


class ZeroDivisionError(ArithmeticError):
    pass


class LookupError(Exception):
    pass


class IndexError(LookupError):
    pass


class KeyError(LookupError):
    """str(KeyError(k)) is repr(k), as in CPython (a missing key reads 'name')."""

    _quoted: bool

    def __init__(self, key: str = "", quoted: bool = True) -> None:
        super().__init__(key)
        self._quoted = quoted

    def __str__(self) -> str:
        if self._quoted:
            return repr(self._message)
        return self._message


class ValueError(Exception):
    pass


class UnicodeError(ValueError):
    pass


class UnicodeDecodeError(UnicodeError):
    pass


class UnicodeEncodeError(UnicodeError):
    pass


class TypeError(Exception):
    pass


class AttributeError(Exception):
    pass


class RuntimeError(Exception):
    pass


class NotImplementedError(RuntimeError):
    pass


class RecursionError(RuntimeError):
    pass


class AssertionError(Exception):
    pass


class MemoryError(Exception):
    pass


def _exception_location(e: BaseException) -> str:
    file = e._where_file
    if file is None:
        return "<unknown>"
    return f"{file}:{e._where_line} in {e._where_function}"


_HEX = "0123456789abcdef"


def _byte_hex(b: int) -> str:
    return "0x" + _HEX[(b >> 4) & 15] + _HEX[b & 15]


def _hex4(v: int) -> str:
    return _HEX[(v >> 12) & 15] + _HEX[(v >> 8) & 15] + _HEX[(v >> 4) & 15] + _HEX[v & 15]


def _raise_builtin(code: int, arg: int) -> None:
    """Raised on behalf of the runtime (docs/internals.md lists the codes)."""
    if code == 1:
        raise OverflowError("integer overflow")
    if code == 2:
        raise ZeroDivisionError("integer division or modulo by zero")
    if code == 3:
        raise IndexError("list index out of range")
    if code == 4:
        raise IndexError("string index out of range")
    if code == 5:
        raise MemoryError("out of memory")
    if code == 6:
        reason = (arg >> 40) & 255
        position = (arg >> 8) & 4294967295
        count = (arg >> 48) & 255
        text = "invalid start byte"
        if reason == 2:
            text = "invalid continuation byte"
        if reason == 3:
            text = "unexpected end of data"
        if count > 1:
            raise UnicodeDecodeError(f"'utf-8' codec can't decode bytes in position "
                                     f"{position}-{position + count - 1}: {text}")
        raise UnicodeDecodeError(f"'utf-8' codec can't decode byte {_byte_hex(arg & 255)} "
                                 f"in position {position}: {text}")
    if code == 7:
        position = arg & 4294967295
        point = 55296 + ((arg >> 32) & 2047)
        run = ((arg >> 43) & 2097151) + 1
        if run > 1:
            raise UnicodeEncodeError(f"'utf-8' codec can't encode characters in position "
                                     f"{position}-{position + run - 1}: surrogates not allowed")
        raise UnicodeEncodeError(f"'utf-8' codec can't encode character '\\u{_hex4(point)}' "
                                 f"in position {position}: surrogates not allowed")
    if code == 8:
        raise IndexError("pop from empty list")
    if code == 9:
        raise ValueError("empty separator")
    if code == 10:
        raise RecursionError("maximum recursion depth exceeded")
    if code == 11:
        raise ZeroDivisionError("division by zero")
    if code == 12:
        raise ValueError(f"invalid literal for int() with base 10: {str_at_address(arg)!r}")
    if code == 13:
        raise ValueError("negative shift count")
    if code == 14:
        raise ValueError("slice step cannot be zero")
    if code == 15:
        raise IndexError("index out of range")
    if code == 16:
        raise IndexError("pop index out of range")
    if code == 17:
        raise IndexError("list assignment index out of range")
    if code == 18:
        raise ZeroDivisionError("integer modulo by zero")
    if code == 19:
        raise ValueError("chr() arg not in range(0x110000)")
    if code == 20:
        raise TypeError(f"ord() expected a character, but string of length {arg} found")
    raise RuntimeError("internal error")


@host_import("wasi_snapshot_preview1", "fd_write")
def _fd_write(fd: I32, iovs: I32, iovs_len: I32, nwritten: I32) -> I32: ...


def _print(text: str) -> None:
    """print(): UTF-8 to stdout (fd 1), which Envoy logs at info level."""
    data = text.encode()
    iov = alloc(16)
    store_i32(iov, bytes_ptr(data))
    store_i32(iov + 4, len(data))
    _fd_write(1, iov, 1, iov + 8)


def _key_error_str(key: str) -> None:
    raise KeyError(key)


def _key_error_int(key: int) -> None:
    raise KeyError(str(key), False)


def _report_uncaught(e: BaseException) -> None:
    """An exception nothing caught: print it to stderr as CPython would (sans frames)."""
    data = f"Traceback (most recent call last):\n  {_exception_location(e)}\n" \
           f"{type(e).__name__}: {e}\n".encode()
    iov = alloc(16)
    store_i32(iov, bytes_ptr(data))
    store_i32(iov + 4, len(data))
    _fd_write(2, iov, 1, iov + 8)
