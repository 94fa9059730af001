"""Class constants read through the class and through instances, inherited and overridden."""


class RateLimiter:
    MAX_TOKENS = 3
    REFILL = 1
    LABEL: str = "default"

    def __init__(self) -> None:
        self.tokens = self.MAX_TOKENS

    def allow(self) -> bool:
        if self.tokens > 0:
            self.tokens -= 1
            return True
        return False

    def refill(self) -> None:
        self.tokens += RateLimiter.REFILL
        if self.tokens > self.MAX_TOKENS:
            self.tokens = self.MAX_TOKENS


class GenerousLimiter(RateLimiter):
    MAX_TOKENS = 5
    LABEL = "generous"


def drain(limiter: RateLimiter) -> None:
    allowed = 0
    for _ in range(7):
        if limiter.allow():
            allowed += 1
    print(limiter.LABEL, "allowed", allowed, "of 7, max", limiter.MAX_TOKENS)


def main() -> None:
    print("class constants:", RateLimiter.MAX_TOKENS, RateLimiter.REFILL, RateLimiter.LABEL)
    print("subclass constants:", GenerousLimiter.MAX_TOKENS, GenerousLimiter.REFILL)
    plain = RateLimiter()
    generous = GenerousLimiter()
    drain(plain)
    drain(generous)
    for _ in range(10):
        plain.refill()
    print("after refills:", plain.tokens)
    limiters: list[RateLimiter] = [plain, generous]
    for limiter in limiters:
        print(limiter.LABEL, limiter.MAX_TOKENS, limiter.tokens)


main()
