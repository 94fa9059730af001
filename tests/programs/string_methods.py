"""The common str methods: case, prefixes, stripping, searching, replacing."""


def report(label: str, value: str) -> None:
    print(f"{label}: [{value}]")


def main() -> None:
    path = "/api/v1/Users"
    print("startswith /api:", path.startswith("/api"))
    print("startswith api:", path.startswith("api"))
    print("endswith Users:", path.endswith("Users"))
    print("endswith /:", path.endswith("/"))
    print("startswith empty:", path.startswith(""))
    report("lower", path.lower())
    report("upper", path.upper())
    report("mixed", "MiXeD 123 ok".lower())
    padded = "   some value \t\n"
    report("strip", padded.strip())
    report("strip dashes", "--==title==--".strip("-="))
    report("strip nothing", "clean".strip())
    print("find v1:", path.find("v1"))
    print("find missing:", path.find("v2"))
    print("find first s:", "mississippi".find("ss"))
    print("find empty:", path.find(""))
    report("replace", "a-b-c-d".replace("-", "+"))
    report("replace longer", "x.y".replace(".", "::"))
    report("replace missing", "abc".replace("z", "y"))
    report("replace to empty", "b-a-n-a-n-a".replace("-", ""))
    report("chained", "  Content-Type  ".strip().lower().replace("-", "_"))


main()
