"""proxywasm.json: same text as CPython's json, compiled and under CPython."""

from __future__ import annotations

import itertools
import json as cpython_json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from proxywasm import json

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugins" / "json_echo.py"

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | INT64 | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_dumps_of_parse_matches_cpython(value: object) -> None:
    # ensure_ascii=False: \u escapes of non-ASCII characters are not parsed yet.
    text = cpython_json.dumps(value, ensure_ascii=False)
    assert json.dumps(json.parse(text)) == cpython_json.dumps(value)


@given(st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())))
def test_dumps_of_any_str_matches_cpython(text: str) -> None:
    value = json.JsonValue(json.KIND_STRING)
    value.text = text  # lone surrogates included, as \\u escapes of JSON text make them
    assert json.dumps(value) == cpython_json.dumps(text)


@given(JSON_VALUES)
def test_compact_and_spaced_texts_parse_alike(value: object) -> None:
    compact = cpython_json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    spaced = cpython_json.dumps(value, indent=2, ensure_ascii=False)
    assert json.dumps(json.parse(compact)) == json.dumps(json.parse(spaced))


@pytest.mark.parametrize(
    "text",
    ["", " ", "{", "[1,]", '{"a":1,}', "01", "-", "1.", "1e", "tru", "nul", '"abc', '"\\x"',
     '"a\nb"', "[1 2]", '{"a" 1}', "{1: 2}", "[] []", '"\\u12"',
     # the parser's NUL sentinel: a NUL of the text itself is never its end
     "1\0", "\0", '"a\0"', "[1\0]", '{"a"\0:1}', "tru\0",
     # escapes and numbers cut short
     '"\\', '"\\u00', '"\\ud83d\\ude0"', '"\\ud83d\\"', "1e+", "-01", "[-]", "[1.e5]",
     # the characters next to the hex digits
     '"\\u00/0"', '"\\u00:0"', '"\\u00@0"', '"\\u00G0"', '"\\u00`0"', '"\\u00g0"'],
)
def test_invalid_json_is_rejected_like_cpython(text: str) -> None:
    with pytest.raises(ValueError):
        cpython_json.loads(text)
    with pytest.raises(json.JsonError):
        json.parse(text)


def test_accessors() -> None:
    value = json.parse('{"s": "x", "n": -5, "b": true, "z": null, "a": [1, [2]], "f": 1.5}')
    assert value.keys() == ["s", "n", "b", "z", "a", "f"]
    assert value.len() == 6
    s, n, b, z, a, f = (value.get(k) for k in value.keys())
    assert s is not None and s.as_str() == "x"
    assert n is not None and n.as_int() == -5
    assert b is not None and b.as_bool() is True
    assert z is not None and z.is_null()
    assert a is not None and a.at(-1).at(0).as_int() == 2
    assert f is not None and f.is_number() and json.dumps(f) == "1.5" and f.as_float() == 1.5
    assert n.as_float() == -5.0
    assert value.get("missing") is None
    with pytest.raises(json.JsonError, match="expected a number, got a string"):
        s.as_int()
    with pytest.raises(json.JsonError, match="not a 64-bit integer"):
        f.as_int()
    with pytest.raises(json.JsonError, match="expected an object"):
        a.get("x")
    with pytest.raises(json.JsonError, match="out of range"):
        a.at(2)


def test_unicode_escapes_decode_like_cpython() -> None:
    import json as cpython_json

    for text in ['"\\u00e9"', '"\\ud83d\\ude00"', '"\\ud83d x"', '"\\u4e2d\\u0041"',
                 '"\\ud83d\\u0041"', '"\\uDBFF\\uDFFF"', '"\\udc00\\ud800"', '"\\u00E9\\u00e9"',
                 '"\\u09aF\\uFa9B"']:
        assert json.parse(text).as_str() == cpython_json.loads(text)


@given(st.text(st.sampled_from("0123456789abcdefABCDEF/:@G`g\x10\x19\xe9"), min_size=4, max_size=4))
def test_unicode_escapes_of_hex_digits_and_their_neighbours_read_like_cpython(hexits: str) -> None:
    text = '"\\u' + hexits + '"'
    try:
        expected = cpython_json.loads(text)
    except ValueError:
        with pytest.raises(json.JsonError):
            json.parse(text)
        return
    assert json.parse(text).as_str() == expected


def test_numbers_of_up_to_four_characters_read_like_cpython() -> None:
    # Every arrangement of the characters a number can have (and one it
    # cannot), in an array: accepted or rejected as CPython's json does.
    for size in range(1, 5):
        for chars in itertools.product("019-+.eE", repeat=size):
            text = f"[{''.join(chars)}]"
            try:
                expected = cpython_json.dumps(cpython_json.loads(text))
            except ValueError:
                with pytest.raises(json.JsonError):
                    json.parse(text)
                continue
            assert json.dumps(json.parse(text)) == expected, text


@pytest.mark.parametrize("text", ["1e2", "-0.0", "1E-7", "0.1", "1e400", "-1e400", "2.5e-324",
                                  "123456789012345678901234567890.5", "[1.0, 2e0]"])
def test_floats_read_and_write_like_cpython(text: str) -> None:
    assert json.dumps(json.parse(text)) == cpython_json.dumps(cpython_json.loads(text))


@pytest.mark.parametrize("text", ["0", "-0", "7", "-1", "999999999999999999", "1000000000000000000",
                                  "9223372036854775807", "-9223372036854775808",
                                  "9223372036854775808", "-9223372036854775809",
                                  "9223372036854775810", "9300000000000000000",
                                  "9999999999999999999", "-9999999999999999999",
                                  "10000000000000000000", "123456789012345678901234567890"])
def test_integers_are_ints_exactly_when_they_fit_in_64_bits(text: str) -> None:
    value = json.parse(text)
    assert json.dumps(value) == cpython_json.dumps(cpython_json.loads(text))
    if -(2**63) <= int(text) < 2**63:
        assert value.as_int() == int(text)
    else:
        with pytest.raises(json.JsonError, match="not a 64-bit integer"):
            value.as_int()


def test_minus_zero_is_the_int_zero_unless_it_has_a_fraction_or_exponent() -> None:
    zero = json.parse("-0")
    assert zero.as_int() == 0 and json.dumps(zero) == "0"
    assert math.copysign(1.0, zero.as_float()) == 1.0
    for text in ["-0.0", "-0e0"]:
        assert math.copysign(1.0, json.parse(text).as_float()) == -1.0
        with pytest.raises(json.JsonError, match="not a 64-bit integer"):
            json.parse(text).as_int()


def test_integers_past_64_bits_keep_their_text() -> None:
    big = json.parse("9223372036854775808")
    assert big.is_number() and json.dumps(big) == "9223372036854775808"
    assert big.as_float() == 9223372036854775808.0
    with pytest.raises(json.JsonError):
        big.as_int()
    with pytest.raises(json.JsonError, match="UTF-8"):
        json.parse_bytes(b'"\xff"')


@pytest.mark.parametrize(
    "text", ['["\u00e9\U0001f600", ]', '{"\u00fc": [1 2]}', '["\u00e9", "a\nb"]', '["\u00e9", 01]',
             '{"\u00e9": 1 "b"}', '{"\u00e9" 1}', '[\u00e9]', '["\u00e9"] x'],
)
def test_error_positions_count_characters_like_cpython(text: str) -> None:
    with pytest.raises(cpython_json.JSONDecodeError) as expected:
        cpython_json.loads(text)
    for parse in (json.parse, lambda t: json.parse_bytes(t.encode())):
        with pytest.raises(json.JsonError, match=f"at position {expected.value.pos}$"):
            parse(text)


@pytest.mark.parametrize("data", [b"[\xff]", b'[1,, "\xff"]', b'"\xc3', b'{"a": "\xed\xa0\x80"}'])
def test_text_that_is_not_utf8_is_that_error_whatever_else_is_wrong(data: bytes) -> None:
    with pytest.raises(json.JsonError, match="^JSON text is not valid UTF-8$"):
        json.parse_bytes(data)


def test_a_str_is_parsed_as_its_surrogateescape_bytes() -> None:
    # How the SDK decodes what the host sends: invalid bytes come back.
    assert json.parse('["caf\udcc3"]').at(0).as_str() == "caf\udcc3"
    with pytest.raises(json.JsonError, match="lone surrogate"):
        json.parse('"\ud800"')


@pytest.mark.parametrize(
    ("configuration", "expected"),
    [
        (b'{"header": "x-h", "value": "caf\xc3\xa9", "n": [1, -2, true, null]}',
         ['{"header": "x-h", "value": "caf\\u00e9", "n": [1, -2, true, null]}',
          "object 3 header,value,n"]),
        (b'  "\\"quoted\\"\\n" ', ['"\\"quoted\\"\\n"', 'string "quoted"\n']),
        (b"-9223372036854775808", ["-9223372036854775808", "int -9223372036854775808"]),
        (b"9223372036854775807", ["9223372036854775807", "int 9223372036854775807"]),
        (b"-9223372036854775809", ["-9223372036854775809", "float -9.223372036854776e+18"]),
        (b"9300000000000000000", ["9300000000000000000", "float 9.3e+18"]),
        (b"-0", ["0", "int 0"]),
        (b"1.5e-3", ["0.0015", "float 0.0015"]),
        (b"[-0.5E+2, 10, 0]", ["[-50.0, 10, 0]", "array 3"]),
        (b"-", ["error expecting a digit at position 1"]),
        (b"[0e+]", ["error expecting a digit at position 4"]),
        (b"01", ["error extra data at position 1"]),
        (b"-0.0", ["-0.0", "float -0.0"]),
        (b"-0e1", ["-0.0", "float -0.0"]),
        (b" true", ["true", "bool True"]),
        (b"false ", ["false", "bool False"]),
        (b"null", ["null", "null"]),
        (b"[[], {}]", ["[[], {}]", "array 2"]),
        (b"[1,", ["error expecting a value at position 3"]),
        (b'["caf\xc3\xa9", x]', ["error expecting a value at position 9"]),
        (b'[1,, "\xff"]', ["error JSON text is not valid UTF-8"]),
        (b'"tab\\t caf\xc3\xa9 \\u00e9\\ud83d\\ude00\\/"',
         ['"tab\\t caf\\u00e9 \\u00e9\\ud83d\\ude00/"', "string tab\t caf\u00e9 \u00e9\U0001f600/"]),
        (b'["\\ud800", "\\udc80x", "\\ud83d\\ude00\\n"]',
         ['["\\ud800", "\\udc80x", "\\ud83d\\ude00\\n"]', "array 3"]),
        (b'{"k\\u00fc": [1.5e3, -0, 18446744073709551616]}',
         ['{"k\\u00fc": [1500.0, 0, 18446744073709551616]}', "object 1 k\u00fc"]),
        (b"[2.675e-3]", ["[0.002675]", "array 1"]),
        (b"-1e400", ["-Infinity", "float -inf"]),
        (b'{"a": "x\\ud83d\\u0041\\u007f", "b": 1000000000000000000, "c": -0.5e-1}',
         ['{"a": "x\\ud83dA\\u007f", "b": 1000000000000000000, "c": -0.05}', "object 3 a,b,c"]),
        (b"[1]\0", ["error extra data at position 3"]),
        (b'["\\u00"]', ["error invalid \\u escape at position 2"]),
        (b'{"a" 1}', ["error expecting ':' at position 5"]),
        (b'["\xc3\xa9", 1 2]', ["error expecting ',' or ']' at position 8"]),
    ],
)
def test_json_in_a_plugin(
    emulator_backend: Backend, configuration: bytes, expected: list[str]
) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, configuration)
    emulator.start_plugin()
    assert emulator.get_info_logs() == expected
