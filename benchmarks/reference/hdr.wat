;; hdr.wat: the hand-written floor of the Envoy overhead benchmark.
;;
;; Behaviour (benchmarks/reference/hdr.py does exactly the same in pwc):
;; * plugin configuration {"header": "<name>", "value": "<value>"}, read with
;;   a naive scan (the first `"header"`, then the first quoted string after
;;   the next `:`; the same for `"value"`); no real JSON parsing;
;; * request headers: read them all (proxy_get_header_map_pairs), find
;;   `:path`; a path starting with `/deny` is answered with a local 403
;;   (body `denied`) and the callback returns Pause;
;; * response headers: add the configured header (when there is one), then
;;   `x-bench: 1`.
;;
;; Only what that needs is exported: no proxy_on_context_create, no
;; proxy_on_log/done/delete, and proxy_on_memory_allocate (Envoy would
;; prefer `malloc` if it were exported).
;;
;; Memory: one page to start with.
;;   16, 20   return slots (pointer, size) of host calls
;;   64..79   the configured header: name ptr, name len, value ptr, value len
;;   1024..   constant strings
;;   2048..   the heap: a bump allocator.  The configuration copy stays below
;;            $arena; everything above it is scratch for one callback and is
;;            dropped when the next callback starts, so nothing leaks.
(module
  (import "env" "proxy_get_buffer_bytes"
    (func $get_buffer_bytes (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_get_header_map_pairs"
    (func $get_header_map_pairs (param i32 i32 i32) (result i32)))
  (import "env" "proxy_add_header_map_value"
    (func $add_header_map_value (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "proxy_send_local_response"
    (func $send_local_response (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 1)

  (global $heap_base i32 (i32.const 2048))
  (global $brk (mut i32) (i32.const 2048))    ;; next free byte
  (global $arena (mut i32) (i32.const 2048))  ;; where per-callback scratch starts

  (data (i32.const 1024) ":path")
  (data (i32.const 1032) "/deny")
  (data (i32.const 1040) "x-bench")
  (data (i32.const 1048) "1")
  (data (i32.const 1056) "\22header\22")
  (data (i32.const 1072) "\22value\22")
  (data (i32.const 1088) "denied")

  (func (export "proxy_abi_version_0_2_1"))

  ;; Bump allocation, 8-byte aligned; grows memory as needed, 0 on failure.
  (func (export "proxy_on_memory_allocate") (param $size i32) (result i32)
    (local $start i32) (local $end i32) (local $pages i32)
    (if (i32.gt_u (local.get $size) (i32.const 0x10000000)) (then (return (i32.const 0))))
    (local.set $start (global.get $brk))
    (local.set $end
      (i32.and (i32.add (i32.add (local.get $start) (local.get $size)) (i32.const 7))
               (i32.const -8)))
    (local.set $pages (i32.shr_u (i32.add (local.get $end) (i32.const 0xFFFF)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $brk (local.get $end))
    (local.get $start))

  ;; 1 if the $n bytes at $a and $b are equal.
  (func $equal (param $a i32) (param $b i32) (param $n i32) (result i32)
    (block $differ
      (loop $next
        (if (i32.eqz (local.get $n)) (then (return (i32.const 1))))
        (br_if $differ (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; Where the $n bytes at $needle first occur in [$at, $end), or -1.
  (func $find (param $at i32) (param $end i32) (param $needle i32) (param $n i32) (result i32)
    (block $absent
      (loop $next
        (br_if $absent (i32.gt_u (i32.add (local.get $at) (local.get $n)) (local.get $end)))
        (if (call $equal (local.get $at) (local.get $needle) (local.get $n))
          (then (return (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next)))
    (i32.const -1))

  ;; Where byte $byte first occurs in [$at, $end), or -1.
  (func $find_byte (param $at i32) (param $end i32) (param $byte i32) (result i32)
    (block $absent
      (loop $next
        (br_if $absent (i32.ge_u (local.get $at) (local.get $end)))
        (if (i32.eq (i32.load8_u (local.get $at)) (local.get $byte))
          (then (return (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next)))
    (i32.const -1))

  ;; The naive member scan: after the key, skip to `:`, then take the text
  ;; between the next two `"`.  Stores (ptr, len) at $out; 1 if found.
  (func $scan_member (param $text i32) (param $end i32) (param $key i32) (param $key_len i32)
                     (param $out i32) (result i32)
    (local $at i32) (local $close i32)
    (local.set $at (call $find (local.get $text) (local.get $end) (local.get $key) (local.get $key_len)))
    (if (i32.lt_s (local.get $at) (i32.const 0)) (then (return (i32.const 0))))
    (local.set $at (call $find_byte (i32.add (local.get $at) (local.get $key_len)) (local.get $end)
                                    (i32.const 58)))    ;; ':'
    (if (i32.lt_s (local.get $at) (i32.const 0)) (then (return (i32.const 0))))
    (local.set $at (call $find_byte (local.get $at) (local.get $end) (i32.const 34)))  ;; '"'
    (if (i32.lt_s (local.get $at) (i32.const 0)) (then (return (i32.const 0))))
    (local.set $at (i32.add (local.get $at) (i32.const 1)))
    (local.set $close (call $find_byte (local.get $at) (local.get $end) (i32.const 34)))
    (if (i32.lt_s (local.get $close) (i32.const 0)) (then (return (i32.const 0))))
    (i32.store (local.get $out) (local.get $at))
    (i32.store offset=4 (local.get $out) (i32.sub (local.get $close) (local.get $at)))
    (i32.const 1))

  (func (export "proxy_on_configure") (param $root i32) (param $size i32) (result i32)
    (local $text i32) (local $end i32)
    ;; One plugin per VM here, so the configuration copy may start the heap.
    (global.set $brk (global.get $heap_base))
    (i64.store (i32.const 64) (i64.const 0))
    (i64.store (i32.const 72) (i64.const 0))
    (i64.store (i32.const 16) (i64.const 0))
    (if (i32.and
          (i32.ne (local.get $size) (i32.const 0))
          (i32.eqz (call $get_buffer_bytes (i32.const 7) (i32.const 0) (local.get $size)
                                           (i32.const 16) (i32.const 20))))
      (then
        (local.set $text (i32.load (i32.const 16)))
        (local.set $end (i32.add (local.get $text) (i32.load (i32.const 20))))
        (if (i32.eqz (call $scan_member (local.get $text) (local.get $end)
                                        (i32.const 1056) (i32.const 8) (i32.const 64)))
          (then (i64.store (i32.const 64) (i64.const 0))))
        (if (i32.eqz (call $scan_member (local.get $text) (local.get $end)
                                        (i32.const 1072) (i32.const 7) (i32.const 72)))
          (then (i64.store (i32.const 64) (i64.const 0))))))
    (global.set $arena (global.get $brk))
    (i32.const 1))

  (func (export "proxy_on_request_headers") (param $ctx i32) (param $count i32) (param $eos i32)
                                            (result i32)
    (local $map i32) (local $entries i32) (local $sizes i32) (local $data i32)
    (local $key_len i32) (local $value_len i32)
    (global.set $brk (global.get $arena))
    (i64.store (i32.const 16) (i64.const 0))
    (drop (call $get_header_map_pairs (i32.const 0) (i32.const 16) (i32.const 20)))
    (local.set $map (i32.load (i32.const 16)))
    (if (i32.eqz (local.get $map)) (then (return (i32.const 0))))
    ;; Serialized map: u32 N, N x (u32 key_len, u32 value_len), then each
    ;; key and value followed by a NUL.
    (local.set $entries (i32.load (local.get $map)))
    (local.set $sizes (i32.add (local.get $map) (i32.const 4)))
    (local.set $data (i32.add (local.get $sizes) (i32.shl (local.get $entries) (i32.const 3))))
    (block $done
      (loop $entry
        (br_if $done (i32.eqz (local.get $entries)))
        (local.set $key_len (i32.load (local.get $sizes)))
        (local.set $value_len (i32.load offset=4 (local.get $sizes)))
        (if (i32.eq (local.get $key_len) (i32.const 5))
          (then
            (if (call $equal (local.get $data) (i32.const 1024) (i32.const 5))
              (then
                (if (i32.ge_u (local.get $value_len) (i32.const 5))
                  (then
                    (if (call $equal (i32.add (local.get $data) (i32.const 6)) (i32.const 1032)
                                     (i32.const 5))
                      (then
                        (drop (call $send_local_response
                          (i32.const 403) (i32.const 0) (i32.const 0)   ;; status, no details
                          (i32.const 1088) (i32.const 6)                ;; body "denied"
                          (i32.const 0) (i32.const 0)                   ;; no headers
                          (i32.const -1)))                              ;; not gRPC
                        (return (i32.const 1))))))
                (br $done)))))
        (local.set $data (i32.add (local.get $data)
                                  (i32.add (i32.add (local.get $key_len) (local.get $value_len))
                                           (i32.const 2))))
        (local.set $sizes (i32.add (local.get $sizes) (i32.const 8)))
        (local.set $entries (i32.sub (local.get $entries) (i32.const 1)))
        (br $entry)))
    (i32.const 0))

  (func (export "proxy_on_response_headers") (param $ctx i32) (param $count i32) (param $eos i32)
                                             (result i32)
    (if (i32.load (i32.const 68))
      (then
        (drop (call $add_header_map_value (i32.const 2)
                (i32.load (i32.const 64)) (i32.load (i32.const 68))
                (i32.load (i32.const 72)) (i32.load (i32.const 76))))))
    (drop (call $add_header_map_value (i32.const 2)
            (i32.const 1040) (i32.const 7) (i32.const 1048) (i32.const 1)))
    (i32.const 0)))
