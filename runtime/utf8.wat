;; utf8.wat -- moving text between bytes and str.
;;
;; Inside, a str holds UTF-8 where lone surrogates (U+D800..U+DFFF) are
;; allowed and encoded like any other BMP code point (3 bytes, ED A0..BF xx;
;; "generalized UTF-8").  They appear in two ways: Python escapes such as
;; "\udc80", and bytes from the host that are not valid UTF-8, each of which
;; is held as U+DC00 + byte (Python's `surrogateescape`, always in
;; U+DC80..U+DCFF since bytes < 0x80 are valid ASCII).
;;
;;   $str_from_utf8  host bytes -> str, surrogateescape: never fails
;;   $str_to_host    str -> host bytes, surrogateescape: escapes -> raw bytes
;;   $str_host_text  where s's host bytes are: s's own unless it has escapes
;;   $str_encode     str.encode()  (strict: any surrogate raises code 7)
;;   $bytes_decode   bytes.decode() (strict: invalid UTF-8 raises code 6)
;;
;; Decoding follows CPython's UTF-8 decoder exactly (which byte sequences are
;; valid, and the error position, reason and length it reports).

;; $rt_utf8_step: decode the code point at p (p < end) from untrusted bytes.
;; On success returns (length << 24) | code point, length 1..4.  On error
;; returns a negative number 0x80000000 | (reason << 8) | bad_length where
;; reason is 1 "invalid start byte", 2 "invalid continuation byte",
;; 3 "unexpected end of data" and bad_length (1..3) the number of bytes
;; CPython reports as undecodable starting at p.
(func $rt_utf8_step (param $p i32) (param $end i32) (result i32)
  (local $cp i32)
  (local $n i32)
  (local $i i32)
  (local $lo i32)
  (local $hi i32)
  (local $b i32)
  (local.set $cp (i32.load8_u (local.get $p)))
  (if (i32.lt_u (local.get $cp) (i32.const 0x80))
    (then (return (i32.or (i32.const 0x01000000) (local.get $cp)))))
  ;; lead bytes are C2..F4: 80..BF are continuation bytes, C0 and C1 would
  ;; give overlong ASCII, F5.. more than U+10FFFF
  (if (i32.gt_u (i32.sub (local.get $cp) (i32.const 0xC2)) (i32.const 0x32))
    (then (return (i32.const 0x80000101))))
  ;; n bytes in all: 2 for C2..DF, 3 for E0..EF, 4 for F0..F4
  (local.set $n (i32.add (i32.add (i32.const 2) (i32.ge_u (local.get $cp) (i32.const 0xE0)))
                         (i32.ge_u (local.get $cp) (i32.const 0xF0))))
  ;; the second byte's range leaves out overlong forms (after E0, F0),
  ;; surrogates (after ED) and code points above U+10FFFF (after F4)
  (local.set $lo (select (i32.const 0xA0)
                         (select (i32.const 0x90) (i32.const 0x80) (i32.eq (local.get $cp) (i32.const 0xF0)))
                         (i32.eq (local.get $cp) (i32.const 0xE0))))
  (local.set $hi (select (i32.const 0x9F)
                         (select (i32.const 0x8F) (i32.const 0xBF) (i32.eq (local.get $cp) (i32.const 0xF4)))
                         (i32.eq (local.get $cp) (i32.const 0xED))))
  (local.set $cp (i32.and (local.get $cp) (i32.shr_u (i32.const 0x7F) (local.get $n))))
  (local.set $i (i32.const 1))
  (loop $next
    ;; i bytes were good: that many are reported
    (if (i32.ge_u (local.get $i) (i32.sub (local.get $end) (local.get $p)))
      (then (return (i32.or (i32.const 0x80000300) (local.get $i)))))
    (local.set $b (i32.load8_u (i32.add (local.get $p) (local.get $i))))
    (if (i32.or (i32.lt_u (local.get $b) (local.get $lo)) (i32.gt_u (local.get $b) (local.get $hi)))
      (then (return (i32.or (i32.const 0x80000200) (local.get $i)))))
    (local.set $lo (i32.const 0x80))
    (local.set $hi (i32.const 0xBF))
    (local.set $cp (i32.or (i32.shl (local.get $cp) (i32.const 6)) (i32.and (local.get $b) (i32.const 0x3F))))
    (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
  (i32.or (i32.shl (local.get $n) (i32.const 24)) (local.get $cp)))

;; $rt_ascii_end: the address of the first byte >= 0x80 in [p, end), or end.
;; Header maps and JSON are mostly ASCII: testing 16 bytes per step (then
;; 8, 4, single bytes) makes decoding them under 2 instructions a byte
;; instead of a call of $rt_utf8_step each.
(func $rt_ascii_end (param $p i32) (param $end i32) (result i32)
  (block $pairs_done
    (loop $pairs
      (br_if $pairs_done (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 16)))
      (br_if $pairs_done (i64.ne (i64.and (i64.or (i64.load (local.get $p)) (i64.load offset=8 (local.get $p)))
                                          (i64.const 0x8080808080808080))
                                 (i64.const 0)))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br $pairs)))
  (block $words_done
    (loop $words
      (br_if $words_done (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 8)))
      (br_if $words_done (i64.ne (i64.and (i64.load (local.get $p)) (i64.const 0x8080808080808080))
                                 (i64.const 0)))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $words)))
  (if (i32.ge_u (i32.sub (local.get $end) (local.get $p)) (i32.const 4))
    (then
      (if (i32.eqz (i32.and (i32.load (local.get $p)) (i32.const 0x80808080)))
        (then (local.set $p (i32.add (local.get $p) (i32.const 4)))))))
  (block $done
    (loop $bytes
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (br_if $done (i32.ge_u (i32.load8_u (local.get $p)) (i32.const 0x80)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $bytes)))
  (local.get $p))

;; $str_from_utf8: a str from len bytes at ptr, decoded with surrogateescape
;; (each byte of an invalid sequence becomes U+DC00 + byte).  Never fails
;; except for MemoryError (returns 0).  Valid input is copied in one go.
(func $str_from_utf8 (param $ptr i32) (param $len i32) (result i32)
  (local $end i32)
  (local $p i32)
  (local $q i32)
  (local $r i32)
  (local $out_len i32)
  (local $bad i32)
  (local $cps i32)
  (local $s i32)
  (local $dst i32)
  (local $b i32)
  (local.set $end (i32.add (local.get $ptr) (local.get $len)))
  ;; pass 1: count the code points (runs of ASCII skipped in one go) and the
  ;; bytes of invalid sequences, each of which becomes a 3-byte escape
  (local.set $p (local.get $ptr))
  (block $measured
    (loop $each
      (local.set $q (call $rt_ascii_end (local.get $p) (local.get $end)))
      (local.set $cps (i32.add (local.get $cps) (i32.sub (local.get $q) (local.get $p))))
      (local.set $p (local.get $q))
      (br_if $measured (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $r (call $rt_utf8_step (local.get $p) (local.get $end)))
      (local.set $cps (i32.add (local.get $cps) (i32.const 1)))
      (local.set $bad (i32.add (local.get $bad) (i32.lt_s (local.get $r) (i32.const 0))))
      (local.set $p (i32.add (local.get $p)
                             (select (i32.const 1) (i32.shr_u (local.get $r) (i32.const 24))
                                     (i32.lt_s (local.get $r) (i32.const 0)))))
      (br $each)))
  ;; (in i64: 3 bytes for each of 1.5 GB would wrap an i32)
  (if (i64.gt_u (i64.add (i64.extend_i32_u (local.get $len))
                         (i64.shl (i64.extend_i32_u (local.get $bad)) (i64.const 1)))
                (i64.const 0x7FFF0000))
    (then (return (call $rt_no_memory))))
  (local.set $out_len (i32.add (local.get $len) (i32.shl (local.get $bad) (i32.const 1))))
  (local.set $s (call $str_alloc_bare (local.get $out_len) (local.get $cps)))
  (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
  (local.set $dst (i32.add (local.get $s) (i32.const 12)))
  (if (i32.eq (local.get $out_len) (local.get $len))
    (then
      (memory.copy (local.get $dst) (local.get $ptr) (local.get $len))
      (return (local.get $s))))
  ;; pass 2: copy valid sequences, escape the bytes of invalid ones
  (local.set $p (local.get $ptr))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $r (call $rt_utf8_step (local.get $p) (local.get $end)))
      (if (i32.lt_s (local.get $r) (i32.const 0))
        (then
          ;; U+DC00 + b for b in 80..FF is ED B2 80 .. ED B3 BF
          (local.set $b (i32.load8_u (local.get $p)))
          (i32.store8 (local.get $dst) (i32.const 0xED))
          (i32.store8 offset=1 (local.get $dst) (i32.or (i32.const 0xB0) (i32.shr_u (local.get $b) (i32.const 6))))
          (i32.store8 offset=2 (local.get $dst) (i32.or (i32.const 0x80) (i32.and (local.get $b) (i32.const 0x3F))))
          (local.set $dst (i32.add (local.get $dst) (i32.const 3)))
          (local.set $p (i32.add (local.get $p) (i32.const 1))))
        (else
          (local.set $r (i32.shr_u (local.get $r) (i32.const 24)))
          (memory.copy (local.get $dst) (local.get $p) (local.get $r))
          (local.set $dst (i32.add (local.get $dst) (local.get $r)))
          (local.set $p (i32.add (local.get $p) (local.get $r)))))
      (br $each)))
  (local.get $s))

;; $bytes_decode: b.decode() -- strict UTF-8.  On invalid input raises
;; UnicodeDecodeError (code 6) and returns 0; the i64 argument packs
;;   bits 0..7   the first undecodable byte
;;   bits 8..39  its position
;;   bits 40..47 reason: 1 invalid start byte, 2 invalid continuation byte,
;;               3 unexpected end of data
;;   bits 48..55 how many bytes are undecodable (1..3): CPython says
;;               "byte 0x.. in position N" for 1, "bytes in position N-M" else.
(func $bytes_decode (param $b i32) (result i32)
  (local $start i32)
  (local $end i32)
  (local $p i32)
  (local $r i32)
  (local $cps i32)
  (local $s i32)
  (local.set $start (i32.add (local.get $b) (i32.const 8)))
  (local.set $end (i32.add (local.get $start) (i32.load offset=4 (local.get $b))))
  (local.set $p (local.get $start))
  (block $valid
    (loop $each
      ;; a run of ASCII: as many code points as bytes
      (local.set $r (call $rt_ascii_end (local.get $p) (local.get $end)))
      (local.set $cps (i32.add (local.get $cps) (i32.sub (local.get $r) (local.get $p))))
      (local.set $p (local.get $r))
      (br_if $valid (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $r (call $rt_utf8_step (local.get $p) (local.get $end)))
      (if (i32.lt_s (local.get $r) (i32.const 0))
        (then
          (call $pwc_raise (i32.const 6)
            (i64.or
              (i64.or (i64.load8_u (local.get $p))
                      (i64.shl (i64.extend_i32_u (i32.sub (local.get $p) (local.get $start))) (i64.const 8)))
              (i64.or (i64.shl (i64.extend_i32_u (i32.and (i32.shr_u (local.get $r) (i32.const 8)) (i32.const 0xFF)))
                               (i64.const 40))
                      (i64.shl (i64.extend_i32_u (i32.and (local.get $r) (i32.const 0xFF)))
                               (i64.const 48)))))
          (return (i32.const 0))))
      (local.set $p (i32.add (local.get $p) (i32.shr_u (local.get $r) (i32.const 24))))
      (local.set $cps (i32.add (local.get $cps) (i32.const 1)))
      (br $each)))
  (local.set $s (call $str_alloc_bare (i32.load offset=4 (local.get $b)) (local.get $cps)))
  (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
  (memory.copy (i32.add (local.get $s) (i32.const 12)) (local.get $start) (i32.load offset=4 (local.get $b)))
  (local.get $s))

;; $str_char_len: length in bytes of the character whose lead byte is `b`
;; (in a str, which is always well formed).
(func $str_char_len (param $b i32) (result i32)
  (if (i32.lt_u (local.get $b) (i32.const 0x80)) (then (return (i32.const 1))))
  (if (i32.lt_u (local.get $b) (i32.const 0xE0)) (then (return (i32.const 2))))
  (if (i32.lt_u (local.get $b) (i32.const 0xF0)) (then (return (i32.const 3))))
  (i32.const 4))

;; $str_cp_at: the code point whose encoding starts at address p (in a str).
(func $str_cp_at (param $p i32) (result i32)
  (local $b i32)
  (local.set $b (i32.load8_u (local.get $p)))
  (if (i32.lt_u (local.get $b) (i32.const 0x80)) (then (return (local.get $b))))
  (if (i32.lt_u (local.get $b) (i32.const 0xE0))
    (then
      (return (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x1F)) (i32.const 6))
                      (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3F))))))
  (if (i32.lt_u (local.get $b) (i32.const 0xF0))
    (then
      (return (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x0F)) (i32.const 12))
                      (i32.or (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3F)) (i32.const 6))
                              (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3F)))))))
  (i32.or (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x07)) (i32.const 18))
                  (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3F)) (i32.const 12)))
          (i32.or (i32.shl (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3F)) (i32.const 6))
                  (i32.and (i32.load8_u offset=3 (local.get $p)) (i32.const 0x3F)))))

;; $str_is_surrogate_at: 1 when the character at address p is a surrogate
;; (ED followed by A0..BF).  The second byte is read only after an ED lead
;; byte: p may be the last byte of the last object in memory.
(func $str_is_surrogate_at (param $p i32) (result i32)
  (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0xED)) (then (return (i32.const 0))))
  (i32.ge_u (i32.load8_u offset=1 (local.get $p)) (i32.const 0xA0)))

;; $str_encode_error: raise UnicodeEncodeError (code 7) for the run of
;; surrogates starting at address `p` in s.  The i64 argument packs
;;   bits 0..31  position of the first surrogate of the run
;;   bits 32..42 its code point - 0xD800
;;   bits 43..63 run length - 1 (CPython says "character '\udcXX' in
;;               position N" for one surrogate, "characters in position N-M"
;;               for a run; runs longer than 2**21 are reported shorter)
;; Only errors need the position, so it is counted here, not while scanning.
(func $str_encode_error (param $s i32) (param $p i32)
  (local $q i32)
  (local $end i32)
  (local $pos i32)
  (local $run i64)
  (local.set $q (i32.add (local.get $s) (i32.const 12)))
  (local.set $end (i32.add (local.get $q) (i32.load offset=4 (local.get $s))))
  (local.set $pos (call $rt_cp_count (local.get $q) (i32.sub (local.get $p) (local.get $q))))
  (local.set $q (local.get $p))
  (block $counted
    (loop $more
      (local.set $q (i32.add (local.get $q) (i32.const 3)))
      (br_if $counted (i32.ge_u (local.get $q) (local.get $end)))
      (br_if $counted (i32.eqz (call $str_is_surrogate_at (local.get $q))))
      (br_if $counted (i64.eq (local.get $run) (i64.const 0x1FFFFF)))
      (local.set $run (i64.add (local.get $run) (i64.const 1)))
      (br $more)))
  ;; ED b1 b2 is U+D000 | (b1 & 3F) << 6 | (b2 & 3F), and b1 >= A0
  (call $pwc_raise (i32.const 7)
    (i64.or
      (i64.or (i64.extend_i32_u (local.get $pos))
              (i64.shl (i64.extend_i32_u
                         (i32.or (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x1F))
                                          (i32.const 6))
                                 (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3F))))
                       (i64.const 32)))
      (i64.shl (local.get $run) (i64.const 43)))))

;; $str_encode_scan: checks s for the host or for str.encode().  With
;; `escape` = 1 (surrogateescape), U+DC80..U+DCFF count as one byte each and
;; any other surrogate is an error (reported from it to the end of its run of
;; surrogates, as CPython: the escapes before it are fine); with `escape` = 0
;; any surrogate is.  Returns the encoded length, or -1 after raising
;; UnicodeEncodeError (code 7).  Steps a byte at a time: in a str (well
;; formed) an ED byte is always the lead byte of a character.
(func $str_encode_scan (param $s i32) (param $escape i32) (result i32)
  (local $p i32)
  (local $end i32)
  (local $len i32)
  (local.set $len (i32.load offset=4 (local.get $s)))
  (if (i32.eq (local.get $len) (i32.load offset=8 (local.get $s))) (then (return (local.get $len))))
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (local.set $end (i32.add (local.get $p) (local.get $len)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (if (call $str_is_surrogate_at (local.get $p))
        (then
          ;; an escape is ED B2 xx or ED B3 xx: 3 bytes here, 1 for the host
          (if (i32.or (i32.eqz (local.get $escape))
                      (i32.ne (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0xFE))
                              (i32.const 0xB2)))
            (then
              (call $str_encode_error (local.get $s) (local.get $p))
              (return (i32.const -1))))
          (local.set $len (i32.sub (local.get $len) (i32.const 2)))
          (local.set $p (i32.add (local.get $p) (i32.const 2)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $each)))
  (local.get $len))

;; $str_to_host: the bytes a host should see for s (surrogateescape: each
;; U+DC80..U+DCFF becomes the raw byte it stands for).  UnicodeEncodeError
;; (code 7) for other surrogates, as CPython.  Allocates one bytes object:
;; the one $str_host_text rewrote s into, or else a copy of s's own bytes.
(func $str_to_host (param $s i32) (result i32)
  (local $at i32)
  (local.set $at (i32.wrap_i64 (call $str_host_text (local.get $s))))
  (if (i32.eqz (local.get $at)) (then (return (i32.const 0))))
  (if (result i32) (i32.ne (local.get $at) (i32.add (local.get $s) (i32.const 12)))
    (then (i32.sub (local.get $at) (i32.const 8)))
    (else (call $bytes_from (local.get $at) (i32.load offset=4 (local.get $s))))))

;; $str_host_text: where the host bytes of s are (as $str_to_host), packed
;; (count << 32) | address for a host call that takes the pair; 0 after an
;; exception.  They are s's own bytes, copied nowhere, unless s holds
;; surrogate escapes: only then are they rewritten, into the bytes of a new
;; bytes object (at address - 8, which $str_to_host returns).  Either way
;; they live as long as s does.  UnicodeEncodeError (code 7) for other
;; surrogates.
(func $str_host_text (param $s i32) (result i64)
  (local $len i32)
  (local $at i32)
  (local.set $len (call $str_encode_scan (local.get $s) (i32.const 1)))
  (if (i32.lt_s (local.get $len) (i32.const 0)) (then (return (i64.const 0))))
  (local.set $at (i32.add (local.get $s) (i32.const 12)))
  (if (i32.ne (local.get $len) (i32.load offset=4 (local.get $s)))
    (then
      (local.set $at (call $bytes_alloc_bare (local.get $len)))
      (if (i32.eqz (local.get $at)) (then (return (i64.const 0))))
      (local.set $at (i32.add (local.get $at) (i32.const 8)))
      (call $str_host_write (local.get $s) (local.get $at) (local.get $len))))
  (i64.or (i64.shl (i64.extend_i32_u (local.get $len)) (i64.const 32))
          (i64.extend_i32_u (local.get $at))))

;; $str_host_write: writes the host bytes of s (as $str_to_host) at dst;
;; `len` is their count from $str_encode_scan(s, 1).  Allocates nothing.
(func $str_host_write (param $s i32) (param $dst i32) (param $len i32)
  (local $p i32)
  (local $end i32)
  (local $b i32)
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (if (i32.eq (local.get $len) (i32.load offset=4 (local.get $s)))
    (then
      ;; no escapes: the str's own bytes
      (memory.copy (local.get $dst) (local.get $p) (local.get $len))
      (return)))
  ;; byte by byte, as $str_encode_scan
  (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $s))))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $b (i32.load8_u (local.get $p)))
      (if (call $str_is_surrogate_at (local.get $p))
        (then
          ;; U+DC00 + b is ED B2|B3 xx: b's top bit from B3's low bit
          (local.set $b (i32.or (i32.shl (i32.load8_u offset=1 (local.get $p)) (i32.const 6))
                                (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3F))))
          (local.set $p (i32.add (local.get $p) (i32.const 2)))))
      (i32.store8 (local.get $dst) (local.get $b))
      (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $each))))

;; $str_encode: s.encode() (strict UTF-8): the str's bytes, or 0 after
;; raising UnicodeEncodeError (code 7) when s holds a surrogate.
(func $str_encode (param $s i32) (result i32)
  (local $len i32)
  (local.set $len (call $str_encode_scan (local.get $s) (i32.const 0)))
  (if (i32.lt_s (local.get $len) (i32.const 0)) (then (return (i32.const 0))))
  (call $bytes_from (i32.add (local.get $s) (i32.const 12)) (local.get $len)))
