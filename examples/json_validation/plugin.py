"""json_validation: accept only JSON request bodies that have the configured
keys; answer 403 to everything else.

A port of the Proxy-Wasm Go SDK's json_validation example (examples.md §7), log
texts included.  The plugin configuration is JSON,
`{"requiredKeys": ["<key>", ...]}`; without one no key is required (but the
body must still be JSON).  A key is a path as in gjson, which the reference
uses: member names separated by dots, array positions as numbers
(`user.ids.0`).
"""

from proxywasm import (
    Action,
    HttpContext,
    NotFoundError,
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_http_request_body,
    get_http_request_header,
    get_plugin_configuration,
    log_critical,
    log_error,
    send_http_response,
    set_vm_context,
)
from proxywasm.json import JsonError, JsonValue, parse_bytes

HEX_DIGITS = "0123456789abcdef"
GO_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t",
              "\v": "\\v", "\\": "\\\\", '"': '\\"'}


def go_quote(data: bytes) -> str:
    """`data` as Go's %q prints it: double-quoted, control characters and
    bytes that are not UTF-8 escaped (the reference logs bodies this way)."""
    parts = ['"']
    for c in data.decode("utf-8", "surrogateescape"):
        code = ord(c)
        if c in GO_ESCAPES:
            parts.append(GO_ESCAPES[c])
        elif code < 0x20 or code == 0x7F or 0xDC80 <= code <= 0xDCFF:
            # A control character, or a byte surrogateescape kept undecoded.
            byte = code & 0xFF
            parts.append("\\x" + HEX_DIGITS[byte >> 4] + HEX_DIGITS[byte & 15])
        else:
            parts.append(c)
    parts.append('"')
    return "".join(parts)


def parse_json(data: bytes) -> JsonValue | None:
    """The JSON value of `data`, or None if it is not JSON."""
    try:
        return parse_bytes(data)
    except JsonError:
        return None


def is_index(text: str) -> bool:
    if text == "":
        return False
    for c in text:
        if c < "0" or c > "9":
            return False
    return True


def lookup(document: JsonValue, path: str) -> JsonValue | None:
    """The value at `path` in `document`, or None where there is none."""
    current = document
    for part in path.split("."):
        if current.is_object():
            member = current.get(part)
            if member is None:
                return None
            current = member
        elif current.is_array() and is_index(part):
            elements = current.as_list()
            index = int(part)
            if index >= len(elements):
                return None
            current = elements[index]
        else:
            return None
    return current


def required_keys(config: JsonValue) -> list[str]:
    """The `requiredKeys` of a configuration, read as gjson's `.Array()` and
    `.Str` do: a single value counts as a list of one, a member that is not a
    string as the empty key."""
    keys = lookup(config, "requiredKeys")
    if keys is None or keys.is_null():
        return []
    members = keys.as_list() if keys.is_array() else [keys]
    return [member.as_str() if member.is_string() else "" for member in members]


class PayloadValidation(HttpContext):
    def __init__(self, required: list[str]) -> None:
        super().__init__()
        self.required_keys = required

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        if get_http_request_header("content-type") != "application/json":
            send_http_response(403, [], b"content-type must be provided")
            return Action.PAUSE
        return Action.CONTINUE

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        if not end_of_stream:
            # Pause until the whole body is buffered; body_size then covers it all.
            return Action.PAUSE
        body = b""
        try:
            body = get_http_request_body(0, body_size)
        except ProxyWasmError as e:
            log_error(f"failed to get request body: {str(e)}")
            return Action.CONTINUE
        if not self.is_valid(body):
            try:
                send_http_response(403, [], b"invalid payload")
            except ProxyWasmError as e:
                log_error(f"failed to send the 403 response: {str(e)}")
            return Action.PAUSE
        return Action.CONTINUE

    def is_valid(self, body: bytes) -> bool:
        document = parse_json(body)
        if document is None:
            log_error(f"body is not a valid json: {go_quote(body)}")
            return False
        for key in self.required_keys:
            if lookup(document, key) is None:
                text = body.decode("utf-8", "surrogateescape")
                log_error(f"required key ({key}) is missing: {text}")
                return False
        return True


class PayloadValidationPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.required_keys: list[str] = []

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        data = b""
        try:
            data = get_plugin_configuration()
        except NotFoundError:
            pass  # No configuration: no required keys.
        except ProxyWasmError as e:
            log_critical(f"error reading plugin configuration: {str(e)}")
            return False
        if len(data) == 0:
            return True
        config = parse_json(data)
        if config is None:
            log_critical(
                "error parsing plugin configuration: the plugin configuration is not a "
                f"valid json: {go_quote(data)}"
            )
            return False
        self.required_keys = required_keys(config)
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return PayloadValidation(self.required_keys)


class PayloadValidationVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return PayloadValidationPlugin()


set_vm_context(PayloadValidationVM())
