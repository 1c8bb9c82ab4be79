// Lanes<W>: W scenarios evaluated side by side, one double per scenario.
//
// The engine is written once over Lanes<W>: Lanes<1> is the deterministic run,
// Lanes<kLanes> a batch of Monte Carlo scenarios, sweep points or sensitivity
// cases. Every operation is a fixed-length loop the compiler vectorises, and
// each lane sees exactly the IEEE operations of the scalar code (the project
// builds with -ffp-contract=off), so a scenario's result never depends on the
// lane, batch or thread it was evaluated in.
//
// Max/Min follow std::max/std::min (the first argument wins ties and NaN
// comparisons), so Max(0.0, x) is 0 for NaN exactly like std::max(0.0, x).
//
// Thread-safety: plain values.
#pragma once

namespace connex::fiscal {

// Scenarios per batch: 8 doubles fill one AVX-512 register or two AVX2 ones.
inline constexpr int kLanes = 8;

// Lane masks are all-ones or zero 64-bit integers, the shape vector compares
// produce, so selects vectorise.
template <int W>
struct Mask {
  long long v[W];

  friend Mask operator&&(const Mask& a, const Mask& b) {
    Mask r;
    for (int i = 0; i < W; ++i) r.v[i] = a.v[i] & b.v[i];
    return r;
  }
};

template <int W>
struct Lanes {
  double v[W];

  static Lanes Fill(double x) {
    Lanes r;
    for (int i = 0; i < W; ++i) r.v[i] = x;
    return r;
  }
  static Lanes Load(const double* p) {
    Lanes r;
    for (int i = 0; i < W; ++i) r.v[i] = p[i];
    return r;
  }
  void Store(double* p) const {
    for (int i = 0; i < W; ++i) p[i] = v[i];
  }
  double& operator[](int i) { return v[i]; }
  double operator[](int i) const { return v[i]; }

#define CONNEX_LANES_OP(op)                                            \
  friend Lanes operator op(const Lanes& a, const Lanes& b) {           \
    Lanes r;                                                           \
    for (int i = 0; i < W; ++i) r.v[i] = a.v[i] op b.v[i];             \
    return r;                                                          \
  }                                                                    \
  friend Lanes operator op(const Lanes& a, double b) {                 \
    Lanes r;                                                           \
    for (int i = 0; i < W; ++i) r.v[i] = a.v[i] op b;                  \
    return r;                                                          \
  }                                                                    \
  friend Lanes operator op(double a, const Lanes& b) {                 \
    Lanes r;                                                           \
    for (int i = 0; i < W; ++i) r.v[i] = a op b.v[i];                  \
    return r;                                                          \
  }                                                                    \
  Lanes& operator op##=(const Lanes& b) { return *this = *this op b; } \
  Lanes& operator op##=(double b) { return *this = *this op b; }
  CONNEX_LANES_OP(+)
  CONNEX_LANES_OP(-)
  CONNEX_LANES_OP(*)
  CONNEX_LANES_OP(/)
#undef CONNEX_LANES_OP

  friend Lanes operator-(const Lanes& a) {
    Lanes r;
    for (int i = 0; i < W; ++i) r.v[i] = -a.v[i];
    return r;
  }

#define CONNEX_LANES_CMP(op)                                        \
  friend Mask<W> operator op(const Lanes& a, const Lanes& b) {      \
    Mask<W> r;                                                      \
    for (int i = 0; i < W; ++i) r.v[i] = a.v[i] op b.v[i] ? -1 : 0; \
    return r;                                                       \
  }                                                                 \
  friend Mask<W> operator op(const Lanes& a, double b) {            \
    Mask<W> r;                                                      \
    for (int i = 0; i < W; ++i) r.v[i] = a.v[i] op b ? -1 : 0;      \
    return r;                                                       \
  }
  CONNEX_LANES_CMP(<)
  CONNEX_LANES_CMP(>)
  CONNEX_LANES_CMP(<=)
  CONNEX_LANES_CMP(>=)
#undef CONNEX_LANES_CMP
};

// m ? a : b, lane by lane.
template <int W>
Lanes<W> Select(const Mask<W>& m, const Lanes<W>& a, const Lanes<W>& b) {
  Lanes<W> r;
  for (int i = 0; i < W; ++i) r.v[i] = m.v[i] != 0 ? a.v[i] : b.v[i];
  return r;
}

template <int W>
Lanes<W> Max(const Lanes<W>& a, const Lanes<W>& b) {
  Lanes<W> r;
  for (int i = 0; i < W; ++i) r.v[i] = a.v[i] < b.v[i] ? b.v[i] : a.v[i];
  return r;
}
template <int W>
Lanes<W> Max(double a, const Lanes<W>& b) {
  return Max(Lanes<W>::Fill(a), b);
}
template <int W>
Lanes<W> Min(const Lanes<W>& a, const Lanes<W>& b) {
  Lanes<W> r;
  for (int i = 0; i < W; ++i) r.v[i] = b.v[i] < a.v[i] ? b.v[i] : a.v[i];
  return r;
}

}  // namespace connex::fiscal
