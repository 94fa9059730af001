;; copy.wat -- $rt_copy: deep copy of an object graph into another region.
;;
;; Used by the store barrier ($rt_keep): when a pointer into a short-lived
;; region is stored into a long-lived object, the whole graph reachable from
;; it is copied into the long-lived region first.
;;
;; Which words of an object are pointers is read from its type descriptor
;; (docs/internals.md): str and bytes have none; a list has pointer elements
;; when desc+8 = 1; a struct has desc+8 pointer fields whose offsets are the
;; i32 array at desc+12; a dict says in its flags (desc+8) whether keys and
;; values are pointers (see dict.wat).
;;
;; Pointers that are 0, or point into a static or long-lived region (kind 0
;; or 1), or already into the target region, are kept as they are: those
;; objects outlive the copy.  Everything else is copied once: a map from old
;; to new addresses keeps shared substructure shared and makes cycles
;; terminate.  The copy is breadth-first with an explicit work list (no
;; recursion, so deep graphs cannot overflow the wasm stack): an object is
;; first copied shallowly, then its pointer words are translated when it is
;; taken off the work list.
;;
;; The map and the work list live in a scratch region (kind 2) created for
;; the copy and freed at its end.  Copies of str and bytes, by far the most
;; common case, need neither and are done directly.
;;
;; Copy context (40 bytes, in the scratch region):
;;   +0 target region   +4 scratch region
;;   +8 map (pairs old, new; 8 bytes per slot)   +12 map mask (slots - 1)
;;   +16 map count      +20 work list (i32 array)
;;   +24 work length    +28 work capacity
;;   +32 source region: 0 for a copy; for a compaction (collect.wat) the
;;       region whose objects move, every other object being visited in
;;       place (its pointer words translated) instead of kept as it is.

;; $rt_copy: a deep copy of the graph at `p` in `region` (see above).
;; Returns the new address (or p itself when p is kept); 0 for 0, and 0
;; after raising MemoryError when memory runs out.
(func $rt_copy (param $p i32) (param $region i32) (result i32)
  (local $kind i32)
  (local $scratch i32)
  (local $ctx i32)
  (local $result i32)
  (if (call $rt_copy_keeps (local.get $p) (local.get $region))
    (then (return (local.get $p))))
  (local.set $kind (i32.load (i32.load (local.get $p))))
  (if (i32.le_u (local.get $kind) (i32.const 2))
    (then (return (call $rt_copy_shallow (local.get $p) (local.get $region)))))
  (local.set $scratch (call $rt_region_new (i32.const 2)))
  (if (i32.eqz (local.get $scratch)) (then (return (i32.const 0))))
  (local.set $ctx (call $rt_copy_context (local.get $scratch) (local.get $region)))
  (if (local.get $ctx)
    (then
      (local.set $result (call $rt_copy_translate (local.get $ctx) (local.get $p)))
      (call $rt_copy_drain (local.get $ctx))))
  (call $rt_region_free (local.get $scratch))
  (if (global.get $rt_exc) (then (return (i32.const 0))))
  (local.get $result))

;; $rt_copy_context: a copy context (see above) in `scratch` for copies into
;; `target`, with room for 64 map slots and 64 work items, all in one
;; block; 0 when out of memory.
(func $rt_copy_context (param $scratch i32) (param $target i32) (result i32)
  (local $ctx i32)
  (local.set $ctx (call $rt_alloc_in (local.get $scratch) (i32.const 808)))
  (if (i32.eqz (local.get $ctx)) (then (return (i32.const 0))))
  (i32.store (local.get $ctx) (local.get $target))
  (i32.store offset=4 (local.get $ctx) (local.get $scratch))
  (i32.store offset=8 (local.get $ctx) (i32.add (local.get $ctx) (i32.const 40)))   ;; 512 bytes
  (i32.store offset=12 (local.get $ctx) (i32.const 63))
  (i32.store offset=20 (local.get $ctx) (i32.add (local.get $ctx) (i32.const 552))) ;; 256 bytes
  (i32.store offset=28 (local.get $ctx) (i32.const 64))
  (local.get $ctx))

;; $rt_copy_drain: translate the pointer words of every object on the work
;; list, breadth first, until none is left (or an exception is pending).
(func $rt_copy_drain (param $ctx i32)
  (local $head i32)
  (block $done
    (loop $work
      (br_if $done (global.get $rt_exc))
      (br_if $done (i32.ge_u (local.get $head) (i32.load offset=24 (local.get $ctx))))
      (call $rt_copy_fix (local.get $ctx)
        (i32.load (i32.add (i32.load offset=20 (local.get $ctx))
                           (i32.shl (local.get $head) (i32.const 2)))))
      (local.set $head (i32.add (local.get $head) (i32.const 1)))
      (br $work))))

;; $rt_copy_keeps: 1 when the object at `p` needs no copy into `region`:
;; p is 0, or lives in a static or long-lived region, or in `region` itself.
(func $rt_copy_keeps (param $p i32) (param $region i32) (result i32)
  (local $r i32)
  (if (i32.eqz (local.get $p)) (then (return (i32.const 1))))
  (local.set $r (call $rt_region_of (local.get $p)))
  (i32.or (i32.eq (local.get $r) (local.get $region))
          (i32.ne (i32.load offset=12 (local.get $r)) (i32.const 2))))

;; $rt_copy_shallow: a copy of the object at `p` alone, in `region`: same
;; bytes, so its pointer words still point at the old objects.  A list gets
;; its own items block (capacity = length); a dict its own entries and
;; index blocks.  0 when out of memory.
(func $rt_copy_shallow (param $p i32) (param $region i32) (result i32)
  (local $desc i32)
  (local $new i32)
  (local $n i32)
  (local.set $desc (i32.load (local.get $p)))
  ;; str, bytes, struct: one block, whose size the header or descriptor
  ;; gives; a list or dict: header and blocks apart
  (call $rt_dup_in (local.get $region) (local.get $p)
    (block $size (result i32)
      (block $struct
        (block $bytes
          (block $str
            (block $list
              (block $dict
                (br_table $struct $str $bytes $list $struct $dict $struct
                          (i32.load (local.get $desc))))
              ;; kind 5
              (return (call $dict_clone_in (local.get $p) (local.get $region))))
            ;; kind 3: header, then an items block of exactly len elements
            (local.set $new (call $rt_alloc_in (local.get $region) (i32.const 16)))
            (if (i32.eqz (local.get $new)) (then (return (i32.const 0))))
            (local.set $n (i32.load offset=4 (local.get $p)))
            (i32.store (local.get $new) (local.get $desc))
            (i32.store offset=4 (local.get $new) (local.get $n))
            (i32.store offset=8 (local.get $new) (local.get $n))
            (if (local.get $n)
              (then
                (i32.store offset=12 (local.get $new)
                  (local.tee $n (call $rt_dup_in (local.get $region) (i32.load offset=12 (local.get $p))
                                                 (i32.mul (local.get $n) (i32.load offset=4 (local.get $desc))))))
                (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))))
            (return (local.get $new)))
          (br $size (i32.add (i32.load offset=4 (local.get $p)) (i32.const 12))))
        (br $size (i32.add (i32.load offset=4 (local.get $p)) (i32.const 8))))
      (i32.load offset=4 (local.get $desc)))))

;; $rt_dup_in: a copy of the `size` bytes at `src` in `region`, or 0 when out
;; of memory.
(func $rt_dup_in (param $region i32) (param $src i32) (param $size i32) (result i32)
  (local $new i32)
  (if (local.tee $new (call $rt_alloc_in (local.get $region) (local.get $size)))
    (then (memory.copy (local.get $new) (local.get $src) (local.get $size))))
  (local.get $new))

;; $rt_copy_translate: the address object `p` has in the copy: p itself when
;; kept, the earlier copy when p was met before, else a new shallow copy
;; (recorded in the map, and queued for fixing when it holds pointers).  In a
;; compaction, objects outside the source region keep their address but are
;; recorded and queued too, once, so that their pointers get translated.
(func $rt_copy_translate (param $ctx i32) (param $p i32) (result i32)
  (local $slot i32)
  (local $new i32)
  (local $desc i32)
  (local $region i32)
  (local $in_place i32)
  (if (i32.load offset=32 (local.get $ctx))
    (then
      (if (i32.eqz (local.get $p)) (then (return (i32.const 0))))
      (local.set $region (call $rt_region_of (local.get $p)))
      (if (i32.ne (local.get $region) (i32.load offset=32 (local.get $ctx)))
        (then
          ;; static objects point at nothing that moves
          (if (i32.eqz (i32.load offset=12 (local.get $region)))
            (then (return (local.get $p))))
          (local.set $in_place (i32.const 1)))))
    (else
      (if (call $rt_copy_keeps (local.get $p) (i32.load (local.get $ctx)))
        (then (return (local.get $p))))))
  (local.set $slot (call $rt_copy_map_slot (local.get $ctx) (local.get $p)))
  (if (i32.load (local.get $slot))
    (then (return (i32.load offset=4 (local.get $slot)))))
  (local.set $new
    (if (result i32) (local.get $in_place)
      (then (local.get $p))
      (else (call $rt_copy_shallow (local.get $p) (i32.load (local.get $ctx))))))
  (if (i32.eqz (local.get $new)) (then (return (i32.const 0))))
  (i32.store (local.get $slot) (local.get $p))
  (i32.store offset=4 (local.get $slot) (local.get $new))
  (i32.store offset=16 (local.get $ctx) (i32.add (i32.load offset=16 (local.get $ctx)) (i32.const 1)))
  (local.set $desc (i32.load (local.get $p)))
  ;; Objects with pointer words: lists of pointers, structs with pointer
  ;; fields, dicts with pointer keys or values (flags bits 0..3; bit 4, a
  ;; registry's values, in a compaction only).
  (if (select
        (i32.load offset=8 (local.get $desc))
        (i32.and (i32.load offset=8 (local.get $desc))
                 (select (i32.const 31) (i32.const 15) (i32.load offset=32 (local.get $ctx))))
        (i32.ne (i32.load (local.get $desc)) (i32.const 5)))
    (then (call $rt_copy_push (local.get $ctx) (local.get $new))))
  ;; Grow the map at half load (after the insert: $slot is no longer used).
  (if (i32.ge_u (i32.shl (i32.load offset=16 (local.get $ctx)) (i32.const 1))
                (i32.load offset=12 (local.get $ctx)))
    (then (call $rt_copy_map_grow (local.get $ctx))))
  (local.get $new))

;; $rt_copy_map_slot: the map slot of old address `p`: the slot holding p,
;; or the empty slot where p belongs (open addressing, linear probing).
(func $rt_copy_map_slot (param $ctx i32) (param $p i32) (result i32)
  (local $mask i32)
  (local $i i32)
  (local $slot i32)
  (local.set $mask (i32.load offset=12 (local.get $ctx)))
  (local.set $i (i32.mul (local.get $p) (i32.const 0x9E3779B1)))
  (local.set $i (i32.xor (local.get $i) (i32.shr_u (local.get $i) (i32.const 15))))
  (loop $probe
    (local.set $slot (i32.add (i32.load offset=8 (local.get $ctx))
                              (i32.shl (i32.and (local.get $i) (local.get $mask)) (i32.const 3))))
    (if (i32.and (i32.ne (i32.load (local.get $slot)) (i32.const 0))
                 (i32.ne (i32.load (local.get $slot)) (local.get $p)))
      (then
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $probe))))
  (local.get $slot))

;; $rt_copy_map_grow: double the map's slots and re-insert every pair.
(func $rt_copy_map_grow (param $ctx i32)
  (local $old i32)
  (local $old_slots i32)
  (local $i i32)
  (local $src i32)
  (local $dst i32)
  (local.set $old (i32.load offset=8 (local.get $ctx)))
  (local.set $old_slots (i32.add (i32.load offset=12 (local.get $ctx)) (i32.const 1)))
  (local.set $dst (call $rt_alloc_in (i32.load offset=4 (local.get $ctx))
                                     (i32.shl (local.get $old_slots) (i32.const 4))))
  ;; Out of memory: keep the old map (the copy stops at the pending MemoryError).
  (if (i32.eqz (local.get $dst)) (then (return)))
  (i32.store offset=8 (local.get $ctx) (local.get $dst))
  (i32.store offset=12 (local.get $ctx) (i32.sub (i32.shl (local.get $old_slots) (i32.const 1))
                                                 (i32.const 1)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $i) (local.get $old_slots)))
      (local.set $src (i32.add (local.get $old) (i32.shl (local.get $i) (i32.const 3))))
      (if (i32.load (local.get $src))
        (then
          (local.set $dst (call $rt_copy_map_slot (local.get $ctx) (i32.load (local.get $src))))
          (i64.store (local.get $dst) (i64.load (local.get $src)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each))))

;; $rt_copy_push: append the new object `obj` to the work list.
(func $rt_copy_push (param $ctx i32) (param $obj i32)
  (local $len i32)
  (local $cap i32)
  (local $new i32)
  (local.set $len (i32.load offset=24 (local.get $ctx)))
  (local.set $cap (i32.load offset=28 (local.get $ctx)))
  (if (i32.eq (local.get $len) (local.get $cap))
    (then
      (local.set $new (call $rt_alloc_in (i32.load offset=4 (local.get $ctx))
                                         (i32.shl (local.get $cap) (i32.const 3))))
      (if (i32.eqz (local.get $new)) (then (return)))
      (memory.copy (local.get $new) (i32.load offset=20 (local.get $ctx))
                   (i32.shl (local.get $cap) (i32.const 2)))
      (i32.store offset=20 (local.get $ctx) (local.get $new))
      (i32.store offset=28 (local.get $ctx) (i32.shl (local.get $cap) (i32.const 1)))))
  (i32.store (i32.add (i32.load offset=20 (local.get $ctx)) (i32.shl (local.get $len) (i32.const 2)))
             (local.get $obj))
  (i32.store offset=24 (local.get $ctx) (i32.add (local.get $len) (i32.const 1))))

;; $rt_copy_fix: translate the pointer words of the new object `obj`.
(func $rt_copy_fix (param $ctx i32) (param $obj i32)
  (local $desc i32)
  (local $i i32)
  (local $n i32)
  (local $at i32)
  (local.set $desc (i32.load (local.get $obj)))
  (block $done
    (block $dict
      (block $struct
        (block $list
          (br_table $done $done $done $list $struct $dict $done
                    (i32.load (local.get $desc))))
        ;; list of pointers: every element
        (local.set $n (i32.load offset=4 (local.get $obj)))
        (local.set $at (i32.load offset=12 (local.get $obj)))
        (block $end
          (loop $each
            (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
            (call $rt_copy_fix_at (local.get $ctx) (local.get $at))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $each)))
        (br $done))
      ;; struct: the fields at the offsets listed in the descriptor
      (local.set $n (i32.load offset=8 (local.get $desc)))
      (block $end
        (loop $each
          (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
          (call $rt_copy_fix_at (local.get $ctx)
            (i32.add (local.get $obj) (i32.load (i32.add (i32.load offset=12 (local.get $desc))
                                                         (i32.shl (local.get $i) (i32.const 2))))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $each)))
      (br $done))
    (call $dict_copy_fix (local.get $ctx) (local.get $obj))))

;; $rt_copy_fix_at: translate the pointer word at `at`.  A dict's pointer
;; keys and values are i64 words whose high half is 0: their low half is
;; translated the same way.
(func $rt_copy_fix_at (param $ctx i32) (param $at i32)
  (i32.store (local.get $at) (call $rt_copy_translate (local.get $ctx) (i32.load (local.get $at)))))
