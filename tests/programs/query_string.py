"""Parse a URL's path and query string into a dict, then rebuild it canonically."""


def split_url(url: str) -> tuple[str, str]:
    at = url.find("?")
    if at < 0:
        return url, ""
    parts = url.split("?", 1)
    return parts[0], parts[1]


def parse_query(query: str) -> dict[str, str]:
    params: dict[str, str] = {}
    if query == "":
        return params
    for pair in query.split("&"):
        if pair == "":
            continue
        if "=" in pair:
            key_value = pair.split("=", 1)
            params[key_value[0]] = key_value[1]
        else:
            params[pair] = ""
    return params


def rebuild(path: str, params: dict[str, str]) -> str:
    pairs: list[str] = []
    for key in params:
        if params[key] == "":
            pairs.append(key)
        else:
            pairs.append(key + "=" + params[key])
    if len(pairs) == 0:
        return path
    return path + "?" + "&".join(pairs)


def main() -> None:
    urls = [
        "/search?q=wasm&page=2&lang=en",
        "/items",
        "/filter?tag=a&&tag=b&empty=&flag",
        "/eq?expr=a=b=c",
        "/trailing?",
    ]
    for url in urls:
        path, query = split_url(url)
        params = parse_query(query)
        print(f"{url} -> path {path}, {len(params)} params")
        for key, value in params.items():
            print(f"  {key} = [{value}]")
        print("  rebuilt:", rebuild(path, params))
        page = params.get("page")
        if page is not None:
            print("  next page:", int(page) + 1)


main()
