"""Header normalisation as a proxy would do it: lower-case names, trimmed values,
repeated headers folded into one comma-separated value, hop-by-hop headers dropped."""

HOP_BY_HOP = ["connection", "keep-alive", "te", "trailer", "upgrade"]

RAW = [
    "Host: example.com ",
    "Accept:text/html",
    "X-Forwarded-For: 10.0.0.1",
    "CONNECTION: keep-alive",
    "accept: application/json",
    "X-Forwarded-For:   192.168.1.7",
    "Malformed header line",
    "X-Empty:",
    "Content-Type: text/plain; charset=utf-8",
]


def is_hop_by_hop(name: str) -> bool:
    for hop in HOP_BY_HOP:
        if hop == name:
            return True
    return False


def normalise(lines: list[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in lines:
        if line.find(":") < 0:
            print("skipping malformed line:", line)
            continue
        parts = line.split(":", 1)
        name = parts[0].strip().lower()
        value = parts[1].strip()
        if is_hop_by_hop(name):
            print("dropping hop-by-hop header:", name)
            continue
        if name in headers:
            headers[name] = headers[name] + ", " + value
        else:
            headers[name] = value
    return headers


def main() -> None:
    headers = normalise(RAW)
    for name, value in headers.items():
        print(f"{name}: [{value}]")
    print("count:", len(headers))
    content_type = headers.get("content-type")
    if content_type is not None:
        media, params = content_type.split(";", 1)[0], content_type.split(";", 1)[1]
        print("media type:", media, "params:", params.strip())


main()
