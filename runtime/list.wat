;; list.wat -- growable arrays.
;;
;; Layout (16 bytes): +0 type, +4 len, +8 cap, +12 items (a raw block of cap
;; elements, 0 while cap = 0).  The descriptor gives the element size at
;; desc+4 (4 for i32 and pointers, 8 for i64 and f64) and at desc+8 whether
;; elements are pointers (for the deep copy).  The generated code defines
;; three descriptors the runtime uses: $rt_desc_list_ptr (pointer elements,
;; e.g. list[str]), $rt_desc_list_i32, $rt_desc_list_i64.
;;
;; The items block grows (doubling) in the LIST'S region, not the current
;; one: a list owned by a long-lived object never points into a stream's
;; region.  The old block is left to its region.  Storing a pointer element
;; into a list is a store like any other: the compiler applies $rt_keep to
;; the element first.

;; $list_new: a list of descriptor `desc` with `len` zeroed elements, in the
;; current region.  0 when out of memory.
(func $list_new (param $desc i32) (param $len i32) (result i32)
  (local $l i32)
  (local $items i32)
  (if (i32.gt_u (local.get $len) (i32.const 0x0FFFFFFF))
    (then
      (return (call $rt_no_memory))))
  (local.set $l (call $rt_alloc (i32.const 16)))
  (if (i32.eqz (local.get $l)) (then (return (i32.const 0))))
  (i32.store (local.get $l) (local.get $desc))
  (if (local.get $len)
    (then
      (local.set $items (call $rt_alloc (i32.mul (local.get $len) (i32.load offset=4 (local.get $desc)))))
      (if (i32.eqz (local.get $items)) (then (return (i32.const 0))))
      (i32.store offset=4 (local.get $l) (local.get $len))
      (i32.store offset=8 (local.get $l) (local.get $len))
      (i32.store offset=12 (local.get $l) (local.get $items))))
  (local.get $l))

;; $list_reserve: make room for `need` elements (need > cap): capacity
;; becomes max(need, 2 * cap, 4), the block is reallocated in l's region.
;; Returns 0 (MemoryError raised, l unchanged) when out of memory, else 1.
(func $list_reserve (param $l i32) (param $need i32) (result i32)
  (local $cap i32)
  (local $es i32)
  (local $items i32)
  (local.set $es (i32.load offset=4 (i32.load (local.get $l))))
  (local.set $cap (i32.shl (i32.load offset=8 (local.get $l)) (i32.const 1)))
  (if (i32.lt_u (local.get $cap) (i32.const 4)) (then (local.set $cap (i32.const 4))))
  (if (i32.lt_u (local.get $cap) (local.get $need)) (then (local.set $cap (local.get $need))))
  (if (i32.gt_u (local.get $cap) (i32.const 0x0FFFFFFF))
    (then
      (return (call $rt_no_memory))))
  (local.set $items (call $rt_alloc_in (call $rt_region_of (local.get $l))
                                       (i32.mul (local.get $cap) (local.get $es))))
  (if (i32.eqz (local.get $items)) (then (return (i32.const 0))))
  (if (i32.load offset=12 (local.get $l))
    (then
      (memory.copy (local.get $items) (i32.load offset=12 (local.get $l))
                   (i32.mul (i32.load offset=4 (local.get $l)) (local.get $es)))))
  (i32.store offset=8 (local.get $l) (local.get $cap))
  (i32.store offset=12 (local.get $l) (local.get $items))
  (i32.const 1))

;; $list_append4 / $list_append8: l.append(v) for 4- / 8-byte elements.
(func $list_append4 (param $l i32) (param $v i32)
  (local $n i32)
  (local.set $n (i32.load offset=4 (local.get $l)))
  (if (i32.ge_u (local.get $n) (i32.load offset=8 (local.get $l)))
    (then
      (if (i32.eqz (call $list_reserve (local.get $l) (i32.add (local.get $n) (i32.const 1))))
        (then (return)))))
  (i32.store (i32.add (i32.load offset=12 (local.get $l)) (i32.shl (local.get $n) (i32.const 2)))
             (local.get $v))
  (i32.store offset=4 (local.get $l) (i32.add (local.get $n) (i32.const 1))))

(func $list_append8 (param $l i32) (param $v i64)
  (local $n i32)
  (local.set $n (i32.load offset=4 (local.get $l)))
  (if (i32.ge_u (local.get $n) (i32.load offset=8 (local.get $l)))
    (then
      (if (i32.eqz (call $list_reserve (local.get $l) (i32.add (local.get $n) (i32.const 1))))
        (then (return)))))
  (i64.store (i32.add (i32.load offset=12 (local.get $l)) (i32.shl (local.get $n) (i32.const 3)))
             (local.get $v))
  (i32.store offset=4 (local.get $l) (i32.add (local.get $n) (i32.const 1))))

;; $list_at: address of element `idx` (negative counts from the end), or 0
;; when out of range.
(func $list_at (param $l i32) (param $idx i64) (result i32)
  (local $i i32)
  (local.set $i (call $rt_index (local.get $idx) (i32.load offset=4 (local.get $l))))
  (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (i32.const 0))))
  (i32.add (i32.load offset=12 (local.get $l))
           (i32.mul (local.get $i) (i32.load offset=4 (i32.load (local.get $l))))))

;; $list_slot / $list_store_slot: $list_at for reading / for assigning (and
;; del), raising IndexError out of range (code 3 / 17: the messages differ).
;; Each raise has a constant code so the compiler sees which codes a module
;; can raise.
(func $list_slot (param $l i32) (param $idx i64) (result i32)
  (local $p i32)
  (if (i32.eqz (local.tee $p (call $list_at (local.get $l) (local.get $idx))))
    (then (call $pwc_raise (i32.const 3) (i64.const 0))))
  (local.get $p))

(func $list_store_slot (param $l i32) (param $idx i64) (result i32)
  (local $p i32)
  (if (i32.eqz (local.tee $p (call $list_at (local.get $l) (local.get $idx))))
    (then (call $pwc_raise (i32.const 17) (i64.const 0))))
  (local.get $p))

;; $list_item4 / $list_item8: l[idx] for 0 <= idx < len(l), which the
;; caller has just tested (a for loop's position): no check.
(func $list_item4 (param $l i32) (param $idx i64) (result i32)
  (i32.load (i32.add (i32.load offset=12 (local.get $l))
                     (i32.shl (i32.wrap_i64 (local.get $idx)) (i32.const 2)))))

(func $list_item8 (param $l i32) (param $idx i64) (result i64)
  (i64.load (i32.add (i32.load offset=12 (local.get $l))
                     (i32.shl (i32.wrap_i64 (local.get $idx)) (i32.const 3)))))

;; $list_get4 / $list_get8: l[idx]; IndexError (code 3) out of range.
(func $list_get4 (param $l i32) (param $idx i64) (result i32)
  (local $p i32)
  ;; 0 <= idx < len (every loop's index): no normalising, no checking calls
  (if (i64.lt_u (local.get $idx) (i64.load32_u offset=4 (local.get $l)))
    (then (return (i32.load (i32.add (i32.load offset=12 (local.get $l))
                                     (i32.shl (i32.wrap_i64 (local.get $idx)) (i32.const 2)))))))
  (local.set $p (call $list_slot (local.get $l) (local.get $idx)))
  (if (result i32) (local.get $p) (then (i32.load (local.get $p))) (else (i32.const 0))))

(func $list_get8 (param $l i32) (param $idx i64) (result i64)
  (local $p i32)
  (if (i64.lt_u (local.get $idx) (i64.load32_u offset=4 (local.get $l)))
    (then (return (i64.load (i32.add (i32.load offset=12 (local.get $l))
                                     (i32.shl (i32.wrap_i64 (local.get $idx)) (i32.const 3)))))))
  (local.set $p (call $list_slot (local.get $l) (local.get $idx)))
  (if (result i64) (local.get $p) (then (i64.load (local.get $p))) (else (i64.const 0))))

;; $list_set4 / $list_set8: l[idx] = v; IndexError (code 17) out of range.
(func $list_set4 (param $l i32) (param $idx i64) (param $v i32)
  (local $p i32)
  (local.set $p (call $list_store_slot (local.get $l) (local.get $idx)))
  (if (local.get $p) (then (i32.store (local.get $p) (local.get $v)))))

(func $list_set8 (param $l i32) (param $idx i64) (param $v i64)
  (local $p i32)
  (local.set $p (call $list_store_slot (local.get $l) (local.get $idx)))
  (if (local.get $p) (then (i64.store (local.get $p) (local.get $v)))))

;; $list_pop_slot: for l.pop(idx): the address of the element to remove
;; (the caller loads it, then calls $list_remove_at), or 0 after raising
;; IndexError: code 8 when l is empty, code 16 when idx is out of range.
(func $list_pop_slot (param $l i32) (param $idx i64) (result i32)
  (local $i i32)
  (if (i32.eqz (i32.load offset=4 (local.get $l)))
    (then
      (call $pwc_raise (i32.const 8) (i64.const 0))
      (return (i32.const 0))))
  (local.set $i (call $rt_index (local.get $idx) (i32.load offset=4 (local.get $l))))
  (if (i32.lt_s (local.get $i) (i32.const 0))
    (then
      (call $pwc_raise (i32.const 16) (i64.const 0))
      (return (i32.const 0))))
  (i32.add (i32.load offset=12 (local.get $l))
           (i32.mul (local.get $i) (i32.load offset=4 (i32.load (local.get $l))))))

;; $list_remove_at: close the gap of the element at address `p`.
(func $list_remove_at (param $l i32) (param $p i32)
  (local $es i32)
  (local $end i32)
  (local.set $es (i32.load offset=4 (i32.load (local.get $l))))
  (local.set $end (i32.add (i32.load offset=12 (local.get $l))
                           (i32.mul (i32.load offset=4 (local.get $l)) (local.get $es))))
  (memory.copy (local.get $p) (i32.add (local.get $p) (local.get $es))
               (i32.sub (i32.sub (local.get $end) (local.get $p)) (local.get $es)))
  (i32.store offset=4 (local.get $l) (i32.sub (i32.load offset=4 (local.get $l)) (i32.const 1))))

;; $list_pop4 / $list_pop8: l.pop(idx) (idx = -1 for l.pop()).
;; IndexError: code 8 "pop from empty list", code 16 "pop index out of range".
(func $list_pop4 (param $l i32) (param $idx i64) (result i32)
  (local $p i32)
  (local $v i32)
  (local.set $p (call $list_pop_slot (local.get $l) (local.get $idx)))
  (if (i32.eqz (local.get $p)) (then (return (i32.const 0))))
  (local.set $v (i32.load (local.get $p)))
  (call $list_remove_at (local.get $l) (local.get $p))
  (local.get $v))

(func $list_pop8 (param $l i32) (param $idx i64) (result i64)
  (local $p i32)
  (local $v i64)
  (local.set $p (call $list_pop_slot (local.get $l) (local.get $idx)))
  (if (i32.eqz (local.get $p)) (then (return (i64.const 0))))
  (local.set $v (i64.load (local.get $p)))
  (call $list_remove_at (local.get $l) (local.get $p))
  (local.get $v))

;; $list_slice: l[start:stop:step] as a new list of the same descriptor in the
;; current region (bounds as in mem.wat).  ValueError (code 14) for step 0.
(func $list_slice (param $l i32) (param $start i64) (param $stop i64) (param $step i64) (result i32)
  (local $n i64)
  (local $count i32)
  (local $es i32)
  (local $new i32)
  (local $src i32)
  (local $dst i32)
  (local $k i32)
  (if (i64.eqz (local.get $step))
    (then
      (call $pwc_raise (i32.const 14) (i64.const 0))
      (return (i32.const 0))))
  (local.set $n (i64.extend_i32_u (i32.load offset=4 (local.get $l))))
  (local.set $start (call $rt_slice_bound (local.get $start) (local.get $n) (local.get $step)))
  (local.set $stop (call $rt_slice_bound (local.get $stop) (local.get $n) (local.get $step)))
  (local.set $count (i32.wrap_i64 (call $rt_slice_len (local.get $start) (local.get $stop) (local.get $step))))
  (local.set $new (call $list_new (i32.load (local.get $l)) (local.get $count)))
  (if (i32.eqz (local.get $new)) (then (return (i32.const 0))))
  (if (i32.eqz (local.get $count)) (then (return (local.get $new))))
  (local.set $es (i32.load offset=4 (i32.load (local.get $l))))
  (local.set $src (i32.add (i32.load offset=12 (local.get $l))
                           (i32.mul (i32.wrap_i64 (local.get $start)) (local.get $es))))
  (if (i64.eq (local.get $step) (i64.const 1))
    (then
      (memory.copy (i32.load offset=12 (local.get $new)) (local.get $src)
                   (i32.mul (local.get $count) (local.get $es)))
      (return (local.get $new))))
  ;; |step| < n here whenever more than one item is taken, so the i32 step fits.
  (local.set $dst (i32.load offset=12 (local.get $new)))
  (block $done
    (loop $each
      (if (i32.eq (local.get $es) (i32.const 8))
        (then (i64.store (local.get $dst) (i64.load (local.get $src))))
        (else (i32.store (local.get $dst) (i32.load (local.get $src)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
      (local.set $dst (i32.add (local.get $dst) (local.get $es)))
      (local.set $src (i32.add (local.get $src)
                               (i32.mul (i32.wrap_i64 (local.get $step)) (local.get $es))))
      (br $each)))
  (local.get $new))

;; $list_concat: a + b as a new list (a's descriptor) in the current region.
(func $list_concat (param $a i32) (param $b i32) (result i32)
  (local $na i32)
  (local $nb i32)
  (local $es i32)
  (local $new i32)
  (local.set $na (i32.load offset=4 (local.get $a)))
  (local.set $nb (i32.load offset=4 (local.get $b)))
  (local.set $es (i32.load offset=4 (i32.load (local.get $a))))
  (local.set $new (call $list_new (i32.load (local.get $a)) (i32.add (local.get $na) (local.get $nb))))
  (if (i32.eqz (local.get $new)) (then (return (i32.const 0))))
  (if (local.get $na)
    (then (memory.copy (i32.load offset=12 (local.get $new)) (i32.load offset=12 (local.get $a))
                       (i32.mul (local.get $na) (local.get $es)))))
  (if (local.get $nb)
    (then (memory.copy (i32.add (i32.load offset=12 (local.get $new)) (i32.mul (local.get $na) (local.get $es)))
                       (i32.load offset=12 (local.get $b))
                       (i32.mul (local.get $nb) (local.get $es)))))
  (local.get $new))
