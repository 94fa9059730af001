# ruff: noqa
"""`break` and `continue` outside any loop, in a function and at module level."""


def stop(n: int) -> None:
    if n > 0:
        break  # error: 9: "break" outside loop
    for i in range(n):
        continue
    continue  # error: 5: "continue" outside loop


if True:
    break  # error: 5: "break" outside loop
