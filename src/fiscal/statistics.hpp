// Streaming statistics for Monte Carlo: moments, quantiles and histograms in
// memory that does not grow with the number of scenarios.
//
// Moments use Welford's update and Chan's merge; merged in a fixed order they
// give the same bits whatever the thread count. Quantiles come from a
// log-bucketed sketch (relative accuracy kRelativeAccuracy, like DDSketch):
// counts are integers, so merging is exact and order-free. A quantile is the
// sketch bucket's representative value clamped to the exact [min, max], so a
// sample of identical values reports that value exactly.
//
// Thread-safety: plain values; merge under the caller's lock.
#pragma once

#include <cstdint>
#include <vector>

namespace connex::fiscal {

struct Moments {
  std::int64_t count = 0;
  double mean = 0;
  double m2 = 0;  // sum of squared deviations from the mean
  double min = 0;
  double max = 0;

  void Add(double x);
  void Merge(const Moments& other);
  double Variance() const;  // sample variance (n - 1); 0 below two values
};

class QuantileSketch {
 public:
  // A reported quantile is within this relative distance of a sample value of
  // the right rank (for |x| between kSmallest and kLargest).
  static constexpr double kRelativeAccuracy = 1e-3;
  static constexpr double kSmallest = 1e-9;  // smaller magnitudes count as zero
  static constexpr double kLargest = 1e15;   // larger magnitudes share the end buckets

  QuantileSketch();
  static std::uint32_t Bucket(double x);  // REQUIRES: x is finite
  static double Value(std::uint32_t bucket);
  void AddBucket(std::uint32_t bucket) { ++counts_[bucket]; }
  void Add(double x) { AddBucket(Bucket(x)); }
  void Merge(const QuantileSketch& other);

  std::int64_t count() const;
  // The value of 0-based rank ceil(q * n) - 1 (nearest rank), clamped to
  // [min, max]. REQUIRES: count() > 0, 0 <= q <= 1.
  double Quantile(double q, double min, double max) const;
  const std::vector<std::uint64_t>& counts() const { return counts_; }

 private:
  std::vector<std::uint64_t> counts_;
};

// Equal-width bins over [from, to]; values outside fall in below / above.
struct Histogram {
  double from = 0;
  double to = 0;
  std::vector<std::int64_t> counts;
  std::int64_t below = 0;
  std::int64_t above = 0;
};

inline constexpr double kPercentiles[] = {5, 10, 50, 90, 95};
inline constexpr int kPercentileCount = 5;
inline constexpr int kHistogramBins = 30;

struct Summary {
  std::int64_t count = 0;      // scenarios where the metric is defined
  std::int64_t undefined = 0;  // scenarios where it is not (e.g. no IRR)
  double mean = 0;
  double sd = 0;
  double standard_error = 0;  // of the mean: sd / sqrt(count)
  double min = 0;
  double max = 0;
  double percentiles[kPercentileCount] = {};  // P5, P10, P50, P90, P95
  Histogram histogram;                        // kHistogramBins over [P0.5, P99.5]
};

Summary Summarize(const Moments& m, const QuantileSketch& sketch, std::int64_t undefined);

// A share of scenarios with its binomial standard error.
struct Probability {
  double value = 0;
  double standard_error = 0;
};
Probability ProbabilityOf(std::int64_t hits, std::int64_t count);

}  // namespace connex::fiscal
