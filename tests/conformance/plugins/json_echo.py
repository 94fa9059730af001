"""Parses its configuration with proxywasm.json and logs what it found."""

from proxywasm import PluginContext, VMContext, get_plugin_configuration, log_info, set_vm_context
from proxywasm.json import JsonError, JsonValue, dumps, parse_bytes


def describe(value: JsonValue) -> str:
    if value.is_object():
        return f"object {value.len()} {','.join(value.keys())}"
    if value.is_array():
        return f"array {value.len()}"
    if value.is_string():
        return f"string {value.as_str()}"
    if value.is_bool():
        return f"bool {value.as_bool()}"
    if value.is_null():
        return "null"
    try:
        return f"int {value.as_int()}"
    except JsonError:
        return f"float {value.as_float()}"


class Plugin(PluginContext):
    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        try:
            value = parse_bytes(get_plugin_configuration())
        except JsonError as e:
            log_info(f"error {str(e)}")
            return False
        log_info(dumps(value))
        log_info(describe(value))
        return True


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
