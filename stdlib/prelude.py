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
    if code == 21:
        raise ValueError("bytes must be in range(0, 256)")
    if code == 22:
        raise ValueError("negative count")
    if code == 23:
        raise ValueError("a negative exponent needs float, which pwc does not support yet")
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


def _report_uncaught(e: BaseException) -> None:
    """An exception nothing caught: print it to stderr as CPython would (sans frames)."""
    data = f"Traceback (most recent call last):\n  {_exception_location(e)}\n" \
           f"{type(e).__name__}: {e}\n".encode()
    iov = alloc(16)
    store_i32(iov, bytes_ptr(data))
    store_i32(iov + 4, len(data))
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


def _str_isdigit(s: str) -> bool:
    """ASCII digits (pwc has no Unicode digit tables yet)."""
    if s == "":
        return False
    for c in s:
        if not "0" <= c <= "9":
            return False
    return True


def _is_alpha(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z"


def _str_isalpha(s: str) -> bool:
    """ASCII letters (pwc has no Unicode letter tables yet)."""
    if s == "":
        return False
    for c in s:
        if not _is_alpha(c):
            return False
    return True


def _str_isalnum(s: str) -> bool:
    if s == "":
        return False
    for c in s:
        if not _is_alpha(c) and not "0" <= c <= "9":
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


def _str_capitalize(s: str) -> str:
    return s[:1].upper() + s[1:].lower()


def _str_title(s: str) -> str:
    # Parts joined once: `out += c` would copy the text so far for every
    # character (quadratic; pwc has no in-place str append).
    out: list[str] = []
    previous_cased = False
    for c in s:
        if _is_alpha(c):
            out.append(c.lower() if previous_cased else c.upper())
            previous_cased = True
        else:
            out.append(c)
            previous_cased = False
    return "".join(out)


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


def _bytes_join(sep: bytes, parts: list[bytes]) -> bytes:
    out = b""
    for i, part in enumerate(parts):
        if i > 0:
            out = out + sep
        out = out + part
    return out


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
    s = text.strip()
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
