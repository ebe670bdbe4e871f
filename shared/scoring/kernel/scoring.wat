;; SIMD kernel of the scoring engine for the common case: ungrouped metrics, every one
;; redistributing (the coverage numerator is the denominator), a segment whose rows are one
;; contiguous run of accounts. Four accounts per iteration, each as two f64x2 halves, with exactly
;; the scalar path's f64 arithmetic in the same metric order (see ../incremental.ts,
;; ../recompute.ts, ../state.ts): masked adds of +0 leave a sum unchanged, and f64x2.min/max
;; propagate NaN and order ±0 as Math.min/max do, so results are bit-equal.
;;
;; Two memories: "state" (memory 0: the engine's num, den, cnt, score, band, histogram scratch
;; and term table) and "matrix" (the sub-score columns and adjustment points). Callers pass counts
;; that are multiples of 4; the ≤ 3 rows left over go through the scalar path.

(module
  (import "env" "state" (memory $st 1))
  (import "env" "matrix" (memory $mx 1))

  ;; Engine state layout (byte offsets into "state"), set once by `bind`.
  (global $pNum (mut i32) (i32.const 0))
  (global $pDen (mut i32) (i32.const 0))
  (global $pCnt (mut i32) (i32.const 0))
  (global $pScore (mut i32) (i32.const 0))
  (global $pBand (mut i32) (i32.const 0))
  ;; Four interleaved histograms of `stride` = bins + 1 u32 counters (the last one: unscored),
  ;; followed by two i32 outputs: accounts not red, accounts green.
  (global $pHist (mut i32) (i32.const 0))
  (global $stride (mut i32) (i32.const 0))
  ;; Tally parameters of the segment being scored, set by `setTally`.
  (global $red (mut f64) (f64.const 0))
  (global $green (mut f64) (f64.const 0))
  (global $scale (mut f64) (f64.const 0))
  (global $lift (mut f64) (f64.const 0))
  (global $last (mut i32) (i32.const 0))

  (func (export "bind") (param $num i32) (param $den i32) (param $cnt i32) (param $score i32) (param $band i32)
        (param $hist i32) (param $stride i32)
    (global.set $pNum (local.get $num))
    (global.set $pDen (local.get $den))
    (global.set $pCnt (local.get $cnt))
    (global.set $pScore (local.get $score))
    (global.set $pBand (local.get $band))
    (global.set $pHist (local.get $hist))
    (global.set $stride (local.get $stride)))

  (func (export "setTally") (param $red f64) (param $green f64) (param $scale f64) (param $lift f64) (param $last i32)
    (global.set $red (local.get $red))
    (global.set $green (local.get $green))
    (global.set $scale (local.get $scale))
    (global.set $lift (local.get $lift))
    (global.set $last (local.get $last)))

  ;; finalScore for two accounts: clamp(num/den + adj, 0, 100), NaN when den (= coverage) < covMin.
  (func $final2 (param $n v128) (param $d v128) (param $pAdj i32) (param $i i32) (param $covMin v128) (result v128)
    (local $q v128)
    (local.set $q (f64x2.div (local.get $n) (local.get $d)))
    (if (i32.ge_s (local.get $pAdj) (i32.const 0))
      (then (local.set $q (f64x2.add (local.get $q)
        (v128.load $mx (i32.add (local.get $pAdj) (i32.shl (local.get $i) (i32.const 3))))))))
    (v128.bitselect
      (f64x2.min (f64x2.max (local.get $q) (f64x2.splat (f64.const 0))) (f64x2.splat (f64.const 100)))
      (f64x2.splat (f64.const nan))
      (f64x2.ge (local.get $d) (local.get $covMin))))

  ;; Bands and histogram bins of accounts i … i+3 from their two score halves (as tallySegment).
  (func $tally4 (param $s0 v128) (param $s1 v128) (param $i i32)
    (local $y v128) (local $g v128) (local $nan v128) (local $bin v128) (local $a i32) (local $red v128) (local $green v128)
    (local $t v128) (local $p i32)
    (local.set $red (f64x2.splat (global.get $red)))
    (local.set $green (f64x2.splat (global.get $green)))
    ;; i32 lanes, one per account: score ≥ threshold (all ones), score is NaN.
    (local.set $y (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
      (f64x2.ge (local.get $s0) (local.get $red)) (f64x2.ge (local.get $s1) (local.get $red))))
    (local.set $g (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
      (f64x2.ge (local.get $s0) (local.get $green)) (f64x2.ge (local.get $s1) (local.get $green))))
    (local.set $nan (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
      (f64x2.ne (local.get $s0) (local.get $s0)) (f64x2.ne (local.get $s1) (local.get $s1))))
    ;; Counts of not-red and green accounts, kept per lane after the histograms.
    (local.set $p (i32.add (global.get $pHist) (i32.shl (global.get $stride) (i32.const 4))))
    (v128.store (local.get $p) (i32x4.sub (v128.load (local.get $p)) (local.get $y)))
    (v128.store offset=16 (local.get $p) (i32x4.sub (v128.load offset=16 (local.get $p)) (local.get $g)))
    ;; band = NaN ? 3 : y + g, one byte per account.
    (local.set $t (v128.bitselect (i32x4.splat (i32.const 3))
      (i32x4.sub (i32x4.splat (i32.const 0)) (i32x4.add (local.get $y) (local.get $g))) (local.get $nan)))
    (local.set $t (i16x8.narrow_i32x4_u (local.get $t) (local.get $t)))
    (i32.store (i32.add (global.get $pBand) (local.get $i))
      (i32x4.extract_lane 0 (i8x16.narrow_i16x8_u (local.get $t) (local.get $t))))
    ;; bin = min(trunc(score × scale + lift), last); NaN → the unscored counter at index bins.
    (local.set $bin (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
      (i32x4.trunc_sat_f64x2_s_zero (f64x2.add (f64x2.mul (local.get $s0) (f64x2.splat (global.get $scale))) (f64x2.splat (global.get $lift))))
      (i32x4.trunc_sat_f64x2_s_zero (f64x2.add (f64x2.mul (local.get $s1) (f64x2.splat (global.get $scale))) (f64x2.splat (global.get $lift))))))
    (local.set $bin (i32x4.min_s (local.get $bin) (i32x4.splat (global.get $last))))
    (local.set $bin (v128.bitselect (i32x4.splat (i32.add (global.get $last) (i32.const 1))) (local.get $bin) (local.get $nan)))
    ;; Lane j counts into histogram j: no two increments of one iteration hit the same counter.
    (local.set $bin (i32x4.add (local.get $bin) (i32x4.mul (i32x4.splat (global.get $stride)) (v128.const i32x4 0 1 2 3))))
    (local.set $bin (i32x4.add (i32x4.shl (local.get $bin) (i32.const 2)) (i32x4.splat (global.get $pHist))))
    (local.set $a (i32x4.extract_lane 0 (local.get $bin)))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
    (local.set $a (i32x4.extract_lane 1 (local.get $bin)))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
    (local.set $a (i32x4.extract_lane 2 (local.get $bin)))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
    (local.set $a (i32x4.extract_lane 3 (local.get $bin)))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1))))

  ;; One ungrouped metric's weight moved by $delta (the same sign of weight before and after, so
  ;; no account gains or loses a term): num += delta·v, den += delta where v is present, then the
  ;; final score, band and histogram bin of accounts [$i0, $i0 + $len).
  (func (export "updateWeight") (param $col i32) (param $wide i32) (param $delta f64) (param $pAdj i32) (param $covMin f64)
        (param $i0 i32) (param $len i32)
    (local $i i32) (local $end i32) (local $dv v128) (local $cm v128) (local $x0 v128) (local $x1 v128)
    (local $m0 v128) (local $m1 v128) (local $a i32) (local $n0 v128) (local $n1 v128) (local $d0 v128) (local $d1 v128)
    (local.set $dv (f64x2.splat (local.get $delta)))
    (local.set $cm (f64x2.splat (local.get $covMin)))
    (local.set $i (local.get $i0))
    (local.set $end (i32.add (local.get $i0) (local.get $len)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (if (local.get $wide)
        (then
          (local.set $a (i32.add (local.get $col) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $x0 (v128.load $mx (local.get $a)))
          (local.set $x1 (v128.load $mx offset=16 (local.get $a))))
        (else
          (local.set $a (i32.add (local.get $col) (i32.shl (local.get $i) (i32.const 2))))
          (local.set $x0 (f64x2.promote_low_f32x4 (v128.load64_zero $mx (local.get $a))))
          (local.set $x1 (f64x2.promote_low_f32x4 (v128.load64_zero $mx offset=8 (local.get $a))))))
      (local.set $m0 (f64x2.eq (local.get $x0) (local.get $x0)))
      (local.set $m1 (f64x2.eq (local.get $x1) (local.get $x1)))
      (local.set $a (i32.add (global.get $pNum) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $n0 (f64x2.add (v128.load (local.get $a)) (v128.and (f64x2.mul (local.get $dv) (local.get $x0)) (local.get $m0))))
      (local.set $n1 (f64x2.add (v128.load offset=16 (local.get $a)) (v128.and (f64x2.mul (local.get $dv) (local.get $x1)) (local.get $m1))))
      (v128.store (local.get $a) (local.get $n0))
      (v128.store offset=16 (local.get $a) (local.get $n1))
      (local.set $a (i32.add (global.get $pDen) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $d0 (f64x2.add (v128.load (local.get $a)) (v128.and (local.get $dv) (local.get $m0))))
      (local.set $d1 (f64x2.add (v128.load offset=16 (local.get $a)) (v128.and (local.get $dv) (local.get $m1))))
      (v128.store (local.get $a) (local.get $d0))
      (v128.store offset=16 (local.get $a) (local.get $d1))
      (call $store4 (local.get $n0) (local.get $n1) (local.get $d0) (local.get $d1) (local.get $pAdj) (local.get $i) (local.get $cm))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next))))

  ;; Final scores of four accounts from their sums, stored, then tallied.
  (func $store4 (param $n0 v128) (param $n1 v128) (param $d0 v128) (param $d1 v128) (param $pAdj i32) (param $i i32) (param $cm v128)
    (local $s0 v128) (local $s1 v128) (local $a i32)
    (local.set $s0 (call $final2 (local.get $n0) (local.get $d0) (local.get $pAdj) (local.get $i) (local.get $cm)))
    (local.set $s1 (call $final2 (local.get $n1) (local.get $d1) (local.get $pAdj) (i32.add (local.get $i) (i32.const 2)) (local.get $cm)))
    (local.set $a (i32.add (global.get $pScore) (i32.shl (local.get $i) (i32.const 3))))
    (v128.store (local.get $a) (local.get $s0))
    (v128.store offset=16 (local.get $a) (local.get $s1))
    (call $tally4 (local.get $s0) (local.get $s1) (local.get $i)))

  ;; Full recompute of accounts [$i0, $i0 + $len) over $terms terms, a table at $pTerms of
  ;; 16-byte entries (i32 column offset in "matrix", 4 bytes padding, f64 weight), in metric order.
  ;; Each block of four accounts keeps its sums in registers while the columns are swept.
  (func (export "recompute") (param $pTerms i32) (param $terms i32) (param $wide i32) (param $pAdj i32) (param $covMin f64)
        (param $i0 i32) (param $len i32)
    (local $i i32) (local $end i32) (local $t i32) (local $tEnd i32) (local $shift i32) (local $w v128) (local $cm v128)
    (local $x0 v128) (local $x1 v128) (local $m0 v128) (local $m1 v128)
    (local $n0 v128) (local $n1 v128) (local $d0 v128) (local $d1 v128) (local $c0 v128) (local $c1 v128) (local $a i32)
    (local.set $cm (f64x2.splat (local.get $covMin)))
    (local.set $i (local.get $i0))
    (local.set $end (i32.add (local.get $i0) (local.get $len)))
    (local.set $tEnd (i32.add (local.get $pTerms) (i32.shl (local.get $terms) (i32.const 4))))
    (local.set $shift (select (i32.const 3) (i32.const 2) (local.get $wide)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $n0 (v128.const i64x2 0 0))
      (local.set $n1 (v128.const i64x2 0 0))
      (local.set $d0 (v128.const i64x2 0 0))
      (local.set $d1 (v128.const i64x2 0 0))
      (local.set $c0 (v128.const i64x2 0 0))
      (local.set $c1 (v128.const i64x2 0 0))
      (local.set $t (local.get $pTerms))
      (block $swept (loop $term
        (br_if $swept (i32.ge_u (local.get $t) (local.get $tEnd)))
        (local.set $w (f64x2.splat (f64.load offset=8 (local.get $t))))
        (local.set $a (i32.add (i32.load (local.get $t)) (i32.shl (local.get $i) (local.get $shift))))
        (if (local.get $wide)
          (then
            (local.set $x0 (v128.load $mx (local.get $a)))
            (local.set $x1 (v128.load $mx offset=16 (local.get $a))))
          (else
            (local.set $x0 (f64x2.promote_low_f32x4 (v128.load64_zero $mx (local.get $a))))
            (local.set $x1 (f64x2.promote_low_f32x4 (v128.load64_zero $mx offset=8 (local.get $a))))))
        (local.set $m0 (f64x2.eq (local.get $x0) (local.get $x0)))
        (local.set $m1 (f64x2.eq (local.get $x1) (local.get $x1)))
        (local.set $n0 (f64x2.add (local.get $n0) (v128.and (f64x2.mul (local.get $w) (local.get $x0)) (local.get $m0))))
        (local.set $n1 (f64x2.add (local.get $n1) (v128.and (f64x2.mul (local.get $w) (local.get $x1)) (local.get $m1))))
        (local.set $d0 (f64x2.add (local.get $d0) (v128.and (local.get $w) (local.get $m0))))
        (local.set $d1 (f64x2.add (local.get $d1) (v128.and (local.get $w) (local.get $m1))))
        ;; A mask lane is -1: subtracting it counts a present term.
        (local.set $c0 (i64x2.sub (local.get $c0) (local.get $m0)))
        (local.set $c1 (i64x2.sub (local.get $c1) (local.get $m1)))
        (local.set $t (i32.add (local.get $t) (i32.const 16)))
        (br $term)))
      (local.set $a (i32.add (global.get $pNum) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store (local.get $a) (local.get $n0))
      (v128.store offset=16 (local.get $a) (local.get $n1))
      (local.set $a (i32.add (global.get $pDen) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store (local.get $a) (local.get $d0))
      (v128.store offset=16 (local.get $a) (local.get $d1))
      ;; Term counts as u16: the low two bytes of each i64 lane.
      (v128.store64_lane 0 (i32.add (global.get $pCnt) (i32.shl (local.get $i) (i32.const 1)))
        (i8x16.shuffle 0 1 8 9 16 17 24 25 0 0 0 0 0 0 0 0 (local.get $c0) (local.get $c1)))
      (call $store4 (local.get $n0) (local.get $n1) (local.get $d0) (local.get $d1) (local.get $pAdj) (local.get $i) (local.get $cm))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next))))
)
