"""Logging: one function per Proxy-Wasm log level (abi.md §4.3)."""

from proxywasm import _abi, _host


def log_trace(msg: str) -> None:
    _host.log(_abi.LOG_TRACE, msg)


def log_debug(msg: str) -> None:
    _host.log(_abi.LOG_DEBUG, msg)


def log_info(msg: str) -> None:
    _host.log(_abi.LOG_INFO, msg)


def log_warn(msg: str) -> None:
    _host.log(_abi.LOG_WARN, msg)


def log_error(msg: str) -> None:
    _host.log(_abi.LOG_ERROR, msg)


def log_critical(msg: str) -> None:
    _host.log(_abi.LOG_CRITICAL, msg)
