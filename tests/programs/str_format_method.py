"""str.format with a literal template: automatic and numbered fields, keywords, specs."""
# covers: str-format, float-format


def main() -> None:
    name = "envoy"
    count = 3
    ratio = 0.4567
    print("{} items".format(count))
    print("{} has {} workers".format(name, count))
    print("{1} before {0}, {0} again".format("first", "second"))
    print("{name}: {n:>5} | {r:.1%}".format(name=name, n=count, r=ratio))
    print("[{:^11}] [{:<6}] [{:08.3f}]".format(name, count, ratio))
    print("{0!r} and {1!s} and {0!r:>12}".format("it's", 42))
    print("{{literal}} braces {}".format(["a", "b"]))
    width = 10
    print("|{:{}}|{:>{w}}|".format("ab", width, "cd", w=width))
    print("{:,} {:x} {:#o} {:e}".format(1234567, 255, 8, 12345.678))
    print("".format(), "no fields".format(), "{}{}".format(None, True))
    calls: list[str] = []

    def noted(text: str) -> str:
        calls.append(text)
        return text

    print("{1}{0}{1}".format(noted("a"), noted("b")), calls)


main()
