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
  std::uint32_t word[4][W];
};

template <int W>
void Philox4x32(PhiloxLanes<W>& c, PhiloxKey key) {
  constexpr std::uint64_t kMul0 = 0xD2511F53, kMul1 = 0xCD9E8D57;
  constexpr std::uint32_t kWeyl0 = 0x9E3779B9, kWeyl1 = 0xBB67AE85;
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      key[0] += kWeyl0;
      key[1] += kWeyl1;
    }
    for (int i = 0; i < W; ++i) {
      const std::uint64_t p0 = kMul0 * c.word[0][i];
      const std::uint64_t p1 = kMul1 * c.word[2][i];
      const std::uint32_t c1 = c.word[1][i], c3 = c.word[3][i];
      c.word[0][i] = static_cast<std::uint32_t>(p1 >> 32) ^ c1 ^ key[0];
      c.word[1][i] = static_cast<std::uint32_t>(p1);
      c.word[2][i] = static_cast<std::uint32_t>(p0 >> 32) ^ c3 ^ key[1];
      c.word[3][i] = static_cast<std::uint32_t>(p0);
    }
  }
}

// Standard normals (Box-Muller) for scenarios first .. first + W - 1, lane by lane.
// Normals 2k and 2k+1 of a scenario come from its Philox block k, whose
// counter is (k, scenario low word, scenario high word, 0).
template <int W>
class NormalStream {
 public:
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
    for (int i = 0; i < W; ++i) {
      c.word[0][i] = block_;
      c.word[1][i] = low_[i];
      c.word[2][i] = high_[i];
      c.word[3][i] = 0;
    }
    ++block_;
    Philox4x32(c, key_);
    Lanes<W> u1, u2;
    for (int i = 0; i < W; ++i) {
      u1.v[i] = Uniform(static_cast<std::uint64_t>(c.word[0][i]) << 32 | c.word[1][i]);
      u2.v[i] = Uniform(static_cast<std::uint64_t>(c.word[2][i]) << 32 | c.word[3][i]);
    }
    const Lanes<W> log_u1 = Log(u1);
    Lanes<W> radius, sin_part, cos_part;
    for (int i = 0; i < W; ++i) radius.v[i] = std::sqrt(-2.0 * log_u1.v[i]);
    SinCos2Pi(u2, sin_part, cos_part);
    spare_ = radius * sin_part;
    have_spare_ = true;
    return radius * cos_part;
  }

  // (k + 1/2) / 2^52 from the top 52 bits: strictly inside (0, 1), exact.
  static double Uniform(std::uint64_t bits) {
    return std::bit_cast<double>(0x3FF0000000000000ull | (bits >> 12)) - (1.0 - 0x1.0p-53);
  }

 private:
  PhiloxKey key_;
  std::uint32_t low_[W];
  std::uint32_t high_[W];
  std::uint32_t block_ = 0;
  bool have_spare_ = false;
  Lanes<W> spare_ = Lanes<W>::Fill(0);
};

}  // namespace connex::fiscal
