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
`dumps` writes the text back.  A number is read from its text only when
asked, so a plugin that never asks links no number conversion.
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

# The bytes parsing and dumps tell apart, as literals: the compiler folds
# them into the code (`ord("x")` would be a call when the module starts).
_TAB: int = 9
_NEWLINE: int = 10
_RETURN: int = 13
_SPACE: int = 32
_QUOTE: int = 34  # "
_PLUS: int = 43
_COMMA: int = 44
_MINUS: int = 45
_DOT: int = 46
_ZERO: int = 48
_NINE: int = 57
_HEX_END: int = 63  # "9" + 6: where code_unit maps "f"
_COLON: int = 58
_LEFT_BRACKET: int = 91  # [
_BACKSLASH: int = 92
_LOWER_E: int = 101
_LOWER_N: int = 110
_LOWER_T: int = 116
_LOWER_U: int = 117
_LEFT_BRACE: int = 123  # {
_TILDE: int = 126

# The letters of the escapes (the last one starts \uXXXX), and the
# characters of the one-letter ones (as bytes: chr() of one is linked for
# \uXXXX anyway, str indexing is not).
_ESCAPE_LETTERS: bytes = b'"\\/bfnrtu'
_ESCAPED: bytes = b'"\\/\b\f\n\r\t'


# The numbers of JSON, -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, as the
# table of a state machine (smaller compiled than code for each part): a
# row of 7 bytes per state, a state being the offset of its row.  In a row,
# the state after "0", "1".."9", "-", "+", "." and "e" or "E" (0 for none:
# the number ends before that byte), then how a number can end in this
# state: 0 not at all, 1 as an integer, 2 as a float.  (The offsets in hex:
# 0x07 is 7, 0x0e 14, 0x15 21, 0x1c 28, 0x23 35, 0x2a 42, 0x31 49, 0x38 56.)
_NUMBER: bytes = (
    b"\x0e\x15\x07\x00\x00\x00\x00"  # 0: the start
    b"\x0e\x15\x00\x00\x00\x00\x00"  # 7: after "-"
    b"\x00\x00\x00\x00\x1c\x2a\x01"  # 14: after a leading "0"
    b"\x15\x15\x00\x00\x1c\x2a\x01"  # 21: in the digits of an integer
    b"\x23\x23\x00\x00\x00\x00\x00"  # 28: after "."
    b"\x23\x23\x00\x00\x00\x2a\x02"  # 35: in the digits of a fraction
    b"\x38\x38\x31\x31\x00\x00\x00"  # 42: after "e"
    b"\x38\x38\x00\x00\x00\x00\x00"  # 49: after the sign of an exponent
    b"\x38\x38\x00\x00\x00\x00\x02"  # 56: in the digits of an exponent
)


class JsonError(ValueError):
    """Text that is not JSON, or a value used as the wrong kind."""


class JsonValue:
    """One JSON value: null, bool, number, string, array or object."""

    def __init__(self, kind: int, text: str = "") -> None:
        self.kind = kind
        # A string's value, or the source text of a null, bool or number.
        self.text = text
        # A number with a fraction or an exponent (a float), not an integer.
        self.is_float = False
        self.elements: list[JsonValue] | None = [] if kind == KIND_ARRAY else None
        self.members: dict[str, JsonValue] | None = {} if kind == KIND_OBJECT else None

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
            raise self._expected(KIND_BOOL)
        return self.text == "true"

    def as_int(self) -> int:
        """An integer number, if it fits in 64 bits."""
        if self.kind != KIND_NUMBER:
            raise self._expected(KIND_NUMBER)
        digits = self.text.encode()  # -?(0|[1-9][0-9]*) unless is_float
        negative = digits[0] == _MINUS
        first = 1 if negative else 0
        if not self.is_float and len(digits) - first <= 19:
            # Summed negative, so that the least int fits: all digits but
            # the last (at most 18, which cannot overflow), then the last
            # one when the result stays in range (the least int is
            # -922337203685477580 * 10 - 8, the greatest its negation - 1).
            value = 0
            for i in range(first, len(digits) - 1):
                value = value * 10 - (digits[i] - _ZERO)
            last = digits[-1] - _ZERO
            if value > -922337203685477580 or value == -922337203685477580 and (
                    last <= (8 if negative else 7)):
                value = value * 10 - last
                return value if negative else -value
        raise JsonError(f"the number {self.text} is not a 64-bit integer")

    def as_float(self) -> float:
        """A number as a float (an integer converted, as float() would)."""
        if self.kind != KIND_NUMBER:
            raise self._expected(KIND_NUMBER)
        number = float(self.text)
        # + 0.0 makes the integer -0 the int 0 converted, as in CPython
        return number if self.is_float else number + 0.0

    def as_str(self) -> str:
        if self.kind != KIND_STRING:
            raise self._expected(KIND_STRING)
        return self.text

    def as_list(self) -> list[JsonValue]:
        """The elements of an array."""
        elements = self.elements
        if elements is None:
            raise self._expected(KIND_ARRAY)
        return elements

    def at(self, index: int) -> JsonValue:
        """Element `index` of an array (negative counts from the end)."""
        elements = self.as_list()
        if -len(elements) <= index < len(elements):
            return elements[index]
        raise JsonError(f"array index {index} out of range")

    def get(self, key: str) -> JsonValue | None:
        """Member `key` of an object, or None if it has none."""
        return self._object().get(key)

    def keys(self) -> list[str]:
        """An object's member names, in document order."""
        return [name for name in self._object()]

    def items(self) -> list[tuple[str, JsonValue]]:
        """An object's members, in document order."""
        return [(name, value) for name, value in self._object().items()]

    def len(self) -> int:
        """Number of elements (array), members (object) or characters (string)."""
        elements = self.elements
        if elements is not None:
            return len(elements)
        members = self.members
        if members is not None:
            return len(members)
        if self.kind != KIND_STRING:
            raise JsonError(f"{_kind_name(self.kind)} has no length")
        return len(self.text)

    def _object(self) -> dict[str, JsonValue]:
        members = self.members
        if members is None:
            raise self._expected(KIND_OBJECT)
        return members

    def _expected(self, kind: int) -> JsonError:
        """The error for this value used as a value of `kind`."""
        return JsonError(f"expected {_kind_name(kind)}, got {_kind_name(self.kind)}")


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
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raise JsonError("JSON text has a lone surrogate") from None
    return _Parser(data, False).document()


def parse_bytes(data: bytes) -> JsonValue:
    """Like `parse`, for UTF-8 bytes such as a plugin configuration."""
    return _Parser(data, True).document()


class _Parser:
    """A recursive-descent parser over UTF-8 `data`.

    It reads one byte at a time as an int and decodes each run of plain
    string characters as one slice: making a str per character is what made
    the first cut slow (docs/performance.md).  `pos` is a byte offset; error
    messages count characters, as CPython's do.  Every byte is read through
    `byte()`, which gives NUL past the end, where every scan stops without
    a bounds check of its own: JSON text has no NUL outside strings, nor an
    unescaped one in them.  (A NUL appended to the data did the same, but
    linked a bytes concatenation, and the reads cost as much.)

    `data` is decoded with surrogateescape: a str encoded that way (parse)
    comes back as it was.  `strict` data must be UTF-8 (parse_bytes).  It
    is not checked up front, which would cost a sixth of the parse again:
    every non-ASCII byte of JSON text that parses lies in a string, and a
    run that is not ASCII is checked when it is decoded (bytes that are not
    UTF-8 come back as lone surrogates, which do not encode); the whole text
    is checked only when the parse fails, so that text that is not UTF-8
    gets that error whatever else is wrong with it.
    """

    def __init__(self, data: bytes, strict: bool) -> None:
        self.data = data
        self.strict = strict
        self.pos = 0

    def error(self, message: str) -> JsonError:
        """The error to raise where the parse fails, at pos."""
        self.decode(0, len(self.data))  # raises first if the text is not UTF-8
        return JsonError(f"{message} at position {len(self.decode(0, self.pos))}")

    def decode(self, start: int, end: int) -> str:
        """The text of data[start:end], which starts and ends at the start
        of a character (the first byte of its UTF-8) or the ends of the data."""
        text = self.data[start:end].decode("utf-8", "surrogateescape")
        if self.strict and not text.isascii():
            try:
                text.encode()
            except UnicodeEncodeError:
                raise JsonError("JSON text is not valid UTF-8") from None
        return text

    def document(self) -> JsonValue:
        value = self.value(self.next(0), 0)
        self.next(0)
        if self.pos < len(self.data):
            raise self.error("extra data")
        return value

    def byte(self, pos: int) -> int:
        """The byte at pos, or NUL past the end."""
        data = self.data
        return data[pos] if pos < len(data) else 0

    def next(self, step: int) -> int:
        """Move `step` bytes on, then past whitespace; the byte there."""
        pos = self.pos + step
        while True:
            c = self.byte(pos)
            if c != _SPACE and c != _NEWLINE and c != _RETURN and c != _TAB:
                self.pos = pos
                return c
            pos += 1

    def value(self, c: int, depth: int) -> JsonValue:
        """The value at pos, whose first byte is c; moves past it."""
        if c == _QUOTE:
            return JsonValue(KIND_STRING, self.string())
        if c == _MINUS or _ZERO <= c <= _NINE:
            return self.number()
        if c != _LEFT_BRACKET and c != _LEFT_BRACE:
            # null, true or false
            word = "null" if c == _LOWER_N else "true" if c == _LOWER_T else "false"
            pos = self.pos
            if self.data[pos:pos + len(word)].decode("utf-8", "surrogateescape") != word:
                raise self.error("expecting a value")
            self.next(len(word))
            return JsonValue(KIND_NULL if c == _LOWER_N else KIND_BOOL, word)
        depth += 1
        if depth > MAX_DEPTH:
            raise self.error("nested too deeply")
        result = JsonValue(KIND_ARRAY if c == _LEFT_BRACKET else KIND_OBJECT)
        elements = result.elements
        members = result.members
        # "[" ^ 6 is "]", "{" ^ 6 is "}" (one instruction: + checks overflow)
        closing = c ^ 6
        c = self.next(1)
        if c != closing:
            while True:
                if members is not None:
                    if c != _QUOTE:
                        raise self.error("expecting a property name")
                    name = self.string()
                    if self.next(0) != _COLON:
                        raise self.error("expecting ':'")
                    members[name] = self.value(self.next(1), depth)
                elif elements is not None:
                    elements.append(self.value(c, depth))
                c = self.next(0)
                if c != _COMMA:
                    break
                c = self.next(1)
            if c != closing:
                raise self.error(f"expecting ',' or '{chr(closing)}'")
        self.next(1)
        return result

    def string(self) -> str:
        """The string at pos (its opening quote); moves past it."""
        pos = self.pos + 1
        start = pos  # where the current run of plain characters begins
        parts: list[str] = []  # the text before start
        while True:
            c = self.byte(pos)
            if c == _QUOTE:
                self.pos = pos + 1
                parts.append(self.decode(start, pos))
                return "".join(parts)  # a string without escapes: its one part
            if c == _BACKSLASH:
                parts.append(self.decode(start, pos))
                self.pos = pos
                letter = self.byte(pos + 1)
                index = 0  # (no range(): its loops alone link $int_add_sat)
                for known in _ESCAPE_LETTERS:
                    if known == letter:
                        break
                    index += 1
                else:
                    raise self.error("invalid escape")
                if index < 8:
                    code = _ESCAPED[index]
                    pos += 2
                else:
                    code = self.code_unit(pos)
                    if code < 0:
                        raise self.error("invalid \\u escape")
                    pos += 6
                    if code & 0xFC00 == 0xD800:
                        # A UTF-16 surrogate pair names one character beyond the BMP.
                        low = self.code_unit(pos)
                        if low & 0xFC00 == 0xDC00:
                            # 0x10000 + (code - 0xD800) * 1024 + (low - 0xDC00)
                            code = code * 1024 + low - 0x35FDC00
                            pos += 6
                parts.append(chr(code))
                start = pos
            elif c < _SPACE:
                self.pos = pos
                raise self.error("unterminated string" if pos == len(self.data)
                                 else "invalid control character")
            else:
                pos += 1

    def code_unit(self, pos: int) -> int:
        """The value of the \\uXXXX escape at pos, or -1 if there is none."""
        if self.byte(pos) != _BACKSLASH or self.byte(pos + 1) != _LOWER_U:
            return -1
        code = 0
        end = pos + 6  # (a while loop: see string())
        pos += 2
        while pos < end:
            c = self.byte(pos)
            if c > _NINE:
                c = (c | 32) - 39  # "a".."f" and "A".."F" become the 6 bytes after "9"
                if c <= _NINE:
                    return -1
            if c < _ZERO or c > _HEX_END:
                return -1
            code = code * 16 + c - _ZERO
            pos += 1
        return code

    def number(self) -> JsonValue:
        """The number at pos (its '-' or first digit); moves past it."""
        start = pos = self.pos
        state = 0  # where its row of _NUMBER starts
        while True:
            c = self.byte(pos)
            if _ZERO <= c <= _NINE:
                column = 0 if c == _ZERO else 1
            elif c == _MINUS:
                column = 2
            elif c == _PLUS:
                column = 3
            elif c == _DOT:
                column = 4
            elif c | 32 == _LOWER_E:  # e or E
                column = 5
            else:
                break
            following = _NUMBER[state + column]
            if following == 0:
                break
            state = following
            pos += 1
        self.pos = pos
        ends = _NUMBER[state + 6]
        if ends == 0:
            raise self.error("expecting a digit")
        result = JsonValue(KIND_NUMBER, self.decode(start, pos))
        result.is_float = ends == 2
        return result


# --- serializing --------------------------------------------------------------


def dumps(value: JsonValue) -> str:
    """The text CPython's `json.dumps` gives for the same value (default
    separators, ASCII only)."""
    parts: list[str] = []
    _dump(value, parts)
    return "".join(parts)


def _dump(value: JsonValue, parts: list[str]) -> None:
    kind = value.kind
    elements = value.elements
    members = value.members
    if kind == KIND_STRING:
        _dump_string(value.text, parts)
    elif value.is_float:
        number = float(value.text)
        # repr, as CPython's json writes a float (parsing never makes a NaN)
        if number > 1.7976931348623157e308:
            parts.append("Infinity")
        elif number < -1.7976931348623157e308:
            parts.append("-Infinity")
        else:
            parts.append(repr(number))
    elif elements is None and members is None:
        # null, true, false or an integer as written, but -0 (the int 0)
        parts.append("0" if value.text == "-0" else value.text)
    elif elements is not None:
        parts.append("[")
        first = True
        for element in elements:
            if not first:
                parts.append(", ")
            first = False
            _dump(element, parts)
        parts.append("]")
    elif members is not None:
        parts.append("{")
        first = True
        for name, member in members.items():
            if not first:
                parts.append(", ")
            first = False
            _dump_string(name, parts)
            parts.append(": ")
            _dump(member, parts)
        parts.append("}")


def _dump_string(text: str, parts: list[str]) -> None:
    """`text` quoted, each run of characters written as they are appended as
    one slice: usually the whole text."""
    parts.append('"')
    data = b""
    try:
        data = text.encode()
    except UnicodeEncodeError:
        # A lone surrogate has no UTF-8: one character at a time (it is not
        # plain, so it becomes a \\u escape, as in CPython).
        for c in text:
            code = ord(c)
            parts.append(c if _SPACE <= code <= _TILDE and c != '"' and c != "\\"
                         else _escaped(code))
    start = 0  # the character where the current run begins
    index = 0  # the character at data[pos]
    pos = 0
    while pos < len(data):
        code = data[pos]
        pos += 1
        if code < _SPACE or code > _TILDE or code == _QUOTE or code == _BACKSLASH:
            parts.append(text[start:index])
            if code >= 0x80:
                # the first byte of a character's UTF-8: skip the others
                code = ord(text[index])
                pos += 1 if code < 0x800 else 2 if code < 0x10000 else 3
            parts.append(_escaped(code))
            start = index + 1
        index += 1
    parts.append(text[start:index])
    parts.append('"')


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
    if code == 8:
        return "\\b"
    if code == 12:
        return "\\f"
    if code >= 0x10000:
        # a surrogate pair beyond the Basic Multilingual Plane
        code -= 0x10000
        return _unicode_escape(0xD800 + (code >> 10)) + _unicode_escape(0xDC00 + (code & 1023))
    return _unicode_escape(code)


def _unicode_escape(code: int) -> str:
    """`\\uXXXX` for a code point below 0x10000."""
    digits = "0123456789abcdef"
    return "\\u" + (digits[code >> 12] + digits[code >> 8 & 15]
                    + digits[code >> 4 & 15] + digits[code & 15])
