"""proxywasm: write Proxy-Wasm plugins in typed Python (design.md "The SDK surface").

A plugin subclasses the context classes, overrides the callbacks it needs and
calls `set_vm_context` at module level; host calls are module functions.
The same code runs compiled to wasm (pwc) and under CPython (pwc.testing).
"""

from proxywasm._callouts import dispatch_http_call as dispatch_http_call
from proxywasm._callouts import get_http_call_response_body as get_http_call_response_body
from proxywasm._callouts import get_http_call_response_headers as get_http_call_response_headers
from proxywasm._callouts import (
    get_http_call_response_trailers as get_http_call_response_trailers,
)
from proxywasm._contexts import HttpContext as HttpContext
from proxywasm._contexts import PluginContext as PluginContext
from proxywasm._contexts import TcpContext as TcpContext
from proxywasm._contexts import VMContext as VMContext
from proxywasm._dispatch import set_vm_context as set_vm_context
from proxywasm._errors import BadArgumentError as BadArgumentError
from proxywasm._errors import CasMismatchError as CasMismatchError
from proxywasm._errors import EmptyError as EmptyError
from proxywasm._errors import InternalFailureError as InternalFailureError
from proxywasm._errors import NotFoundError as NotFoundError
from proxywasm._errors import ProxyWasmError as ProxyWasmError
from proxywasm._errors import UnimplementedError as UnimplementedError
from proxywasm._http import add_http_request_header as add_http_request_header
from proxywasm._http import add_http_request_trailer as add_http_request_trailer
from proxywasm._http import add_http_response_header as add_http_response_header
from proxywasm._http import add_http_response_trailer as add_http_response_trailer
from proxywasm._http import append_http_request_body as append_http_request_body
from proxywasm._http import append_http_response_body as append_http_response_body
from proxywasm._http import get_http_request_body as get_http_request_body
from proxywasm._http import get_http_request_header as get_http_request_header
from proxywasm._http import get_http_request_headers as get_http_request_headers
from proxywasm._http import get_http_request_trailer as get_http_request_trailer
from proxywasm._http import get_http_request_trailers as get_http_request_trailers
from proxywasm._http import get_http_response_body as get_http_response_body
from proxywasm._http import get_http_response_header as get_http_response_header
from proxywasm._http import get_http_response_headers as get_http_response_headers
from proxywasm._http import get_http_response_trailer as get_http_response_trailer
from proxywasm._http import get_http_response_trailers as get_http_response_trailers
from proxywasm._http import prepend_http_request_body as prepend_http_request_body
from proxywasm._http import prepend_http_response_body as prepend_http_response_body
from proxywasm._http import remove_http_request_header as remove_http_request_header
from proxywasm._http import remove_http_request_trailer as remove_http_request_trailer
from proxywasm._http import remove_http_response_header as remove_http_response_header
from proxywasm._http import remove_http_response_trailer as remove_http_response_trailer
from proxywasm._http import replace_http_request_body as replace_http_request_body
from proxywasm._http import replace_http_request_header as replace_http_request_header
from proxywasm._http import replace_http_request_headers as replace_http_request_headers
from proxywasm._http import replace_http_request_trailer as replace_http_request_trailer
from proxywasm._http import replace_http_request_trailers as replace_http_request_trailers
from proxywasm._http import replace_http_response_body as replace_http_response_body
from proxywasm._http import replace_http_response_header as replace_http_response_header
from proxywasm._http import replace_http_response_headers as replace_http_response_headers
from proxywasm._http import replace_http_response_trailer as replace_http_response_trailer
from proxywasm._http import replace_http_response_trailers as replace_http_response_trailers
from proxywasm._http import resume_http_request as resume_http_request
from proxywasm._http import resume_http_response as resume_http_response
from proxywasm._http import send_http_response as send_http_response
from proxywasm._logging import log_critical as log_critical
from proxywasm._logging import log_debug as log_debug
from proxywasm._logging import log_error as log_error
from proxywasm._logging import log_info as log_info
from proxywasm._logging import log_trace as log_trace
from proxywasm._logging import log_warn as log_warn
from proxywasm._metrics import MetricCounter as MetricCounter
from proxywasm._metrics import MetricGauge as MetricGauge
from proxywasm._metrics import MetricHistogram as MetricHistogram
from proxywasm._metrics import define_counter_metric as define_counter_metric
from proxywasm._metrics import define_gauge_metric as define_gauge_metric
from proxywasm._metrics import define_histogram_metric as define_histogram_metric
from proxywasm._plugin import call_foreign_function as call_foreign_function
from proxywasm._plugin import get_current_time_nanoseconds as get_current_time_nanoseconds
from proxywasm._plugin import get_log_level as get_log_level
from proxywasm._plugin import get_plugin_configuration as get_plugin_configuration
from proxywasm._plugin import get_vm_configuration as get_vm_configuration
from proxywasm._plugin import plugin_done as plugin_done
from proxywasm._plugin import set_effective_context as set_effective_context
from proxywasm._plugin import set_tick_period_milliseconds as set_tick_period_milliseconds
from proxywasm._properties import get_property as get_property
from proxywasm._properties import get_property_map as get_property_map
from proxywasm._properties import set_property as set_property
from proxywasm._shared import dequeue_shared_queue as dequeue_shared_queue
from proxywasm._shared import enqueue_shared_queue as enqueue_shared_queue
from proxywasm._shared import get_shared_data as get_shared_data
from proxywasm._shared import register_shared_queue as register_shared_queue
from proxywasm._shared import resolve_shared_queue as resolve_shared_queue
from proxywasm._shared import set_shared_data as set_shared_data
from proxywasm._tcp import append_downstream_data as append_downstream_data
from proxywasm._tcp import append_upstream_data as append_upstream_data
from proxywasm._tcp import close_downstream as close_downstream
from proxywasm._tcp import close_upstream as close_upstream
from proxywasm._tcp import continue_tcp_stream as continue_tcp_stream
from proxywasm._tcp import get_downstream_data as get_downstream_data
from proxywasm._tcp import get_upstream_data as get_upstream_data
from proxywasm._tcp import prepend_downstream_data as prepend_downstream_data
from proxywasm._tcp import prepend_upstream_data as prepend_upstream_data
from proxywasm._tcp import replace_downstream_data as replace_downstream_data
from proxywasm._tcp import replace_upstream_data as replace_upstream_data
from proxywasm._types import Action as Action
from proxywasm._types import PeerType as PeerType
