// Lanes<W>: W scenarios evaluated side by side, one double per scenario.
//
// The engine is written once over Lanes<W>: Lanes<1> is the deterministic run,
// Lanes<kLanes> a batch of Monte Carlo scenarios, sweep points or sensitivity
// cases. Storage is a GCC/Clang vector type, so every operation is one vector
// instruction (or a few, on narrower hardware) whatever the optimiser decides;
// a plain array of doubles left GCC emitting scalar code for most of the
// engine. Each lane sees exactly the IEEE operations of the scalar code (the
// project builds with -ffp-contract=off), so a scenario's result never depends
// on the lane, batch or thread it was evaluated in.
//
// Max/Min follow std::max/std::min (the first argument wins ties and NaN
// comparisons), so Max(0.0, x) is 0 for NaN exactly like std::max(0.0, x).
//
// Thread-safety: plain values.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace connex::fiscal {

// Scenarios per batch: 8 doubles fill one AVX-512 register or two AVX2 ones.
inline constexpr int kLanes = 8;

// W values of T in one vector register (or several, on narrower hardware).
// GCC takes vector_size only on a concrete element type, hence one line each.
template <typename T, int W>
struct LaneVectorOf;
template <int W>
struct LaneVectorOf<double, W> {
  typedef double type __attribute__((vector_size(8 * W)));
};
template <int W>
struct LaneVectorOf<std::int64_t, W> {
  typedef std::int64_t type __attribute__((vector_size(8 * W)));
};
template <int W>
struct LaneVectorOf<std::uint64_t, W> {
  typedef std::uint64_t type __attribute__((vector_size(8 * W)));
};
template <int W>
struct LaneVectorOf<std::uint32_t, W> {
  typedef std::uint32_t type __attribute__((vector_size(4 * W)));
};
template <typename T, int W>
using LaneVector = typename LaneVectorOf<T, W>::type;

// Storage of W doubles and of their bit patterns. One lane is a plain double:
// GCC keeps one-element vectors in integer registers, which made the
// deterministic run a third slower.
template <int W>
struct LaneTypes {
  using Vec = LaneVector<double, W>;
  using Bits = LaneVector<std::int64_t, W>;
};
template <>
struct LaneTypes<1> {
  using Vec = double;
  using Bits = std::int64_t;
};

// Lane masks are all-ones or zero 64-bit integers, the shape vector compares produce.
template <int W>
struct Mask {
  using Bits = typename LaneTypes<W>::Bits;
  Bits v;

  // From a comparison of Vec or Bits values: a vector of 0/-1, or a bool.
  template <typename Compare>
  static Mask Of(const Compare& c) {
    if constexpr (W == 1) {
      return {c ? -1 : 0};
    } else {
      return {std::bit_cast<Bits>(c)};
    }
  }

  friend Mask operator&&(const Mask& a, const Mask& b) { return {a.v & b.v}; }
  friend Mask operator!(const Mask& a) { return {~a.v}; }
  friend Mask operator==(const Mask& a, const Mask& b) { return Of(a.v == b.v); }
  bool Any() const {
    if constexpr (W == 1) {
      return v != 0;
    } else {
      for (int i = 0; i < W; ++i) {
        if (v[i] != 0) return true;
      }
      return false;
    }
  }
};

template <int W>
struct Lanes {
  using Vec = typename LaneTypes<W>::Vec;
  using Bits = typename LaneTypes<W>::Bits;
  Vec v;

  // x - 0 is x for every x, -0 and NaN included: a broadcast.
  static Lanes Fill(double x) { return {x - Vec{}}; }
  // Unaligned: rows of a ledger are W doubles anywhere in memory.
  static Lanes Load(const double* p) {
    Lanes r;
    std::memcpy(&r.v, p, sizeof r.v);
    return r;
  }
  // A store typed as doubles, not memcpy: the compiler then knows it changes
  // no pointer or count it holds (a memcpy may change any memory), which
  // kept the engine reloading its state after every ledger line it wrote.
  void Store(double* p) const {
    if constexpr (W == 1) {
      *p = v;
    } else {
      typedef double Unaligned __attribute__((vector_size(8 * W), aligned(8)));
      *reinterpret_cast<Unaligned*>(p) = v;
    }
  }
  double operator[](int i) const {
    if constexpr (W == 1) {
      return v;
    } else {
      return v[i];
    }
  }
  // Vector elements have no address, so lanes are written through Set.
  void Set(int i, double x) {
    if constexpr (W == 1) {
      v = x;
    } else {
      v[i] = x;
    }
  }
  // Each lane's bits as an integer, and back.
  Bits ToBits() const { return std::bit_cast<Bits>(v); }
  static Lanes FromBits(const Bits& b) { return {std::bit_cast<Vec>(b)}; }
  // Each lane's integer converted to a double (exact below 2^53), and truncated back.
  static Lanes FromInteger(const Bits& b) {
    if constexpr (W == 1) {
      return {static_cast<double>(b)};
    } else {
      return {__builtin_convertvector(b, Vec)};
    }
  }
  Bits Truncate() const {
    if constexpr (W == 1) {
      return static_cast<Bits>(v);
    } else {
      return __builtin_convertvector(v, Bits);
    }
  }

#define CONNEX_LANES_OP(op)                                                         \
  friend Lanes operator op(const Lanes& a, const Lanes& b) { return {a.v op b.v}; } \
  friend Lanes operator op(const Lanes& a, double b) { return {a.v op b}; }         \
  friend Lanes operator op(double a, const Lanes& b) { return {a op b.v}; }         \
  Lanes& operator op##=(const Lanes& b) { return *this = *this op b; }              \
  Lanes& operator op##=(double b) { return *this = *this op b; }
  CONNEX_LANES_OP(+)
  CONNEX_LANES_OP(-)
  CONNEX_LANES_OP(*)
  CONNEX_LANES_OP(/)
#undef CONNEX_LANES_OP

  friend Lanes operator-(const Lanes& a) { return {-a.v}; }

#define CONNEX_LANES_CMP(op)                                                                     \
  friend Mask<W> operator op(const Lanes& a, const Lanes& b) { return Mask<W>::Of(a.v op b.v); } \
  friend Mask<W> operator op(const Lanes& a, double b) { return Mask<W>::Of(a.v op b); }
  CONNEX_LANES_CMP(<)
  CONNEX_LANES_CMP(>)
  CONNEX_LANES_CMP(<=)
  CONNEX_LANES_CMP(>=)
  CONNEX_LANES_CMP(==)
#undef CONNEX_LANES_CMP
};

// m ? a : b, lane by lane, as bit operations: the lanes keep their exact bits.
template <int W>
Lanes<W> Select(const Mask<W>& m, const Lanes<W>& a, const Lanes<W>& b) {
  if constexpr (W == 1) {
    return m.v != 0 ? a : b;  // a blend, without a trip through integer registers
  } else {
    return Lanes<W>::FromBits((m.v & a.ToBits()) | (~m.v & b.ToBits()));
  }
}

template <int W>
Lanes<W> Max(const Lanes<W>& a, const Lanes<W>& b) {
  return Select(a < b, b, a);
}
template <int W>
Lanes<W> Max(double a, const Lanes<W>& b) {
  return Max(Lanes<W>::Fill(a), b);
}
template <int W>
Lanes<W> Min(const Lanes<W>& a, const Lanes<W>& b) {
  return Select(b < a, b, a);
}

}  // namespace connex::fiscal
