#include "fiscal/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace connex::fiscal {

namespace {

// gamma = (1 + a) / (1 - a): bucket i of one sign covers (s g^(i-1), s g^i].
const double kLogGamma =
    std::log((1 + QuantileSketch::kRelativeAccuracy) / (1 - QuantileSketch::kRelativeAccuracy));
const std::uint32_t kPerSign = static_cast<std::uint32_t>(
    std::ceil(std::log(QuantileSketch::kLargest / QuantileSketch::kSmallest) / kLogGamma));
// Layout: negative buckets (largest magnitude first), zero, positive buckets.
const std::uint32_t kZero = kPerSign;

}  // namespace

void Moments::Add(double x) {
  ++count;
  if (count == 1) {
    mean = x;
    min = max = x;
    return;
  }
  const double delta = x - mean;
  mean += delta / static_cast<double>(count);
  m2 += delta * (x - mean);
  min = std::min(min, x);
  max = std::max(max, x);
}

void Moments::Merge(const Moments& o) {
  if (o.count == 0) return;
  if (count == 0) {
    *this = o;
    return;
  }
  const double n = static_cast<double>(count + o.count);
  const double delta = o.mean - mean;
  mean += delta * (static_cast<double>(o.count) / n);
  m2 += o.m2 + delta * delta * (static_cast<double>(count) * static_cast<double>(o.count) / n);
  count += o.count;
  min = std::min(min, o.min);
  max = std::max(max, o.max);
}

double Moments::Variance() const {
  return count > 1 ? std::max(0.0, m2 / static_cast<double>(count - 1)) : 0.0;
}

QuantileSketch::QuantileSketch() : counts_(2 * kPerSign + 1, 0) {}

std::uint32_t QuantileSketch::Bucket(double x) {
  const double a = std::fabs(x);
  if (a < kSmallest) return kZero;
  const double index = std::ceil(std::log(a / kSmallest) / kLogGamma);
  const std::uint32_t i = static_cast<std::uint32_t>(std::clamp(index, 1.0, double(kPerSign)));
  return x > 0 ? kZero + i : kZero - i;
}

double QuantileSketch::Value(std::uint32_t bucket) {
  if (bucket == kZero) return 0;
  const bool positive = bucket > kZero;
  const double i = positive ? bucket - kZero : kZero - bucket;
  // The point of the bucket equally far, relatively, from both its ends.
  const double gamma = std::exp(kLogGamma);
  const double v = kSmallest * std::exp(i * kLogGamma) * 2 / (gamma + 1);
  return positive ? v : -v;
}

void QuantileSketch::Merge(const QuantileSketch& o) {
  for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += o.counts_[i];
}

std::int64_t QuantileSketch::count() const {
  std::uint64_t n = 0;
  for (std::uint64_t c : counts_) n += c;
  return static_cast<std::int64_t>(n);
}

double QuantileSketch::Quantile(double q, double min, double max) const {
  const std::int64_t n = count();
  const std::int64_t rank =
      std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(q * n)) - 1);
  std::int64_t seen = 0;
  for (size_t b = 0; b < counts_.size(); ++b) {
    seen += static_cast<std::int64_t>(counts_[b]);
    if (seen > rank) return std::clamp(Value(static_cast<std::uint32_t>(b)), min, max);
  }
  return max;
}

Summary Summarize(const Moments& m, const QuantileSketch& sketch, std::int64_t undefined) {
  Summary s;
  s.count = m.count;
  s.undefined = undefined;
  if (m.count == 0) return s;
  s.mean = m.mean;
  s.sd = std::sqrt(m.Variance());
  s.standard_error = s.sd / std::sqrt(static_cast<double>(m.count));
  s.min = m.min;
  s.max = m.max;
  for (int i = 0; i < kPercentileCount; ++i) {
    s.percentiles[i] = sketch.Quantile(kPercentiles[i] / 100, m.min, m.max);
  }
  Histogram& h = s.histogram;
  h.from = sketch.Quantile(0.005, m.min, m.max);
  h.to = sketch.Quantile(0.995, m.min, m.max);
  h.counts.assign(h.to > h.from ? kHistogramBins : 1, 0);
  const double width = (h.to - h.from) / static_cast<double>(h.counts.size());
  const auto& counts = sketch.counts();
  for (size_t b = 0; b < counts.size(); ++b) {
    if (counts[b] == 0) continue;
    const auto c = static_cast<std::int64_t>(counts[b]);
    const double v = std::clamp(QuantileSketch::Value(static_cast<std::uint32_t>(b)), m.min, m.max);
    if (v < h.from) {
      h.below += c;
    } else if (v > h.to) {
      h.above += c;
    } else {
      const double at = width > 0 ? (v - h.from) / width : 0.0;
      const size_t bin = std::min(h.counts.size() - 1, static_cast<size_t>(at));
      h.counts[bin] += c;
    }
  }
  return s;
}

Probability ProbabilityOf(std::int64_t hits, std::int64_t count) {
  Probability p;
  if (count <= 0) return p;
  const double n = static_cast<double>(count);
  p.value = static_cast<double>(hits) / n;
  p.standard_error = std::sqrt(p.value * (1 - p.value) / n);
  return p;
}

}  // namespace connex::fiscal
