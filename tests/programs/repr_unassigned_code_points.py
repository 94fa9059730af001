"""repr() escapes code points that are not printable, unassigned ones
(general category Cn) included, as \\uXXXX / \\UXXXXXXXX."""
# covers: builtin-repr, str-unicode

def main() -> None:
    for code in [0x378, 0x530, 0x5FF, 0x1C8F, 0xFFFE, 0x2FFFF, 0xE0080]:
        print(hex(code), repr(chr(code)), len(repr(chr(code))))
    assigned = [0x37A, 0x531, 0x5D0, 0x1C90]
    print([repr(chr(code)) for code in assigned])


main()
