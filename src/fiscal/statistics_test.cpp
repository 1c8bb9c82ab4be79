#include "fiscal/statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace connex::fiscal {
namespace {

TEST(QuantileSketch, PercentilesAreWithinTheStatedRelativeAccuracy) {
  std::mt19937_64 gen(3);
  std::lognormal_distribution<double> dist(20, 1.5);
  std::vector<double> values;
  Moments m;
  QuantileSketch sketch;
  for (int i = 0; i < 100000; ++i) {
    // Signed: PVs may be negative.
    const double x = (i % 5 == 0 ? -1 : 1) * dist(gen);
    values.push_back(x);
    m.Add(x);
    sketch.Add(x);
  }
  std::sort(values.begin(), values.end());
  for (double q : {0.05, 0.1, 0.5, 0.9, 0.95}) {
    const double exact =
        values[static_cast<size_t>(std::ceil(q * static_cast<double>(values.size()))) - 1];
    const double got = sketch.Quantile(q, m.min, m.max);
    EXPECT_LE(std::fabs(got - exact), QuantileSketch::kRelativeAccuracy * std::fabs(exact) * 1.0001)
        << q;
  }
  const Summary s = Summarize(m, sketch, 0);
  std::int64_t total = s.histogram.below + s.histogram.above;
  for (std::int64_t c : s.histogram.counts) total += c;
  EXPECT_EQ(total, 100000);
}

TEST(Moments, MergingTwoHalvesMatchesOnePass) {
  Moments all, a, b;
  for (int i = 1; i <= 1000; ++i) {
    const double x = std::sin(i) * 100;
    all.Add(x);
    (i <= 400 ? a : b).Add(x);
  }
  a.Merge(b);
  EXPECT_EQ(a.count, all.count);
  EXPECT_NEAR(a.mean, all.mean, 1e-12);
  EXPECT_NEAR(a.Variance(), all.Variance(), 1e-9);
  EXPECT_EQ(a.min, all.min);
  EXPECT_EQ(a.max, all.max);
}

}  // namespace
}  // namespace connex::fiscal
