"""A reverse-Polish calculator over a list used as a stack: integer
operators with Python's floor semantics, stack underflow and unknown
tokens reported as errors, and a small instruction trace."""
# covers: list-methods, exceptions-user-classes, int-floordiv-mod, int-pow, str-split

class CalcError(Exception):
    pass


def evaluate(program: str, trace: bool = False) -> int:
    stack: list[int] = []
    for token in program.split():
        if token in ["+", "-", "*", "/", "%", "**", "max"]:
            if len(stack) < 2:
                raise CalcError(f"stack underflow at {token!r}")
            b = stack.pop()
            a = stack.pop()
            if token == "+":
                stack.append(a + b)
            elif token == "-":
                stack.append(a - b)
            elif token == "*":
                stack.append(a * b)
            elif token == "/":
                stack.append(a // b)
            elif token == "%":
                stack.append(a % b)
            elif token == "**":
                stack.append(a ** b)
            else:
                stack.append(max(a, b))
        elif token == "dup":
            stack.append(stack[-1])
        else:
            try:
                stack.append(int(token))
            except ValueError:
                raise CalcError(f"unknown token {token!r}") from None
        if trace:
            print("   ", token.ljust(4), stack)
    if len(stack) != 1:
        raise CalcError(f"expected one result, stack is {stack}")
    return stack[0]


def main() -> None:
    print(evaluate("3 4 + 2 *", trace=True))
    for program in ["5 1 2 + 4 * + 3 -", "-7 2 /", "-7 2 %", "2 10 **", "7 dup *",
                    "1 +", "1 2", "4 0 /", "2 x +", "3 9 max -2 -3 max +"]:
        try:
            print(repr(program), "=", evaluate(program))
        except CalcError as e:
            print(repr(program), "CalcError:", e)
        except ZeroDivisionError as e:
            print(repr(program), "ZeroDivisionError:", e)


main()
