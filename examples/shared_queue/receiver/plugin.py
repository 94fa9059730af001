"""shared_queue receiver: register a shared queue and log what arrives on it.

Half of the Proxy-Wasm Go SDK's shared_queue example (examples.md §14), log
texts included; the sender (../sender/plugin.py) fills the queues.  Envoy
loads this module as three singleton services sharing one VM (vm_id
`receiver`, on the main thread); each one's plugin configuration is the name
of the queue it registers and drains.
"""

from proxywasm import (
    EmptyError,
    PluginContext,
    ProxyWasmError,
    VMContext,
    dequeue_shared_queue,
    get_plugin_configuration,
    log_critical,
    log_info,
    register_shared_queue,
    set_vm_context,
)


class Receiver(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.queue_name = ""

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        # The reference panics on either failure; refusing to start is the
        # same outcome for Envoy (the configuration is rejected).
        try:
            self.queue_name = get_plugin_configuration().decode("utf-8", "surrogateescape")
        except ProxyWasmError as e:
            log_critical(f"failed to get plugin config: {str(e)}")
            return False
        queue_id = 0
        try:
            queue_id = register_shared_queue(self.queue_name)
        except ProxyWasmError:
            log_critical("failed register queue")
            return False
        log_info(
            f'queue "{self.queue_name}" registered as queueID={queue_id} '
            f"by contextID={self.context_id}"
        )
        return True

    def on_queue_ready(self, queue_id: int) -> None:
        # One notification per enqueued item: take one item.
        data = b""
        try:
            data = dequeue_shared_queue(queue_id)
        except EmptyError:
            return
        except ProxyWasmError as e:
            log_critical(f"error retrieving data from queue {queue_id}: {str(e)}")
            return
        log_info(
            f"(contextID={self.context_id}) dequeued data from "
            f"{self.queue_name}(queueID={queue_id}): {data.decode('utf-8', 'surrogateescape')}"
        )


class ReceiverVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Receiver(context_id)


set_vm_context(ReceiverVM())
