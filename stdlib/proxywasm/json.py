"""proxywasm.json: typed JSON for plugins (design.md "The SDK surface").

    config = json.parse_bytes(get_plugin_configuration())
    header = config.get("header")
    if header is not None and header.is_string():
        name = header.as_str()

Written in the dialect, so it behaves the same compiled and under CPython.
Numbers are as CPython's json reads them: an integer is an int (`as_int()`),
a number with a fraction or an exponent a float (`as_float()`, which takes
integers too; `1e400` is infinity); `dumps` writes them as CPython does
(`1e2` as `100.0`, infinity as `Infinity`).  An integer outside the 64-bit
range is kept as its text: `as_int()` raises, `as_float()` rounds it, and
`dumps` writes the text back.
* `parse` takes `str`; bytes go through `parse_bytes` (strict UTF-8).  A
  str is parsed as the bytes `encode("utf-8", "surrogateescape")` makes
  of it, so a lone surrogate outside U+DC80..U+DCFF (which CPython's json
  would keep) is a JsonError.
"""

from __future__ import annotations

KIND_NULL: int = 0
KIND_BOOL: int = 1
KIND_NUMBER: int = 2
KIND_STRING: int = 3
KIND_ARRAY: int = 4
KIND_OBJECT: int = 5

MAX_DEPTH: int = 256

_HEX_DIGITS: str = "0123456789abcdef"

# The characters parsing and dumps tell apart, as code points (module
# constants, so that the code reads as the characters it means).
_TAB: int = ord("\t")
_NEWLINE: int = ord("\n")
_RETURN: int = ord("\r")
_SPACE: int = ord(" ")
_QUOTE: int = ord('"')
_BACKSLASH: int = ord("\\")
_COMMA: int = ord(",")
_COLON: int = ord(":")
_LEFT_BRACE: int = ord("{")
_RIGHT_BRACE: int = ord("}")
_LEFT_BRACKET: int = ord("[")
_RIGHT_BRACKET: int = ord("]")
_PLUS: int = ord("+")
_MINUS: int = ord("-")
_DOT: int = ord(".")
_ZERO: int = ord("0")
_NINE: int = ord("9")
_LOWER_A: int = ord("a")
_LOWER_F: int = ord("f")
_UPPER_A: int = ord("A")
_UPPER_F: int = ord("F")
_LOWER_E: int = ord("e")
_UPPER_E: int = ord("E")
_LOWER_U: int = ord("u")
_TILDE: int = ord("~")
_BACKSPACE: int = ord("\b")
_FORM_FEED: int = ord("\f")

# The letters of the one-letter escapes, and the characters they stand for.
_ESCAPE_LETTERS: str = '"\\/bfnrt'
_ESCAPED: str = '"\\/\b\f\n\r\t'

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
        # A number with a fraction or an exponent: a float, read from `text`
        # only when asked (so that a plugin that never asks links no float
        # parsing).
        self.is_float = False
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

    def as_float(self) -> float:
        """A number as a float (an integer converted, as float() would)."""
        if self.kind != KIND_NUMBER:
            raise JsonError(f"expected a number, got {_kind_name(self.kind)}")
        if self.is_integer:
            return float(self.int_value)
        return float(self.text)

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
    # The parser reads UTF-8.  surrogateescape turns a str the SDK decoded
    # from the host back into the host's bytes, invalid ones included.
    data = b""
    encodable = True
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        encodable = False
    if not encodable:
        raise JsonError("JSON text has a lone surrogate")
    return _Parser(data, False).document()


def parse_bytes(data: bytes) -> JsonValue:
    """Like `parse`, for UTF-8 bytes such as a plugin configuration."""
    return _Parser(data, True).document()


def _decode_utf8(data: bytes) -> str:
    """`data.decode()`, with JsonError for bytes that are not UTF-8."""
    text = ""
    valid = True
    try:
        text = data.decode()
    except UnicodeDecodeError:
        valid = False
    if not valid:
        raise JsonError("JSON text is not valid UTF-8")
    return text


class _Parser:
    """A recursive-descent parser over UTF-8 `data`.

    It reads one byte at a time as an int and decodes each run of plain
    string characters as one slice: making a str per character is what made
    the first cut slow (docs/performance.md).  `pos` is a byte offset; error
    messages count characters, as CPython's do.

    `strict` data must be UTF-8 (parse_bytes).  It is not checked up front,
    which would cost a sixth of the parse again: every non-ASCII byte of
    JSON text that parses lies in a string, and each run is decoded
    strictly; the whole text is checked only when the parse fails, so that
    text that is not UTF-8 gets that error whatever else is wrong with it.
    Otherwise `data` is a str encoded with surrogateescape (parse), decoded
    back the same way.
    """

    def __init__(self, data: bytes, strict: bool) -> None:
        self.data = data
        self.strict = strict
        self.pos = 0
        self.size = len(data)

    def document(self) -> JsonValue:
        self.skip_whitespace()
        value = self.value(0)
        self.skip_whitespace()
        if self.pos < self.size:
            self.fail("extra data after the JSON value")
        return value

    def fail(self, message: str) -> None:
        if self.strict:
            _decode_utf8(self.data)  # raises first if the text is not UTF-8
        position = len(self.data[:self.pos].decode("utf-8", "surrogateescape"))
        raise JsonError(f"{message} at position {position}")

    def peek(self) -> int:
        """The byte at pos, or -1 at the end."""
        if self.pos < self.size:
            return self.data[self.pos]
        return -1

    def decode(self, start: int, end: int) -> str:
        """The text of data[start:end], which starts and ends at ASCII
        characters or the ends of the data."""
        if self.strict:
            return _decode_utf8(self.data[start:end])
        return self.data[start:end].decode("utf-8", "surrogateescape")

    def skip_whitespace(self) -> None:
        data = self.data
        pos = self.pos
        while pos < self.size:
            c = data[pos]
            if c != _SPACE and c != _NEWLINE and c != _RETURN and c != _TAB:
                break
            pos += 1
        self.pos = pos

    def value(self, depth: int) -> JsonValue:
        if depth > MAX_DEPTH:
            self.fail("JSON nested too deeply")
        c = self.peek()
        if c == _LEFT_BRACE:
            return self.object(depth)
        if c == _LEFT_BRACKET:
            return self.array(depth)
        if c == _QUOTE:
            string = JsonValue(KIND_STRING)
            string.text = self.string()
            return string
        if c == _MINUS or _ZERO <= c <= _NINE:
            return self.number()
        if self.literal(b"true"):
            true = JsonValue(KIND_BOOL)
            true.bool_value = True
            return true
        if self.literal(b"false"):
            return JsonValue(KIND_BOOL)
        if self.literal(b"null"):
            return JsonValue(KIND_NULL)
        self.fail("expecting a value")
        return JsonValue(KIND_NULL)  # not reached: fail raised

    def literal(self, word: bytes) -> bool:
        """Whether `word` is at pos; if so, moves past it."""
        end = self.pos + len(word)
        if self.data[self.pos:end] != word:
            return False
        self.pos = end
        return True

    def expect(self, byte: int, char: str) -> None:
        if self.peek() != byte:
            self.fail(f"expecting '{char}'")
        self.pos += 1

    def object(self, depth: int) -> JsonValue:
        self.pos += 1  # the "{"
        members: dict[str, JsonValue] = {}
        result = JsonValue(KIND_OBJECT)
        result.members = members
        self.skip_whitespace()
        if self.peek() == _RIGHT_BRACE:
            self.pos += 1
            return result
        while True:
            self.skip_whitespace()
            if self.peek() != _QUOTE:
                self.fail("expecting a property name in double quotes")
            name = self.string()
            self.skip_whitespace()
            self.expect(_COLON, ":")
            self.skip_whitespace()
            members[name] = self.value(depth + 1)
            self.skip_whitespace()
            if self.peek() == _COMMA:
                self.pos += 1
                continue
            self.expect(_RIGHT_BRACE, "}")
            return result

    def array(self, depth: int) -> JsonValue:
        self.pos += 1  # the "["
        elements: list[JsonValue] = []
        result = JsonValue(KIND_ARRAY)
        result.elements = elements
        self.skip_whitespace()
        if self.peek() == _RIGHT_BRACKET:
            self.pos += 1
            return result
        while True:
            self.skip_whitespace()
            elements.append(self.value(depth + 1))
            self.skip_whitespace()
            if self.peek() == _COMMA:
                self.pos += 1
                continue
            self.expect(_RIGHT_BRACKET, "]")
            return result

    def string(self) -> str:
        """A string literal starting at the opening quote; returns its value."""
        start = self.pos + 1
        end = self.plain_run(start)
        if end < self.size and self.data[end] == _QUOTE:
            # the common case: no escapes, one slice
            self.pos = end + 1
            return self.decode(start, end)
        parts: list[str] = []
        while True:
            parts.append(self.decode(start, end))
            self.pos = end
            c = self.peek()
            if c == _QUOTE:
                self.pos += 1
                return "".join(parts)
            if c == _BACKSLASH:
                parts.append(self.escape())
            elif c < 0:
                self.fail("unterminated string")
            else:
                self.fail("invalid control character in string")
            start = self.pos
            end = self.plain_run(start)

    def plain_run(self, pos: int) -> int:
        """Where the run of plain string characters from `pos` ends: at a
        quote, a backslash, a control character or the end of the data."""
        data = self.data
        size = self.size
        while pos < size:
            c = data[pos]
            if c == _QUOTE or c == _BACKSLASH or c < _SPACE:
                break
            pos += 1
        return pos

    def escape(self) -> str:
        """The character of the escape sequence at pos (at its backslash)."""
        if self.pos + 1 >= self.size:
            self.fail("unterminated string")
        c = self.data[self.pos + 1]
        self.pos += 2
        if c == _LOWER_U:
            code = self.hex4()
            if 55296 <= code <= 56319 and self.data[self.pos:self.pos + 2] == b"\\u":
                # A UTF-16 surrogate pair names one character beyond the BMP.
                start = self.pos
                self.pos += 2
                low = self.hex4()
                if 56320 <= low <= 57343:
                    return chr(65536 + ((code - 55296) << 10) + (low - 56320))
                self.pos = start
            return chr(code)
        index = _ESCAPE_LETTERS.find(chr(c))
        if index < 0:
            self.pos -= 2
            self.fail("invalid escape")
        return _ESCAPED[index]

    def hex4(self) -> int:
        code = 0
        for _ in range(4):
            if self.pos >= self.size:
                self.fail("truncated \\u escape")
            digit = _hex_digit(self.data[self.pos])
            if digit < 0:
                self.fail("invalid \\u escape")
            code = code * 16 + digit
            self.pos += 1
        return code

    def digits(self) -> int:
        """Move past a run of digits; returns how many there were."""
        data = self.data
        start = self.pos
        pos = start
        while pos < self.size and _ZERO <= data[pos] <= _NINE:
            pos += 1
        self.pos = pos
        return pos - start

    def number(self) -> JsonValue:
        start = self.pos
        negative = self.data[start] == _MINUS
        if negative:
            self.pos += 1
        first_digit = self.pos
        count = self.digits()
        if count == 0:
            self.fail("expecting a digit")
        if count > 1 and self.data[first_digit] == _ZERO:
            self.pos = first_digit + 1
            self.fail("extra data after the JSON value")
        integral = True
        if self.peek() == _DOT:
            integral = False
            self.pos += 1
            if self.digits() == 0:
                self.fail("expecting a digit after the decimal point")
        c = self.peek()
        if c == _LOWER_E or c == _UPPER_E:
            integral = False
            self.pos += 1
            c = self.peek()
            if c == _PLUS or c == _MINUS:
                self.pos += 1
            if self.digits() == 0:
                self.fail("expecting a digit in the exponent")
        result = JsonValue(KIND_NUMBER)
        if integral:
            _set_integer(result, self.data, first_digit, self.pos, negative)
        if not result.is_integer:
            result.text = self.decode(start, self.pos)
            if not integral:
                result.is_float = True
        return result


def _hex_digit(c: int) -> int:
    """The value of the hex digit byte `c`, or -1."""
    if _ZERO <= c <= _NINE:
        return c - _ZERO
    if _LOWER_A <= c <= _LOWER_F:
        return c - _LOWER_A + 10
    if _UPPER_A <= c <= _UPPER_F:
        return c - _UPPER_A + 10
    return -1


def _set_integer(result: JsonValue, data: bytes, start: int, end: int, negative: bool) -> None:
    """Store the integer of the digits data[start:end] if it fits 64 bits."""
    accumulated = 0  # minus the magnitude, so that _INT_MIN fits
    for i in range(start, end):
        digit = data[i] - _ZERO
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
        if value.is_integer:
            parts.append(str(value.int_value))
        elif value.is_float:
            parts.append(_float_text(float(value.text)))
        else:
            parts.append(value.text)
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
        for name, member in value._object().items():
            if not first:
                parts.append(", ")
            first = False
            _dump_string(name, parts)
            parts.append(": ")
            _dump(member, parts)
        parts.append("}")


def _float_text(value: float) -> str:
    """A float as CPython's json writes it (its repr, but Infinity, NaN)."""
    if value > 1.7976931348623157e308:
        return "Infinity"
    if value < -1.7976931348623157e308:
        return "-Infinity"
    return repr(value)  # (parsing never makes a NaN)


def _dump_string(text: str, parts: list[str]) -> None:
    parts.append('"')
    data = b""
    encodable = True
    try:
        data = text.encode()
    except UnicodeEncodeError:
        encodable = False
    if encodable:
        _dump_runs(text, data, parts)
    else:
        # A lone surrogate has no UTF-8: one character at a time (it is
        # not plain, so it becomes a \u escape, as in CPython).
        for c in text:
            code = ord(c)
            parts.append(c if _is_plain(code) else _escaped(code))
    parts.append('"')


def _dump_runs(text: str, data: bytes, parts: list[str]) -> None:
    """`text` (whose UTF-8 is `data`) with each run of characters written as
    they are appended as one slice: usually the whole text."""
    start = 0  # the character where the current run begins
    index = 0  # the character at data[pos]
    pos = 0
    size = len(data)
    while pos < size:
        code = data[pos]
        if _is_plain(code):
            pos += 1
        else:
            parts.append(text[start:index])
            if code >= 128:
                code = ord(text[index])
            parts.append(_escaped(code))
            pos += _utf8_length(code)
            start = index + 1
        index += 1
    parts.append(text[start:index])


def _is_plain(code: int) -> bool:
    """Whether dumps writes the character `code` as it is."""
    return _SPACE <= code <= _TILDE and code != _QUOTE and code != _BACKSLASH


def _escaped(code: int) -> str:
    """How dumps writes the character `code` when it is not plain."""
    if code == _QUOTE:
        return '\\"'
    if code == _BACKSLASH:
        return "\\\\"
    if code == _NEWLINE:
        return "\\n"
    if code == _RETURN:
        return "\\r"
    if code == _TAB:
        return "\\t"
    if code == _BACKSPACE:
        return "\\b"
    if code == _FORM_FEED:
        return "\\f"
    if code >= 0x10000:
        # a surrogate pair beyond the Basic Multilingual Plane
        offset = code - 0x10000
        return _unicode_escape(0xD800 + offset // 1024) + _unicode_escape(0xDC00 + offset % 1024)
    return _unicode_escape(code)


def _unicode_escape(code: int) -> str:
    """`\\uXXXX` for a code point below 0x10000."""
    return "\\u" + (_HEX_DIGITS[code // 4096] + _HEX_DIGITS[code // 256 % 16]
                    + _HEX_DIGITS[code // 16 % 16] + _HEX_DIGITS[code % 16])


def _utf8_length(code: int) -> int:
    """How many bytes UTF-8 takes for the character `code`."""
    if code < 0x80:
        return 1
    if code < 0x800:
        return 2
    if code < 0x10000:
        return 3
    return 4
