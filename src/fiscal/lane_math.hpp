// exp, log and sin/cos of 2*pi*u on Lanes<W>, in plain IEEE arithmetic.
//
// The C library's functions do not vectorise and may round differently from
// their vector variants; these are the same operations in every lane and at
// every W, so a scenario's random draws do not depend on its batch. Accuracy
// is a few units in the last place: ample for sampling, not a libm substitute.
//
// Thread-safety: pure functions.
#pragma once

#include "fiscal/lanes.hpp"

namespace connex::fiscal {

namespace lane_math {

inline constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;  // trailing zeros: k * kLn2Hi is exact
inline constexpr double kLn2Lo = 0x1.ef35793c76730p-45;
inline constexpr double kRound = 0x1.8p52;  // adding it rounds to an integer in the low bits

}  // namespace lane_math

// e^x, for x clamped to [-708, 709] (no overflow, no subnormals).
template <int W>
Lanes<W> Exp(const Lanes<W>& x_in) {
  using namespace lane_math;
  using V = Lanes<W>;
  using Bits = typename V::Bits;
  const V x = Select(x_in < -708.0, V::Fill(-708.0), Select(x_in > 709.0, V::Fill(709.0), x_in));
  const V shifted = x * 0x1.71547652b82fep0 + kRound;  // x / ln 2, rounded
  const V k = shifted - kRound;
  const V y = (x - k * kLn2Hi) - k * kLn2Lo;  // |y| <= ln2 / 2
  // Taylor series of e^y to y^13 / 13!: truncation below 2e-16 relative.
  // Even and odd terms are two independent Horner chains in y^2: half the
  // dependent latency of one chain, which is what bounds sampling time.
  const V z = y * y;
  V even = V::Fill(1.0 / 479001600.0);
  even = even * z + 1.0 / 3628800.0;
  even = even * z + 1.0 / 40320.0;
  even = even * z + 1.0 / 720.0;
  even = even * z + 1.0 / 24.0;
  even = even * z + 0.5;
  V odd = V::Fill(1.0 / 6227020800.0);
  odd = odd * z + 1.0 / 39916800.0;
  odd = odd * z + 1.0 / 362880.0;
  odd = odd * z + 1.0 / 5040.0;
  odd = odd * z + 1.0 / 120.0;
  odd = odd * z + 1.0 / 6.0;
  odd = odd * z + 1.0;
  const V p = (even * z + y * odd) + 1.0;
  // k as an integer sits in the low mantissa bits of `shifted`.
  const Bits e = (shifted.ToBits() & 0xFFFFFFFFFFFFFll) - (1ll << 51);
  return p * V::FromBits((e + 1023) << 52);
}

// ln x. REQUIRES: x is a positive normal number.
template <int W>
Lanes<W> Log(const Lanes<W>& x_in) {
  using namespace lane_math;
  using V = Lanes<W>;
  using Bits = typename V::Bits;
  const Bits bits = x_in.ToBits();
  V e = V::FromInteger((bits >> 52) - 1023);
  V m = V::FromBits((bits & 0xFFFFFFFFFFFFFll) | 0x3FF0000000000000ll);
  // m in [sqrt(1/2), sqrt(2)) keeps |s| below 0.172.
  const Mask<W> high = m > 1.4142135623730951;
  m = Select(high, m * 0.5, m);
  e = Select(high, e + 1.0, e);
  const V f = m - 1.0;
  const V s = f / (2.0 + f);
  const V z = s * s;
  // ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), to s^23: below 1e-17.
  // p(z) = 1/3 + z/5 + ... + z^10/23, as two independent chains in z^2.
  const V z2 = z * z;
  V even = V::Fill(1.0 / 23);
  even = even * z2 + 1.0 / 19;
  even = even * z2 + 1.0 / 15;
  even = even * z2 + 1.0 / 11;
  even = even * z2 + 1.0 / 7;
  even = even * z2 + 1.0 / 3;
  V odd = V::Fill(1.0 / 21);
  odd = odd * z2 + 1.0 / 17;
  odd = odd * z2 + 1.0 / 13;
  odd = odd * z2 + 1.0 / 9;
  odd = odd * z2 + 1.0 / 5;
  const V p = even + z * odd;
  const V tail = 2.0 * s * z * p;  // everything but 2s
  return e * kLn2Hi + ((2.0 * s + tail) + e * kLn2Lo);
}

// sin(2 pi u) and cos(2 pi u) for u in [0, 1].
template <int W>
void SinCos2Pi(const Lanes<W>& u, Lanes<W>& sin_out, Lanes<W>& cos_out) {
  using V = Lanes<W>;
  using Bits = typename V::Bits;
  const V quarter = u * 4.0 + lane_math::kRound;
  const V q = quarter - lane_math::kRound;         // nearest quarter turn, 0..4
  const V a = (u - q * 0.25) * 6.283185307179586;  // |a| <= pi / 4
  const V z = a * a;
  // Taylor series on [-pi/4, pi/4]: sin to a^17, cos to a^18.
  V sp = V::Fill(-1.0 / 355687428096000.0);
  sp = sp * z + 1.0 / 1307674368000.0;
  sp = sp * z - 1.0 / 6227020800.0;
  sp = sp * z + 1.0 / 39916800.0;
  sp = sp * z - 1.0 / 362880.0;
  sp = sp * z + 1.0 / 5040.0;
  sp = sp * z - 1.0 / 120.0;
  sp = sp * z + 1.0 / 6.0;
  const V s = a - a * z * sp;
  V cp = V::Fill(-1.0 / 6402373705728000.0);
  cp = cp * z + 1.0 / 20922789888000.0;
  cp = cp * z - 1.0 / 87178291200.0;
  cp = cp * z + 1.0 / 479001600.0;
  cp = cp * z - 1.0 / 3628800.0;
  cp = cp * z + 1.0 / 40320.0;
  cp = cp * z - 1.0 / 720.0;
  cp = cp * z + 1.0 / 24.0;
  cp = cp * z - 0.5;
  const V c = 1.0 + z * cp;
  // Rotate by q quarter turns.
  const Bits turn = q.Truncate() & 3;
  auto is = [&turn](int k) { return Mask<W>::Of(turn == k); };
  sin_out = Select(is(0), s, Select(is(1), c, Select(is(2), -s, -c)));
  cos_out = Select(is(0), c, Select(is(1), -s, Select(is(2), -c, s)));
}

}  // namespace connex::fiscal
