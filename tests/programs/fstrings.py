"""f-strings with str, int and bool fields and expressions inside the braces."""

SERVICE = "checkout"


def status_line(code: int, reason: str) -> str:
    return f"HTTP/1.1 {code} {reason}"


def main() -> None:
    user = "ada"
    count = 3
    active = True
    print(f"user={user} count={count} active={active}")
    print(f"{count} + {count} = {count + count}")
    print(f"negative: {-count}, floor: {-7 // 2}, mod: {-7 % 2}")
    print(f"upper: {user.upper()}, length: {len(user)}")
    print(f"comparison: {count > 2} {count == 4}")
    print(f"nested call: {status_line(404, 'Not Found')}")
    print(f"constant: {SERVICE}")
    print(f"{user}{count}{active}")
    print(f"no fields at all")  # noqa: F541
    print(f"{{literal braces}} around {count}")
    print(f"unicode: {'ü' + user} 😀 {count}")
    print(f"")  # noqa: F541
    items = ["a", "b"]
    print(f"indexing: {items[0]} {items[-1]} and {len(items)} items")
    print(f"str() inside: {str(count) + '!'}")
    print(f"multi" f"part {count}" " plain")
    print(f"quote's: {user}", f'double "{user}"')


main()
