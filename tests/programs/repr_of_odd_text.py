"""Showing untrusted text safely: repr() escapes exactly the characters
str.isprintable() rejects -- controls, format characters, separators,
private-use and unassigned code points, lone surrogates (the escapes of
undecodable bytes) -- and keeps every printable letter of any script."""
# covers: builtin-repr, str-isprintable, str-unicode, bytes-decode


def describe(label: str, value: str) -> None:
    hidden = [f"U+{ord(c):04X}" for c in value if not c.isprintable()]
    print(f"{label}: {value!r} printable={value.isprintable()} hidden={hidden}")


def main() -> None:
    describe("greek", "Καλημέρα κόσμε")
    describe("bidi", "abc\u202edcba\u202c")
    describe("joiners", "👩\u200d💻 a\u200cb \ufeffbom")
    describe("separators", "one\u2028two\u2029three\u0085four\u00a0five")
    describe("private", "\ue000\U000f0000\U0010fffd")
    describe("unassigned", "\u0378\u0530\U0002fffe\U000e0080")
    describe("tags", "flag\U000e0067\U000e0062")
    describe("marks", "\u0301alone e\u0301 \u20dd")
    raw = b"caf\xc3\xa9 \xff\xfe bytes"
    describe("undecodable", raw.decode("utf-8", "surrogateescape"))
    print([repr(chr(code)) for code in [0x7F, 0x80, 0x9F, 0xA0, 0xAD, 0x378, 0x2065, 0xFFFF]])


main()
