;; str_case.wat -- the str methods that follow the Unicode tables
;; (unicode.wat): lower, upper, casefold, swapcase, capitalize, title and
;; the character-class predicates isalpha ... isidentifier, as CPython's
;; Objects/unicodeobject.c does them.

;; $str_ascii_case: a copy of the ASCII str s with the letters in
;; [lo, lo+25] moved by `delta` (lower: 'A', +32; upper: 'a', -32).  The
;; fast path of lower, upper and casefold: ASCII maps to ASCII one to one.
(func $str_ascii_case (param $s i32) (param $lo i32) (param $delta i32) (result i32)
  (local $r i32)
  (local $i i32)
  (local $n i32)
  (local $c i32)
  (local.set $n (i32.load offset=4 (local.get $s)))
  (local.set $r (call $str_alloc_bare (local.get $n) (local.get $n)))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u offset=12 (i32.add (local.get $s) (local.get $i))))
      (if (i32.lt_u (i32.sub (local.get $c) (local.get $lo)) (i32.const 26))
        (then (local.set $c (i32.add (local.get $c) (local.get $delta)))))
      (i32.store8 offset=12 (i32.add (local.get $r) (local.get $i)) (local.get $c))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
  (local.get $r))

;; $str_is_ascii: 1 when every character of s is ASCII.
(func $str_is_ascii (param $s i32) (result i32)
  (i32.eq (i32.load offset=4 (local.get $s)) (i32.load offset=8 (local.get $s))))

;; $str_final_sigma: 1 when the capital sigma at byte offset off of s ends a
;; word, so that lowering it gives the final form (U+03C2): a cased
;; character comes before it and none after it, case-ignorable characters
;; skipped both ways.
(func $str_final_sigma (param $s i32) (param $off i32) (param $cased i32) (param $ignorable i32)
                       (result i32)
  (local $p i32)
  (local $cp i32)
  (local.set $p (local.get $off))
  (loop $back
    (if (i32.eqz (local.get $p)) (then (return (i32.const 0))))
    (local.set $p (call $str_prev_offset (local.get $s) (local.get $p)))
    (local.set $cp (call $str_cp_at (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $p))))
    (br_if $back (call $ucd_has (local.get $ignorable) (local.get $cp))))
  (if (i32.eqz (call $ucd_has (local.get $cased) (local.get $cp))) (then (return (i32.const 0))))
  (local.set $p (i32.add (local.get $off) (i32.const 2)))   ;; U+03A3 is 2 bytes
  (loop $ahead
    (if (i32.ge_u (local.get $p) (i32.load offset=4 (local.get $s))) (then (return (i32.const 1))))
    (local.set $cp (call $str_cp_at (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $p))))
    (local.set $p (call $str_next_offset (local.get $s) (local.get $p)))
    (br_if $ahead (call $ucd_has (local.get $ignorable) (local.get $cp))))
  (i32.eqz (call $ucd_has (local.get $cased) (local.get $cp))))

;; $str_recase_pass: maps every character of s, writing the result at dst
;; (or only measuring it when dst is 0); returns its byte length, with its
;; code point count in the high 32 bits.  The first character of a word maps
;; through the table `first`, the others through `rest`.  A word starts at
;; index 0 only, or, when `words` is 1, after every character that is not
;; cased (str.title).  When `ignorable` is not 0, a capital sigma mapped
;; through `rest` follows the final-sigma rule instead ($str_final_sigma).
(func $str_recase_pass (param $s i32) (param $dst i32) (param $first i32) (param $rest i32)
                       (param $words i32) (param $cased i32) (param $ignorable i32) (result i64)
  (local $off i32)
  (local $cp i32)
  (local $to i64)
  (local $word_start i32)
  (local $bytes i32)
  (local $cps i32)
  (local.set $word_start (i32.const 1))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $off) (i32.load offset=4 (local.get $s))))
      (local.set $cp (call $str_cp_at (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))))
      (if (local.get $word_start)
        (then (local.set $to (call $ucd_map (local.get $first) (local.get $cp))))
        (else
          (if (i32.and (i32.ne (local.get $ignorable) (i32.const 0))
                       (i32.eq (local.get $cp) (i32.const 0x3A3)))
            (then
              (local.set $to (select (i64.const 0x3C2) (i64.const 0x3C3)
                                     (call $str_final_sigma (local.get $s) (local.get $off)
                                                            (local.get $cased) (local.get $ignorable)))))
            (else (local.set $to (call $ucd_map (local.get $rest) (local.get $cp)))))))
      (local.set $word_start (i32.const 0))
      (if (local.get $words)
        (then (local.set $word_start (i32.eqz (call $ucd_has (local.get $cased) (local.get $cp))))))
      ;; one to three code points
      (loop $put
        (local.set $bytes (i32.add (local.get $bytes)
          (call $rt_utf8_put (select (i32.add (local.get $dst) (local.get $bytes)) (i32.const 0)
                                     (local.get $dst))
                             (i32.wrap_i64 (i64.and (local.get $to) (i64.const 0x1FFFFF))))))
        (local.set $cps (i32.add (local.get $cps) (i32.const 1)))
        (local.set $to (i64.shr_u (local.get $to) (i64.const 21)))
        (br_if $put (i64.ne (local.get $to) (i64.const 0))))
      (local.set $off (call $str_next_offset (local.get $s) (local.get $off)))
      (br $each)))
  (i64.or (i64.extend_i32_u (local.get $bytes)) (i64.shl (i64.extend_i32_u (local.get $cps)) (i64.const 32))))

;; $str_recase: s with its characters mapped as $str_recase_pass says, a new str.
(func $str_recase (param $s i32) (param $first i32) (param $rest i32) (param $words i32)
                  (param $cased i32) (param $ignorable i32) (result i32)
  (local $size i64)
  (local $r i32)
  (local.set $size (call $str_recase_pass (local.get $s) (i32.const 0) (local.get $first) (local.get $rest)
                                          (local.get $words) (local.get $cased) (local.get $ignorable)))
  (local.set $r (call $str_alloc_bare (i32.wrap_i64 (local.get $size))
                                 (i32.wrap_i64 (i64.shr_u (local.get $size) (i64.const 32)))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (drop (call $str_recase_pass (local.get $s) (i32.add (local.get $r) (i32.const 12)) (local.get $first)
                               (local.get $rest) (local.get $words) (local.get $cased) (local.get $ignorable)))
  (local.get $r))

;; The case methods: s.lower(), s.upper(), s.casefold(), s.swapcase(),
;; s.capitalize(), s.title().  As CPython, lower, swapcase, capitalize and
;; title (but not casefold) write a capital sigma that ends a word as the
;; final sigma; capitalize and title start words with the title-case mapping.
(func $str_lower (param $s i32) (result i32)
  (if (call $str_is_ascii (local.get $s))
    (then (return (call $str_ascii_case (local.get $s) (i32.const 65) (i32.const 32)))))
  (call $str_recase (local.get $s) (global.get $ucd_to_lower) (global.get $ucd_to_lower) (i32.const 0)
                    (global.get $ucd_cased) (global.get $ucd_case_ignorable)))

(func $str_upper (param $s i32) (result i32)
  (if (call $str_is_ascii (local.get $s))
    (then (return (call $str_ascii_case (local.get $s) (i32.const 97) (i32.const -32)))))
  (call $str_recase (local.get $s) (global.get $ucd_to_upper) (global.get $ucd_to_upper) (i32.const 0)
                    (i32.const 0) (i32.const 0)))

(func $str_casefold (param $s i32) (result i32)
  (if (call $str_is_ascii (local.get $s))
    (then (return (call $str_ascii_case (local.get $s) (i32.const 65) (i32.const 32)))))
  (call $str_recase (local.get $s) (global.get $ucd_to_fold) (global.get $ucd_to_fold) (i32.const 0)
                    (i32.const 0) (i32.const 0)))

(func $str_swapcase (param $s i32) (result i32)
  (call $str_recase (local.get $s) (global.get $ucd_to_swap) (global.get $ucd_to_swap) (i32.const 0)
                    (global.get $ucd_cased) (global.get $ucd_case_ignorable)))

(func $str_capitalize (param $s i32) (result i32)
  (call $str_recase (local.get $s) (global.get $ucd_to_title) (global.get $ucd_to_lower) (i32.const 0)
                    (global.get $ucd_cased) (global.get $ucd_case_ignorable)))

(func $str_title (param $s i32) (result i32)
  (call $str_recase (local.get $s) (global.get $ucd_to_title) (global.get $ucd_to_lower) (i32.const 1)
                    (global.get $ucd_cased) (global.get $ucd_case_ignorable)))

;; $str_all_from: 1 when the property table holds every character of s
;; from byte offset off on (also when there is none).
(func $str_all_from (param $s i32) (param $off i32) (param $table i32) (result i32)
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $off) (i32.load offset=4 (local.get $s))))
      (if (i32.eqz (call $ucd_has (local.get $table)
                                  (call $str_cp_at (i32.add (i32.add (local.get $s) (i32.const 12))
                                                            (local.get $off)))))
        (then (return (i32.const 0))))
      (local.set $off (call $str_next_offset (local.get $s) (local.get $off)))
      (br $each)))
  (i32.const 1))

;; $str_all_in: 1 when s is not empty and the property table holds each of
;; its characters.
(func $str_all_in (param $s i32) (param $table i32) (result i32)
  (if (i32.eqz (i32.load offset=4 (local.get $s))) (then (return (i32.const 0))))
  (call $str_all_from (local.get $s) (i32.const 0) (local.get $table)))

;; The predicates that hold when every character has one property.
(func $str_isalpha (param $s i32) (result i32)
  (call $str_all_in (local.get $s) (global.get $ucd_alpha)))

(func $str_isdecimal (param $s i32) (result i32)
  (call $str_all_in (local.get $s) (global.get $ucd_decimal)))

(func $str_isdigit (param $s i32) (result i32)
  (call $str_all_in (local.get $s) (global.get $ucd_digit)))

(func $str_isnumeric (param $s i32) (result i32)
  (call $str_all_in (local.get $s) (global.get $ucd_numeric)))

(func $str_isalnum (param $s i32) (result i32)
  (call $str_all_in (local.get $s) (global.get $ucd_alnum)))

;; $str_isprintable: s.isprintable() -- true for "".
(func $str_isprintable (param $s i32) (result i32)
  (call $str_all_from (local.get $s) (i32.const 0) (global.get $ucd_printable)))

;; $str_isidentifier: s.isidentifier(): an XID_Start character or "_", then
;; XID_Continue characters.
(func $str_isidentifier (param $s i32) (result i32)
  (local $first i32)
  (if (i32.eqz (i32.load offset=4 (local.get $s))) (then (return (i32.const 0))))
  (local.set $first (call $str_cp_at (i32.add (local.get $s) (i32.const 12))))
  (if (i32.and (i32.ne (local.get $first) (i32.const 95))
               (i32.eqz (call $ucd_has (global.get $ucd_xid_start) (local.get $first))))
    (then (return (i32.const 0))))
  (call $str_all_from (local.get $s) (call $str_next_offset (local.get $s) (i32.const 0))
                      (global.get $ucd_xid_continue)))

;; $str_isascii: s.isascii().
(func $str_isascii (param $s i32) (result i32)
  (call $str_is_ascii (local.get $s)))

;; $str_cased_as: s.isupper() (yes = upper, no = lower) or s.islower() (yes
;; = lower, no = upper): no character in `no` nor title case, one at least
;; in `yes`.
(func $str_cased_as (param $s i32) (param $yes i32) (param $no i32) (result i32)
  (local $off i32)
  (local $cp i32)
  (local $cased i32)
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $off) (i32.load offset=4 (local.get $s))))
      (local.set $cp (call $str_cp_at (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))))
      (if (i32.or (call $ucd_has (local.get $no) (local.get $cp))
                  (call $ucd_has (global.get $ucd_title) (local.get $cp)))
        (then (return (i32.const 0))))
      (local.set $cased (i32.or (local.get $cased) (call $ucd_has (local.get $yes) (local.get $cp))))
      (local.set $off (call $str_next_offset (local.get $s) (local.get $off)))
      (br $each)))
  (local.get $cased))

(func $str_isupper (param $s i32) (result i32)
  (call $str_cased_as (local.get $s) (global.get $ucd_upper) (global.get $ucd_lower)))

(func $str_islower (param $s i32) (result i32)
  (call $str_cased_as (local.get $s) (global.get $ucd_lower) (global.get $ucd_upper)))

;; $str_istitle: s.istitle(): upper- and title-case characters only start
;; words, lower-case ones only continue them, and there is a cased one.
(func $str_istitle (param $s i32) (result i32)
  (local $off i32)
  (local $cp i32)
  (local $cased i32)
  (local $in_word i32)
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $off) (i32.load offset=4 (local.get $s))))
      (local.set $cp (call $str_cp_at (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))))
      (if (i32.or (call $ucd_has (global.get $ucd_upper) (local.get $cp))
                  (call $ucd_has (global.get $ucd_title) (local.get $cp)))
        (then
          (if (local.get $in_word) (then (return (i32.const 0))))
          (local.set $in_word (i32.const 1))
          (local.set $cased (i32.const 1)))
        (else
          (if (call $ucd_has (global.get $ucd_lower) (local.get $cp))
            (then
              (if (i32.eqz (local.get $in_word)) (then (return (i32.const 0))))
              (local.set $cased (i32.const 1)))
            (else (local.set $in_word (i32.const 0))))))
      (local.set $off (call $str_next_offset (local.get $s) (local.get $off)))
      (br $each)))
  (local.get $cased))
