;; str_text.wat -- str methods that transform text: strip, lstrip, rstrip,
;; split, replace (the case methods are in str_case.wat).

;; $rt_is_space: 1 when code point cp is whitespace for str.isspace(),
;; str.split() and str.strip() (CPython's list: bidirectional class WS, B
;; or S, or category Zs).
(func $rt_is_space (param $cp i32) (result i32)
  (if (i32.lt_u (local.get $cp) (i32.const 0x80))
    (then
      (return (i32.or (i32.eq (local.get $cp) (i32.const 0x20))
                      (i32.or (i32.sub (i32.lt_u (local.get $cp) (i32.const 0x0E))
                                       (i32.lt_u (local.get $cp) (i32.const 0x09)))
                              (i32.sub (i32.lt_u (local.get $cp) (i32.const 0x20))
                                       (i32.lt_u (local.get $cp) (i32.const 0x1C))))))))
  (if (i32.or (i32.eq (local.get $cp) (i32.const 0x85)) (i32.eq (local.get $cp) (i32.const 0xA0)))
    (then (return (i32.const 1))))
  (if (i32.lt_u (local.get $cp) (i32.const 0x1680)) (then (return (i32.const 0))))
  (i32.or
    (i32.or (i32.eq (local.get $cp) (i32.const 0x1680))
            (i32.and (i32.ge_u (local.get $cp) (i32.const 0x2000)) (i32.le_u (local.get $cp) (i32.const 0x200A))))
    (i32.or (i32.or (i32.eq (local.get $cp) (i32.const 0x2028)) (i32.eq (local.get $cp) (i32.const 0x2029)))
            (i32.or (i32.or (i32.eq (local.get $cp) (i32.const 0x202F)) (i32.eq (local.get $cp) (i32.const 0x205F)))
                    (i32.eq (local.get $cp) (i32.const 0x3000))))))

;; $str_strip_char: 1 when code point cp is stripped: whitespace when chars
;; is 0, else when cp is one of the code points of the str chars.
(func $str_strip_char (param $cp i32) (param $chars i32) (result i32)
  (local $p i32)
  (local $end i32)
  (if (i32.eqz (local.get $chars)) (then (return (call $rt_is_space (local.get $cp)))))
  (local.set $p (i32.add (local.get $chars) (i32.const 12)))
  (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $chars))))
  (block $absent
    (loop $each
      (br_if $absent (i32.ge_u (local.get $p) (local.get $end)))
      (if (i32.eq (call $str_cp_at (local.get $p)) (local.get $cp)) (then (return (i32.const 1))))
      (local.set $p (i32.add (local.get $p) (call $str_char_len (i32.load8_u (local.get $p)))))
      (br $each)))
  (i32.const 0))

;; $str_strip_sides: the strip family; `sides` is 1 (left), 2 (right) or 3.
(func $str_strip_sides (param $s i32) (param $chars i32) (param $sides i32) (result i32)
  (local $base i32)
  (local $off i32)
  (local $end i32)
  (local $prev i32)
  (local.set $base (i32.add (local.get $s) (i32.const 12)))
  (local.set $end (i32.load offset=4 (local.get $s)))
  (if (i32.and (local.get $sides) (i32.const 1))
    (then
      (block $stop
        (loop $each
          (br_if $stop (i32.ge_u (local.get $off) (local.get $end)))
          (br_if $stop (i32.eqz (call $str_strip_char
                                  (call $str_cp_at (i32.add (local.get $base) (local.get $off)))
                                  (local.get $chars))))
          (local.set $off (i32.add (local.get $off)
                                   (call $str_char_len (i32.load8_u (i32.add (local.get $base) (local.get $off))))))
          (br $each)))))
  (if (i32.and (local.get $sides) (i32.const 2))
    (then
      (block $stop
        (loop $each
          (br_if $stop (i32.le_u (local.get $end) (local.get $off)))
          (local.set $prev (call $str_prev_offset (local.get $s) (local.get $end)))
          (br_if $stop (i32.eqz (call $str_strip_char
                                  (call $str_cp_at (i32.add (local.get $base) (local.get $prev)))
                                  (local.get $chars))))
          (local.set $end (local.get $prev))
          (br $each)))))
  (call $str_sub (local.get $s) (local.get $off) (i32.sub (local.get $end) (local.get $off))))

;; $str_strip / $str_lstrip / $str_rstrip: s.strip(chars) etc.; chars = 0
;; means None (strip whitespace).
(func $str_strip (param $s i32) (param $chars i32) (result i32)
  (call $str_strip_sides (local.get $s) (local.get $chars) (i32.const 3)))

(func $str_lstrip (param $s i32) (param $chars i32) (result i32)
  (call $str_strip_sides (local.get $s) (local.get $chars) (i32.const 1)))

(func $str_rstrip (param $s i32) (param $chars i32) (result i32)
  (call $str_strip_sides (local.get $s) (local.get $chars) (i32.const 2)))

;; $str_space_at: 1 when the character at byte offset off of s is whitespace.
(func $str_space_at (param $s i32) (param $off i32) (result i32)
  (call $rt_is_space (call $str_cp_at (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off)))))

;; $str_next_offset: byte offset of the character after the one at off.
(func $str_next_offset (param $s i32) (param $off i32) (result i32)
  (i32.add (local.get $off)
           (call $str_char_len (i32.load8_u (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))))))

;; $str_split: s.split(sep, maxsplit) as a list[str] ($rt_desc_list_ptr);
;; sep = 0 means None (runs of whitespace separate, leading and trailing
;; whitespace give no empty items); maxsplit < 0 means no limit.
;; ValueError (code 9) for an empty sep.
(func $str_split (param $s i32) (param $sep i32) (param $maxsplit i64) (result i32)
  (local $out i32)
  (local $n i32)
  (local $i i32)
  (local $j i32)
  (local $at i32)
  (local $piece i32)
  (if (i64.lt_s (local.get $maxsplit) (i64.const 0))
    (then (local.set $maxsplit (i64.const 0x7FFFFFFFFFFFFFFF))))
  (if (local.get $sep)
    (then
      (if (i32.eqz (i32.load offset=4 (local.get $sep)))
        (then
          (call $pwc_raise (i32.const 9) (i64.const 0))
          (return (i32.const 0))))))
  (local.set $out (call $list_new (global.get $rt_desc_list_ptr) (i32.const 0)))
  (if (i32.eqz (local.get $out)) (then (return (i32.const 0))))
  (local.set $n (i32.load offset=4 (local.get $s)))
  (if (local.get $sep)
    (then
      ;; explicit separator: every occurrence splits, empty pieces included
      (block $last
        (loop $each
          (br_if $last (i64.eqz (local.get $maxsplit)))
          (local.set $at (call $rt_memfind (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $i))
                                           (i32.sub (local.get $n) (local.get $i))
                                           (i32.add (local.get $sep) (i32.const 12))
                                           (i32.load offset=4 (local.get $sep))))
          (br_if $last (i32.lt_s (local.get $at) (i32.const 0)))
          (local.set $piece (call $str_sub (local.get $s) (local.get $i) (local.get $at)))
          (if (i32.eqz (local.get $piece)) (then (return (i32.const 0))))
          (call $list_append4 (local.get $out) (local.get $piece))
          (local.set $i (i32.add (i32.add (local.get $i) (local.get $at)) (i32.load offset=4 (local.get $sep))))
          (local.set $maxsplit (i64.sub (local.get $maxsplit) (i64.const 1)))
          (br $each)))
      (call $list_append4 (local.get $out) (call $str_sub (local.get $s) (local.get $i)
                                                 (i32.sub (local.get $n) (local.get $i))))
      (return (local.get $out))))
  ;; sep None: words between runs of whitespace
  (block $words_done
    (loop $word
      (br_if $words_done (i64.eqz (local.get $maxsplit)))
      (block $skipped
        (loop $skip
          (br_if $skipped (i32.ge_u (local.get $i) (local.get $n)))
          (br_if $skipped (i32.eqz (call $str_space_at (local.get $s) (local.get $i))))
          (local.set $i (call $str_next_offset (local.get $s) (local.get $i)))
          (br $skip)))
      (br_if $words_done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $j (local.get $i))
      (block $word_end
        (loop $in_word
          (br_if $word_end (i32.ge_u (local.get $i) (local.get $n)))
          (br_if $word_end (call $str_space_at (local.get $s) (local.get $i)))
          (local.set $i (call $str_next_offset (local.get $s) (local.get $i)))
          (br $in_word)))
      (local.set $piece (call $str_sub (local.get $s) (local.get $j) (i32.sub (local.get $i) (local.get $j))))
      (if (i32.eqz (local.get $piece)) (then (return (i32.const 0))))
      (call $list_append4 (local.get $out) (local.get $piece))
      (local.set $maxsplit (i64.sub (local.get $maxsplit) (i64.const 1)))
      (br $word)))
  ;; maxsplit reached: the rest, without its leading whitespace, is the last item
  (if (i32.lt_u (local.get $i) (local.get $n))
    (then
      (block $skipped
        (loop $skip
          (br_if $skipped (i32.ge_u (local.get $i) (local.get $n)))
          (br_if $skipped (i32.eqz (call $str_space_at (local.get $s) (local.get $i))))
          (local.set $i (call $str_next_offset (local.get $s) (local.get $i)))
          (br $skip)))
      (if (i32.lt_u (local.get $i) (local.get $n))
        (then
          (call $list_append4 (local.get $out)
            (call $str_sub (local.get $s) (local.get $i) (i32.sub (local.get $n) (local.get $i))))))))
  (local.get $out))

;; $str_replace: s.replace(old, new, count); count < 0 means all.  An empty
;; old inserts new before every character and at the end (up to count
;; times), as CPython.  Returns s itself when nothing is replaced.
(func $str_replace (param $s i32) (param $old i32) (param $new i32) (param $count i64) (result i32)
  (local $n i32)
  (local $lo i32)
  (local $ln i32)
  (local $matches i32)
  (local $i i32)
  (local $at i32)
  (local $r i32)
  (local $dst i32)
  (local $k i32)
  (local $c i32)
  (local.set $n (i32.load offset=4 (local.get $s)))
  (local.set $lo (i32.load offset=4 (local.get $old)))
  (local.set $ln (i32.load offset=4 (local.get $new)))
  (if (i64.lt_s (local.get $count) (i64.const 0))
    (then (local.set $count (i64.const 0x7FFFFFFFFFFFFFFF))))
  ;; count the replacements
  (if (i32.eqz (local.get $lo))
    (then
      (local.set $matches (i32.wrap_i64
        (select (local.get $count) (i64.add (i64.extend_i32_u (i32.load offset=8 (local.get $s))) (i64.const 1))
                (i64.lt_u (local.get $count) (i64.add (i64.extend_i32_u (i32.load offset=8 (local.get $s)))
                                                      (i64.const 1)))))))
    (else
      (block $counted
        (loop $each
          (br_if $counted (i64.le_s (local.get $count) (i64.extend_i32_u (local.get $matches))))
          (local.set $at (call $rt_memfind (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $i))
                                           (i32.sub (local.get $n) (local.get $i))
                                           (i32.add (local.get $old) (i32.const 12)) (local.get $lo)))
          (br_if $counted (i32.lt_s (local.get $at) (i32.const 0)))
          (local.set $matches (i32.add (local.get $matches) (i32.const 1)))
          (local.set $i (i32.add (i32.add (local.get $i) (local.get $at)) (local.get $lo)))
          (br $each)))))
  (if (i32.eqz (local.get $matches)) (then (return (local.get $s))))
  ;; many long insertions may pass 4 GiB: the size in i64 (the code points
  ;; are fewer than the bytes, so their i32 count is right when this fits)
  (if (i64.gt_s (i64.add (i64.extend_i32_u (local.get $n))
                         (i64.mul (i64.extend_i32_u (local.get $matches))
                                  (i64.sub (i64.extend_i32_u (local.get $ln)) (i64.extend_i32_u (local.get $lo)))))
                (i64.const 0x7FFF0000))
    (then (return (call $rt_no_memory))))
  (local.set $r (call $str_alloc_bare
    (i32.add (local.get $n) (i32.mul (local.get $matches) (i32.sub (local.get $ln) (local.get $lo))))
    (i32.add (i32.load offset=8 (local.get $s))
             (i32.mul (local.get $matches) (i32.sub (i32.load offset=8 (local.get $new))
                                                    (i32.load offset=8 (local.get $old)))))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (local.set $dst (i32.add (local.get $r) (i32.const 12)))
  (local.set $i (i32.const 0))
  (block $built
    (loop $each
      (br_if $built (i32.ge_u (local.get $k) (local.get $matches)))
      (if (i32.eqz (local.get $lo))
        (then
          ;; new, then the next character
          (memory.copy (local.get $dst) (i32.add (local.get $new) (i32.const 12)) (local.get $ln))
          (local.set $dst (i32.add (local.get $dst) (local.get $ln)))
          (if (i32.lt_u (local.get $i) (local.get $n))
            (then
              (local.set $c (i32.sub (call $str_next_offset (local.get $s) (local.get $i)) (local.get $i)))
              (memory.copy (local.get $dst) (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $i))
                           (local.get $c))
              (local.set $dst (i32.add (local.get $dst) (local.get $c)))
              (local.set $i (i32.add (local.get $i) (local.get $c))))))
        (else
          ;; the text before the match, then new
          (local.set $at (call $rt_memfind (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $i))
                                           (i32.sub (local.get $n) (local.get $i))
                                           (i32.add (local.get $old) (i32.const 12)) (local.get $lo)))
          (memory.copy (local.get $dst) (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $i))
                       (local.get $at))
          (local.set $dst (i32.add (local.get $dst) (local.get $at)))
          (memory.copy (local.get $dst) (i32.add (local.get $new) (i32.const 12)) (local.get $ln))
          (local.set $dst (i32.add (local.get $dst) (local.get $ln)))
          (local.set $i (i32.add (i32.add (local.get $i) (local.get $at)) (local.get $lo)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $each)))
  ;; the rest of s
  (memory.copy (local.get $dst) (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $i))
               (i32.sub (local.get $n) (local.get $i)))
  (local.get $r))
