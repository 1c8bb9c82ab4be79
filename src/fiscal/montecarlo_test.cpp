// Monte Carlo: reproducibility, zero-volatility exactness, convergence.
#include "fiscal/montecarlo.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "fiscal/analysis.hpp"
#include "fiscal/random.hpp"
#include "fiscal/test_projects.hpp"

namespace connex::fiscal {
namespace {

// Ten years: development, then production under royalty, cost recovery and
// income tax with loss carry-forward: enough for every outcome to be defined.
struct Case {
  ProjectSeries series = testing::OneProduct(
      {0, 0, 100, 120, 120, 110, 100, 90, 80, 70}, std::vector<double>(10, 60.0),
      {2000, 3000, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 900, 900, 900, 900, 900, 900, 900, 900});
  Regime regime;
  Discounting discounting;

  Case() {
    regime.name = "test";
    Royalty r;
    r.rate = Rate::Constant(0.1);
    regime.royalties.push_back(r);
    IncomeTax tax;
    tax.rate = Rate::Constant(0.3);
    tax.losses = LossCarryForward::kUnlimited;
    regime.income_tax = tax;
    discounting.valuation_year = 2025;
  }
};

Uncertainty Volatile(double sd) {
  Uncertainty u;
  u.prices.push_back({0, PriceProcess::kGbm, sd, 0, 0});
  u.multipliers[static_cast<int>(MultiplierOf::kCapex)] =
      MultiplierUncertainty{Spread::kLognormal, 1, sd};
  u.multipliers[static_cast<int>(MultiplierOf::kOpex)] =
      MultiplierUncertainty{Spread::kNormal, 1, sd};
  u.multipliers[static_cast<int>(MultiplierOf::kProduction)] =
      MultiplierUncertainty{Spread::kTriangular, 1, 0, 1 - sd, 1, 1 + 2 * sd};
  u.correlation = {{1, 0.5, 0, 0}, {0.5, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
  return u;
}

MonteCarloResult Simulate(const Case& c, const Uncertainty& u, std::int64_t n, int threads,
                          bool by_year = false) {
  const Sampler sampler(u, c.series.years, c.series.products());
  MonteCarloOptions o;
  o.scenarios = n;
  o.seed = 99;
  o.threads = threads;
  o.government_pv_floor = 1000;
  o.year_percentiles = by_year;
  return RunMonteCarlo(c.series, c.regime, c.discounting, sampler, o);
}

TEST(MonteCarlo, ZeroVolatilityReproducesTheDeterministicRunExactly) {
  const Case c;
  const MonteCarloResult r = Simulate(c, Volatile(0), 10000, 2);
  Ledger ledger;
  Evaluate(c.series, c.regime, ledger);
  const Metrics m = ComputeMetrics(c.series, ledger, c.discounting);
  ASSERT_TRUE(m.aetr.defined);
  ASSERT_TRUE(m.investor_irr.defined);
  const double expected[] = {m.pv_government, m.investor_npv, m.aetr.value, m.investor_irr.value};
  for (int o = 0; o < kOutcomeCount; ++o) {
    const Summary& s = r.outcomes[o];
    EXPECT_EQ(s.count, 10000) << ToString(static_cast<Outcome>(o));
    EXPECT_EQ(s.mean, expected[o]) << ToString(static_cast<Outcome>(o));
    EXPECT_EQ(s.sd, 0.0);
    for (double p : s.percentiles) EXPECT_EQ(p, expected[o]);
  }
  for (int t = 0; t < c.series.years; ++t) {
    EXPECT_EQ(r.mean_government[t], ledger.at(kGovernmentReceipts, t));
    EXPECT_EQ(r.mean_investor[t], ledger.at(kInvestorCashFlow, t));
  }
  EXPECT_EQ(r.investor_loss.value, m.investor_npv < 0 ? 1.0 : 0.0);
}

TEST(MonteCarlo, YearPercentilesFanOutAroundTheDeterministicYearOnlyWhenAsked) {
  const Case c;
  EXPECT_TRUE(Simulate(c, Volatile(0.3), 1000, 1).government_by_year.empty());
  // No uncertainty: every percentile of every year is that year's receipts.
  const MonteCarloResult flat = Simulate(c, Volatile(0), 1000, 1, true);
  Ledger ledger;
  Evaluate(c.series, c.regime, ledger);
  ASSERT_EQ(flat.government_by_year.size(), 10u);
  for (int t = 0; t < 10; ++t) {
    for (double p : flat.government_by_year[static_cast<size_t>(t)]) {
      EXPECT_EQ(p, ledger.at(kGovernmentReceipts, t)) << t;
    }
  }
  // Uncertain prices: the band widens in producing years, in order, and is
  // the same on any number of threads.
  const std::int64_t n = 2 * kBlockScenarios + 5;
  const MonteCarloResult fan = Simulate(c, Volatile(0.3), n, 1, true);
  EXPECT_EQ(fan.government_by_year, Simulate(c, Volatile(0.3), n, 2, true).government_by_year);
  for (int t = 2; t < 10; ++t) {
    const std::vector<double>& p = fan.government_by_year[static_cast<size_t>(t)];
    for (size_t i = 1; i < p.size(); ++i) EXPECT_LE(p[i - 1], p[i]) << t;
    EXPECT_LT(p.front(), p.back()) << t;
    EXPECT_LT(p.front(), fan.mean_government[static_cast<size_t>(t)]);
    EXPECT_GT(p.back(), fan.mean_government[static_cast<size_t>(t)]);
  }
}

TEST(MonteCarlo, SameSeedGivesIdenticalBitsOnOneTwoAndThreeThreads) {
  const Case c;
  const Uncertainty u = Volatile(0.3);
  // Not a multiple of the block or the lane count: the last block is partial.
  const MonteCarloResult one = Simulate(c, u, 3 * kBlockScenarios + 77, 1);
  for (int threads : {2, 3}) {
    const MonteCarloResult many = Simulate(c, u, 3 * kBlockScenarios + 77, threads);
    for (int o = 0; o < kOutcomeCount; ++o) {
      const Summary &a = one.outcomes[o], &b = many.outcomes[o];
      EXPECT_EQ(a.count, b.count);
      EXPECT_EQ(a.mean, b.mean);
      EXPECT_EQ(a.sd, b.sd);
      EXPECT_EQ(a.min, b.min);
      EXPECT_EQ(a.max, b.max);
      for (int i = 0; i < kPercentileCount; ++i) EXPECT_EQ(a.percentiles[i], b.percentiles[i]);
      EXPECT_EQ(a.histogram.counts, b.histogram.counts);
    }
    EXPECT_EQ(one.mean_government, many.mean_government);
    EXPECT_EQ(one.investor_loss.value, many.investor_loss.value);
    EXPECT_EQ(one.government_below_floor.value, many.government_below_floor.value);
  }
  EXPECT_GT(one.outcomes[0].sd, 0.0);  // the scenarios did differ
}

TEST(MonteCarlo, AScenarioDrawsTheSameInputsAloneOrInABatch) {
  const Uncertainty u = Volatile(0.3);
  const Sampler sampler(u, 10, 1);
  std::vector<Lanes<kLanes>> batch(10);
  ScenarioInputs<kLanes> in;
  sampler.Sample(7, 40, batch.data(), in);
  for (int lane = 0; lane < kLanes; ++lane) {
    std::vector<Lanes<1>> alone(10);
    ScenarioInputs<1> one;
    sampler.Sample(7, 40 + lane, alone.data(), one);
    for (int t = 0; t < 10; ++t) EXPECT_EQ(alone[t][0], batch[t][lane]);
    EXPECT_EQ(one.capex[0], in.capex[lane]);
    EXPECT_EQ(one.opex[0], in.opex[lane]);
    EXPECT_EQ(one.production[0], in.production[lane]);
  }
}

TEST(MonteCarlo, LognormalMultiplierMeanConvergesWithinThreeStandardErrors) {
  MultiplierUncertainty m{Spread::kLognormal, 1.2, 0.4};
  const int n = 200000;
  Moments moments;
  for (int i = 0; i < n; i += kLanes) {
    NormalStream<kLanes> stream(5, static_cast<std::uint64_t>(i));
    const Lanes<kLanes> z = stream.Next();
    for (int lane = 0; lane < kLanes; ++lane) moments.Add(Multiplier(m, z[lane]));
  }
  const double se = std::sqrt(moments.Variance() / moments.count);
  EXPECT_NEAR(moments.mean, 1.2, 3 * se);
  EXPECT_NEAR(std::sqrt(moments.Variance()), 0.4, 0.01);
}

TEST(MonteCarlo, StopKeepsTheScenariosFoldedSoFarAndSaysPartial) {
  const Case c;
  const Sampler sampler(Volatile(0.2), c.series.years, c.series.products());
  std::atomic<bool> stop{false};
  MonteCarloOptions o;
  o.scenarios = 50 * kBlockScenarios;
  o.threads = 2;
  o.stop = &stop;
  o.progress = [&stop](std::int64_t done, std::int64_t) {
    if (done >= 2 * kBlockScenarios) stop.store(true);
  };
  const MonteCarloResult r = RunMonteCarlo(c.series, c.regime, c.discounting, sampler, o);
  EXPECT_TRUE(r.partial);
  EXPECT_GE(r.completed, 2 * kBlockScenarios);
  EXPECT_LT(r.completed, o.scenarios);
  EXPECT_EQ(r.completed % kBlockScenarios, 0);
  EXPECT_EQ(r.outcomes[0].count, r.completed);
}

TEST(Philox, MatchesTheRandom123KnownAnswers) {
  // Random123 tests/kat_vectors, "philox4x32 10" lines.
  PhiloxLanes<1> zero = {{{0}, {0}, {0}, {0}}};
  Philox4x32(zero, {0, 0});
  EXPECT_EQ(zero.word[0][0], 0x6627e8d5u);
  EXPECT_EQ(zero.word[1][0], 0xe169c58du);
  EXPECT_EQ(zero.word[2][0], 0xbc57ac4cu);
  EXPECT_EQ(zero.word[3][0], 0x9b00dbd8u);
  PhiloxLanes<1> ones = {{{0xffffffff}, {0xffffffff}, {0xffffffff}, {0xffffffff}}};
  Philox4x32(ones, {0xffffffff, 0xffffffff});
  EXPECT_EQ(ones.word[0][0], 0x408f276du);
  EXPECT_EQ(ones.word[3][0], 0x6d5451fdu);
  PhiloxLanes<1> pi = {{{0x243f6a88}, {0x85a308d3}, {0x13198a2e}, {0x03707344}}};
  Philox4x32(pi, {0xa4093822, 0x299f31d0});
  EXPECT_EQ(pi.word[0][0], 0xd16cfe09u);
  EXPECT_EQ(pi.word[1][0], 0x94fdccebu);
  EXPECT_EQ(pi.word[2][0], 0x5001e420u);
  EXPECT_EQ(pi.word[3][0], 0x24126ea1u);
}

TEST(LaneMath, ExpLogAndSinCosAgreeWithTheCLibrary) {
  for (double x : {-700.0, -20.5, -1.0, -1e-9, 0.0, 0.3, 1.0, 7.25, 300.0, 700.0}) {
    EXPECT_NEAR(Exp(Lanes<1>::Fill(x))[0] / std::exp(x), 1.0, 4e-16) << x;
  }
  for (double x : {1e-300, 2.2e-16, 0.001, 0.5, 0.70710678, 1.0, 1.5, 3.0, 1e10, 1e300}) {
    EXPECT_NEAR(Log(Lanes<1>::Fill(x))[0], std::log(x),
                4e-16 * std::max(1.0, std::fabs(std::log(x))))
        << x;
  }
  for (double u : {0.0, 0.01, 0.125, 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.999, 1.0}) {
    Lanes<1> s, c;
    SinCos2Pi(Lanes<1>::Fill(u), s, c);
    EXPECT_NEAR(s[0], std::sin(2 * M_PI * u), 1e-15) << u;
    EXPECT_NEAR(c[0], std::cos(2 * M_PI * u), 1e-15) << u;
  }
}

TEST(Cholesky, RejectsAMatrixThatIsNotPositiveSemiDefinite) {
  // a~b and b~c strongly, a and c opposed: impossible.
  const Cholesky bad = Factor({{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}});
  ASSERT_TRUE(bad.error.has_value());
  EXPECT_NE(bad.error->find("not positive semi-definite"), std::string::npos);
  // Perfect correlation is singular but valid.
  const Cholesky perfect = Factor({{1, 1}, {1, 1}});
  EXPECT_FALSE(perfect.error.has_value());
  EXPECT_DOUBLE_EQ(perfect.lower[1][0], 1.0);
  EXPECT_DOUBLE_EQ(perfect.lower[1][1], 0.0);
}

}  // namespace
}  // namespace connex::fiscal
