;; map.wat -- the serialized header map of the Proxy-Wasm ABI (abi.md 5.1):
;;
;;   u32 N,  N x (u32 key_len, u32 value_len),  N x (key bytes, 0, value bytes, 0)
;;
;; little-endian, lengths without the NULs.  Pairs are list[tuple[str, str]]:
;; a list of pointers to 16-byte tuples (type word, key at +4, value at +8).
;; Strings cross with surrogateescape, so bytes that are not UTF-8 survive a
;; read-modify-write round trip.

;; $map_decode: the pairs of the map the host wrote at [p, p+size), as a new
;; list of new (str, str) tuples of descriptor `tuple_desc`.  A map that does
;; not fit in `size` bytes is decoded as far as it is consistent (the host
;; never sends one; this only keeps a bad one from reading outside the block).
;;
;; A header map is nearly always ASCII and small: then the list, its items
;; and every pair's tuple and strs are carved from one allocation and
;; filled by copying, with no per-string decoding; what the
;; block has left over is given back.  Otherwise each pair and string is
;; allocated and decoded with surrogateescape on its own ($map_pair_decoded).
;; The loop walks pointers (item, sizes, data) rather than an index: it runs
;; once per header of every request.
(func $map_decode (param $p i32) (param $size i32) (param $tuple_desc i32) (result i32)
  (local $n i32) (local $list i32) (local $item i32) (local $stop i32)
  (local $sizes i32) (local $data i32) (local $end i32) (local $o i32) (local $block i32)
  (local $klen i32) (local $vlen i32) (local $next i64) (local $pair i32)
  (if (i32.lt_u (local.get $size) (i32.const 4))
    (then (return (call $list_new (global.get $rt_desc_list_ptr) (i32.const 0)))))
  (local.set $end (i32.add (local.get $p) (local.get $size)))
  (local.set $n (i32.load (local.get $p)))
  ;; the size table must fit: 4 + 8N <= size (checked without overflow)
  (if (i32.gt_u (local.get $n) (i32.shr_u (i32.sub (local.get $size) (i32.const 4)) (i32.const 3)))
    (then (local.set $n (i32.const 0))))
  (local.set $sizes (i32.add (local.get $p) (i32.const 4)))
  (local.set $data (i32.add (local.get $sizes) (i32.shl (local.get $n) (i32.const 3))))
  ;; the carved objects take at most: list 16, items 4N + 4, and per pair a
  ;; 16-byte tuple and two strs of 12 + len bytes rounded up to 8, the lens
  ;; summing to at most the data's size; one allocation must stay small
  ;; since objects start in the first page of their chunk (alloc.wat).
  ;; size < 16K keeps this sum from wrapping.
  (local.set $block (i32.add (i32.add (i32.const 20) (i32.mul (local.get $n) (i32.const 58)))
                             (i32.sub (local.get $end) (local.get $data))))
  (if (i32.and (i32.lt_u (local.get $size) (i32.const 16384))
               (i32.and (i32.le_u (local.get $block) (i32.const 16384))
                        (call $map_ascii (local.get $data) (local.get $end))))
    (then
      ;; every byte of the block is written below but the padding after the
      ;; items and the strs, which nothing reads
      (local.set $list (call $rt_alloc_bare (local.get $block)))
      (if (i32.eqz (local.get $list)) (then (return (i32.const 0))))
      (i32.store (local.get $list) (global.get $rt_desc_list_ptr))
      (i32.store offset=8 (local.get $list) (local.get $n))
      (i32.store offset=12 (local.get $list) (i32.add (local.get $list) (i32.const 16)))
      (local.set $o (i32.and (i32.add (i32.add (local.get $list) (i32.const 23)) (i32.shl (local.get $n) (i32.const 2)))
                             (i32.const -8))))
    (else
      (local.set $block (i32.const 0))
      (local.set $list (call $list_new (global.get $rt_desc_list_ptr) (local.get $n)))
      (if (i32.eqz (local.get $list)) (then (return (i32.const 0))))))
  (local.set $item (i32.load offset=12 (local.get $list)))
  (local.set $stop (i32.add (local.get $item) (i32.shl (local.get $n) (i32.const 2))))
  (block $done
    (loop $each
      (br_if $done (i32.eq (local.get $item) (local.get $stop)))
      (local.set $klen (i32.load (local.get $sizes)))
      (local.set $vlen (i32.load offset=4 (local.get $sizes)))
      ;; key, NUL, value, NUL must end by `end` (summed in i64: no wrap)
      (br_if $done (i64.gt_u (local.tee $next (i64.add (i64.add (i64.extend_i32_u (local.get $data))
                                                                (i64.extend_i32_u (local.get $klen)))
                                                       (i64.add (i64.extend_i32_u (local.get $vlen))
                                                                (i64.const 2))))
                             (i64.extend_i32_u (local.get $end))))
      (if (local.get $block)
        (then
          ;; the tuple (+12 unused), the key str at +16, then the value str;
          ;; written here, not by calls: this runs for every header
          (local.set $pair (local.get $o))
          (i32.store (local.get $pair) (local.get $tuple_desc))
          (i32.store offset=4 (local.get $pair) (local.tee $o (i32.add (local.get $pair) (i32.const 16))))
          (i32.store (local.get $o) (global.get $rt_desc_str))
          (i32.store offset=4 (local.get $o) (local.get $klen))
          (i32.store offset=8 (local.get $o) (local.get $klen))
          (memory.copy (i32.add (local.get $o) (i32.const 12)) (local.get $data) (local.get $klen))
          (local.set $o (i32.add (local.get $o) (i32.and (i32.add (local.get $klen) (i32.const 19)) (i32.const -8))))
          (i64.store offset=8 (local.get $pair) (i64.extend_i32_u (local.get $o)))
          (i32.store (local.get $o) (global.get $rt_desc_str))
          (i32.store offset=4 (local.get $o) (local.get $vlen))
          (i32.store offset=8 (local.get $o) (local.get $vlen))
          (memory.copy (i32.add (local.get $o) (i32.const 12))
                       (i32.add (i32.add (local.get $data) (local.get $klen)) (i32.const 1)) (local.get $vlen))
          (local.set $o (i32.add (local.get $o) (i32.and (i32.add (local.get $vlen) (i32.const 19)) (i32.const -8)))))
        (else
          (local.set $pair (call $map_pair_decoded (local.get $data) (local.get $klen) (local.get $vlen)
                                                   (local.get $tuple_desc)))
          (br_if $done (i32.eqz (local.get $pair)))))
      (i32.store (local.get $item) (local.get $pair))
      (local.set $data (i32.wrap_i64 (local.get $next)))
      (local.set $sizes (i32.add (local.get $sizes) (i32.const 8)))
      (local.set $item (i32.add (local.get $item) (i32.const 4)))
      (br $each)))
  ;; pairs that did not fit are dropped, never read
  (i32.store offset=4 (local.get $list)
             (i32.shr_u (i32.sub (local.get $item) (i32.load offset=12 (local.get $list))) (i32.const 2)))
  (if (local.get $block)
    (then (call $rt_alloc_give_back (local.get $o) (i32.add (local.get $list) (local.get $block)))))
  (local.get $list))

;; $map_ascii: 1 when the bytes in [p, end) are all ASCII, 16 at a time
;; (the last 16 overlapping): a request's headers are a few hundred bytes,
;; nearly always ASCII, so an early exit ($rt_ascii_end's) does not pay.
(func $map_ascii (param $p i32) (param $end i32) (result i32)
  (local $bits i64) (local $last i32)
  ;; fewer than 16 bytes: no (a map that small is decoded pair by pair)
  (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 16)) (then (return (i32.const 0))))
  (local.set $last (i32.sub (local.get $end) (i32.const 16)))
  (loop $each
    (local.set $bits (i64.or (local.get $bits)
                             (i64.or (i64.load (local.get $p)) (i64.load offset=8 (local.get $p)))))
    (br_if $each (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 16))) (local.get $last))))
  (i64.eqz (i64.and (i64.or (local.get $bits)
                            (i64.or (i64.load (local.get $last)) (i64.load offset=8 (local.get $last))))
                    (i64.const 0x8080808080808080))))

;; $map_pair_decoded: a (str, str) tuple of the key at `data` (klen bytes,
;; then a NUL) and the value after it, each decoded with surrogateescape;
;; 0 when out of memory.
(func $map_pair_decoded (param $data i32) (param $klen i32) (param $vlen i32) (param $tuple_desc i32)
                        (result i32)
  (local $pair i32)
  (local.set $pair (call $rt_alloc (i32.const 16)))
  (if (i32.eqz (local.get $pair)) (then (return (i32.const 0))))
  (i32.store (local.get $pair) (local.get $tuple_desc))
  (i32.store offset=4 (local.get $pair) (call $str_from_utf8 (local.get $data) (local.get $klen)))
  (i32.store offset=8 (local.get $pair)
             (call $str_from_utf8 (i32.add (local.get $data) (i32.add (local.get $klen) (i32.const 1)))
                                  (local.get $vlen)))
  (local.get $pair))

;; $map_encode: the serialized map of `pairs` in a new bytes object, or 0
;; after raising UnicodeEncodeError (code 7) for a string that holds a
;; surrogate other than a surrogateescape byte.
(func $map_encode (param $pairs i32) (result i32)
  (local $n i32) (local $items i32) (local $j i32) (local $len i32) (local $total i64)
  (local $b i32) (local $sizes i32) (local $data i32)
  ;; the 2n strings in order: string j is item j/2's key (j even) or value
  (local.set $n (i32.shl (i32.load offset=4 (local.get $pairs)) (i32.const 1)))
  (local.set $items (i32.load offset=12 (local.get $pairs)))
  ;; pass 1: the host lengths go in a scratch table (an i32 per string),
  ;; which becomes the size table of the result once the total is known
  ;; (in i64: many long strings, or one many times, may pass 4 GiB)
  (local.set $total (i64.extend_i32_u (i32.add (i32.const 4) (i32.shl (local.get $n) (i32.const 2)))))
  (local.set $sizes (call $rt_alloc (i32.add (i32.shl (local.get $n) (i32.const 2)) (i32.const 8))))
  (if (i32.eqz (local.get $sizes)) (then (return (i32.const 0))))
  (block $measured
    (loop $each
      (br_if $measured (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $len
        (call $str_encode_scan
          (i32.load offset=4 (i32.add (i32.load (i32.add (local.get $items)
                                                         (i32.shl (i32.shr_u (local.get $j) (i32.const 1))
                                                                  (i32.const 2))))
                                      (i32.shl (i32.and (local.get $j) (i32.const 1)) (i32.const 2))))
          (i32.const 1)))
      (if (i32.lt_s (local.get $len) (i32.const 0)) (then (return (i32.const 0))))
      (i32.store (i32.add (local.get $sizes) (i32.shl (local.get $j) (i32.const 2))) (local.get $len))
      (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (i32.add (local.get $len) (i32.const 1)))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $each)))
  ;; pass 2: header, size table, then the strings (zero-filled first: the
  ;; NUL after each is there)
  (if (i64.gt_u (local.get $total) (i64.const 0x7FFF0000)) (then (return (call $rt_no_memory))))
  (local.set $b (call $bytes_alloc_bare (i32.wrap_i64 (local.get $total))))
  (if (i32.eqz (local.get $b)) (then (return (i32.const 0))))
  (memory.fill (i32.add (local.get $b) (i32.const 8)) (i32.const 0) (i32.load offset=4 (local.get $b)))
  (i32.store offset=8 (local.get $b) (i32.shr_u (local.get $n) (i32.const 1)))
  (memory.copy (i32.add (local.get $b) (i32.const 12)) (local.get $sizes) (i32.shl (local.get $n) (i32.const 2)))
  (local.set $data (i32.add (i32.add (local.get $b) (i32.const 12)) (i32.shl (local.get $n) (i32.const 2))))
  (local.set $j (i32.const 0))
  (block $written
    (loop $each
      (br_if $written (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $len (i32.load (i32.add (local.get $sizes) (i32.shl (local.get $j) (i32.const 2)))))
      (call $str_host_write
        (i32.load offset=4 (i32.add (i32.load (i32.add (local.get $items)
                                                       (i32.shl (i32.shr_u (local.get $j) (i32.const 1))
                                                                (i32.const 2))))
                                    (i32.shl (i32.and (local.get $j) (i32.const 1)) (i32.const 2))))
        (local.get $data) (local.get $len))
      (local.set $data (i32.add (local.get $data) (i32.add (local.get $len) (i32.const 1))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $each)))
  (local.get $b))
