// Counter-based random numbers: Philox4x32-10 (Salmon, Moraes, Dror, Shaw,
// "Parallel random numbers: as easy as 1, 2, 3", SC 2011).
//
// Draw j of scenario i under seed s is a pure function of (s, i, j): no state
// is shared between scenarios, so a Monte Carlo result does not depend on how
// scenarios are split across threads, batches or lanes. NormalStream<W> draws
// for W consecutive scenarios at once with the same arithmetic in every lane.
//
// Thread-safety: a NormalStream is a small value owned by one evaluation.
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

#include "fiscal/lane_math.hpp"

namespace connex::fiscal {

using PhiloxKey = std::array<std::uint32_t, 2>;

// Four 32-bit counter words per lane; ten rounds turn them into random words.
template <int W>
struct PhiloxLanes {
  LaneVector<std::uint32_t, W> word[4];
};

template <int W>
void Philox4x32(PhiloxLanes<W>& c, PhiloxKey key) {
  using U32 = LaneVector<std::uint32_t, W>;
  using U64 = LaneVector<std::uint64_t, W>;
  constexpr std::uint64_t kMul0 = 0xD2511F53, kMul1 = 0xCD9E8D57;
  constexpr std::uint32_t kWeyl0 = 0x9E3779B9, kWeyl1 = 0xBB67AE85;
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      key[0] += kWeyl0;
      key[1] += kWeyl1;
    }
    // 32 x 32 -> 64-bit products: the high half mixes, the low half carries on.
    const U64 p0 = __builtin_convertvector(c.word[0], U64) * kMul0;
    const U64 p1 = __builtin_convertvector(c.word[2], U64) * kMul1;
    const U32 c1 = c.word[1], c3 = c.word[3];
    c.word[0] = __builtin_convertvector(p1 >> 32, U32) ^ c1 ^ key[0];
    c.word[1] = __builtin_convertvector(p1, U32);
    c.word[2] = __builtin_convertvector(p0 >> 32, U32) ^ c3 ^ key[1];
    c.word[3] = __builtin_convertvector(p0, U32);
  }
}

// Standard normals (Box-Muller) for scenarios first .. first + W - 1, lane by lane.
// Normals 2k and 2k+1 of a scenario come from its Philox block k, whose
// counter is (k, scenario low word, scenario high word, 0).
template <int W>
class NormalStream {
 public:
  using U32 = LaneVector<std::uint32_t, W>;
  using U64 = LaneVector<std::uint64_t, W>;

  NormalStream(std::uint64_t seed, std::uint64_t first_scenario)
      : key_{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)} {
    for (int i = 0; i < W; ++i) {
      const std::uint64_t scenario = first_scenario + static_cast<std::uint64_t>(i);
      low_[i] = static_cast<std::uint32_t>(scenario);
      high_[i] = static_cast<std::uint32_t>(scenario >> 32);
    }
  }

  Lanes<W> Next() {
    if (have_spare_) {
      have_spare_ = false;
      return spare_;
    }
    PhiloxLanes<W> c;
    c.word[0] = U32{} + block_;
    c.word[1] = low_;
    c.word[2] = high_;
    c.word[3] = U32{};
    ++block_;
    Philox4x32(c, key_);
    const Lanes<W> u1 = Uniform(c.word[0], c.word[1]);
    const Lanes<W> u2 = Uniform(c.word[2], c.word[3]);
    const Lanes<W> log_u1 = Log(u1);
    double root[W];
    for (int i = 0; i < W; ++i) root[i] = std::sqrt(-2.0 * log_u1[i]);
    const Lanes<W> radius = Lanes<W>::Load(root);
    Lanes<W> sin_part, cos_part;
    SinCos2Pi(u2, sin_part, cos_part);
    spare_ = radius * sin_part;
    have_spare_ = true;
    return radius * cos_part;
  }

  // (k + 1/2) / 2^52 from the top 52 bits of high:low: strictly inside (0, 1), exact.
  static Lanes<W> Uniform(U32 high, U32 low) {
    const U64 bits = __builtin_convertvector(high, U64) << 32 | __builtin_convertvector(low, U64);
    return Lanes<W>::FromBits(
               std::bit_cast<typename Lanes<W>::Bits>(0x3FF0000000000000ull | (bits >> 12))) -
           (1.0 - 0x1.0p-53);
  }

 private:
  PhiloxKey key_;
  U32 low_;
  U32 high_;
  std::uint32_t block_ = 0;
  bool have_spare_ = false;
  Lanes<W> spare_ = Lanes<W>::Fill(0);
};

}  // namespace connex::fiscal
