"""proxywasm.json: typed JSON for plugins (design.md "The SDK surface"), first cut.

    config = json.parse_bytes(get_plugin_configuration())
    header = config.get("header")
    if header is not None and header.is_string():
        name = header.as_str()

Written in the dialect, so it behaves the same compiled and under CPython.
Limits of this first cut, each raising JsonError rather than guessing:
* there is no float yet: a number with a fraction or an exponent (or an
  integer outside the 64-bit range) is kept as its source text; `is_number()`
  is true, `as_int()` raises, and `dumps` writes the text back unchanged
  (CPython would print `1e2` as `100.0`);
* `parse` takes `str`; bytes go through `parse_bytes` (strict UTF-8).
"""

from __future__ import annotations

KIND_NULL: int = 0
KIND_BOOL: int = 1
KIND_NUMBER: int = 2
KIND_STRING: int = 3
KIND_ARRAY: int = 4
KIND_OBJECT: int = 5

MAX_DEPTH: int = 256

# Code point -> character for ASCII (the dialect has no chr() yet).
_ASCII: str = (
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
    " !\"#$%&'()*+,-./0123456789:;<=>?"
    "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"
    "`abcdefghijklmnopqrstuvwxyz{|}~\x7f"
)
_DIGITS: str = "0123456789"
_HEX_DIGITS: str = "0123456789abcdef"
_HEX_DIGITS_UPPER: str = "0123456789ABCDEF"
_WHITESPACE: str = " \t\n\r"

# The 64-bit int range, accumulated on the negative side so that the most
# negative value parses too.
_INT_MIN: int = -9223372036854775807 - 1
_INT_MIN_DIV_10: int = -922337203685477580
_INT_MIN_LAST_DIGIT: int = 8


class JsonError(ValueError):
    """Text that is not JSON, or a value used as the wrong kind."""


class JsonValue:
    """One JSON value: null, bool, number, string, array or object."""

    def __init__(self, kind: int) -> None:
        self.kind = kind
        self.bool_value = False
        self.int_value = 0
        # A string's value, or the source text of a number that is not a
        # 64-bit integer.
        self.text = ""
        self.is_integer = False
        self.elements: list[JsonValue] | None = None
        self.members: dict[str, JsonValue] | None = None

    def is_null(self) -> bool:
        return self.kind == KIND_NULL

    def is_bool(self) -> bool:
        return self.kind == KIND_BOOL

    def is_number(self) -> bool:
        return self.kind == KIND_NUMBER

    def is_string(self) -> bool:
        return self.kind == KIND_STRING

    def is_array(self) -> bool:
        return self.kind == KIND_ARRAY

    def is_object(self) -> bool:
        return self.kind == KIND_OBJECT

    def as_bool(self) -> bool:
        if self.kind != KIND_BOOL:
            raise JsonError(f"expected a bool, got {_kind_name(self.kind)}")
        return self.bool_value

    def as_int(self) -> int:
        if self.kind != KIND_NUMBER:
            raise JsonError(f"expected an int, got {_kind_name(self.kind)}")
        if not self.is_integer:
            raise JsonError(f"the number {self.text} is not a 64-bit integer")
        return self.int_value

    def as_str(self) -> str:
        if self.kind != KIND_STRING:
            raise JsonError(f"expected a string, got {_kind_name(self.kind)}")
        return self.text

    def as_list(self) -> list[JsonValue]:
        """The elements of an array."""
        elements = self.elements
        if elements is None:
            raise JsonError(f"expected an array, got {_kind_name(self.kind)}")
        return elements

    def at(self, index: int) -> JsonValue:
        """Element `index` of an array (negative counts from the end)."""
        elements = self.as_list()
        if index < 0:
            index = index + len(elements)
        if index < 0 or index >= len(elements):
            raise JsonError(f"array index {index} out of range")
        return elements[index]

    def get(self, key: str) -> JsonValue | None:
        """Member `key` of an object, or None if it has none."""
        return self._object().get(key)

    def keys(self) -> list[str]:
        """An object's member names, in document order."""
        names: list[str] = []
        for name in self._object():
            names.append(name)
        return names

    def items(self) -> list[tuple[str, JsonValue]]:
        """An object's members, in document order."""
        pairs: list[tuple[str, JsonValue]] = []
        for name, value in self._object().items():
            pairs.append((name, value))
        return pairs

    def len(self) -> int:
        """Number of elements (array), members (object) or characters (string)."""
        elements = self.elements
        if elements is not None:
            return len(elements)
        members = self.members
        if members is not None:
            return len(members)
        if self.kind == KIND_STRING:
            return len(self.text)
        raise JsonError(f"{_kind_name(self.kind)} has no length")

    def _object(self) -> dict[str, JsonValue]:
        members = self.members
        if members is None:
            raise JsonError(f"expected an object, got {_kind_name(self.kind)}")
        return members


def _kind_name(kind: int) -> str:
    if kind == KIND_NULL:
        return "null"
    if kind == KIND_BOOL:
        return "a bool"
    if kind == KIND_NUMBER:
        return "a number"
    if kind == KIND_STRING:
        return "a string"
    if kind == KIND_ARRAY:
        return "an array"
    return "an object"


# --- parsing ------------------------------------------------------------------


def parse(text: str) -> JsonValue:
    """The JSON value of `text` (RFC 8259); raises JsonError if it is not JSON."""
    parser = _Parser(text)
    parser.skip_whitespace()
    value = parser.value(0)
    parser.skip_whitespace()
    if parser.pos < parser.size:
        parser.fail("extra data after the JSON value")
    return value


def parse_bytes(data: bytes) -> JsonValue:
    """Like `parse`, for UTF-8 bytes such as a plugin configuration."""
    text = ""
    valid = True
    try:
        text = data.decode()
    except UnicodeDecodeError:
        valid = False
    if not valid:
        raise JsonError("JSON text is not valid UTF-8")
    return parse(text)


class _Parser:
    """A recursive-descent parser over `text`, one character at a time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.size = len(text)

    def fail(self, message: str) -> None:
        raise JsonError(f"{message} at position {self.pos}")

    def skip_whitespace(self) -> None:
        while self.pos < self.size and _WHITESPACE.find(self.text[self.pos]) >= 0:
            self.pos = self.pos + 1

    def value(self, depth: int) -> JsonValue:
        if depth > MAX_DEPTH:
            self.fail("JSON nested too deeply")
        if self.pos >= self.size:
            self.fail("expecting a value")
        c = self.text[self.pos]
        if c == "{":
            return self.object(depth)
        if c == "[":
            return self.array(depth)
        if c == '"':
            string = JsonValue(KIND_STRING)
            string.text = self.string()
            return string
        if c == "-" or _DIGITS.find(c) >= 0:
            return self.number()
        # (a slice, not find(): find would scan the rest of the text each time)
        if self.text[self.pos:self.pos + 4] == "true":
            self.pos = self.pos + 4
            true = JsonValue(KIND_BOOL)
            true.bool_value = True
            return true
        if self.text[self.pos:self.pos + 5] == "false":
            self.pos = self.pos + 5
            return JsonValue(KIND_BOOL)
        if self.text[self.pos:self.pos + 4] == "null":
            self.pos = self.pos + 4
            return JsonValue(KIND_NULL)
        self.fail("expecting a value")
        return JsonValue(KIND_NULL)  # not reached: fail raised

    def expect(self, c: str) -> None:
        if self.pos >= self.size or self.text[self.pos] != c:
            self.fail(f"expecting '{c}'")
        self.pos = self.pos + 1

    def object(self, depth: int) -> JsonValue:
        self.pos = self.pos + 1  # the "{"
        members: dict[str, JsonValue] = {}
        result = JsonValue(KIND_OBJECT)
        result.members = members
        self.skip_whitespace()
        if self.pos < self.size and self.text[self.pos] == "}":
            self.pos = self.pos + 1
            return result
        while True:
            self.skip_whitespace()
            if self.pos >= self.size or self.text[self.pos] != '"':
                self.fail("expecting a property name in double quotes")
            name = self.string()
            self.skip_whitespace()
            self.expect(":")
            self.skip_whitespace()
            members[name] = self.value(depth + 1)
            self.skip_whitespace()
            if self.pos < self.size and self.text[self.pos] == ",":
                self.pos = self.pos + 1
                continue
            self.expect("}")
            return result

    def array(self, depth: int) -> JsonValue:
        self.pos = self.pos + 1  # the "["
        elements: list[JsonValue] = []
        result = JsonValue(KIND_ARRAY)
        result.elements = elements
        self.skip_whitespace()
        if self.pos < self.size and self.text[self.pos] == "]":
            self.pos = self.pos + 1
            return result
        while True:
            self.skip_whitespace()
            elements.append(self.value(depth + 1))
            self.skip_whitespace()
            if self.pos < self.size and self.text[self.pos] == ",":
                self.pos = self.pos + 1
                continue
            self.expect("]")
            return result

    def string(self) -> str:
        """A string literal starting at the opening quote; returns its value."""
        self.pos = self.pos + 1
        parts: list[str] = []
        while True:
            if self.pos >= self.size:
                self.fail("unterminated string")
            c = self.text[self.pos]
            if c == '"':
                self.pos = self.pos + 1
                return "".join(parts)
            if c == "\\":
                parts.append(self.escape())
            elif c < " ":
                self.fail("invalid control character in string")
            else:
                parts.append(c)
                self.pos = self.pos + 1

    def escape(self) -> str:
        """The character of the escape sequence at pos (at its backslash)."""
        if self.pos + 1 >= self.size:
            self.fail("unterminated string")
        c = self.text[self.pos + 1]
        self.pos = self.pos + 2
        if c == '"' or c == "\\" or c == "/":
            return c
        if c == "n":
            return "\n"
        if c == "t":
            return "\t"
        if c == "r":
            return "\r"
        if c == "b":
            return "\b"
        if c == "f":
            return "\f"
        if c == "u":
            code = self.hex4()
            if 55296 <= code <= 56319 and self.text[self.pos:self.pos + 2] == "\\u":
                # A UTF-16 surrogate pair names one character beyond the BMP.
                start = self.pos
                self.pos = self.pos + 2
                low = self.hex4()
                if 56320 <= low <= 57343:
                    return chr(65536 + ((code - 55296) << 10) + (low - 56320))
                self.pos = start
            return chr(code)
        self.pos = self.pos - 2
        self.fail("invalid escape")
        return ""  # not reached: fail raised

    def hex4(self) -> int:
        code = 0
        for _ in range(4):
            if self.pos >= self.size:
                self.fail("truncated \\u escape")
            c = self.text[self.pos]
            digit = _HEX_DIGITS.find(c)
            if digit < 0:
                digit = _HEX_DIGITS_UPPER.find(c)
            if digit < 0:
                self.fail("invalid \\u escape")
            code = code * 16 + digit
            self.pos = self.pos + 1
        return code

    def digits(self) -> int:
        """Skip a run of digits; returns how many there were."""
        start = self.pos
        while self.pos < self.size and _DIGITS.find(self.text[self.pos]) >= 0:
            self.pos = self.pos + 1
        return self.pos - start

    def number(self) -> JsonValue:
        start = self.pos
        negative = self.text[self.pos] == "-"
        if negative:
            self.pos = self.pos + 1
        first_digit = self.pos
        count = self.digits()
        if count == 0:
            self.fail("expecting a digit")
        if count > 1 and self.text[first_digit] == "0":
            self.pos = first_digit + 1
            self.fail("extra data after the JSON value")
        integral = True
        if self.pos < self.size and self.text[self.pos] == ".":
            integral = False
            self.pos = self.pos + 1
            if self.digits() == 0:
                self.fail("expecting a digit after the decimal point")
        if self.pos < self.size and (self.text[self.pos] == "e" or self.text[self.pos] == "E"):
            integral = False
            self.pos = self.pos + 1
            if self.pos < self.size and (self.text[self.pos] == "+" or self.text[self.pos] == "-"):
                self.pos = self.pos + 1
            if self.digits() == 0:
                self.fail("expecting a digit in the exponent")
        result = JsonValue(KIND_NUMBER)
        # The source text, a slice: no per-character list to join.
        result.text = self.text[start:self.pos]
        if integral:
            _set_integer(result, self.text, first_digit, self.pos, negative)
        return result


def _set_integer(result: JsonValue, text: str, start: int, end: int, negative: bool) -> None:
    """Store the integer of the digits text[start:end] if it fits 64 bits."""
    accumulated = 0  # minus the magnitude, so that _INT_MIN fits
    for i in range(start, end):
        digit = _DIGITS.find(text[i])
        if accumulated < _INT_MIN_DIV_10 or (
            accumulated == _INT_MIN_DIV_10 and digit > _INT_MIN_LAST_DIGIT
        ):
            return
        accumulated = accumulated * 10 - digit
    if negative:
        result.int_value = accumulated
    elif accumulated == _INT_MIN:
        return
    else:
        result.int_value = -accumulated
    result.is_integer = True


# --- serializing --------------------------------------------------------------


def dumps(value: JsonValue) -> str:
    """The text CPython's `json.dumps` gives for the same value (default
    separators, ASCII only)."""
    parts: list[str] = []
    _dump(value, parts)
    return "".join(parts)


def _dump(value: JsonValue, parts: list[str]) -> None:
    kind = value.kind
    if kind == KIND_NULL:
        parts.append("null")
    elif kind == KIND_BOOL:
        parts.append("true" if value.bool_value else "false")
    elif kind == KIND_NUMBER:
        parts.append(str(value.int_value) if value.is_integer else value.text)
    elif kind == KIND_STRING:
        _dump_string(value.text, parts)
    elif kind == KIND_ARRAY:
        parts.append("[")
        first = True
        for element in value.as_list():
            if not first:
                parts.append(", ")
            first = False
            _dump(element, parts)
        parts.append("]")
    else:
        parts.append("{")
        first = True
        for name, member in value.items():
            if not first:
                parts.append(", ")
            first = False
            _dump_string(name, parts)
            parts.append(": ")
            _dump(member, parts)
        parts.append("}")


def _dump_string(text: str, parts: list[str]) -> None:
    parts.append('"')
    for i in range(len(text)):
        c = text[i]
        if c == '"':
            parts.append('\\"')
        elif c == "\\":
            parts.append("\\\\")
        elif c == "\n":
            parts.append("\\n")
        elif c == "\r":
            parts.append("\\r")
        elif c == "\t":
            parts.append("\\t")
        elif c == "\b":
            parts.append("\\b")
        elif c == "\f":
            parts.append("\\f")
        elif c >= " " and c <= "~":
            parts.append(c)
        else:
            _dump_code_point(_code_point(c), parts)
    parts.append('"')


def _dump_code_point(code: int, parts: list[str]) -> None:
    """`\\uXXXX`, as a surrogate pair beyond the Basic Multilingual Plane."""
    if code >= 0x10000:
        offset = code - 0x10000
        _dump_code_point(0xD800 + offset // 1024, parts)
        _dump_code_point(0xDC00 + offset % 1024, parts)
        return
    parts.append("\\u")
    parts.append(_HEX_DIGITS[code // 4096])
    parts.append(_HEX_DIGITS[code // 256 % 16])
    parts.append(_HEX_DIGITS[code // 16 % 16])
    parts.append(_HEX_DIGITS[code % 16])


def _code_point(c: str) -> int:
    """The code point of the one-character string `c`, from its UTF-8 bytes
    (the dialect has no ord() yet)."""
    data = c.encode()
    if len(data) == 1:
        return data[0]
    if len(data) == 2:
        return data[0] % 32 * 64 + data[1] % 64
    if len(data) == 3:
        return data[0] % 16 * 4096 + data[1] % 64 * 64 + data[2] % 64
    return data[0] % 8 * 262144 + data[1] % 64 * 4096 + data[2] % 64 * 64 + data[3] % 64
