"""print with several arguments of every type, custom sep and end (including
empty ones), and print() with no arguments."""
# covers: builtin-print, optional, list-repr

def main() -> None:
    print()
    print("a", "b", "c")
    print("a", "b", sep="")
    print("a", "b", sep=", ", end=";\n")
    print(1, end="")
    print(2, end="")
    print(3)
    print("x", None, True, False, -3, ["1", "2"], (3,), {"k": 4}, b"b", sep=" | ")
    print(sep="-")
    print(end="no newline -> ")
    print("continued")
    print("multi\nline", "text", sep="\n")
    print("unicode", "é😀", sep="→", end="←\n")
    nothing: str | None = None
    print(nothing, [nothing], f"{nothing}")


main()
