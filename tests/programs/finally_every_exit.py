"""finally runs on every way out of a try inside loops and functions: normal
completion, break, continue, return, and an exception propagating out of
several frames, each level printing as it unwinds."""
# covers: try-finally, exceptions-crossing-functions, break-continue, try-except

def level3(n: int) -> int:
    try:
        if n == 3:
            raise ValueError(f"bad {n}")
        return n * 10
    finally:
        print("  level3 finally", n)


def level2(n: int) -> int:
    try:
        return level3(n) + 1
    finally:
        print("  level2 finally", n)


def level1(n: int) -> str:
    try:
        return str(level2(n))
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("  level1 finally", n)


def loop_exits() -> list[str]:
    log: list[str] = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            log.append(f"body{i}")
        finally:
            log.append(f"fin{i}")
    else:
        log.append("else")
    return log


def main() -> None:
    for n in [1, 3]:
        print(level1(n))
    print(loop_exits())
    i = 0
    while True:
        try:
            i += 1
            if i < 3:
                continue
            break
        finally:
            print("while finally", i)


main()
