;; sort.wat -- sorted(): a stable bottom-up merge sort.
;;
;; The list is copied into 16-byte records (key i64, value i64) so one
;; routine sorts any element type: elements of 4 bytes are zero-extended.
;; `$less` is the table index of a function (param i64 i64) (result i32)
;; telling whether key a < key b; the compiler generates one per key type.

;; $list_sort: sorts the list l in place by its elements, or by the parallel
;; list `keys` (same length) when keys != 0.  `reverse` sorts descending and,
;; like CPython, keeps equal elements in their original order.
(func $list_sort (param $l i32) (param $keys i32) (param $less i32) (param $reverse i32)
  (local $n i32) (local $recs i32) (local $tmp i32) (local $i i32) (local $swap i32)
  (local $width i32) (local $kwidth i32) (local $kitems i32) (local $items i32)
  (local $run i32) (local $lo i32) (local $mid i32) (local $hi i32)
  (local.set $n (i32.load offset=4 (local.get $l)))
  (if (i32.lt_u (local.get $n) (i32.const 2)) (then (return)))
  (local.set $items (i32.load offset=12 (local.get $l)))
  (local.set $width (i32.load offset=4 (i32.load (local.get $l))))
  (if (local.get $keys)
    (then (local.set $kitems (i32.load offset=12 (local.get $keys)))
          (local.set $kwidth (i32.load offset=4 (i32.load (local.get $keys)))))
    (else (local.set $kitems (local.get $items)) (local.set $kwidth (local.get $width))))
  (local.set $recs (call $rt_alloc (i32.shl (local.get $n) (i32.const 4))))
  (local.set $tmp (call $rt_alloc (i32.shl (local.get $n) (i32.const 4))))
  (if (i32.or (i32.eqz (local.get $recs)) (i32.eqz (local.get $tmp))) (then (return)))
  (block $filled (loop $fill
    (br_if $filled (i32.ge_u (local.get $i) (local.get $n)))
    (i64.store (i32.add (local.get $recs) (i32.shl (local.get $i) (i32.const 4)))
               (call $sort_slot (local.get $kitems) (local.get $kwidth) (local.get $i)))
    (i64.store offset=8 (i32.add (local.get $recs) (i32.shl (local.get $i) (i32.const 4)))
               (call $sort_slot (local.get $items) (local.get $width) (local.get $i)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $fill)))
  ;; merge runs of length 1, 2, 4, ... from recs into tmp, then swap the buffers
  (local.set $run (i32.const 1))
  (block $sorted (loop $pass
    (br_if $sorted (i32.ge_u (local.get $run) (local.get $n)))
    (local.set $lo (i32.const 0))
    (block $merged (loop $pair
      (br_if $merged (i32.ge_u (local.get $lo) (local.get $n)))
      (local.set $mid (call $sort_min (i32.add (local.get $lo) (local.get $run)) (local.get $n)))
      (local.set $hi (call $sort_min (i32.add (local.get $mid) (local.get $run)) (local.get $n)))
      (call $sort_merge (local.get $recs) (local.get $tmp) (local.get $lo) (local.get $mid)
                        (local.get $hi) (local.get $less) (local.get $reverse))
      (local.set $lo (local.get $hi))
      (br $pair)))
    (local.set $swap (local.get $recs))
    (local.set $recs (local.get $tmp))
    (local.set $tmp (local.get $swap))
    (local.set $run (i32.shl (local.get $run) (i32.const 1)))
    (br $pass)))
  ;; write the values back in their new order
  (local.set $i (i32.const 0))
  (block $done (loop $back
    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
    (if (i32.eq (local.get $width) (i32.const 8))
      (then (i64.store (i32.add (local.get $items) (i32.shl (local.get $i) (i32.const 3)))
                       (i64.load offset=8 (i32.add (local.get $recs) (i32.shl (local.get $i) (i32.const 4))))))
      (else (i32.store (i32.add (local.get $items) (i32.shl (local.get $i) (i32.const 2)))
                       (i32.wrap_i64 (i64.load offset=8 (i32.add (local.get $recs)
                                                                 (i32.shl (local.get $i) (i32.const 4))))))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $back))))

;; $sort_slot: element i of an items block of element width 4 or 8, as i64.
(func $sort_slot (param $items i32) (param $width i32) (param $i i32) (result i64)
  (if (result i64) (i32.eq (local.get $width) (i32.const 8))
    (then (i64.load (i32.add (local.get $items) (i32.shl (local.get $i) (i32.const 3)))))
    (else (i64.extend_i32_u (i32.load (i32.add (local.get $items) (i32.shl (local.get $i) (i32.const 2))))))))

(func $sort_min (param $a i32) (param $b i32) (result i32)
  (select (local.get $a) (local.get $b) (i32.lt_u (local.get $a) (local.get $b))))

;; $sort_merge: merges the sorted record runs src[lo:mid] and src[mid:hi] into
;; dst[lo:hi].  Takes from the right run only when it is strictly first, so
;; equal keys keep their order (stability); reverse swaps the comparison.
(func $sort_merge (param $src i32) (param $dst i32) (param $lo i32) (param $mid i32)
                  (param $hi i32) (param $less i32) (param $reverse i32)
  (local $i i32) (local $j i32) (local $k i32) (local $take_right i32) (local $a i64) (local $b i64)
  (local.set $i (local.get $lo))
  (local.set $j (local.get $mid))
  (local.set $k (local.get $lo))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $k) (local.get $hi)))
    (if (i32.ge_u (local.get $i) (local.get $mid))
      (then (local.set $take_right (i32.const 1)))
      (else
        (if (i32.ge_u (local.get $j) (local.get $hi))
          (then (local.set $take_right (i32.const 0)))
          (else
            (local.set $a (i64.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 4)))))
            (local.set $b (i64.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 4)))))
            (local.set $take_right
              (if (result i32) (local.get $reverse)
                (then (call_indirect (param i64 i64) (result i32) (local.get $a) (local.get $b) (local.get $less)))
                (else (call_indirect (param i64 i64) (result i32) (local.get $b) (local.get $a) (local.get $less)))))))))
    (if (local.get $take_right)
      (then
        (memory.copy (i32.add (local.get $dst) (i32.shl (local.get $k) (i32.const 4)))
                     (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 4))) (i32.const 16))
        (local.set $j (i32.add (local.get $j) (i32.const 1))))
      (else
        (memory.copy (i32.add (local.get $dst) (i32.shl (local.get $k) (i32.const 4)))
                     (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 4))) (i32.const 16))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))))
    (local.set $k (i32.add (local.get $k) (i32.const 1)))
    (br $next))))
