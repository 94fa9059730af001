;; probe.wat — a hand-written Proxy-Wasm plugin that lets the e2e harness be
;; tested before the compiler exists (abi.md §1.3 pattern).
;;
;; Observable behaviour, asserted by tests/e2e/test_harness.py:
;;   proxy_on_vm_start      logs info  "probe: on_vm_start"
;;   proxy_on_configure     logs info  "probe: on_configure"
;;                          logs info  "probe: plugin configuration: <configuration text>"
;;   proxy_on_request_headers   adds request header  "x-probe-request: seen" (seen upstream)
;;   proxy_on_response_headers  adds response header "x-wasm-probe: hit", logs info
;;                              "probe: on_response_headers"
;;
;; Memory: bytes 16..23 are the host's return slots (pointer, length); constant
;; strings live at 1024..; the bump heap starts at page 1 and never frees
;; (the probe only allocates at configure time and for tiny messages).
(module
  (import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))
  (import "env" "proxy_get_buffer_bytes"
    (func $get_buffer (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_add_header_map_value"
    (func $add_header (param i32 i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 2)
  (global $brk (mut i32) (i32.const 65536))

  (data (i32.const 1024) "probe: on_vm_start")                 ;; 18 bytes
  (data (i32.const 1056) "probe: on_configure")                ;; 19 bytes
  (data (i32.const 1088) "probe: plugin configuration: ")      ;; 29 bytes
  (data (i32.const 1120) "probe: on_response_headers")         ;; 26 bytes
  (data (i32.const 1152) "x-wasm-probe")                       ;; 12 bytes
  (data (i32.const 1168) "hit")                                ;;  3 bytes
  (data (i32.const 1184) "x-probe-request")                    ;; 15 bytes
  (data (i32.const 1200) "seen")                               ;;  4 bytes

  (func (export "proxy_abi_version_0_2_1"))

  ;; Bump allocator; grows memory when needed and returns 0 if it cannot.
  (func $alloc (export "proxy_on_memory_allocate") (param $n i32) (result i32)
    (local $p i32)
    (local $end i32)
    (local.set $p (global.get $brk))
    (local.set $end (i32.and (i32.add (i32.add (local.get $p) (local.get $n)) (i32.const 7))
                             (i32.const -8)))
    (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq (memory.grow
                      (i32.add (i32.shr_u (i32.sub (local.get $end)
                                                   (i32.mul (memory.size) (i32.const 65536)))
                                          (i32.const 16))
                               (i32.const 1)))
                    (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $brk (local.get $end))
    (local.get $p))

  (func (export "proxy_on_vm_start") (param $root i32) (param $size i32) (result i32)
    (drop (call $log (i32.const 2) (i32.const 1024) (i32.const 18)))
    (i32.const 1))

  (func (export "proxy_on_configure") (param $root i32) (param $size i32) (result i32)
    (local $cfg_len i32)
    (local $msg i32)
    (drop (call $log (i32.const 2) (i32.const 1056) (i32.const 19)))
    ;; Buffer 7 = plugin configuration, readable only here.
    (i32.store (i32.const 16) (i32.const 0))
    (i32.store (i32.const 20) (i32.const 0))
    (if (i32.eqz (call $get_buffer (i32.const 7) (i32.const 0) (local.get $size)
                                   (i32.const 16) (i32.const 20)))
      (then
        (local.set $cfg_len (i32.load (i32.const 20)))
        (local.set $msg (call $alloc (i32.add (i32.const 29) (local.get $cfg_len))))
        (if (local.get $msg)
          (then
            (memory.copy (local.get $msg) (i32.const 1088) (i32.const 29))
            (memory.copy (i32.add (local.get $msg) (i32.const 29))
                         (i32.load (i32.const 16)) (local.get $cfg_len))
            (drop (call $log (i32.const 2) (local.get $msg)
                             (i32.add (i32.const 29) (local.get $cfg_len))))))))
    (i32.const 1))

  (func (export "proxy_on_request_headers") (param $ctx i32) (param $n i32) (param $eos i32)
                                            (result i32)
    ;; map 0 = request headers
    (drop (call $add_header (i32.const 0) (i32.const 1184) (i32.const 15)
                                          (i32.const 1200) (i32.const 4)))
    (i32.const 0))

  (func (export "proxy_on_response_headers") (param $ctx i32) (param $n i32) (param $eos i32)
                                             (result i32)
    ;; map 2 = response headers
    (drop (call $add_header (i32.const 2) (i32.const 1152) (i32.const 12)
                                          (i32.const 1168) (i32.const 3)))
    (drop (call $log (i32.const 2) (i32.const 1120) (i32.const 26)))
    (i32.const 0)))
