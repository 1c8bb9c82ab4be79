#include "fiscal/benchmark.hpp"

#include <gtest/gtest.h>

namespace connex::fiscal {
namespace {

// Invest 100, then sell 10 units a year for four years at 10 with 20 of opex;
// discounted at 10%.
Model SmallMine() {
  Model m;
  m.name = "small mine";
  m.project.first_year = 2025;
  m.project.years = 5;
  Product ore;
  ore.name = "ore";
  ore.unit = "t";
  ore.production = {0, 10, 10, 10, 10};
  ore.price.deck = {10, 10, 10, 10, 10};
  m.project.products.push_back(ore);
  m.project.capex[1] = {100, 0, 0, 0, 0};
  m.project.fixed_opex = {0, 20, 20, 20, 20};
  m.discounting = {0.10, 2025};
  return m;
}

Regime RoyaltyOf(double rate) {
  Regime r;
  r.name = "royalty " + std::to_string(static_cast<int>(rate * 100)) + "%";
  r.royalties.push_back({"royalty", -1, RoyaltyBase::kGrossValue, Rate::Constant(rate), true});
  return r;
}

std::vector<Comparator> RoyaltiesOf(std::initializer_list<double> rates) {
  std::vector<Comparator> out;
  for (double rate : rates) out.push_back({RoyaltyOf(rate).name, "test", RoyaltyOf(rate), ""});
  return out;
}

const Standing& On(const BenchmarkResult& r, BenchmarkMetric m) {
  return r.standing[static_cast<size_t>(m)];
}

// Royalties only: each point of royalty gives the state more and the investor
// less, so the order of every metric is known.
TEST(Benchmark, RanksAndPercentilesOfTheDraftAmongComparatorsOfKnownOrder) {
  const BenchmarkResult r =
      Benchmark(SmallMine(), RoyaltyOf(0.05), RoyaltiesOf({0.02, 0.10, 0.04, 0.08, 0.06}));
  ASSERT_EQ(r.evaluated(), 5);

  // Three comparators (6, 8, 10%) give the state more: the draft is 4th of 6,
  // and two of five comparators lie below it.
  for (BenchmarkMetric m : {BenchmarkMetric::kPvGovernment, BenchmarkMetric::kGovernmentReceipts,
                            BenchmarkMetric::kAetr, BenchmarkMetric::kGovernmentTake}) {
    SCOPED_TRACE(kBenchmarkMetricNames[m]);
    EXPECT_EQ(On(r, m).rank, 4);
    EXPECT_EQ(On(r, m).of, 6);
    ASSERT_TRUE(On(r, m).percentile.defined);
    EXPECT_DOUBLE_EQ(On(r, m).percentile.value, 40);
  }
  // For the investor the order turns: 6, 8 and 10% leave the investor less,
  // which is more for the state; 2 and 4% give the state less, as above.
  for (BenchmarkMetric m : {BenchmarkMetric::kInvestorNpv, BenchmarkMetric::kInvestorIrr}) {
    SCOPED_TRACE(kBenchmarkMetricNames[m]);
    EXPECT_EQ(On(r, m).rank, 4);
    EXPECT_DOUBLE_EQ(On(r, m).percentile.value, 40);
  }
  // A royalty raises the price at which the investor breaks even.
  EXPECT_EQ(On(r, BenchmarkMetric::kBreakevenPrice).rank, 4);
}

TEST(Benchmark, ATieSharesTheBetterRankAndCountsHalf) {
  const BenchmarkResult r =
      Benchmark(SmallMine(), RoyaltyOf(0.05), RoyaltiesOf({0.02, 0.05, 0.08}));
  const Standing& pv = On(r, BenchmarkMetric::kPvGovernment);
  EXPECT_EQ(pv.rank, 2);
  EXPECT_EQ(pv.of, 4);
  EXPECT_DOUBLE_EQ(pv.percentile.value, 100.0 * 1.5 / 3);
}

TEST(Benchmark, MedianAndUpperQuartileComparatorsAreNearestRankByStatePv) {
  const Model m = SmallMine();
  const BenchmarkResult r =
      Benchmark(m, RoyaltyOf(0.05), RoyaltiesOf({0.02, 0.10, 0.04, 0.08, 0.06}));
  // Of five, the 3rd lowest (6%) and the 4th lowest (8%).
  ASSERT_EQ(r.median.comparator, 4);
  ASSERT_EQ(r.upper_quartile.comparator, 3);
  // A royalty's point of revenue: 4 years of 100, and their PV at 10%.
  const double pv_revenue = 100 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331 + 1 / 1.4641);
  EXPECT_NEAR(r.median.government_receipts, 0.01 * 400, 1e-9);
  EXPECT_NEAR(r.median.pv_government_receipts, 0.01 * pv_revenue, 1e-9);
  EXPECT_NEAR(r.upper_quartile.government_receipts, 0.03 * 400, 1e-9);
  EXPECT_NEAR(r.upper_quartile.pv_government_receipts, 0.03 * pv_revenue, 1e-9);
}

TEST(Benchmark, TheBandHoldsTheComparatorsQuartilesOfAetrAtEveryPrice) {
  const Model m = SmallMine();
  const BenchmarkResult r =
      Benchmark(m, RoyaltyOf(0.05), RoyaltiesOf({0.02, 0.10, 0.04, 0.08, 0.06}));
  ASSERT_EQ(r.band.size(), r.draft.progressivity.points.size());
  ASSERT_FALSE(r.band.empty());
  const ProjectSeries s = Resolve(m.project);
  for (const BandPoint& b : r.band) {
    SCOPED_TRACE(b.price_factor);
    Ledger scratch(s.years);
    auto aetr = [&](double rate) {
      return EvaluateAt(s, RoyaltyOf(rate), m.discounting, b.price_factor, scratch).core.aetr;
    };
    // Only prices with a positive pre-tax PV have AETRs.
    if (!aetr(0.04).defined) {
      EXPECT_FALSE(b.median.defined);
      EXPECT_EQ(b.comparators, 0);
      continue;
    }
    EXPECT_EQ(b.comparators, 5);
    // Five sorted values: P25, P50 and P75 fall on the 2nd, 3rd and 4th.
    EXPECT_DOUBLE_EQ(b.p25.value, aetr(0.04).value);
    EXPECT_DOUBLE_EQ(b.median.value, aetr(0.06).value);
    EXPECT_DOUBLE_EQ(b.p75.value, aetr(0.08).value);
    EXPECT_DOUBLE_EQ(b.draft_aetr.value, aetr(0.05).value);
  }
}

TEST(Benchmark, AComparatorThatCannotBeEvaluatedIsListedWithItsReasonAndCountsForNothing) {
  std::vector<Comparator> comparators = RoyaltiesOf({0.02, 0.08});
  comparators.insert(comparators.begin() + 1,
                     {"gas royalty", "gas.json", std::nullopt, "the project produces no gas"});
  const BenchmarkResult r = Benchmark(SmallMine(), RoyaltyOf(0.05), comparators);
  ASSERT_EQ(r.comparators.size(), 3u);
  EXPECT_EQ(r.comparators[1].reason, "the project produces no gas");
  EXPECT_FALSE(r.analyses[1].has_value());
  EXPECT_EQ(r.evaluated(), 2);
  EXPECT_EQ(On(r, BenchmarkMetric::kPvGovernment).of, 3);
  EXPECT_EQ(On(r, BenchmarkMetric::kPvGovernment).rank, 2);
}

TEST(Benchmark, WithoutComparatorsTheDraftStandsAloneAndNothingIsAdded) {
  const BenchmarkResult r = Benchmark(SmallMine(), RoyaltyOf(0.05), {});
  EXPECT_EQ(On(r, BenchmarkMetric::kAetr).rank, 1);
  EXPECT_EQ(On(r, BenchmarkMetric::kAetr).of, 1);
  EXPECT_FALSE(On(r, BenchmarkMetric::kAetr).percentile.defined);
  EXPECT_EQ(r.median.comparator, -1);
}

TEST(Benchmark, ManyComparatorsOnSeveralThreadsGiveTheSameAnswerAsOne) {
  std::vector<Comparator> many;
  for (int i = 0; i < 40; ++i) {
    const double rate = 0.001 * ((i * 37) % 40);
    many.push_back({"r" + std::to_string(i), "test", RoyaltyOf(rate), ""});
  }
  const Model m = SmallMine();
  const BenchmarkResult all = Benchmark(m, RoyaltyOf(0.02), many);
  const ProjectSeries s = Resolve(m.project);
  for (size_t i = 0; i < many.size(); ++i) {
    const Analysis alone = Analyze(s, *many[i].regime, m.discounting, m.sweep);
    ASSERT_TRUE(all.analyses[i].has_value());
    EXPECT_EQ(all.analyses[i]->metrics.pv_government, alone.metrics.pv_government);
  }
}

TEST(InterpolatedQuantile, MatchesPercentileInc) {
  // PERCENTILE.INC({1,2,4,8}, 0.25) = 1.75; 0.5 -> 3; 0.75 -> 5; 1 -> 8.
  const std::vector<double> v{1, 2, 4, 8};
  EXPECT_DOUBLE_EQ(InterpolatedQuantile(v, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(InterpolatedQuantile(v, 0.5), 3);
  EXPECT_DOUBLE_EQ(InterpolatedQuantile(v, 0.75), 5);
  EXPECT_DOUBLE_EQ(InterpolatedQuantile(v, 1), 8);
  EXPECT_DOUBLE_EQ(InterpolatedQuantile({7}, 0.25), 7);
}

}  // namespace
}  // namespace connex::fiscal
