"""The prelude: built-in exception classes and helpers, written in the dialect.

Compiled into every program (the linker drops what is unused).  Never run
under CPython, which has the real built-ins; names starting with `_` are
private to the compiler.
"""

from pwc_intrinsics import (
    I32,
    alloc,
    ascii_number,
    bytes_ptr,
    float_bits,
    float_divide,
    float_floor,
    float_from_bits,
    float_nearest,
    float_trunc_int,
    hex_digits,
    host_text,
    host_import,
    location_text,
    store_i32,
    str_at_address,
)


class BaseException:
    _message: str
    # Where it was raised (the innermost frame of the program's own code),
    # set by the compiled code ($pwc_locate): offsets of the file's and the
    # function's names in the location texts (0: not recorded).
    _where_file: int
    _where_function: int
    _where_line: int

    def __init__(self, message: str = "") -> None:
        self._message = message
        self._where_file = 0

    def __str__(self) -> str:
        return self._message

    def __repr__(self) -> str:
        if self._message == "":
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}({self._message!r})"


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


# The allocator raises MemoryError when memory cannot grow: making a new
# exception object then could fail too, so (as CPython) one instance made at
# start-up is raised every time.
_OUT_OF_MEMORY = MemoryError("out of memory")


def _exception_location(e: BaseException) -> str:
    # Only frames of the program record a location: an error raised in
    # pwc's library that reached none (an SDK failure inside the dispatch
    # itself) has none.
    if e._where_file == 0:
        return "<unknown>"
    return (f"{location_text(e._where_file)}:{e._where_line} in "
            f"{location_text(e._where_function)}")


def _byte_hex(b: int) -> str:
    return "0x" + hex_digits(b, 2)


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
        # Raising allocates nothing; the frame that sees it records where.
        _OUT_OF_MEMORY._where_file = 0
        raise _OUT_OF_MEMORY
    if code == 6:
        reason = (arg >> 40) & 255
        position = (arg >> 8) & 4294967295
        count = (arg >> 48) & 255
        text = "invalid start byte"
        if reason == 2:
            text = "invalid continuation byte"
        if reason == 3:
            text = "unexpected end of data"
        # One message with the varying part in the middle: each raise and
        # literal costs bytes in every module.
        if count > 1:
            what = f"bytes in position {position}-{position + count - 1}"
        else:
            what = f"byte {_byte_hex(arg & 255)} in position {position}"
        raise UnicodeDecodeError(f"'utf-8' codec can't decode {what}: {text}")
    if code == 7:
        position = arg & 4294967295
        run = ((arg >> 43) & 2097151) + 1
        if run > 1:
            what = f"characters in position {position}-{position + run - 1}"
        else:
            surrogate = 55296 + ((arg >> 32) & 2047)
            what = f"character '\\u{hex_digits(surrogate, 4)}' in position {position}"
        raise UnicodeEncodeError(f"'utf-8' codec can't encode {what}: surrogates not allowed")
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
    if code == 21:
        raise ValueError("bytes must be in range(0, 256)")
    if code == 22:
        raise ValueError("negative count")
    if code == 23:
        raise ValueError("int ** negative int needs a float: write x ** float(n)")
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


def _enum_value_error(value: int, enum_name: str) -> None:
    raise ValueError(f"{value} is not a valid {enum_name}")


def _key_error_str(key: str) -> None:
    raise KeyError(key)


def _key_error_int(key: int) -> None:
    raise KeyError(str(key), False)


def _key_error_float(key: float) -> None:
    raise KeyError(str(key), False)


def _report_uncaught(e: BaseException) -> None:
    """An exception nothing caught: print it to stderr as CPython would (sans frames).
    Escaped host bytes in the message go out as the bytes they stand for: a
    strict encode would raise in the middle of the report."""
    text = host_text(f"Traceback (most recent call last):\n  {_exception_location(e)}\n"
                     f"{type(e).__name__}: {e}\n")
    iov = alloc(16)
    store_i32(iov, text)  # store_i32 keeps the low half: the address
    store_i32(iov + 4, text >> 32)
    _fd_write(2, iov, 1, iov + 8)


# ---------------------------------------------------------------- str methods
# The str methods that need no speed-critical loop are written here, in the
# dialect; the checker maps `s.method(...)` to `_str_method(s, ...)`.


def _str_rfind(s: str, sub: str, start: int = 0) -> int:
    found = s.find(sub, start)
    last = -1
    while found >= 0:
        last = found
        found = s.find(sub, found + 1)
    return last


def _str_index(s: str, sub: str, start: int = 0) -> int:
    found = s.find(sub, start)
    if found < 0:
        raise ValueError("substring not found")
    return found


def _str_rindex(s: str, sub: str, start: int = 0) -> int:
    found = _str_rfind(s, sub, start)
    if found < 0:
        raise ValueError("substring not found")
    return found


def _str_count(s: str, sub: str) -> int:
    if sub == "":
        return len(s) + 1
    count = 0
    found = s.find(sub)
    while found >= 0:
        count += 1
        found = s.find(sub, found + len(sub))
    return count


def _str_rsplit(s: str, sep: str | None = None, maxsplit: int = -1) -> list[str]:
    if maxsplit < 0:
        return s.split(sep)
    if sep is None:
        # Whitespace runs: split from the right by hand.
        out: list[str] = []
        end = len(s)
        while end > 0 and _is_space(s[end - 1]):
            end -= 1
        while len(out) < maxsplit and end > 0:
            start = end
            while start > 0 and not _is_space(s[start - 1]):
                start -= 1
            out.append(s[start:end])
            end = start
            while end > 0 and _is_space(s[end - 1]):
                end -= 1
        if end > 0:
            out.append(s[:end])
        out.reverse()
        return out
    parts = s.split(sep)
    if len(parts) <= maxsplit + 1:
        return parts
    head = sep.join(parts[: len(parts) - maxsplit])
    return [head] + parts[len(parts) - maxsplit:]


def _is_space(c: str) -> bool:
    code = ord(c)
    return (9 <= code <= 13 or 28 <= code <= 32 or code == 133 or code == 160
            or code == 5760 or 8192 <= code <= 8202 or code == 8232 or code == 8233
            or code == 8239 or code == 8287 or code == 12288)


def _str_isspace(s: str) -> bool:
    if s == "":
        return False
    for c in s:
        if not _is_space(c):
            return False
    return True


def _str_partition(s: str, sep: str) -> tuple[str, str, str]:
    if sep == "":
        raise ValueError("empty separator")
    found = s.find(sep)
    if found < 0:
        return (s, "", "")
    return (s[:found], sep, s[found + len(sep):])


def _str_rpartition(s: str, sep: str) -> tuple[str, str, str]:
    if sep == "":
        raise ValueError("empty separator")
    found = _str_rfind(s, sep)
    if found < 0:
        return ("", "", s)
    return (s[:found], sep, s[found + len(sep):])


def _str_splitlines(s: str, keepends: bool = False) -> list[str]:
    out: list[str] = []
    start = 0
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        code = ord(c)
        if c == "\n" or c == "\r" or 11 <= code <= 12 or 28 <= code <= 30 or code == 133 \
                or code == 8232 or code == 8233:
            end = i + 1
            if c == "\r" and i + 1 < n and s[i + 1] == "\n":
                end = i + 2
            out.append(s[start:end] if keepends else s[start:i])
            start = end
            i = end
        else:
            i += 1
    if start < n:
        out.append(s[start:])
    return out


def _str_zfill(s: str, width: int) -> str:
    if len(s) >= width:
        return s
    pad = "0" * (width - len(s))
    if s != "" and (s[0] == "+" or s[0] == "-"):
        return s[0] + pad + s[1:]
    return pad + s


def _str_removeprefix(s: str, prefix: str) -> str:
    return s[len(prefix):] if s.startswith(prefix) else s


def _str_removesuffix(s: str, suffix: str) -> str:
    return s[: len(s) - len(suffix)] if suffix != "" and s.endswith(suffix) else s


def _str_ljust(s: str, width: int, fillchar: str = " ") -> str:
    return s + fillchar * (width - len(s)) if len(s) < width else s


def _str_rjust(s: str, width: int, fillchar: str = " ") -> str:
    return fillchar * (width - len(s)) + s if len(s) < width else s


def _str_center(s: str, width: int, fillchar: str = " ") -> str:
    if len(s) >= width:
        return s
    total = width - len(s)
    left = total // 2 + (total & width & 1)
    return fillchar * left + s + fillchar * (total - left)


# ---------------------------------------------------------------- format specs
# f"{value:spec}" for int and str, parsed at run time as CPython does:
#   [[fill]align][sign][#][0][width][grouping][.precision][type]


class _Spec:
    def __init__(self, spec: str) -> None:
        self.fill = " "
        self.align = ""
        self.sign = "-"
        self.alternate = False
        self.width = 0
        self.grouping = ""
        self.precision = -1
        self.kind = ""
        i = 0
        n = len(spec)
        if n >= 2 and spec[1] in "<>=^":
            self.fill = spec[0]
            self.align = spec[1]
            i = 2
        elif n >= 1 and spec[0] in "<>=^":
            self.align = spec[0]
            i = 1
        if i < n and spec[i] in "+- ":
            self.sign = spec[i]
            i += 1
        self.negative_zero = False
        if i < n and spec[i] == "z":
            self.negative_zero = True
            i += 1
        if i < n and spec[i] == "#":
            self.alternate = True
            i += 1
        if i < n and spec[i] == "0":
            if self.align == "":
                self.fill = "0"
                self.align = "="
            i += 1
        start = i
        while i < n and "0" <= spec[i] <= "9":
            i += 1
        if i > start:
            self.width = int(spec[start:i])
        if i < n and spec[i] in ",_":
            self.grouping = spec[i]
            i += 1
        if i < n and spec[i] == ".":
            i += 1
            start = i
            while i < n and "0" <= spec[i] <= "9":
                i += 1
            if i == start:
                raise ValueError("Format specifier missing precision")
            self.precision = int(spec[start:i])
        if i < n:
            self.kind = spec[i]
            i += 1
        if i < n:
            raise ValueError("Invalid format specifier")

    def pad(self, sign: str, body: str, default_align: str) -> str:
        align = self.align if self.align != "" else default_align
        missing = self.width - len(sign) - len(body)
        if missing <= 0:
            return sign + body
        if align == "<":
            return sign + body + self.fill * missing
        if align == ">":
            return self.fill * missing + sign + body
        if align == "^":
            left = missing // 2
            return self.fill * left + sign + body + self.fill * (missing - left)
        return sign + self.fill * missing + body  # "=": padding after the sign


def _group(digits: str, separator: str, size: int) -> str:
    out = ""
    count = 0
    i = len(digits) - 1
    while i >= 0:
        if count == size:
            out = separator + out
            count = 0
        out = digits[i] + out
        count += 1
        i -= 1
    return out


def _format_int(value: int, spec: str) -> str:
    if spec == "":
        return str(value)
    s = _Spec(spec)
    if s.kind != "" and s.kind in "eEfFgG%":
        return _format_float(float(value), spec)
    if s.negative_zero:
        raise ValueError("Negative zero coercion (z) not allowed in integer format specifier")
    kind = s.kind if s.kind != "" else "d"
    if s.precision >= 0:
        raise ValueError("Precision not allowed in integer format specifier")
    # |value| as text digits; -2**63 has no positive twin in 64 bits.
    magnitude = -(value + 1) if value < 0 else value
    prefix = ""
    if kind == "d" or kind == "n":
        digits = str(value)[1:] if value < 0 else str(value)
        size = 3
    elif kind == "x" or kind == "X":
        digits = hex(value)[3:] if value < 0 else hex(value)[2:]
        if kind == "X":
            digits = digits.upper()
        prefix = "0x" if kind == "x" else "0X"
        size = 4
    elif kind == "o":
        digits = _to_base_magnitude(magnitude, 8, value < 0)
        prefix = "0o"
        size = 4
    elif kind == "b":
        digits = _to_base_magnitude(magnitude, 2, value < 0)
        prefix = "0b"
        size = 4
    elif kind == "c":
        return s.pad("", chr(value), "<")
    else:
        raise ValueError(f"Unknown format code '{kind}' for object of type 'int'")
    if s.grouping != "":
        if s.grouping == "," and kind != "d":
            raise ValueError("Cannot specify ',' with '" + kind + "'.")
        digits = _group(digits, s.grouping, size)
    sign = "-" if value < 0 else ("" if s.sign == "-" else s.sign)
    if s.alternate:
        sign = sign + prefix
    if s.fill == "0" and s.align == "=" and s.grouping != "":
        # Zero padding is grouped too: 0,001,234.
        width = s.width - len(sign)
        while len(digits) < width:
            digits = _group("0" + digits.replace(s.grouping, ""), s.grouping, size)
        return sign + digits
    return s.pad(sign, digits, ">")


def _to_base_magnitude(magnitude: int, base: int, plus_one: bool) -> str:
    """Digits of magnitude (+ 1 when plus_one: |v| held as |v| - 1 so that
    -2**63 fits) in `base` (2 or 8)."""
    digits = _to_base(magnitude, base)
    if not plus_one:
        return digits
    # add one to the digit string
    out = ""
    carry = 1
    i = len(digits) - 1
    while i >= 0:
        d = ord(digits[i]) - 48 + carry
        carry = 1 if d == base else 0
        out = str(d % base) + out
        i -= 1
    return ("1" + out) if carry else out


def _to_base(value: int, base: int) -> str:
    if value == 0:
        return "0"
    out = ""
    while value > 0:
        out = "0123456789abcdef"[value % base] + out
        value = value // base
    return out


def _format_str(value: str, spec: str) -> str:
    if spec == "":
        return value
    s = _Spec(spec)
    if s.negative_zero:
        raise ValueError("Negative zero coercion (z) not allowed in format specifier")
    if s.kind != "" and s.kind != "s":
        raise ValueError(f"Unknown format code '{s.kind}' for object of type 'str'")
    if s.sign != "-":
        raise ValueError("Sign not allowed in string format specifier")
    if s.align == "=":
        raise ValueError("'=' alignment not allowed in string format specifier")
    if s.precision >= 0:
        value = value[: s.precision]
    return s.pad("", value, "<")


# ---------------------------------------------------------------- float <-> text
# Exact, as CPython's dtoa: a finite float is m * 2**e, whose decimal expansion
# is finite; big naturals (lists of base-10**9 limbs, least significant first)
# give its digits, the shortest digits that read back as the same float (repr),
# correctly rounded digits for format specs, and the float nearest to decimal
# text.  Slow next to integer text, but exact; fast paths cover common cases.
# (Module constants would cost every program a global: the numbers are
# written out.  Limbs are 10**9; a float's fields: sign 1 << 63, exponent
# 0x7FF << 52, the 52 fraction bits 0xFFFFFFFFFFFFF, the hidden bit 1 << 52.)



def _big(value: int) -> list[int]:
    """The natural `value` (>= 0) as limbs; [] is zero."""
    out: list[int] = []
    while value > 0:
        out.append(value % 1000000000)
        value = value // 1000000000
    return out


def _big_from_digits(digits: str) -> list[int]:
    out: list[int] = []
    end = len(digits)
    while end > 0:
        start = end - 9 if end > 9 else 0
        out.append(int(digits[start:end]))
        end = start
    while len(out) > 0 and out[len(out) - 1] == 0:
        out.pop()
    return out


def _big_scale(a: list[int], factor: int) -> None:
    """a *= factor, for 0 < factor < 2**33 (so a limb product fits 63 bits)."""
    carry = 0
    i = 0
    n = len(a)
    while i < n:
        t = a[i] * factor + carry
        a[i] = t % 1000000000
        carry = t // 1000000000
        i += 1
    while carry > 0:
        a.append(carry % 1000000000)
        carry = carry // 1000000000


def _big_shift(a: list[int], twos: int, fives: int) -> None:
    """a *= 2**twos * 5**fives."""
    while twos >= 30:
        _big_scale(a, 1073741824)
        twos -= 30
    if twos > 0:
        _big_scale(a, 1 << twos)
    while fives >= 13:
        _big_scale(a, 1220703125)
        fives -= 13
    if fives > 0:
        _big_scale(a, 5**fives)


def _big_text(a: list[int]) -> str:
    if len(a) == 0:
        return "0"
    i = len(a) - 1
    parts = [str(a[i])]
    i -= 1
    while i >= 0:
        parts.append(str(a[i]).zfill(9))
        i -= 1
    return "".join(parts)


def _big_cmp(a: list[int], b: list[int]) -> int:
    if len(a) != len(b):
        return -1 if len(a) < len(b) else 1
    i = len(a) - 1
    while i >= 0:
        if a[i] != b[i]:
            return -1 if a[i] < b[i] else 1
        i -= 1
    return 0


def _float_parts(bits: int) -> tuple[int, int]:
    """(m, e) with |x| = m * 2**e for the finite float with these bits."""
    biased = (bits >> 52) & 0x7FF
    fraction = bits & 0xFFFFFFFFFFFFF
    if biased == 0:
        return fraction, -1074
    return fraction | 0x10000000000000, biased - 1075


def _scaled_text(m: int, e: int) -> str:
    """Decimal digits of m * 2**e * 10**max(-e, 0): an integer."""
    a = _big(m)
    if e >= 0:
        _big_shift(a, e, 0)
    else:
        _big_shift(a, 0, -e)
    return _big_text(a)


def _dec_cmp(a: str, b: str) -> int:
    """Compare two naturals written without leading zeros."""
    if len(a) != len(b):
        return -1 if len(a) < len(b) else 1
    if a == b:
        return 0
    return -1 if a < b else 1


def _dec_inc(digits: str) -> str:
    """digits + 1 (the text may grow by one digit)."""
    i = len(digits) - 1
    while i >= 0 and digits[i] == "9":
        i -= 1
    if i < 0:
        return "1" + "0" * len(digits)
    return digits[:i] + chr(ord(digits[i]) + 1) + "0" * (len(digits) - i - 1)


def _strip_zeros(digits: str, point: int) -> tuple[str, int]:
    end = len(digits)
    while end > 0 and digits[end - 1] == "0":
        end -= 1
    if end == 0:
        return "", 0
    return digits[:end], point


def _exact_digits(bits: int) -> tuple[str, int]:
    """Every digit of |x|: (d, point) with |x| = 0.d * 10**point; ("", 0) for 0."""
    m, e = _float_parts(bits)
    if m == 0:
        return "", 0
    text = _scaled_text(m, e)
    return _strip_zeros(text, len(text) + (e if e < 0 else 0))


def _shortest_digits(bits: int) -> tuple[str, int]:
    """The fewest digits that read back as x (nearest to x among those):
    (d, point) as in _exact_digits."""
    m, e = _float_parts(bits)
    if m == 0:
        return "", 0
    # x and the midpoints to its neighbours, all as integers times 10**scale.
    e2 = e - 2
    x = _scaled_text(4 * m, e2)
    high = _scaled_text(4 * m + 2, e2)
    narrow_below = m == 0x10000000000000 and e > -1074
    low = _scaled_text(4 * m - 1 if narrow_below else 4 * m - 2, e2)
    scale = e2 if e2 < 0 else 0
    even = m % 2 == 0
    n = len(x)
    p = 1
    while p < n:
        head = x[:p]
        tail = x[p:]
        zeros = "0" * (n - p)
        below = head + zeros
        above = _dec_inc(head) + zeros
        c = _dec_cmp(below, low)
        below_ok = c > 0 or (c == 0 and even)
        c = _dec_cmp(above, high)
        above_ok = tail != zeros and (c < 0 or (c == 0 and even))
        if below_ok and above_ok:
            # Both read back as x: the nearer, ties to an even last digit.
            half = "5" + "0" * (n - p - 1)
            c = _dec_cmp(tail, half)
            above_ok = c > 0 or (c == 0 and (ord(head[p - 1]) - 48) % 2 == 1)
            below_ok = not above_ok
        if below_ok:
            return _strip_zeros(head, n + scale)
        if above_ok:
            up = _dec_inc(head)
            return _strip_zeros(up, n + scale + len(up) - p)
        p += 1
    return _strip_zeros(x, n + scale)


def _round_digits(digits: str, point: int, keep: int) -> tuple[str, int]:
    """0.digits * 10**point rounded half-even to `keep` significant digits
    (keep <= 0: to a multiple of 10**(point - keep))."""
    if keep >= len(digits):
        return digits, point
    if keep < 0 or digits == "":
        return "", 0
    head = digits[:keep]
    nxt = digits[keep]
    # digits has no trailing zeros: anything after nxt is non-zero.
    last_odd = keep > 0 and (ord(head[keep - 1]) - 48) % 2 == 1
    if nxt > "5" or (nxt == "5" and (len(digits) > keep + 1 or last_odd)):
        up = _dec_inc(head) if keep > 0 else "1"
        return _strip_zeros(up, point + len(up) - keep)
    return _strip_zeros(head, point)


def _float_repr(x: float) -> str:
    bits = float_bits(x)
    if bits & 0x7FF0000000000000 == 0x7FF0000000000000:
        if bits & 0xFFFFFFFFFFFFF != 0:
            return "nan"
        return "-inf" if bits < 0 else "inf"
    digits, point = _shortest_digits(bits)
    sign = "-" if bits < 0 else ""
    if digits == "":
        return sign + "0.0"
    exponent = point - 1
    if -4 <= exponent < 16:
        return sign + _fixed_text(digits, point, -1, True)
    return sign + _exponent_text(digits, point, len(digits) - 1, False, "e")


def _fixed_text(digits: str, point: int, places: int, add_dot_0: bool) -> str:
    """0.digits * 10**point as fixed-point text with `places` digits after the
    point (-1: as many as digits has; at least one if add_dot_0)."""
    if point <= 0:
        whole = "0"
        fraction = "0" * -point + digits
    elif point >= len(digits):
        whole = digits + "0" * (point - len(digits))
        fraction = ""
    else:
        whole = digits[:point]
        fraction = digits[point:]
    if places >= 0:
        fraction = fraction + "0" * (places - len(fraction))
    elif add_dot_0 and fraction == "":
        fraction = "0"
    if fraction == "":
        return whole
    return whole + "." + fraction


def _exponent_text(digits: str, point: int, places: int, keep_dot: bool, e: str) -> str:
    """d.ddd e+XX with `places` digits after the point."""
    if digits == "":
        digits = "0"
        point = 1
    mantissa = digits[:1]
    fraction = digits[1:] + "0" * (places - len(digits) + 1)
    if fraction != "" or keep_dot:
        mantissa = mantissa + "." + fraction
    exponent = point - 1
    sign = "-" if exponent < 0 else "+"
    return mantissa + e + sign + str(exponent if exponent >= 0 else -exponent).zfill(2)


def _format_float(x: float, spec: str) -> str:
    if spec == "":
        return _float_repr(x)
    s = _Spec(spec)
    kind = s.kind
    if kind == "%":
        x = x * 100.0
    bits = float_bits(x)
    negative = bits < 0
    upper = kind == "E" or kind == "F" or kind == "G"
    if bits & 0x7FF0000000000000 == 0x7FF0000000000000:
        body = "inf"
        if bits & 0xFFFFFFFFFFFFF != 0:
            body = "nan"
            negative = False  # CPython never shows a NaN's sign
        if upper:
            body = body.upper()
        if kind == "%":
            body = body + "%"
    else:
        body = _finite_body(bits, s)
        if s.negative_zero and negative and _all_zero_digits(body):
            negative = False
    sign = "-" if negative else ("" if s.sign == "-" else s.sign)
    if s.fill == "0" and s.align == "=" and s.grouping != "" and "0" <= body[0] <= "9":
        width = s.width - len(sign)
        while len(body) < width:
            body = _regroup("0" + body, s.grouping)
        return sign + body
    return s.pad(sign, body, ">")


def _all_zero_digits(body: str) -> bool:
    for c in body:
        if "1" <= c <= "9":
            return False
        if c == "e" or c == "E":
            return True
    return True


def _finite_body(bits: int, s: _Spec) -> str:
    """The text of |x| for a format spec, before sign and padding."""
    kind = s.kind
    precision = s.precision
    if kind == "" and precision < 0:
        digits, point = _shortest_digits(bits)
        exponent = point - 1 if digits != "" else 0
        if -4 <= exponent < 16:
            body = _fixed_text(digits, point, -1, True)
        else:
            body = _exponent_text(digits, point, len(digits) - 1, s.alternate, "e")
        return _regroup(body, s.grouping)
    if precision < 0:
        precision = 6
    exact, exact_point = _exact_digits(bits)
    if kind == "f" or kind == "F" or kind == "%":
        digits, point = _round_digits(exact, exact_point, exact_point + precision)
        body = _fixed_text(digits, point, precision, False)
        if s.alternate and precision == 0:
            body = body + "."
        body = _regroup(body, s.grouping)
        return body + "%" if kind == "%" else body
    if kind == "e" or kind == "E":
        digits, point = _round_digits(exact, exact_point, precision + 1)
        return _exponent_text(digits, point, precision, s.alternate, kind)
    if kind == "g" or kind == "G" or kind == "n" or kind == "":
        if precision == 0:
            precision = 1
        digits, point = _round_digits(exact, exact_point, precision)
        exponent = point - 1 if digits != "" else 0
        e = "E" if kind == "G" else "e"
        # Without a type, fixed-point text always shows a fraction digit, so
        # it switches to an exponent one digit earlier.
        limit = precision - 1 if kind == "" else precision
        if -4 <= exponent < limit:
            places = precision - 1 - exponent
            if not s.alternate:
                places = len(digits) - point if len(digits) > point else 0
                if kind == "" and places == 0:
                    places = 1
            body = _fixed_text(digits, point, places, False)
            if s.alternate and places == 0:
                body = body + "."
            return _regroup(body, s.grouping)
        places = precision - 1 if s.alternate else len(digits) - 1
        if places < 0:
            places = 0
        return _exponent_text(digits, point, places, s.alternate, e)
    raise ValueError(f"Unknown format code '{kind}' for object of type 'float'")


def _regroup(body: str, separator: str) -> str:
    """Group the leading whole-number digits of a body."""
    if separator == "":
        return body
    end = 0
    while end < len(body) and ("0" <= body[end] <= "9" or body[end] == separator):
        end += 1
    return _group(body[:end].replace(separator, ""), separator, 3) + body[end:]


def _float_from_text(text: str) -> float:
    """float(text), as CPython reads it."""
    s = ascii_number(text).lower()
    negative = False
    i = 0
    if s.startswith("-") or s.startswith("+"):
        negative = s[0] == "-"
        i = 1
    word = s[i:]
    if word == "inf" or word == "infinity" or word == "nan":
        bits = 0x7FF0000000000000 | (1 << 51 if word == "nan" else 0)
        return float_from_bits(bits | (-9223372036854775807 - 1) if negative else bits)
    # Significant digits, joined once (appending to a str copies it).
    parts: list[str] = []
    exponent = 0
    seen_digit = False
    seen_dot = False
    n = len(s)
    while i < n:
        c = s[i]
        if "0" <= c <= "9":
            if len(parts) > 0 or c != "0":
                parts.append(c)
            if seen_dot:
                exponent -= 1
            seen_digit = True
        elif c == "." and not seen_dot:
            seen_dot = True
        elif c == "_" and i > 0 and "0" <= s[i - 1] <= "9" and i + 1 < n and "0" <= s[i + 1] <= "9":
            pass
        else:
            break
        i += 1
    if i < n and s[i] == "e" and seen_digit:
        i += 1
        start = i
        if i < n and (s[i] == "-" or s[i] == "+"):
            i += 1
        first = i
        while i < n and ("0" <= s[i] <= "9" or (s[i] == "_" and i > first and i + 1 < n
                                                and "0" <= s[i + 1] <= "9")):
            i += 1
        if i == first:
            seen_digit = False
        else:
            value = s[first:i].replace("_", "").lstrip("0")
            # Past any float's range either way: clamp, keeping the sign.
            magnitude = 0 if value == "" else int(value) if len(value) < 9 else 100000000
            exponent += -magnitude if s[start] == "-" else magnitude
    digits = "".join(parts)
    if not seen_digit or i != n:
        raise ValueError(f"could not convert string to float: {text!r}")
    result = _decimal_to_float(digits, exponent)
    return -result if negative else result


def _decimal_to_float(digits: str, exponent: int) -> float:
    """The float nearest to int(digits) * 10**exponent (ties to even)."""
    if digits == "":
        return 0.0
    # Trailing zeros only move the exponent.
    end = len(digits)
    while digits[end - 1] == "0":
        end -= 1
    exponent += len(digits) - end
    digits = digits[:end]
    if len(digits) > 800:
        # Past 800 significant digits only "more than these" matters: every
        # midpoint between two floats has at most 767 (a sticky 1 stands for
        # the rest, which is not all zeros after the strip above).
        exponent += len(digits) - 801
        digits = digits[:800] + "1"
    magnitude = len(digits) + exponent
    if magnitude > 310:
        return float_from_bits(0x7FF0000000000000)
    if magnitude < -324:
        return 0.0
    if len(digits) <= 15 and -22 <= exponent <= 22:
        # Both operands exact: one correctly rounded operation.
        if exponent >= 0:
            return float(int(digits)) * _power_of_ten(exponent)
        return float(int(digits)) / _power_of_ten(-exponent)
    # A guess within a few units in the last place, then exact steps.
    lead = digits[:18]
    guess = float(int(lead))
    shift = exponent + len(digits) - len(lead)
    while shift > 22:
        guess = guess * 1e22
        shift -= 22
    while shift < -22:
        guess = guess / 1e22
        shift += 22
    guess = guess * _power_of_ten(shift) if shift >= 0 else guess / _power_of_ten(-shift)
    bits = float_bits(guess)
    if bits >= 0x7FF0000000000000:
        bits = 0x7FF0000000000000 - 1
    value = _big_from_digits(digits)
    while True:
        m, e = _float_parts(bits)
        if _compare_scaled(value, exponent, 2 * m + 1, e - 1) + (m % 2) > 0:
            bits += 1
            if bits == 0x7FF0000000000000:
                break
            continue
        if m == 0x10000000000000 and e > -1074:
            c = _compare_scaled(value, exponent, 4 * m - 1, e - 2)
        else:
            c = _compare_scaled(value, exponent, 2 * m - 1, e - 1)
        if m > 0 and c - (m % 2) < 0:
            bits -= 1
            continue
        break
    return float_from_bits(bits)


def _compare_scaled(value: list[int], exponent: int, other: int, twos: int) -> int:
    """Sign of value * 10**exponent - other * 2**twos."""
    common2 = exponent if exponent < twos else twos
    common5 = exponent if exponent < 0 else 0
    left = value[:]
    _big_shift(left, exponent - common2, exponent - common5)
    right = _big(other)
    _big_shift(right, twos - common2, -common5)
    return _big_cmp(left, right)


def _power_of_ten(k: int) -> float:
    """10.0 ** k for 0 <= k <= 22: exact, as every partial product is."""
    p = 1.0
    while k > 0:
        p = p * 10.0
        k -= 1
    return p


# ---------------------------------------------------------------- float arithmetic
# What wasm has no instruction for, with CPython's rules (Objects/floatobject.c).



def _float_from_parts(m: int, e: int, negative: bool) -> float:
    """m * 2**e for 0 <= m < 2**53 when that is exact (no rounding here)."""
    while m != 0 and m < 0x10000000000000 and e > -1074:
        m = m << 1
        e -= 1
    bits = m if m < 0x10000000000000 else ((e + 1075) << 52) | (m & 0xFFFFFFFFFFFFF)
    return float_from_bits(bits | -0x8000000000000000 if negative else bits)


def _copysign(x: float, sign_of: float) -> float:
    bits = float_bits(x) & ~-0x8000000000000000
    return float_from_bits(bits | (float_bits(sign_of) & -0x8000000000000000))


def _fmod(x: float, y: float) -> float:
    """C's fmod: x - n*y with n = trunc(x/y), computed exactly."""
    xb = float_bits(x)
    yb = float_bits(y)
    if xb & 0x7FF0000000000000 == 0x7FF0000000000000 or y != y or y == 0.0:
        return float_from_bits(0x7FF0000000000000 | (1 << 51))  # NaN
    if yb & 0x7FF0000000000000 == 0x7FF0000000000000:
        return x
    mx, ex = _float_parts(xb)
    my, ey = _float_parts(yb)
    if ex < ey:
        # Then |x| < |y| (an exponent below y's means x is smaller).
        return x
    r = mx % my
    shift = ex - ey
    while shift > 0:
        step = shift if shift < 10 else 10
        r = (r << step) % my
        shift -= step
    return _float_from_parts(r, ey, xb < 0)


def _float_div(x: float, y: float) -> float:
    if y == 0.0:
        raise ZeroDivisionError("float division by zero")
    return float_divide(x, y)


def _float_mod(x: float, y: float) -> float:
    if y == 0.0:
        raise ZeroDivisionError("float modulo")
    mod = _fmod(x, y)
    if mod != 0.0:
        if (y < 0.0) != (mod < 0.0):
            mod = mod + y
    else:
        mod = _copysign(0.0, y)
    return mod


def _float_floordiv(x: float, y: float) -> float:
    if y == 0.0:
        raise ZeroDivisionError("float floor division by zero")
    mod = _fmod(x, y)
    div = (x - mod) / y
    if mod != 0.0 and (y < 0.0) != (mod < 0.0):
        div = div - 1.0
    if div == 0.0:
        return _copysign(0.0, x / y)
    floordiv = float_floor(div)
    if div - floordiv > 0.5:
        floordiv = floordiv + 1.0
    return floordiv


# ---------------------------------------------------------------- float powers
# x ** y as CPython's float_pow (Objects/floatobject.c): its special cases
# first, then, where CPython calls the C library's pow, the float nearest to
# the exact power (ties to even).  glibc's pow is within 0.52 ULP, not always
# nearest: measured against exact values it is one off in about 1 random case
# in 2,000 and in about half of the exact ties.  Correct rounding is the
# result that is right, and the same on every platform.
#
# The power is 2**(y * log2(x)) in double-double arithmetic (a float pair
# hi + lo holding ~106 bits; each operation's error term is a function of
# its own, so the only allocations are two pairs), within POW_ERROR = 2**-75
# of the exact power, relative (at most 2**-97 measured).  Only when that
# leaves it open which side of a midpoint the power lies does an exact
# comparison with big naturals decide: that is where the power can be a
# midpoint itself, e.g. (2**27 - 1.0) ** 2.


def _float_pow(x: float, y: float) -> float:
    """x ** y with a float operand (the other converted)."""
    if y == 0.0:
        return 1.0
    if x != x:
        return x
    if y != y:
        return 1.0 if x == 1.0 else y
    if abs(y) == _infinity():
        if abs(x) == 1.0:
            return 1.0
        if (y > 0.0) == (abs(x) > 1.0):
            return abs(y)
        return 0.0
    odd = _is_odd_integer(y)
    if abs(x) == _infinity():
        if y > 0.0:
            return x if odd else abs(x)
        return _copysign(0.0, x) if odd else 0.0
    if x == 0.0:
        if y < 0.0:
            raise ZeroDivisionError("0.0 cannot be raised to a negative power")
        return x if odd else 0.0
    negate = False
    if x < 0.0:
        if float_floor(y) != y:
            # CPython's result is a complex number, which pwc does not have.
            raise ValueError("negative number cannot be raised to a fractional power")
        x = -x
        negate = odd
    result = 1.0 if x == 1.0 else _pow_positive(x, y)
    return -result if negate else result


def _infinity() -> float:
    return float_from_bits(0x7FF0000000000000)


def _is_odd_integer(y: float) -> bool:
    """y is an odd whole number (every float of 2**53 or more is even)."""
    if abs(y) >= 9007199254740992.0 or float_floor(y) != y:
        return False
    return float_trunc_int(y) & 1 == 1


def _sum_error(a: float, b: float, s: float) -> float:
    """(a + b) - s exactly, for s = a + b rounded (Knuth's TwoSum)."""
    v = s - a
    return (a - (s - v)) + (b - v)


def _split_high(a: float) -> float:
    """The high 26 bits of a (Veltkamp's split; a * b's error needs them)."""
    t = 134217729.0 * a
    return t - (t - a)


def _product_error(a: float, b: float, p: float) -> float:
    """a * b - p exactly, for p = a * b rounded (Dekker's TwoProduct)."""
    ah = _split_high(a)
    bh = _split_high(b)
    al = a - ah
    bl = b - bh
    return ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _pow_positive(x: float, y: float) -> float:
    """x ** y for finite x > 0, x != 1, finite y != 0."""
    lh, ll = _log2_double(x)
    # z = y * log2(x).  Far out of range the product alone tells (and the
    # double-double steps need |y| well below 2**996).
    t = y * lh
    if t > 1100.0:
        _pow_overflow()
    if t < -1100.0:
        return 0.0
    e = _product_error(y, lh, t) + y * ll
    zh = t + e
    zl = e - (zh - t)
    # 2**z = 2**n * 2**f, |f| <= 1/2
    n = float_nearest(zh)
    fh = zh - n
    t = fh + zl
    hi, lo = _exp2_double(t, _sum_error(fh, zl, t))
    return _pow_round(hi, lo, float_trunc_int(n), x, y)


def _log2_double(x: float) -> tuple[float, float]:
    """log2(x) for finite x > 0 as a double-double (hi, lo)."""
    # x = m * 2**k with m in [sqrt(1/2), sqrt(2)): ln(m) = 2 atanh(s) for
    # s = (m - 1) / (m + 1), |s| < 0.172.
    bits = float_bits(x)
    k = (bits >> 52) - 1023
    if k == -1023:
        # Subnormal: scale by 2**54 first.
        bits = float_bits(x * 18014398509481984.0)
        k = (bits >> 52) - 1077
    m = float_from_bits((bits & 0xFFFFFFFFFFFFF) | 0x3FF0000000000000)
    if m > 1.4142135623730951:
        m = m * 0.5
        k += 1
    dh = m + 1.0
    dl = _sum_error(m, 1.0, dh)
    num = m - 1.0  # exact
    sh = num / dh
    p = sh * dh
    sl = ((num - p) - _product_error(sh, dh, p) - sh * dl) / dh
    t = sh + sl
    sl = sl - (t - sh)
    sh = t
    # s2 = s * s
    p = sh * sh
    e = _product_error(sh, sh, p) + 2.0 * sh * sl
    s2h = p + e
    s2l = e - (s2h - p)
    # atanh(s) / s = sum of s2**i / (2i + 1), 24 terms: the first left out is
    # below 2**-110 of the sum.  Terms from s2**11 on are below 2**-56 of it:
    # their sum in plain floats is precise enough.
    ph = 1.0 / 47.0
    c = 45.0
    while c > 22.0:
        ph = ph * s2h + 1.0 / c
        c -= 2.0
    pl = 0.0
    while c > 0.0:
        # p = p * s2 + 1 / c
        t = ph * s2h
        e = _product_error(ph, s2h, t) + (ph * s2l + pl * s2h)
        th = t + e
        tl = e - (th - t)
        r = 1.0 / c
        ph = r + th
        pl = _sum_error(r, th, ph) + (_reciprocal_error(c, r) + tl)
        t = ph + pl
        pl = pl - (t - ph)
        ph = t
        c -= 2.0
    # log2(m) = p * s * 2 / ln(2)
    t = ph * sh
    e = _product_error(ph, sh, t) + (ph * sl + pl * sh)
    th = t + e
    tl = e - (th - t)
    t = th * 2.8853900817779268
    e = _product_error(th, 2.8853900817779268, t) + (th * 4.0710547481862066e-17
                                                     + tl * 2.8853900817779268)
    lh = t + e
    ll = e - (lh - t)
    # k + log2(m): |log2(m)| <= 1/2, so the sum loses little.
    t = float(k) + lh
    ll = _sum_error(float(k), lh, t) + ll
    lh = t + ll
    return lh, ll - (lh - t)


def _exp2_double(fh: float, fl: float) -> tuple[float, float]:
    """2**f for a double-double f = fh + fl, |f| <= 1/2, as a double-double."""
    # r = f * ln(2), |r| <= 0.35; e**r - 1 by Taylor (12 terms) for r / 64,
    # then squared six times as (1 + e)**2 - 1 = 2e + e * e (which keeps e's
    # relative precision).  The terms from r**6 on are below 2**-54 of the
    # sum: plain floats for them.
    t = fh * 0.6931471805599453
    e = _product_error(fh, 0.6931471805599453, t) + (fh * 2.3190468138462996e-17
                                                     + fl * 0.6931471805599453)
    rh = t + e
    rl = (e - (rh - t)) * 0.015625
    rh = rh * 0.015625
    ph = 1.0
    c = 12.0
    while c > 6.0:
        ph = 1.0 + rh * ph / c
        c -= 1.0
    pl = 0.0
    while c > 1.0:
        # p = 1 + r * p / c
        t = rh * ph
        e = _product_error(rh, ph, t) + (rh * pl + rl * ph)
        th = t + e
        tl = e - (th - t)
        q = th / c
        ql = (th - q * c - _product_error(q, c, q * c) + tl) / c
        ph = 1.0 + q
        pl = _sum_error(1.0, q, ph) + ql
        t = ph + pl
        pl = pl - (t - ph)
        ph = t
        c -= 1.0
    t = rh * ph
    e = _product_error(rh, ph, t) + (rh * pl + rl * ph)
    eh = t + e
    el = e - (eh - t)
    i = 0
    while i < 6:
        t = eh * eh
        e = _product_error(eh, eh, t) + 2.0 * eh * el
        th = t + e
        tl = e - (th - t)
        t = 2.0 * eh + th
        el = _sum_error(2.0 * eh, th, t) + (2.0 * el + tl)
        eh = t + el
        el = el - (eh - t)
        i += 1
    hi = 1.0 + eh
    lo = _sum_error(1.0, eh, hi) + el
    t = hi + lo
    return t, lo - (t - hi)


def _pow_overflow() -> None:
    # CPython raises OverflowError from C's errno: (ERANGE, strerror).
    raise OverflowError("(34, 'Numerical result out of range')")


def _reciprocal_error(c: float, r: float) -> float:
    """1 / c - r, to a float's precision, for r = 1 / c rounded."""
    return ((1.0 - r * c) - _product_error(r, c, r * c)) / c


def _pow_round(hi: float, lo: float, n: int, x: float, y: float) -> float:
    """The float nearest to (hi + lo) * 2**n, hi + lo within POW_ERROR of the
    exact x ** y and hi in [0.7, 1.5): on a midpoint ties go to even."""
    bits = float_bits(hi)
    m = (bits & 0xFFFFFFFFFFFFF) | 0x10000000000000
    e = ((bits >> 52) & 0x7FF) - 1075
    # (hi + lo) * 2**n = (m + rho) * 2**f, |rho| <= 1/2
    rho = lo * float_from_bits((1023 - e) << 52)
    f = e + n
    shift = -1074 - f if f < -1074 else 0
    if shift > 53:
        return 0.0  # below half the smallest subnormal
    # In units of the result's last place (2**shift of m's): q + d.
    q = m >> shift
    d = (float(m - (q << shift)) + rho) * float_from_bits((1023 - shift) << 52)
    if d > 0.5:
        q += 1
        d = d - 1.0
    # POW_ERROR of the power in those units, plus the rounding of d itself.
    slack = 2.6469779601696886e-23 * float(m) * float_from_bits((1023 - shift) << 52) + 1e-15
    if abs(abs(d) - 0.5) <= slack:
        # Which side of the midpoint between q and its neighbour?
        step = 1 if d > 0.0 else -1
        side = _pow_compare(x, y, 2 * q + step, f + shift - 1)
        if side == 2:
            side = -step  # POW_ERROR puts it on q's side
        if side == step or (side == 0 and q & 1 == 1):
            q += step
    elif shift == 0 and m == 0x10000000000000 and abs(d + 0.25) <= slack:
        # hi a power of two: the floats below are twice as dense.
        if _pow_compare(x, y, 4 * q - 1, f - 2) < 0:
            q = 2 * q - 1
            f -= 1
    f += shift
    if q == 0x20000000000000:
        q = 0x10000000000000
        f += 1
    if q >= 0x10000000000000 and f > 971:
        _pow_overflow()
    return _float_from_parts(q, f, False)


def _pow_compare(x: float, y: float, mid: int, scale: int) -> int:
    """Compare x ** y with mid * 2**scale exactly: -1, 0 or 1 when x ** y is
    below, equal or above, 2 when that would take too long (y not n / 2**b
    with a small b and |n|: the power is then irrational or has far more
    bits than a midpoint, and POW_ERROR decides)."""
    mx, ex = _odd_parts(float_bits(x))
    my, ey = _odd_parts(float_bits(y))
    if ey < -6 or abs(y) > 65536.0:
        return 2
    roots = 1  # x ** y vs mid * 2**scale is x ** num vs (mid * 2**scale) ** roots
    num = my
    if ey >= 0:
        num = my << ey
    else:
        roots = 1 << -ey
    count = abs(num)
    if mx != 1 and count * _bit_length(mx) > 10000:
        return 2
    while mid & 1 == 0:
        mid = mid >> 1
        scale += 1
    a = _big_power(mx, count)
    ea = ex * count
    b = _big_power(mid, roots)
    eb = scale * roots
    if num < 0:
        # x ** num vs B is 1 vs x ** count * B: the opposite of x ** count * B vs 1
        return -_big_compare_scaled(_big_mul(a, b), ea + eb, [1], 0)
    return _big_compare_scaled(a, ea, b, eb)


def _odd_parts(bits: int) -> tuple[int, int]:
    """(m, e) with x = m * 2**e and m odd, for finite x != 0 (m's sign is x's)."""
    m, e = _float_parts(bits)
    while m & 1 == 0:
        m = m >> 1
        e += 1
    return (-m if bits < 0 else m), e


def _bit_length(m: int) -> int:
    n = 0
    while m > 0:
        m = m >> 1
        n += 1
    return n


def _big_power(m: int, count: int) -> list[int]:
    result = _big(1)
    base = _big(m)
    while count > 0:
        if count & 1 == 1:
            result = _big_mul(result, base)
        count = count >> 1
        if count > 0:
            base = _big_mul(base, base)
    return result


def _big_mul(a: list[int], b: list[int]) -> list[int]:
    out: list[int] = []
    while len(out) < len(a) + len(b):
        out.append(0)
    i = 0
    while i < len(a):
        carry = 0
        j = 0
        while j < len(b):
            t = out[i + j] + a[i] * b[j] + carry
            out[i + j] = t % 1000000000
            carry = t // 1000000000
            j += 1
        out[i + len(b)] = carry
        i += 1
    while len(out) > 0 and out[len(out) - 1] == 0:
        out.pop()
    return out


def _big_compare_scaled(a: list[int], ea: int, b: list[int], eb: int) -> int:
    """Compare a * 2**ea with b * 2**eb (callers keep |ea - eb| modest: the two
    are close to each other)."""
    if ea > eb:
        _big_shift(a, ea - eb, 0)
    else:
        _big_shift(b, eb - ea, 0)
    return _big_cmp(a, b)


def _int_pow_mod(base: int, exp: int, mod: int) -> int:
    """pow(base, exp, mod): the result has the sign of mod; a negative exp
    takes base's inverse modulo mod first."""
    if mod == 0:
        raise ValueError("pow() 3rd argument cannot be 0")
    if mod == -9223372036854775807 - 1:
        _raise_builtin(1, 0)  # |mod| = 2**63 does not fit
    m = abs(mod)
    base = base % m
    if exp < 0:
        base = _inverse_mod(base, m)
        if exp == -9223372036854775807 - 1:
            base = _mul_mod(base, base, m)  # 2**63 = 2 * 2**62, which fits
            exp = exp // -2
        else:
            exp = -exp
    result = 1 % m
    while exp > 0:
        if exp & 1 == 1:
            result = _mul_mod(result, base, m)
        exp = exp >> 1
        if exp > 0:
            base = _mul_mod(base, base, m)
    return result + mod if mod < 0 and result != 0 else result


def _mul_mod(a: int, b: int, m: int) -> int:
    """a * b % m for 0 <= a, b < m, without the product (which may not fit)."""
    if m <= 3037000499:
        return a * b % m
    result = 0
    while b > 0:
        if b & 1 == 1:
            result = result - (m - a) if result >= m - a else result + a
        a = a - (m - a) if a >= m - a else a + a
        b = b >> 1
    return result


def _inverse_mod(a: int, m: int) -> int:
    """The x in [0, m) with a * x % m == 1 (extended Euclid)."""
    r0 = m
    r1 = a
    x0 = 0
    x1 = 1
    while r1 != 0:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        x0, x1 = x1, x0 - q * x1
    if r0 != 1:
        raise ValueError("base is not invertible for the given modulus")
    return x0 % m


def _float_to_int(x: float) -> int:
    """int(x): toward zero."""
    if x != x:
        raise ValueError("cannot convert float NaN to integer")
    if float_bits(x) & 0x7FF0000000000000 == 0x7FF0000000000000:
        raise OverflowError("cannot convert float infinity to integer")
    if not -9.223372036854775808e18 <= x < 9.223372036854775808e18:
        _raise_builtin(1, 0)
    return float_trunc_int(x)


def _float_round_int(x: float) -> int:
    """round(x): to the nearest int, ties to even."""
    return _float_to_int(float_nearest(x))


def _float_round(x: float, places: int) -> float:
    """round(x, places): the float nearest to x rounded half-even to `places`
    decimal places, computed on x's exact value as CPython does."""
    bits = float_bits(x)
    if bits & 0x7FF0000000000000 == 0x7FF0000000000000 or x == 0.0 or places > 323:
        return x
    if places < -308:
        return _copysign(0.0, x)
    exact, point = _exact_digits(bits)
    digits, point = _round_digits(exact, point, point + places)
    value = _decimal_to_float(digits, point - len(digits))
    if float_bits(value) == 0x7FF0000000000000:
        raise OverflowError("rounded value too large to represent")
    return _copysign(value, x)


def _int_float_compare(i: int, f: float) -> int:
    """Compare an int with a float exactly: -1, 0, 1, or 2 when f is NaN."""
    if f != f:
        return 2
    g = float(i)
    if g < f:
        return -1
    if g > f:
        return 1
    # Equal as floats; exact unless |i| > 2**53, where f is a whole number.
    if f >= 9.223372036854775808e18:
        return -1
    t = float_trunc_int(f)
    if i == t:
        return 0
    return -1 if i < t else 1


def _float_int_compare(f: float, i: int) -> int:
    c = _int_float_compare(i, f)
    return c if c == 2 else -c


def _int_round(value: int, places: int) -> int:
    """round(value, places) for an int: half to even at 10**-places."""
    if places >= 0:
        return value
    if places < -18:
        # 10**19 is past 64 bits: only 0 or an overflow is possible.
        if places == -19 and (value > 5000000000000000000 or value < -5000000000000000000):
            _raise_builtin(1, 0)
        return 0
    p = 10 ** -places
    q = value // p
    twice = 2 * (value - q * p)
    if twice > p or (twice == p and q % 2 == 1):
        q += 1
    return q * p


# ---------------------------------------------------------------- bytes methods


def _bytes_split(b: bytes, sep: bytes | None = None, maxsplit: int = -1) -> list[bytes]:
    out: list[bytes] = []
    if sep is None:
        i = 0
        n = len(b)
        while i < n:
            while i < n and _is_space_byte(b[i]):
                i += 1
            if i >= n:
                break
            if maxsplit >= 0 and len(out) == maxsplit:
                out.append(b[i:])  # the remainder keeps its trailing whitespace
                break
            start = i
            while i < n and not _is_space_byte(b[i]):
                i += 1
            out.append(b[start:i])
        return out
    if len(sep) == 0:
        raise ValueError("empty separator")
    start = 0
    found = b.find(sep)
    while found >= 0 and (maxsplit < 0 or len(out) < maxsplit):
        out.append(b[start:found])
        start = found + len(sep)
        found = b.find(sep, start)
    out.append(b[start:])
    return out


def _is_space_byte(c: int) -> bool:
    return c == 32 or 9 <= c <= 13


def _bytes_strip(b: bytes, chars: bytes | None = None) -> bytes:
    start = 0
    end = len(b)
    while start < end and (_is_space_byte(b[start]) if chars is None else b[start] in chars):
        start += 1
    while end > start and (_is_space_byte(b[end - 1]) if chars is None else b[end - 1] in chars):
        end -= 1
    return b[start:end]


def _bytes_hex(b: bytes) -> str:
    # The digits' character codes, decoded once: linear (see _str_title), and
    # no str object per digit.
    codes: list[int] = []
    for c in b:
        codes.append(_hex_digit_code(c >> 4))
        codes.append(_hex_digit_code(c & 15))
    return bytes(codes).decode()


def _hex_digit_code(v: int) -> int:
    return v + 48 if v < 10 else v + 87


def _bytes_fromhex(text: str) -> bytes:
    out: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] == " ":
            i += 1
            continue
        high = _hex_digit(text, i)
        low = _hex_digit(text, i + 1) if i + 1 < n else -1
        if high < 0 or low < 0:
            position = i if high < 0 else i + 1
            raise ValueError(f"non-hexadecimal number found in fromhex() arg at position "
                             f"{position}")
        out.append(high * 16 + low)
        i += 2
    return bytes(out)


def _hex_digit(text: str, i: int) -> int:
    c = text[i]
    if "0" <= c <= "9":
        return ord(c) - 48
    if "a" <= c <= "f":
        return ord(c) - 87
    if "A" <= c <= "F":
        return ord(c) - 55
    return -1


def _int_parse(text: str, base: int) -> int:
    """int(text, base) as CPython: surrounding whitespace, a sign, an optional
    0x/0o/0b prefix (required to pick the base when base is 0), digits with
    single underscores between them."""
    if base != 0 and not 2 <= base <= 36:
        raise ValueError("int() base must be >= 2 and <= 36, or 0")
    given_base = base
    s = ascii_number(text)
    negative = False
    if s != "" and (s[0] == "+" or s[0] == "-"):
        negative = s[0] == "-"
        s = s[1:]
    prefix_base = 0
    if len(s) >= 2 and s[0] == "0":
        marker = s[1].lower()
        if marker == "x":
            prefix_base = 16
        elif marker == "o":
            prefix_base = 8
        elif marker == "b":
            prefix_base = 2
    if prefix_base != 0 and (base == 0 or base == prefix_base):
        base = prefix_base
        s = s[2:]
        if s.startswith("_"):
            s = s[1:]
    elif base == 0:
        base = 10
        if len(s) > 1 and s[0] == "0" and s.strip("0_") != "":
            s = "?"  # "010" is not a base-0 literal
    value = 0
    digits = 0
    previous_underscore = True
    for c in s:
        if c == "_":
            if previous_underscore:
                digits = 0
                break
            previous_underscore = True
            continue
        d = _hex_digit(c, 0) if c in "0123456789abcdefABCDEF" else (
            ord(c.lower()) - 87 if "a" <= c.lower() <= "z" else -1)
        if d < 0 or d >= base:
            digits = 0
            break
        value = value * base - d  # negative accumulator: -2**63 fits
        digits += 1
        previous_underscore = False
    if digits == 0 or previous_underscore:
        raise ValueError(f"invalid literal for int() with base {given_base}: {text!r}")
    return value if negative else -value
