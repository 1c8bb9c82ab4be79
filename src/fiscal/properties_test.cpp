// Properties that must hold for every project and regime (docs/architecture.md,
// "Tests"), checked on randomly generated models with a fixed seed.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <utility>

#include "fiscal/analysis.hpp"

namespace connex::fiscal {
namespace {

class RandomModels {
 public:
  explicit RandomModels(unsigned seed) : rng_(seed) {}

  double U(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
  int I(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Coin() { return I(0, 1) == 1; }

  ProjectSeries MakeProject() { return Resolve(MakeEntered(0, 0)); }

  // Several projects of one taxpayer, over the same years and products.
  ProjectSeries MakeTaxpayer() {
    const int years = I(1, 30), products = I(1, 2);
    fiscal::Project whole;
    for (int k = I(2, 4); k > 0; --k) whole.parts.push_back(MakeEntered(years, products));
    return Resolve(whole);
  }

  // A project as entered; `years` and `products` drawn when 0.
  fiscal::Project MakeEntered(int years, int products) {
    fiscal::Project p;
    p.first_year = 2025;
    p.years = years > 0 ? years : I(1, 30);
    p.inflation = U(0, 0.05);
    const int start = I(0, std::min(4, p.years - 1));
    if (products == 0) products = I(1, 2);
    for (int k = 0; k < products; ++k) {
      Product prod;
      prod.name = "p" + std::to_string(k);
      prod.unit = "u";
      for (int t = 0; t < p.years; ++t) prod.production.push_back(t >= start ? U(0, 1000) : 0);
      prod.price.base = U(10, 100);
      prod.price.escalation = U(-0.02, 0.05);
      prod.variable_opex = U(0, 10);
      prod.transport = U(0, 3);
      p.products.push_back(prod);
    }
    for (int c = 0; c < kCapexClasses; ++c) {
      for (int t = 0; t < p.years; ++t) p.capex[c].push_back(Coin() ? U(0, 20000) : 0);
    }
    for (int t = 0; t < p.years; ++t) {
      p.fixed_opex.push_back(U(0, 5000));
      p.closure.push_back(t == p.years - 1 ? U(0, 20000) : 0);
    }
    return p;
  }

  Rate Fraction(double hi) {
    switch (I(0, 2)) {
      case 0:
        return Rate::Constant(U(0, hi));
      case 1: {
        const double a = U(0, hi), b = U(0, hi), c = U(0, hi);
        const auto driver = static_cast<RateDriver>(I(0, 5));
        const double edge = driver == RateDriver::kRFactor ? 1.0 : 50.0;
        return Rate::Tiered(driver, Coin() ? TierMode::kIncremental : TierMode::kStepped,
                            {{0, edge, a}, {edge, 2 * edge, b}, {2 * edge, kInfinity(), c}});
      }
      default:
        return Rate::Constant(U(0, hi));
    }
  }

  // A regime; with `changes`, sometimes one whose terms change in a year to
  // other random terms (a project of `years` years from 2025).
  fiscal::Regime MakeRegime(int products, int years = 0) {
    fiscal::Regime r;
    r.name = "random";
    if (Coin()) r.bonuses = Bonuses{{{2025, U(0, 1000)}}, {{0, U(0, 5000), U(0, 500)}}, Coin()};
    if (Coin()) r.surface_rent = SurfaceRent{U(0, 100), Rate::Constant(U(0, 10)), Coin()};
    if (Coin()) {
      r.royalties.push_back({"ad valorem", Coin() ? -1 : I(0, products - 1),
                             Coin() ? RoyaltyBase::kGrossValue : RoyaltyBase::kNetSmelterReturn,
                             Fraction(0.2), Coin()});
    }
    if (Coin())
      r.royalties.push_back({"specific", 0, RoyaltyBase::kVolume, Rate::Constant(U(0, 3)), true});
    const bool psc = Coin();
    if (psc) {
      r.profit_split = ProfitSplit{Fraction(0.9)};
      r.cost_recovery = CostRecovery{
          Fraction(1.0), Coin() ? CeilingBase::kGrossValue : CeilingBase::kNetOfRoyaltyAndFtp,
          I(0, 5), U(0, 0.3)};
      if (Coin()) r.cost_recovery->investment_credit = U(0, 0.3);
      if (Coin()) r.ftp = FirstTranche{Rate::Constant(U(0, 0.2)), Coin()};
      if (Coin()) r.dmo = DomesticMarketObligation{U(0, 0.3), U(0, 1), I(0, 5)};
    } else if (Coin()) {
      GrossSplit g;
      for (int p = 0; p < products; ++p) g.base.push_back(Fraction(1.0));
      g.variable.push_back({"field status", "POD I", U(-0.2, 0.2)});
      g.progressive.push_back({"price", Fraction(0.3).Shifted(-0.15)});
      r.gross_split = g;
      if (Coin()) r.dmo = DomesticMarketObligation{U(0, 0.3), U(0, 1), I(0, 5)};
    }
    if (Coin()) {
      ValueAddedTax v;
      v.rate = U(0, 0.2);
      v.opex_share = U(0, 1);
      v.recoverable = Coin();
      v.refund_delay_years = v.recoverable ? I(0, 4) : 0;
      for (bool& e : v.exempt) e = I(0, 3) == 0;
      v.holiday.before_first_production = Coin();
      r.vat = v;
    }
    if (Coin()) {
      ImportDuty d;
      d.rate = U(0, 0.15);
      d.imported_share = U(0, 1);
      d.exempt[static_cast<int>(TaxedCost::kSustaining)] = Coin();
      d.holiday.years = {2025 + I(0, 3)};
      r.import_duty = d;
    }
    if (Coin()) {
      const auto mode = static_cast<ParticipationMode>(I(0, 2));
      r.participation = StateParticipation{U(0, 0.3), mode, U(0, 0.1)};
    }
    if (Coin()) {
      IncomeTax t;
      t.rate = Fraction(0.4);
      for (auto& d : t.depreciation) {
        d.method = static_cast<DepreciationMethod>(I(0, 3));
        d.years = I(1, 8);
        d.rate = U(0.1, 0.5);
      }
      t.start = Coin() ? DepreciationStart::kWhenIncurred : DepreciationStart::kFirstProduction;
      t.losses = static_cast<LossCarryForward>(I(0, 3));
      t.loss_years = I(1, 5);
      t.loss_cap = U(0, 1);
      t.holiday_first_production_years = I(0, 3);
      t.minimum_tax_on_turnover = Coin() ? U(0, 0.02) : 0;
      if (psc && Coin()) t.base = IncomeTaxBase::kCostsAsRecovered;
      r.income_tax = t;
    }
    if (Coin()) {
      ResourceRentTax t;
      t.tiers = {{U(0.05, 0.15), U(0, 0.4)}, {U(0.2, 0.3), U(0, 0.3)}};
      t.base = Coin() ? RentTaxBase::kPreIncomeTax : RentTaxBase::kPostIncomeTax;
      t.deductible_for_income_tax = t.base == RentTaxBase::kPreIncomeTax && Coin();
      r.rrt = t;
    }
    if (Coin()) {
      r.windfall = WindfallTax{Coin() ? WindfallBase::kPrice : WindfallBase::kProfit, 0, U(20, 80),
                               U(0, 0.5)};
    }
    if (Coin()) r.withholding = DividendWithholding{U(0, 0.15)};
    if (Coin()) {
      const auto how = Coin() ? FundContribution::kPerUnit : FundContribution::kSinkingFund;
      r.decommissioning_fund =
          DecommissioningFund{how, I(0, products - 1), U(0, 20), U(0, 0.08), Coin(), Coin()};
    }
    if (years > 1 && Coin()) {
      LaterTerms later;
      later.year = 2025 + I(1, years - 1);
      later.terms = std::make_shared<const Regime>(MakeRegime(products));
      later.unrecovered = static_cast<UnrecoveredCost>(I(0, 2));
      later.losses_kept = Coin();
      r.later = later;
    }
    return r;
  }

 private:
  std::mt19937_64 rng_;
};

constexpr int kModels = 300;

// One random project and regime, evaluated.
struct Evaluated {
  ProjectSeries series;
  Regime regime;
  Ledger ledger;
};

// A ledger row's name: its line's, or the product whose revenue it holds.
std::string RowName(int row) {
  return row < kLineCount ? LineName(static_cast<Line>(row))
                          : "revenue of product " + std::to_string(row - kLineCount);
}

Evaluated EvaluateRandom(RandomModels& gen) {
  Evaluated e;
  e.series = gen.MakeProject();
  e.regime = gen.MakeRegime(e.series.products(), e.series.years);
  Evaluate(e.series, e.regime, e.ledger);
  return e;
}

TEST(Properties, GovernmentPlusInvestorIsPretaxCashFlowEveryYear) {
  RandomModels gen(1);
  for (int i = 0; i < kModels; ++i) {
    const Evaluated e = EvaluateRandom(gen);
    const ProjectSeries& s = e.series;
    const Ledger& l = e.ledger;
    for (int t = 0; t < s.years; ++t) {
      // The investor's cash flow rebuilt from the company's side: what the
      // company keeps, less the state's equity share and dividend tax.
      const double investor =
          l.at(kCompanyCashFlow, t) - l.at(kStateEquity, t) - l.at(kWithholdingTax, t);
      const double n = l.at(kPretaxCashFlow, t);
      ASSERT_NEAR(l.at(kGovernmentReceipts, t) + investor, n, 1e-7 * (1 + std::fabs(n)))
          << "model " << i << " year " << t;
      ASSERT_DOUBLE_EQ(l.at(kInvestorCashFlow, t), n - l.at(kGovernmentReceipts, t));
    }
  }
}

// The fund neither creates nor loses money: what goes in with its interest
// pays closure or returns to the company, and closure is paid in full.
TEST(Properties, TheDecommissioningFundPaysOutWhatItReceivedAndClosureIsPaid) {
  RandomModels gen(10);
  int funds = 0;
  for (int i = 0; i < kModels; ++i) {
    const Evaluated e = EvaluateRandom(gen);
    const Ledger& l = e.ledger;
    const double in = l.Total(kFundContribution) + l.Total(kFundInterest);
    const double out = l.Total(kFundDraw) + l.Total(kFundRelease);
    EXPECT_NEAR(in, out, 1e-9 * (1 + in)) << "model " << i;
    EXPECT_EQ(l.at(kFundBalance, e.series.years - 1), 0) << "model " << i;
    for (int t = 0; t < e.series.years; ++t) {
      const double closure = l.at(kClosure, t);
      EXPECT_NEAR(l.at(kFundDraw, t) + l.at(kClosureShortfall, t), closure, 1e-9 * (1 + closure));
      EXPECT_GE(l.at(kClosureShortfall, t), 0);
    }
    funds += e.regime.decommissioning_fund.has_value();
  }
  EXPECT_GT(funds, kModels / 4);
}

// Terms that change to the very same terms, carrying everything, change
// nothing: the year the change falls in is not a seam.
TEST(Properties, AChangeToTheSameTermsChangesNothing) {
  RandomModels gen(12);
  for (int i = 0; i < kModels; ++i) {
    const ProjectSeries s = gen.MakeProject();
    if (s.years < 2) continue;
    Regime r = gen.MakeRegime(s.products());
    Ledger same, changed;
    Evaluate(s, r, same);
    LaterTerms later;
    later.year = s.first_year + gen.I(1, s.years - 1);
    later.terms = std::make_shared<const Regime>(r);
    r.later = later;
    Evaluate(s, r, changed);
    for (int l = 0; l < kLineCount; ++l) {
      for (int t = 0; t < s.years; ++t) {
        const double a = same.at(static_cast<Line>(l), t);
        ASSERT_NEAR(changed.at(static_cast<Line>(l), t), a, 1e-9 * (1 + std::fabs(a)))
            << "model " << i << " " << LineName(static_cast<Line>(l)) << " year " << t
            << " change in " << later.year;
      }
    }
  }
}

// Losses only ever offset: taxed together, a taxpayer's projects never pay
// more income tax over their life than each taxed alone. It holds for a
// flat rate with losses carried without limit or not at all; losses that
// expire and holidays that count from each project's first production can
// make consolidation cost (docs/fiscal-methodology.md).
TEST(Properties, ConsolidatedIncomeTaxNeverExceedsTheSumOfRingFencedTaxes) {
  RandomModels gen(13);
  int lower = 0;
  for (int i = 0; i < kModels; ++i) {
    const ProjectSeries s = gen.MakeTaxpayer();
    Regime r = gen.MakeRegime(s.products());
    IncomeTax t = r.income_tax.value_or(IncomeTax{});
    t.rate = Rate::Constant(gen.U(0.1, 0.4));
    t.losses = gen.Coin() ? LossCarryForward::kUnlimited : LossCarryForward::kNone;
    t.holiday_first_production_years = 0;
    t.minimum_tax_on_turnover = 0;
    r.income_tax = t;
    Ledger alone, together;
    Evaluate(s, r, alone);
    r.income_tax->consolidated = true;
    Evaluate(s, r, together);
    const double a = alone.Total(kIncomeTax), b = together.Total(kIncomeTax);
    ASSERT_LE(b, a + 1e-9 * (1 + a)) << "model " << i;
    if (b < a - 1e-6) ++lower;
    // Only the tax moves: the project's own cash flow is the same.
    for (int y = 0; y < s.years; ++y) {
      ASSERT_EQ(alone.at(kPretaxCashFlow, y), together.at(kPretaxCashFlow, y)) << "model " << i;
    }
  }
  EXPECT_GT(lower, kModels / 10) << "consolidation should lower the tax of many taxpayers";
}

// The terms without the contract's own amounts, signature bonuses and surface
// rent, which only a taxpayer's first project pays.
Regime WithoutContractAmounts(Regime r) {
  r.surface_rent.reset();
  if (r.bonuses) r.bonuses->signature.clear();
  if (r.later && r.later->terms) {
    r.later->terms = std::make_shared<const Regime>(WithoutContractAmounts(*r.later->terms));
  }
  return r;
}

// Ring-fenced, a taxpayer's projects are each the project alone (the first
// paying the contract's bonuses and rent), and the taxpayer's flows are
// their sum.
TEST(Properties, RingFencedProjectsAreEachTheProjectAloneAndTheWholeIsTheirSum) {
  RandomModels gen(17);
  for (int i = 0; i < kModels; ++i) {
    const ProjectSeries s = gen.MakeTaxpayer();
    const Regime r = gen.MakeRegime(s.products(), s.years);
    std::vector<Ledger> parts;
    EvaluateProjects(s, r, parts);
    Ledger whole;
    Evaluate(s, r, whole);
    ASSERT_EQ(parts.size(), s.parts.size());
    for (size_t k = 0; k < parts.size(); ++k) {
      Ledger alone;
      Evaluate(s.parts[k], k == 0 ? r : WithoutContractAmounts(r), alone);
      for (int l = 0; l < parts[k].rows(); ++l) {
        for (int y = 0; y < s.years; ++y) {
          const Line line = static_cast<Line>(l);
          ASSERT_EQ(std::bit_cast<std::uint64_t>(parts[k].at(line, y)),
                    std::bit_cast<std::uint64_t>(alone.at(line, y)))
              << "model " << i << ", project " << k << ", " << RowName(l) << " " << y;
        }
      }
    }
    for (Line line : {kGovernmentReceipts, kInvestorCashFlow, kPretaxCashFlow, kIncomeTax}) {
      for (int y = 0; y < s.years; ++y) {
        double sum = 0;
        for (const Ledger& p : parts) sum += p.at(line, y);
        ASSERT_EQ(whole.at(line, y), sum) << "model " << i << ", " << LineName(line) << " " << y;
      }
    }
  }
}

TEST(Properties, NpvAtTheIrrIsZero) {
  RandomModels gen(2);
  int defined = 0;
  for (int i = 0; i < kModels; ++i) {
    const Evaluated e = EvaluateRandom(gen);
    const ProjectSeries& s = e.series;
    const Ledger& l = e.ledger;
    for (Line line : {kInvestorCashFlow, kPretaxCashFlow}) {
      const Irr irr = InternalRateOfReturn(l.line(line), s.years);
      if (!irr.defined) continue;
      ++defined;
      // Relative to the discounted magnitudes: near -100% the terms grow like (1+r)^-t.
      double scale = 0;
      for (int t = 0; t < s.years; ++t)
        scale += std::fabs(l.at(line, t)) * std::pow(1 + irr.value, -t);
      EXPECT_NEAR(NpvAtFirstYear(l.line(line), s.years, irr.value), 0, 1e-8 * scale)
          << "model " << i << " irr " << irr.value;
    }
  }
  EXPECT_GT(defined, kModels / 2);  // the generator must exercise the property
}

TEST(Properties, AetrEqualsGovernmentTakeAtZeroDiscountRate) {
  RandomModels gen(3);
  int defined = 0;
  for (int i = 0; i < kModels; ++i) {
    const Evaluated e = EvaluateRandom(gen);
    const ProjectSeries& s = e.series;
    const Ledger& l = e.ledger;
    const Metrics m = ComputeMetrics(s, l, Discounting{0.0, 2025, Timing::kEndOfYear});
    ASSERT_EQ(m.aetr.defined, m.government_take.defined);
    if (!m.aetr.defined) continue;
    ++defined;
    EXPECT_NEAR(m.aetr.value, m.government_take.value, 1e-9 * (1 + std::fabs(m.aetr.value)));
  }
  EXPECT_GT(defined, kModels / 4);
}

TEST(Properties, SteppedEqualsIncrementalWhereTheyMustCoincide) {
  RandomModels gen(4);
  for (int i = 0; i < 1000; ++i) {
    // A table whose tiers share one rate, and any table below its first boundary.
    const double rate = gen.U(0, 1), a = gen.U(0, 100), b = a + gen.U(1, 100);
    const std::vector<Tier> flat = {{0, a, rate}, {a, b, rate}, {b, kInfinity(), rate}};
    const double x = gen.U(-10, 300);
    EXPECT_NEAR(EvaluateTiers(flat, TierMode::kStepped, x),
                EvaluateTiers(flat, TierMode::kIncremental, x), 1e-12);
    const std::vector<Tier> rising = {
        {0, a, rate}, {a, b, gen.U(0, 1)}, {b, kInfinity(), gen.U(0, 1)}};
    const double low = gen.U(0, a);
    EXPECT_NEAR(EvaluateTiers(rising, TierMode::kStepped, low),
                EvaluateTiers(rising, TierMode::kIncremental, low), 1e-12);
  }
}

TEST(Properties, RaisingARoyaltyRateNeverLowersThatYearsGovernmentReceipts) {
  RandomModels gen(5);
  int raised = 0;
  for (int i = 0; i < kModels; ++i) {
    const ProjectSeries s = gen.MakeProject();
    Regime r = gen.MakeRegime(s.products());
    const double base = gen.U(0, 0.2);
    r.royalties.push_back({"scheduled", -1, RoyaltyBase::kGrossValue,
                           Rate::Schedule(std::vector<double>(static_cast<size_t>(s.years), base)),
                           true});
    Ledger before;
    Evaluate(s, r, before);
    const int t = gen.I(0, s.years - 1);
    std::vector<double> higher(static_cast<size_t>(s.years), base);
    higher[static_cast<size_t>(t)] = base + gen.U(0.001, 0.3);
    r.royalties.back().rate = Rate::Schedule(higher);
    Ledger after;
    Evaluate(s, r, after);
    EXPECT_GE(after.at(kGovernmentReceipts, t), before.at(kGovernmentReceipts, t) - 1e-7)
        << "model " << i << " year " << t;
    raised += after.at(kRoyalty, t) > before.at(kRoyalty, t);
  }
  EXPECT_GT(raised, kModels / 2);
}

// With no inflation, real terms are nominal terms, to the bit.
TEST(Properties, RealEqualsNominalAtZeroInflation) {
  RandomModels gen(8);
  for (int i = 0; i < kModels; ++i) {
    const Evaluated e = EvaluateRandom(gen);
    const Discounting d{0.08, 2027, Timing::kMidYear};
    const Metrics nominal = ComputeMetrics(e.series, e.ledger, d);
    const Metrics real = ComputeMetrics(e.series, Deflated(e.series, e.ledger, 2031, 0.0), d);
    for (auto [a, b] : {std::pair{nominal.pv_government, real.pv_government},
                        {nominal.investor_npv, real.investor_npv},
                        {nominal.pv_pretax, real.pv_pretax},
                        {nominal.government_total, real.government_total},
                        {nominal.investor_irr.value, real.investor_irr.value},
                        {nominal.profitability_index.value, real.profitability_index.value}}) {
      ASSERT_EQ(std::bit_cast<std::uint64_t>(a), std::bit_cast<std::uint64_t>(b)) << "model " << i;
    }
    ASSERT_EQ(nominal.aetr.defined, real.aetr.defined);
    ASSERT_EQ(nominal.aetr.value, real.aetr.value);
  }
}

// Each product's revenue is its price times its volume, and the products'
// revenues add up, in their order, to the gross revenue to the bit. A
// taxpayer's are the sums of its projects', added in another order: equal
// to rounding.
TEST(Properties, TheProductsRevenuesAddUpToTheGrossRevenueEveryYear) {
  RandomModels gen(13);
  for (int i = 0; i < kModels; ++i) {
    const bool taxpayer = i % 3 == 0;
    const ProjectSeries s = taxpayer ? gen.MakeTaxpayer() : gen.MakeProject();
    const Regime r = gen.MakeRegime(s.products(), s.years);
    Ledger l;
    Evaluate(s, r, l);
    ASSERT_EQ(l.products(), s.products());
    for (int t = 0; t < s.years; ++t) {
      double sum = 0;
      for (int p = 0; p < s.products(); ++p) {
        const double v = l.at(Ledger::ProductRevenue(p), t);
        const double want = s.price[p][t] * s.production[p][t];
        if (taxpayer) {
          ASSERT_NEAR(v, want, 1e-12 * want) << "model " << i << " year " << t;
        } else {
          ASSERT_EQ(v, want) << "model " << i << " year " << t;
        }
        sum += v;
      }
      const double gross = l.at(kGrossRevenue, t);
      if (taxpayer) {
        ASSERT_NEAR(sum, gross, 1e-12 * gross) << "model " << i << " year " << t;
      } else {
        ASSERT_EQ(sum, gross) << "model " << i << " year " << t;
      }
    }
  }
}

// The PSC's income-tax base (costs deducted as recovered) and the other
// (costs deducted as incurred) must give the same tax when every cost is
// recovered in the year it is incurred: a 100% ceiling on the gross value,
// no FTP, capex recoverable and depreciated when spent, and revenue after
// royalties that covers every year's costs.
// A gross split shares each year's gross revenue: the state's and the
// contractor's parts add up to it, and the state never pays the contractor
// nor takes more than the revenue, whatever the components add.
TEST(Properties, AGrossSplitSharesTheGrossRevenueAndNothingMore) {
  RandomModels gen(17);
  int split = 0;
  for (int i = 0; i < kModels; ++i) {
    const ProjectSeries s = gen.MakeProject();
    Regime r = gen.MakeRegime(s.products(), s.years);
    if (!r.gross_split || r.later) continue;
    ++split;
    Ledger l;
    Evaluate(s, r, l);
    for (int t = 0; t < s.years; ++t) {
      const double gross = l.at(kGrossRevenue, t), state = l.at(kSplitState, t);
      ASSERT_GE(state, 0) << "model " << i << " year " << t;
      ASSERT_LE(state, gross * (1 + 1e-12)) << "model " << i << " year " << t;
      ASSERT_NEAR(state + l.at(kSplitContractor, t), gross, 1e-9 * (1 + gross))
          << "model " << i << " year " << t;
    }
  }
  EXPECT_GT(split, kModels / 20);
}

TEST(Properties, ThePscTaxBasesCoincideWhenEveryCostIsRecoveredInTheYearItIsIncurred) {
  RandomModels gen(12);
  int taxed = 0;
  for (int i = 0; i < kModels; ++i) {
    fiscal::Project p = gen.MakeEntered(0, 0);
    p.inflation = 0;
    for (Product& prod : p.products) {
      for (double& q : prod.production) q = gen.U(500, 1000);
      prod.price.base = gen.U(500, 1000);
      prod.price.escalation = gen.U(0, 0.03);
    }
    const ProjectSeries series = Resolve(p);
    Regime incurred = gen.MakeRegime(series.products());
    incurred.profit_split = ProfitSplit{gen.Fraction(0.9)};
    incurred.cost_recovery = CostRecovery{Rate::Constant(1.0), CeilingBase::kGrossValue, 0, 0};
    incurred.ftp.reset();
    incurred.decommissioning_fund.reset();
    IncomeTax tax;
    tax.rate = gen.Fraction(0.4);
    for (Depreciation& d : tax.depreciation) d.method = DepreciationMethod::kImmediate;
    tax.losses = static_cast<LossCarryForward>(gen.I(0, 3));
    tax.minimum_tax_on_turnover = gen.Coin() ? gen.U(0, 0.02) : 0;
    incurred.income_tax = tax;
    Regime recovered = incurred;
    recovered.income_tax->base = IncomeTaxBase::kCostsAsRecovered;

    Ledger a, b;
    Evaluate(series, incurred, a);
    Evaluate(series, recovered, b);
    for (int t = 0; t < series.years; ++t) {
      // Every cost recovered in its year: nothing is carried.
      ASSERT_EQ(a.at(kCostCarriedForward, t), 0.0) << "model " << i << " year " << t;
      const double scale = 1 + std::abs(a.at(kTaxableBeforeLosses, t));
      ASSERT_NEAR(a.at(kTaxableBeforeLosses, t), b.at(kTaxableBeforeLosses, t), 1e-9 * scale)
          << "model " << i << " year " << t;
      ASSERT_NEAR(a.at(kIncomeTax, t), b.at(kIncomeTax, t), 1e-9 * scale)
          << "model " << i << " year " << t;
      ASSERT_EQ(b.at(kDepreciation, t), 0.0);
      if (a.at(kIncomeTax, t) > 0) ++taxed;
    }
  }
  EXPECT_GT(taxed, kModels);  // most models pay tax in most years
}

// Point-forward from the first year is the whole project valued in that year.
TEST(Properties, PointForwardFromTheFirstYearIsTheWholeProject) {
  RandomModels gen(9);
  for (int i = 0; i < kModels; ++i) {
    const Evaluated e = EvaluateRandom(gen);
    const Discounting d{0.1, e.series.first_year, Timing::kEndOfYear};
    const Metrics whole = ComputeMetrics(e.series, e.ledger, d);
    const Metrics forward = PointForwardMetrics(e.series, e.ledger, d, e.series.first_year);
    ASSERT_EQ(whole.investor_npv, forward.investor_npv) << "model " << i;
    ASSERT_EQ(whole.pv_government, forward.pv_government) << "model " << i;
    ASSERT_EQ(whole.front_loading.value, forward.front_loading.value) << "model " << i;
    // From the last year, the window has one year: its payback is that year or none.
    const Metrics last =
        PointForwardMetrics(e.series, e.ledger, d, e.series.first_year + e.series.years - 1);
    ASSERT_EQ(last.investor_total, e.ledger.at(kInvestorCashFlow, e.series.years - 1));
  }
}

// Present value at the cost inflation rate: what a cost is in real terms.
double RealTotal(const ProjectSeries& s, const Ledger& l, Line line) {
  double sum = 0;
  for (int t = 0; t < s.years; ++t) sum += l.at(line, t) * std::pow(1 + s.inflation, -t);
  return sum;
}

// The economic limit cuts only the years after the last one that covers its
// running costs; the years before are those of the project run in full; the
// mine is closed at the same real cost; with nothing to cut, nothing changes.
TEST(Properties, TheEconomicLimitCutsOnlyYearsAfterTheLastThatCoversItsRunningCosts) {
  RandomModels gen(13);
  int cut = 0, uncut = 0;
  for (int i = 0; i < kModels; ++i) {
    ProjectSeries s = gen.MakeProject();
    const Regime r = gen.MakeRegime(s.products());
    Ledger full, limited;
    Evaluate(s, r, full);
    s.economic_limit = true;
    Evaluate(s, r, limited);
    // A project that never covers its running costs stops before producing.
    int stop = s.first_production_index - 1;
    for (int t = 0; t < s.years; ++t) {
      if (limited.at(kOperatingCashFlow, t) > 0) stop = t;
    }
    // Units-of-production depreciation spreads capex over the reserves, which
    // the cut shrinks: its taxes change before the stop, the project does not.
    bool by_reserves = false;
    if (r.income_tax) {
      for (const Depreciation& d : r.income_tax->depreciation) {
        by_reserves |= d.method == DepreciationMethod::kUnitsOfProduction;
      }
    }
    const int same_lines = by_reserves ? kPretaxCashFlow + 1 : kLineCount;
    bool any = false;
    for (int t = 0; t < s.years; ++t) {
      if (t <= stop) {
        for (int l = 0; l < same_lines; ++l) {
          ASSERT_EQ(std::bit_cast<std::uint64_t>(full.at(static_cast<Line>(l), t)),
                    std::bit_cast<std::uint64_t>(limited.at(static_cast<Line>(l), t)))
              << "model " << i << " " << LineName(static_cast<Line>(l)) << " year " << t;
        }
        continue;
      }
      ASSERT_EQ(limited.at(kGrossRevenue, t), 0) << "model " << i << " year " << t;
      ASSERT_EQ(limited.at(kOpex, t), 0) << "model " << i << " year " << t;
      ASSERT_EQ(limited.at(kCapexSustaining, t), 0) << "model " << i << " year " << t;
      any |= full.at(kGrossRevenue, t) != 0 || full.at(kOpex, t) != 0 ||
             full.at(kCapexSustaining, t) != 0;
    }
    EXPECT_NEAR(RealTotal(s, limited, kClosure), RealTotal(s, full, kClosure),
                1e-9 * (1 + RealTotal(s, full, kClosure)))
        << "model " << i;
    if (!any) {
      for (int l = 0; l < kLineCount; ++l) {
        for (int t = 0; t < s.years; ++t) {
          ASSERT_EQ(full.at(static_cast<Line>(l), t), limited.at(static_cast<Line>(l), t))
              << "model " << i << " " << LineName(static_cast<Line>(l)) << " year " << t;
        }
      }
    }
    any ? ++cut : ++uncut;
  }
  // The generator must exercise both sides.
  EXPECT_GT(cut, kModels / 20);
  EXPECT_GT(uncut, kModels / 10);
}

}  // namespace
}  // namespace connex::fiscal

namespace connex::fiscal {
namespace {

// The batch path is the deterministic path: every lane of a batch equals that
// scenario evaluated alone, to the bit, for any regime the generator makes.
TEST(Properties, EveryLaneOfABatchEqualsThatScenarioAlone) {
  RandomModels gen(6);
  for (int i = 0; i < 100; ++i) {
    // Every fourth is a taxpayer of several projects, all taxed together.
    const bool taxpayer = i % 4 == 3;
    ProjectSeries s = taxpayer ? gen.MakeTaxpayer() : gen.MakeProject();
    Regime r = gen.MakeRegime(s.products());
    if (taxpayer) {
      if (r.income_tax) r.income_tax->consolidated = true;
      if (r.rrt) r.rrt->consolidated = true;
      if (r.cost_recovery) r.cost_recovery->consolidated = true;
    }
    ScenarioInputs<kLanes> in;
    for (int lane = 0; lane < kLanes; ++lane) {
      in.price.Set(lane, 0.5 + 0.2 * lane);
      in.capex.Set(lane, 1.3 - 0.1 * lane);
      in.opex.Set(lane, 0.8 + 0.05 * lane);
      in.production.Set(lane, 1.0 + 0.02 * lane);
    }
    s.economic_limit =
        !taxpayer && i % 2 == 1;  // the cut differs by lane: each lane stops on its own
    Ledger batch;
    EvaluateBatch(s, r, in, batch);
    for (int lane = 0; lane < kLanes; ++lane) {
      ScenarioInputs<1> one;
      one.price.Set(0, in.price[lane]);
      one.capex.Set(0, in.capex[lane]);
      one.opex.Set(0, in.opex[lane]);
      one.production.Set(0, in.production[lane]);
      Ledger alone;
      EvaluateBatch(s, r, one, alone);
      ASSERT_EQ(batch.rows(), alone.rows());
      for (int l = 0; l < batch.rows(); ++l) {
        for (int t = 0; t < s.years; ++t) {
          ASSERT_EQ(std::bit_cast<std::uint64_t>(alone.at(static_cast<Line>(l), t)),
                    std::bit_cast<std::uint64_t>(batch.Lane(static_cast<Line>(l), t, lane)))
              << RowName(l) << " year " << t << " lane " << lane;
        }
      }
    }
  }
}

}  // namespace
}  // namespace connex::fiscal
