"""bytes.split(None, maxsplit) splits on whitespace runs at most maxsplit
times and leaves the rest untouched, trailing whitespace included — as
str.split does."""
# covers: bytes-methods, str-split

def main() -> None:
    for raw in [b"  a  b c  ", b"GET /path HTTP/1.1\r\n", b"one", b"   ", b""]:
        text = raw.decode()
        print(raw, raw.split(None, 1), raw.split(None, 0), raw.split(maxsplit=2))
        print("  str:", text.split(None, 1), text.split(None, 0), text.split(maxsplit=2))
    request_line = b"POST  /submit  HTTP/1.0 ".split(None, 1)
    print(request_line[0], request_line[1])


main()
