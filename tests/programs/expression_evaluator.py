"""A recursive-descent evaluator for integer expressions with + - * / % and
parentheses and unary minus; errors (bad characters, unbalanced parentheses,
division by zero) surface as exceptions with positions."""
# covers: recursion, class-fields, exceptions-user-classes, str-index-slice, zero-division

class ParseError(Exception):
    pass


class Parser:
    def __init__(self, text: str) -> None:
        self.text = text.replace(" ", "")
        self.pos = 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def expr(self) -> int:
        value = self.term()
        while self.peek() != "" and self.peek() in "+-":
            op = self.peek()
            self.pos += 1
            value = value + self.term() if op == "+" else value - self.term()
        return value

    def term(self) -> int:
        value = self.factor()
        while self.peek() != "" and self.peek() in "*/%":
            op = self.peek()
            self.pos += 1
            rhs = self.factor()
            value = value * rhs if op == "*" else value // rhs if op == "/" else value % rhs
        return value

    def factor(self) -> int:
        c = self.peek()
        if c == "-":
            self.pos += 1
            return -self.factor()
        if c == "(":
            self.pos += 1
            value = self.expr()
            if self.peek() != ")":
                raise ParseError(f"expected ')' at {self.pos}")
            self.pos += 1
            return value
        start = self.pos
        while self.peek() != "" and "0" <= self.peek() <= "9":
            self.pos += 1
        if start == self.pos:
            raise ParseError(f"unexpected {c!r} at {self.pos}")
        return int(self.text[start:self.pos])


def evaluate(text: str) -> str:
    try:
        p = Parser(text)
        value = p.expr()
        if p.pos != len(p.text):
            raise ParseError(f"trailing input at {p.pos}")
        return str(value)
    except (ParseError, ZeroDivisionError) as e:
        return f"{type(e).__name__}: {e}"


def main() -> None:
    for text in ["1 + 2 * 3", "(1 + 2) * 3", "-7 / 2", "7 % -3", "2 * (3 + 4) * 5 - 6",
                 "--5", "10 / (5 - 5)", "(1 + 2", "1 + x", "", "3 4", "100 % 7 % 3"]:
        print(repr(text), "=", evaluate(text))


main()
