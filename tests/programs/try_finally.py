"""finally on every way out of a try: normal, exception, return, break, continue."""


class Resource:
    def __init__(self, name: str) -> None:
        self.name = name
        self.open = True

    def close(self) -> None:
        self.open = False
        print("  closed", self.name)


def use(name: str, fail: bool) -> str:
    r = Resource(name)
    try:
        if fail:
            raise ValueError(f"{name} failed")
        return f"{name} ok"
    finally:
        r.close()


def nested(depth: int) -> int:
    total = 0
    try:
        try:
            total += 1
            if depth > 1:
                return total * 100
        finally:
            total += 10
            print("  inner finally", total)
    finally:
        total += 100
        print("  outer finally", total)
    return total


def loop_exits() -> list[int]:
    seen: list[int] = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            seen.append(i)
        finally:
            seen.append(-i)
    return seen


def handled(kind: int) -> str:
    log: list[str] = []
    try:
        try:
            if kind == 0:
                raise KeyError("k")
            if kind == 1:
                raise IndexError("i")
            log.append("no error")
        except KeyError as e:
            log.append(f"caught {e}")
        else:
            log.append("else ran")
        finally:
            log.append("finally ran")
    except IndexError as e:
        log.append(f"outer caught {e}")
    return ", ".join(log)


def chained() -> None:
    try:
        try:
            int("x")
        except ValueError as e:
            raise RuntimeError("could not parse") from e
    except RuntimeError as e:
        print("chained:", type(e).__name__, e)
    try:
        raise KeyError("gone") from None
    except KeyError as e:
        print("from None:", e)


def finally_overrides() -> str:
    try:
        try:
            raise ValueError("first")
        finally:
            print("  cleaning up")
    except ValueError as e:
        return f"propagated {e}"


print(use("a", False))
try:
    print(use("b", True))
except ValueError as e:
    print("caught", e)
print(nested(1), nested(2))
print(loop_exits())
for k in range(3):
    print(handled(k))
chained()
print(finally_overrides())
