# ruff: noqa
"""Python expressions outside pwc's dialect so far: each message names the construct."""


def main() -> None:
    double = lambda x: x * 2  # error: 14: lambda expressions are not supported yet
    primes = {2, 3, 5}  # error: 14: sets are not supported yet
    evens = {n for n in range(9)}  # error: 13: sets are not supported yet
    squares = [n * n for n in range(4)]  # error: 15: comprehensions are not supported yet
    index = {w: len(w) for w in ["a"]}  # error: 13: comprehensions are not supported yet
    text = "hello"
    head = text[1:3]  # error: 17: slicing is not supported yet
    letters = ["a", "b", "c"]
    letters[0:1] = ["z"]  # error: 13: slice assignment is not supported yet
    ratio = 1.5  # error: 13: float values are not supported yet
    half = 7 / 2  # error: 12: true division '/' needs float, which is not supported yet


main()
