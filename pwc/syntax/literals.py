"""Number and string literal values, decoded by Python 3.11's rules.

The grammar's NUMBER and STRING tokens are deliberately permissive; the exact
rules live here so that malformed literals get Python's own messages instead
of a generic syntax error.  Nothing here knows about spans: problems come back
as `LiteralProblem`s with offsets into the token text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# ------------------------------------------------------------------ numbers

_DIGITS = r"[0-9](?:_?[0-9])*"  # ASCII: \d takes any Unicode digit
_EXPONENT = rf"[eE][+-]?{_DIGITS}"
_POINT_FLOAT = rf"(?:{_DIGITS})?\.{_DIGITS}|{_DIGITS}\."
_FLOAT = rf"(?:{_POINT_FLOAT})(?:{_EXPONENT})?|{_DIGITS}{_EXPONENT}"

_HEX = re.compile(r"0[xX](?:_?[0-9a-fA-F])+")
_OCTAL = re.compile(r"0[oO](?:_?[0-7])+")
_BINARY = re.compile(r"0[bB](?:_?[01])+")
_DECIMAL = re.compile(r"0(?:_?0)*|[1-9](?:_?[0-9])*")
_LEADING_ZERO = re.compile(r"0(?:_?[0-9])+")
_FLOAT_RE = re.compile(_FLOAT)
_IMAGINARY = re.compile(rf"(?:{_FLOAT}|{_DIGITS})[jJ]")
_RADIX_NAMES = {"x": "hexadecimal", "o": "octal", "b": "binary"}


@dataclass(frozen=True)
class LiteralProblem:
    """What is wrong with a literal; offsets index the token text."""

    message: str
    start: int
    end: int
    hint: str | None = None


def number_value(text: str) -> int | float | LiteralProblem:
    """The value of a NUMBER token, or why it is not a valid number."""
    if _HEX.fullmatch(text):
        return int(text[2:].replace("_", ""), 16)
    if _OCTAL.fullmatch(text):
        return int(text[2:].replace("_", ""), 8)
    if _BINARY.fullmatch(text):
        return int(text[2:].replace("_", ""), 2)
    if _DECIMAL.fullmatch(text):
        return int(text.replace("_", ""))
    if _FLOAT_RE.fullmatch(text):
        return float(text.replace("_", ""))
    if _IMAGINARY.fullmatch(text):  # valid Python, outside the dialect
        return LiteralProblem(
            "complex numbers (imaginary literals) are not supported", 0, len(text)
        )
    if _LEADING_ZERO.fullmatch(text):
        return LiteralProblem(
            "leading zeros in decimal integer literals are not permitted; "
            "use an 0o prefix for octal integers",
            0,
            len(text),
        )
    kind = _RADIX_NAMES.get(text[1:2].lower(), "decimal") if text.startswith("0") else "decimal"
    return LiteralProblem(f"invalid {kind} literal", 0, len(text))


# ------------------------------------------------------------------ strings

_PREFIX = re.compile(r"[rRbBfFuU]*")


@dataclass(frozen=True)
class StringToken:
    """A STRING token taken apart: prefix flags and where the body lies."""

    raw: bool
    is_bytes: bool
    is_fstring: bool
    triple: bool
    body_start: int  # offset of the first character after the opening quote
    body_end: int  # offset of the closing quote


def split_string(text: str) -> StringToken:
    """Prefix and body bounds of a STRING token's text."""
    prefix = _PREFIX.match(text)
    assert prefix is not None  # the pattern accepts the empty string
    flags = prefix.group().lower()
    start = prefix.end()
    triple = len(text) - start >= 6 and text[start : start + 3] in ("'''", '"""')
    quote_len = 3 if triple else 1
    return StringToken(
        raw="r" in flags,
        is_bytes="b" in flags,
        is_fstring="f" in flags,
        triple=triple,
        body_start=start + quote_len,
        body_end=len(text) - quote_len,
    )


_SIMPLE_ESCAPES = {
    "\n": "",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}
_OCTAL_DIGITS = "01234567"
_HEX_DIGITS = "0123456789abcdefABCDEF"


def decode_str(text: str, start: int, end: int, raw: bool) -> str | LiteralProblem:
    """Decode text[start:end], the body of a str literal (or a piece of one)."""
    if raw:
        return text[start:end]
    out: list[str] = []
    i = start
    while i < end:
        backslash = text.find("\\", i, end)
        if backslash < 0:
            out.append(text[i:end])
            break
        out.append(text[i:backslash])
        decoded = _decode_escape(text, backslash, end, for_bytes=False)
        if isinstance(decoded, LiteralProblem):
            return decoded
        piece, i = decoded
        out.append(piece)
    return "".join(out)


def decode_bytes(text: str, start: int, end: int, raw: bool) -> bytes | LiteralProblem:
    """Decode text[start:end], the body of a bytes literal."""
    for i in range(start, end):
        if ord(text[i]) >= 128:
            return LiteralProblem("bytes can only contain ASCII literal characters", 0, len(text))
    if raw:
        return text[start:end].encode("ascii")
    out = bytearray()
    i = start
    while i < end:
        backslash = text.find("\\", i, end)
        if backslash < 0:
            out += text[i:end].encode("ascii")
            break
        out += text[i:backslash].encode("ascii")
        decoded = _decode_escape(text, backslash, end, for_bytes=True)
        if isinstance(decoded, LiteralProblem):
            return decoded
        piece, i = decoded
        out += piece.encode("latin-1")
    return bytes(out)


def _decode_escape(
    text: str, at: int, end: int, for_bytes: bool
) -> tuple[str, int] | LiteralProblem:
    """The escape starting with the backslash at `at`: its value and where it ends.

    For bytes the value is returned as a str of code points below 256.
    """
    if at + 1 >= end:
        # Only reachable for a piece of an f-string ending in a backslash.
        return "\\", at + 1
    c = text[at + 1]
    if c in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[c], at + 2
    if c == "\r":  # backslash + CRLF continues the line like backslash + LF
        return "", at + 3 if text.startswith("\n", at + 2) else at + 2
    if c in _OCTAL_DIGITS:
        stop = at + 1
        while stop < end and stop < at + 4 and text[stop] in _OCTAL_DIGITS:
            stop += 1
        value = int(text[at + 1 : stop], 8)
        return chr(value & 0xFF if for_bytes else value), stop
    if c == "x":
        return _hex_escape(text, at, end, 2, "\\xXX")
    if not for_bytes and c == "u":
        return _hex_escape(text, at, end, 4, "\\uXXXX")
    if not for_bytes and c == "U":
        return _hex_escape(text, at, end, 8, "\\UXXXXXXXX")
    if not for_bytes and c == "N":
        return _named_escape(text, at, end)
    # Python keeps unknown escapes as they are (with a DeprecationWarning).
    return "\\" + c, at + 2


def _hex_escape(
    text: str, at: int, end: int, width: int, form: str
) -> tuple[str, int] | LiteralProblem:
    digits = text[at + 2 : min(at + 2 + width, end)]
    if len(digits) < width or any(d not in _HEX_DIGITS for d in digits):
        return LiteralProblem(f"truncated {form} escape", at, at + 2 + len(digits))
    value = int(digits, 16)
    if value > 0x10FFFF:
        return LiteralProblem("illegal Unicode character", at, at + 2 + width)
    return chr(value), at + 2 + width


def _named_escape(text: str, at: int, end: int) -> tuple[str, int] | LiteralProblem:
    if not text.startswith("{", at + 2):
        return LiteralProblem("malformed \\N character escape", at, at + 2)
    close = text.find("}", at + 3, end)
    if close < 0:
        return LiteralProblem("malformed \\N character escape", at, end)
    name = text[at + 3 : close]
    try:
        return unicodedata.lookup(name), close + 1
    except KeyError:
        return LiteralProblem(f"unknown Unicode character name '{name}'", at, close + 1)


def named_escape_end(text: str, at: int, end: int) -> int | None:
    """If a `\\N{...}` escape starts at `at`, the offset just after its `}`.

    f-strings need this to tell the braces of the escape from a field.
    """
    if text.startswith("\\N{", at):
        close = text.find("}", at + 3, end)
        return None if close < 0 else close + 1
    return None
