;; dict.wat -- insertion-ordered hash tables (CPython's "compact dict").
;;
;; A dict keeps its entries in an array in insertion order, and a separate
;; open-addressing index table of small integers pointing into that array.
;; Deleting leaves a hole in the entries (iteration skips it) and a
;; "dummy" in the index (probing continues past it); both are squeezed out
;; when the entries array is full and gets rebuilt.
;;
;; Keys and values are i64.  A key is an int (or bool), or a pointer
;; zero-extended to i64; values likewise (i32 pointers, bools and None are
;; zero-extended).  The descriptor's flags word (desc+8) says how to treat
;; them:
;;   bit 0  keys are str: hash and compare by content ($str_hash/$str_eq)
;;   bit 1  keys are pointers (the deep copy follows them)
;;   bit 2  values are pointers (the deep copy follows them)
;;   bit 3  keys are bytes: hash and compare by content
;;   bit 5  keys are floats (their f64 bits): compared as floats, so -0.0
;;          and 0.0 are one key and a NaN equals no key, not even itself
;; Keys that are pointers without bit 0 or 3 are hashed and compared by
;; identity.  A str-keyed dict sets bits 0 and 1.
;;
;; Object layout (32 bytes):
;;   +0  type        descriptor (kind 5)
;;   +4  len         live entries -- len(d) is  i32.load offset=4
;;   +8  used        entry slots used so far, deleted ones included
;;   +12 capacity    entry slots in the entries block
;;   +16 entries     entries block (0 while the dict never held anything)
;;   +20 index       index block: (mask + 1) i32 slots
;;   +24 mask        index slots - 1 (a power of two minus one)
;;   +28 reserved
;; Entry (24 bytes):
;;   +0 key (i64)   +8 value (i64)   +16 hash (i32)   +20 live (1, or 0 when deleted)
;; Index slot: 0 empty, -1 dummy (deleted), else entry number + 1.
;;
;; The entries and index blocks are allocated in the DICT'S region (not the
;; current one), so a long-lived dict never points into a stream's region.
;; Capacity is 2/3 of the index slots, so probing always finds an empty slot.

;; $dict_new: an empty dict of descriptor `desc`, in the current region.
;; Allocates only the 32-byte header; the blocks come with the first insert.
(func $dict_new (param $desc i32) (result i32)
  (local $d i32)
  (local.set $d (call $rt_alloc (i32.const 32)))
  (if (local.get $d) (then (i32.store (local.get $d) (local.get $desc))))
  (local.get $d))

;; $dict_hash: the i32 hash of `key` as the dict with flags `flags` sees it.
(func $dict_hash (param $flags i32) (param $key i64) (result i32)
  ;; -0.0 + 0.0 is 0.0: the two zeros, equal as floats, hash alike.
  (if (i32.and (local.get $flags) (i32.const 32))
    (then (local.set $key (i64.reinterpret_f64
            (f64.add (f64.reinterpret_i64 (local.get $key)) (f64.const 0))))))
  ;; The high half of a 64-bit hash, which every bit of the key mixes into:
  ;; str and bytes hash their bytes (as $str_hash and $bytes_hash), which a
  ;; str holds at +12 and a bytes at +8
  (i32.wrap_i64 (i64.shr_u
    (if (result i64) (i32.and (local.get $flags) (i32.const 9))
      (then (call $rt_hash_bytes
              (i32.add (i32.wrap_i64 (local.get $key))
                       (select (i32.const 12) (i32.const 8) (i32.and (local.get $flags) (i32.const 1))))
              (i32.load offset=4 (i32.wrap_i64 (local.get $key)))))
      (else (i64.mul (local.get $key) (i64.const 0x9E3779B97F4A7C15))))
    (i64.const 32))))

;; $dict_probe: the address of the index slot that holds `key` (whose hash
;; is `hash`), or 0 when the key is absent; d must hold entries (len > 0:
;; then it has an index).  Probing follows CPython:
;; i = 5*i + 1 + perturb, perturb >>= 5, which visits every slot.
;; Keys are compared here, not in a function of their own: an int key (a
;; context table's, looked up in every callback) costs no call.
(func $dict_probe (param $d i32) (param $key i64) (param $hash i32) (result i32)
  (local $mask i32)
  (local $i i32)
  (local $perturb i32)
  (local $slot i32)
  (local $s i32)
  (local $k i64)
  (local $flags i32)
  (local.set $flags (i32.load offset=8 (i32.load (local.get $d))))
  (local.set $mask (i32.load offset=24 (local.get $d)))
  (local.set $i (i32.and (local.get $hash) (local.get $mask)))
  (local.set $perturb (local.get $hash))
  (loop $next
    (local.set $slot (i32.add (i32.load offset=20 (local.get $d)) (i32.shl (local.get $i) (i32.const 2))))
    (local.set $s (i32.load (local.get $slot)))
    (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
    (block $differ
      (br_if $differ (i32.eq (local.get $s) (i32.const -1)))
      ;; $s: the entry, whose hash must match before its key is looked at
      (local.set $s (call $dict_entry (local.get $d) (i32.sub (local.get $s) (i32.const 1))))
      (br_if $differ (i32.ne (i32.load offset=16 (local.get $s)) (local.get $hash)))
      (local.set $k (i64.load (local.get $s)))
      ;; floats compare as floats: -0.0 is 0.0, a NaN equals no key
      (if (i32.and (local.get $flags) (i32.const 32))
        (then
          (br_if $differ (f64.ne (f64.reinterpret_i64 (local.get $k)) (f64.reinterpret_i64 (local.get $key))))
          (return (local.get $slot))))
      ;; ints, bools, pointers compared by identity: the same bits
      (if (i64.eq (local.get $k) (local.get $key)) (then (return (local.get $slot))))
      ;; str and bytes: the same length and bytes (as $str_eq and $bytes_eq),
      ;; which a str holds at +12 and a bytes at +8
      (br_if $differ (i32.eqz (i32.and (local.get $flags) (i32.const 9))))
      (br_if $differ (i32.ne (local.tee $s (i32.load offset=4 (i32.wrap_i64 (local.get $k))))
                             (i32.load offset=4 (i32.wrap_i64 (local.get $key)))))
      (br_if $differ (call $rt_memcmp
                       (i32.add (i32.wrap_i64 (local.get $k))
                                (select (i32.const 12) (i32.const 8) (i32.and (local.get $flags) (i32.const 1))))
                       (i32.add (i32.wrap_i64 (local.get $key))
                                (select (i32.const 12) (i32.const 8) (i32.and (local.get $flags) (i32.const 1))))
                       (local.get $s)))
      (return (local.get $slot)))
    (local.set $i (i32.and (i32.add (i32.add (i32.mul (local.get $i) (i32.const 5)) (i32.const 1))
                                    (local.get $perturb))
                           (local.get $mask)))
    (local.set $perturb (i32.shr_u (local.get $perturb) (i32.const 5)))
    (br $next))
  (unreachable))

;; $dict_entry: address of entry number `idx`.
(func $dict_entry (param $d i32) (param $idx i32) (result i32)
  (i32.add (i32.load offset=16 (local.get $d)) (i32.mul (local.get $idx) (i32.const 24))))

;; $dict_find: the entry number of `key`, or -1 when absent.
(func $dict_find (param $d i32) (param $key i64) (result i32)
  (local $slot i32)
  (if (result i32) (local.tee $slot (call $dict_slot (local.get $d) (local.get $key)))
    (then (i32.sub (i32.load (local.get $slot)) (i32.const 1)))
    (else (i32.const -1))))

;; $dict_value_at / $dict_key_at: value / key of live entry number `idx`
;; (from $dict_find or $dict_next).
(func $dict_value_at (param $d i32) (param $idx i32) (result i64)
  (i64.load offset=8 (call $dict_entry (local.get $d) (local.get $idx))))

(func $dict_key_at (param $d i32) (param $idx i32) (result i64)
  (i64.load (call $dict_entry (local.get $d) (local.get $idx))))

;; $dict_next: the first live entry number >= `pos`, or -1 at the end.
;; Iteration in insertion order:  i = next(d, 0); while i >= 0: ...; i = next(d, i + 1)
(func $dict_next (param $d i32) (param $pos i32) (result i32)
  (local $used i32)
  (local.set $used (i32.load offset=8 (local.get $d)))
  (block $end
    (loop $scan
      (br_if $end (i32.ge_s (local.get $pos) (local.get $used)))
      (if (i32.load offset=20 (call $dict_entry (local.get $d) (local.get $pos)))
        (then (return (local.get $pos))))
      (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
      (br $scan)))
  (i32.const -1))

;; $dict_set: d[key] = value.  An existing key keeps its place in the order;
;; a new one is appended.  May allocate new blocks (in d's region); raises
;; MemoryError (and leaves d unchanged) when out of memory.
(func $dict_set (param $d i32) (param $key i64) (param $value i64)
  (local $hash i32)
  (local $slot i32)
  (local $entry i32)
  (local $idx i32)
  (local.set $hash (call $dict_hash (i32.load offset=8 (i32.load (local.get $d))) (local.get $key)))
  ;; an empty dict holds no key (and may have no index to probe)
  (if (i32.load offset=4 (local.get $d))
    (then (local.set $slot (call $dict_probe (local.get $d) (local.get $key) (local.get $hash)))))
  (if (local.get $slot)
    (then
      (i64.store offset=8
        (call $dict_entry (local.get $d) (i32.sub (i32.load (local.get $slot)) (i32.const 1)))
        (local.get $value))
      (return)))
  (if (i32.ge_u (i32.load offset=8 (local.get $d)) (i32.load offset=12 (local.get $d)))
    (then
      (if (i32.eqz (call $dict_resize (local.get $d))) (then (return)))))
  (local.set $idx (i32.load offset=8 (local.get $d)))
  (local.set $entry (call $dict_entry (local.get $d) (local.get $idx)))
  (i64.store (local.get $entry) (local.get $key))
  (i64.store offset=8 (local.get $entry) (local.get $value))
  (i32.store offset=16 (local.get $entry) (local.get $hash))
  (i32.store offset=20 (local.get $entry) (i32.const 1))
  (i32.store offset=8 (local.get $d) (i32.add (local.get $idx) (i32.const 1)))
  (i32.store offset=4 (local.get $d) (i32.add (i32.load offset=4 (local.get $d)) (i32.const 1)))
  (call $dict_index_insert (local.get $d) (local.get $hash) (local.get $idx)))

;; $dict_index_insert: put entry number `idx` (hash `hash`) into the first
;; free (empty or dummy) index slot of its probe sequence.
(func $dict_index_insert (param $d i32) (param $hash i32) (param $idx i32)
  (local $mask i32)
  (local $i i32)
  (local $perturb i32)
  (local $slot i32)
  (local.set $mask (i32.load offset=24 (local.get $d)))
  (local.set $i (i32.and (local.get $hash) (local.get $mask)))
  (local.set $perturb (local.get $hash))
  (loop $next
    (local.set $slot (i32.add (i32.load offset=20 (local.get $d)) (i32.shl (local.get $i) (i32.const 2))))
    (if (i32.and (i32.ne (i32.load (local.get $slot)) (i32.const 0))
                 (i32.ne (i32.load (local.get $slot)) (i32.const -1)))
      (then
        (local.set $i (i32.and (i32.add (i32.add (i32.mul (local.get $i) (i32.const 5)) (i32.const 1))
                                        (local.get $perturb))
                               (local.get $mask)))
        (local.set $perturb (i32.shr_u (local.get $perturb) (i32.const 5)))
        (br $next))))
  (i32.store (local.get $slot) (i32.add (local.get $idx) (i32.const 1))))

;; $dict_resize: rebuild d with room for new entries: index slots = the
;; smallest power of two >= max(8, 3 * len), capacity = 2/3 of that; live
;; entries are compacted in order.  Returns 0 (MemoryError raised, d
;; unchanged) when out of memory, else 1.
(func $dict_resize (param $d i32) (result i32)
  (local $slots i32)
  (local $cap i32)
  (local $region i32)
  (local $entries i32)
  (local $index i32)
  (local.set $slots (i32.const 8))
  (block $big
    (loop $double
      (br_if $big (i32.ge_u (local.get $slots) (i32.mul (i32.load offset=4 (local.get $d)) (i32.const 3))))
      (local.set $slots (i32.shl (local.get $slots) (i32.const 1)))
      (br $double)))
  (local.set $cap (i32.div_u (i32.shl (local.get $slots) (i32.const 1)) (i32.const 3)))
  ;; Deletions left holes and the current blocks are big enough: squeeze the
  ;; holes out in place.  A dict that only churns (a table of live streams)
  ;; then never allocates again -- its region has no collector to reclaim
  ;; abandoned blocks.
  (if (i32.and (i32.le_u (local.get $cap) (i32.load offset=12 (local.get $d)))
               (i32.ne (i32.load offset=4 (local.get $d)) (i32.load offset=8 (local.get $d))))
    (then
      (call $dict_compact (local.get $d))
      (return (i32.const 1))))
  ;; New blocks, the entries copied over as they are, holes included; then
  ;; the holes are squeezed out as above.
  (local.set $region (call $rt_region_of (local.get $d)))
  (local.set $entries (call $rt_alloc_in (local.get $region) (i32.mul (local.get $cap) (i32.const 24))))
  (if (i32.eqz (local.get $entries)) (then (return (i32.const 0))))
  (local.set $index (call $rt_alloc_in (local.get $region) (i32.shl (local.get $slots) (i32.const 2))))
  (if (i32.eqz (local.get $index)) (then (return (i32.const 0))))
  (memory.copy (local.get $entries) (i32.load offset=16 (local.get $d))
               (i32.mul (i32.load offset=8 (local.get $d)) (i32.const 24)))
  (i32.store offset=12 (local.get $d) (local.get $cap))
  (i32.store offset=16 (local.get $d) (local.get $entries))
  (i32.store offset=20 (local.get $d) (local.get $index))
  (i32.store offset=24 (local.get $d) (i32.sub (local.get $slots) (i32.const 1)))
  (call $dict_compact (local.get $d))
  (i32.const 1))

;; $dict_compact: moves the live entries to the front of the entries block
;; (keeping their order), zeroes the rest, and rebuilds the index in place.
(func $dict_compact (param $d i32)
  (local $i i32)
  (local $n i32)
  (local $src i32)
  (local $dst i32)
  (local.set $n (i32.load offset=8 (local.get $d)))
  (local.set $dst (i32.load offset=16 (local.get $d)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $src (call $dict_entry (local.get $d) (local.get $i)))
      (if (i32.load offset=20 (local.get $src))
        (then
          (if (i32.ne (local.get $src) (local.get $dst))
            (then (memory.copy (local.get $dst) (local.get $src) (i32.const 24))))
          (local.set $dst (i32.add (local.get $dst) (i32.const 24)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
  (memory.fill (local.get $dst) (i32.const 0)
               (i32.sub (call $dict_entry (local.get $d) (local.get $n)) (local.get $dst)))
  (i32.store offset=8 (local.get $d) (i32.load offset=4 (local.get $d)))
  (call $dict_reindex (local.get $d)))

;; $dict_reindex: clear the index and insert every live entry again (after
;; a resize, or after a copy changed the identity hashes of pointer keys).
(func $dict_reindex (param $d i32)
  (local $i i32)
  (local $entry i32)
  (if (i32.eqz (i32.load offset=20 (local.get $d))) (then (return)))
  (memory.fill (i32.load offset=20 (local.get $d)) (i32.const 0)
               (i32.shl (i32.add (i32.load offset=24 (local.get $d)) (i32.const 1)) (i32.const 2)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $i) (i32.load offset=8 (local.get $d))))
      (local.set $entry (call $dict_entry (local.get $d) (local.get $i)))
      (if (i32.load offset=20 (local.get $entry))
        (then (call $dict_index_insert (local.get $d) (i32.load offset=16 (local.get $entry)) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each))))

;; $dict_slot: the index slot that holds `key`, or 0 when it is absent.
(func $dict_slot (param $d i32) (param $key i64) (result i32)
  (if (i32.eqz (i32.load offset=4 (local.get $d))) (then (return (i32.const 0))))
  (call $dict_probe (local.get $d) (local.get $key)
    (call $dict_hash (i32.load offset=8 (i32.load (local.get $d))) (local.get $key))))

;; $dict_take: deletes the entry of index slot `slot` (from $dict_slot) and
;; returns its value: d.pop(key) with one lookup.  The entry becomes a hole
;; with key and value zeroed (so a copy does not follow stale pointers).
(func $dict_take (param $d i32) (param $slot i32) (result i64)
  (local $entry i32)
  (local $value i64)
  (local.set $entry (call $dict_entry (local.get $d) (i32.sub (i32.load (local.get $slot)) (i32.const 1))))
  (local.set $value (i64.load offset=8 (local.get $entry)))
  (i32.store (local.get $slot) (i32.const -1))
  (memory.fill (local.get $entry) (i32.const 0) (i32.const 24))
  (i32.store offset=4 (local.get $d) (i32.sub (i32.load offset=4 (local.get $d)) (i32.const 1)))
  (local.get $value))

;; $dict_del: delete `key`; returns 1 when it was there, 0 when absent (the
;; caller raises KeyError).
(func $dict_del (param $d i32) (param $key i64) (result i32)
  (local $slot i32)
  (if (i32.eqz (local.tee $slot (call $dict_slot (local.get $d) (local.get $key))))
    (then (return (i32.const 0))))
  (drop (call $dict_take (local.get $d) (local.get $slot)))
  (i32.const 1))

;; $dict_clone_in: a shallow copy of d in `region` (own entries and index
;; blocks, same keys and values).  0 when out of memory.
(func $dict_clone_in (param $d i32) (param $region i32) (result i32)
  (local $new i32)
  (local $block i32)
  (local.set $new (call $rt_dup_in (local.get $region) (local.get $d) (i32.const 32)))
  (if (i32.eqz (local.get $new)) (then (return (i32.const 0))))
  (if (i32.eqz (i32.load offset=16 (local.get $d))) (then (return (local.get $new))))
  (i32.store offset=16 (local.get $new)
    (local.tee $block (call $rt_dup_in (local.get $region) (i32.load offset=16 (local.get $d))
                                       (i32.mul (i32.load offset=12 (local.get $d)) (i32.const 24)))))
  (if (i32.eqz (local.get $block)) (then (return (i32.const 0))))
  (i32.store offset=20 (local.get $new)
    (local.tee $block (call $rt_dup_in (local.get $region) (i32.load offset=20 (local.get $d))
                                       (i32.shl (i32.add (i32.load offset=24 (local.get $d)) (i32.const 1))
                                                (i32.const 2)))))
  (if (i32.eqz (local.get $block)) (then (return (i32.const 0))))
  (local.get $new))

;; $dict_copy_fix: part of $rt_copy -- translate the pointer keys and values
;; of the new dict `d` through the copy context `ctx`.  Keys hashed by
;; identity get new hashes, so the index is rebuilt for them.  A registry's
;; values (flags bit 4) are translated by a compaction only.
(func $dict_copy_fix (param $ctx i32) (param $d i32)
  (local $flags i32)
  (local $i i32)
  (local $entry i32)
  (local $rehash i32)
  (local.set $flags (i32.load offset=8 (i32.load (local.get $d))))
  (if (i32.and (i32.ne (i32.load offset=32 (local.get $ctx)) (i32.const 0))
               (i32.ne (i32.and (local.get $flags) (i32.const 16)) (i32.const 0)))
    (then (local.set $flags (i32.or (local.get $flags) (i32.const 4)))))
  (local.set $rehash (i32.eq (i32.and (local.get $flags) (i32.const 11)) (i32.const 2)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $i) (i32.load offset=8 (local.get $d))))
      (local.set $entry (call $dict_entry (local.get $d) (local.get $i)))
      (if (i32.load offset=20 (local.get $entry))
        (then
          (if (i32.and (local.get $flags) (i32.const 11))
            (then (call $rt_copy_fix_at (local.get $ctx) (local.get $entry))))
          (if (local.get $rehash)
            (then
              (i32.store offset=16 (local.get $entry)
                (call $dict_hash (local.get $flags) (i64.load (local.get $entry))))))
          (if (i32.and (local.get $flags) (i32.const 4))
            (then (call $rt_copy_fix_at (local.get $ctx) (i32.add (local.get $entry) (i32.const 8)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
  (if (local.get $rehash) (then (call $dict_reindex (local.get $d)))))
