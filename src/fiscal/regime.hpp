// Regime: the fiscal terms of one contract or law, as a set of instruments.
// Instruments describe terms only; the engine (engine.hpp) evaluates them in
// a fixed, documented order whatever order they were listed in:
//   bonuses, surface rent, royalties, FTP, cost recovery, profit split or
//   gross split, DMO,
//   income tax (with RRT computed first when its base is pre-income-tax),
//   resource rent tax, windfall tax, state participation, withholding tax.
// A decommissioning fund changes how closure is paid, so it is settled with
// the project's costs, before any of them.
// Options, not reordering, cover the interactions ("RRT deductible for income tax").
//
// Thread-safety: plain values.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "fiscal/rate.hpp"

namespace connex::fiscal {

struct SignatureBonus {
  int year = 0;  // calendar year
  double amount = 0;
};

struct ProductionBonus {
  int product = 0;
  double cumulative = 0;  // paid in the year cumulative production first reaches this
  double amount = 0;
};

struct Bonuses {
  std::vector<SignatureBonus> signature;
  std::vector<ProductionBonus> production;
  bool deductible = false;  // for income tax
};

struct SurfaceRent {
  double area = 0;  // km2
  Rate rate;        // currency per km2 per year
  bool deductible = true;
};

enum class RoyaltyBase {
  kGrossValue,        // price x volume
  kNetSmelterReturn,  // price x volume - transport and refining charges
  kVolume,            // specific: rate is an amount per unit
};

struct Royalty {
  std::string name;
  int product = -1;  // -1: every product (not allowed for kVolume)
  RoyaltyBase base = RoyaltyBase::kGrossValue;
  Rate rate;
  bool deductible = true;  // for income tax
  // The law's general rate, when these terms grant a lower one: the
  // difference is an incentive (tax_expenditure.hpp). -1: none given.
  double standard_rate = -1;
};

struct FirstTranche {
  Rate rate;           // share of gross value
  bool shared = true;  // split per the profit split; otherwise all to the state
};

enum class CeilingBase { kGrossValue, kNetOfRoyaltyAndFtp };

// An indirect tax's years off: calendar years, and every year before first
// production (the exploration and development phase).
struct IndirectTaxHoliday {
  std::vector<int> years;
  bool before_first_production = false;
};

// The costs an indirect tax may be levied on: operating costs, then the
// capex classes in CapexClass order.
enum class TaxedCost { kOpex, kExploration, kDevelopment, kSustaining };
inline constexpr int kTaxedCosts = 4;
inline constexpr EnumNames<TaxedCost, 4> kTaxedCostNames{
    {"opex", "exploration", "development", "sustaining"}};

// Value added tax on the project's purchases (docs/fiscal-methodology.md,
// "Indirect taxes"): paid on `opex_share` of opex and `capex_share` of
// capex, unless exempt or on holiday. Recoverable, it is refunded
// `refund_delay_years` later and costs the company only the wait; otherwise
// it is part of the cost it falls on, deducted and recovered with it.
struct ValueAddedTax {
  double rate = 0;
  double opex_share = 1;
  double capex_share = 1;
  bool recoverable = true;
  int refund_delay_years = 0;
  bool exempt[kTaxedCosts] = {};
  IndirectTaxHoliday holiday;
};

// Import duty on the imported share of capex, unless exempt or on holiday;
// part of the capex it falls on, deducted and recovered with it.
struct ImportDuty {
  double rate = 0;
  double imported_share = 1;
  bool exempt[kTaxedCosts] = {};  // opex is never dutiable
  IndirectTaxHoliday holiday;
};

struct CostRecovery {
  Rate ceiling;  // share of the ceiling base
  CeilingBase ceiling_base = CeilingBase::kGrossValue;
  int capex_recovery_years = 0;  // 0: capex recoverable when spent; n: straight line over n years
  double uplift = 0;             // added to capex when it becomes recoverable
  // A share of development capex recovered as cost oil on top of the capex,
  // as the capex becomes recoverable, after every cost; unlike the uplift,
  // never deducted from income tax.
  double investment_credit = 0;
  // Several projects: each keeps its own account, and what one cannot
  // recover in a year is recovered from the room the others leave.
  bool consolidated = false;
};

struct ProfitSplit {
  Rate state_share;
};

// One field characteristic of a gross split: the row of the law's table
// the field falls in, and what that row adds to the contractor's split.
struct SplitComponent {
  std::string name;    // the characteristic, e.g. "field status"
  std::string choice;  // the row, e.g. "POD I"
  double split = 0;    // added to the contractor's share; negative lowers it
};

// One progressive component: a rate of a driver (price, cumulative
// production...) added to the contractor's split each year.
struct ProgressiveComponent {
  std::string name;
  Rate split;
};

// Gross split (docs/fiscal-methodology.md, "Gross split"): no cost recovery
// and no profit split. Each year the contractor keeps its share of each
// product's gross revenue, base + variable + progressive components, held
// within 0..1; the state takes the rest. The contractor pays every cost
// and its income tax.
struct GrossSplit {
  std::vector<Rate> base;  // per product: the contractor's base split
  std::vector<SplitComponent> variable;
  std::vector<ProgressiveComponent> progressive;
};

struct DomesticMarketObligation {
  double share = 0;           // of the contractor's entitlement
  double price_fraction = 0;  // of the market price paid for DMO volumes
  int holiday_years = 0;      // first production years without DMO
  // By volume, of one product: `share` of the contractor's entitlement in
  // that product's units (its revenue's part of the entitlement), paid
  // `price_fraction` of the market price or, when `unit_price` >= 0, that
  // price per unit. -1: of the entitlement's value, every product.
  int product = -1;
  double unit_price = -1;
};

enum class ParticipationMode { kPaid, kCarried, kFree };

struct StateParticipation {
  double share = 0;
  ParticipationMode mode = ParticipationMode::kPaid;
  double carry_interest = 0;  // carried: annual rate on the carry balance
};

enum class DepreciationMethod { kStraightLine, kDecliningBalance, kUnitsOfProduction, kImmediate };

struct Depreciation {
  DepreciationMethod method = DepreciationMethod::kStraightLine;
  int years = 5;       // straight line
  double rate = 0.25;  // declining balance
  int product = 0;     // units of production
};

enum class DepreciationStart { kWhenIncurred, kFirstProduction };

enum class LossCarryForward { kNone, kUnlimited, kLimitedYears, kCappedShare };

// What the income tax deducts (docs/fiscal-methodology.md, "Income-tax base").
enum class IncomeTaxBase {
  kCostsAsIncurred,   // revenue less costs when incurred (opex, depreciation, closure)
  kCostsAsRecovered,  // a PSC's: entitlement less cost petroleum, i.e. profit share + FTP share
};

struct IncomeTax {
  IncomeTaxBase base = IncomeTaxBase::kCostsAsIncurred;
  Rate rate;
  Depreciation depreciation[3];  // per CapexClass
  DepreciationStart start = DepreciationStart::kWhenIncurred;
  bool deduct_closure = true;
  LossCarryForward losses = LossCarryForward::kUnlimited;
  int loss_years = 0;     // kLimitedYears
  double loss_cap = 1.0;  // kCappedShare: share of the year's income that losses may offset
  std::vector<int> holiday_years;  // calendar years without income tax
  int holiday_first_production_years = 0;
  double minimum_tax_on_turnover = 0;  // share of gross revenue; 0 = none
  // Several projects: taxed together, one project's losses offsetting
  // another's income; otherwise each project is taxed alone (ring-fenced).
  bool consolidated = false;
  // The law's general rate, when these terms grant a lower one (see Royalty).
  double standard_rate = -1;
};

enum class RentTaxBase { kPreIncomeTax, kPostIncomeTax };

struct RentTaxTier {
  double threshold = 0;  // accumulation rate of the cash-flow account
  double rate = 0;
};

inline constexpr int kMaxRentTaxTiers = 8;

struct ResourceRentTax {
  std::vector<RentTaxTier> tiers;  // rising thresholds; at most kMaxRentTaxTiers
  RentTaxBase base = RentTaxBase::kPreIncomeTax;
  bool deductible_for_income_tax = false;  // only with the pre-income-tax base
  bool consolidated = false;               // several projects: one set of accounts
};

enum class WindfallBase { kPrice, kProfit };

struct WindfallTax {
  WindfallBase base = WindfallBase::kPrice;
  int product = 0;     // price base
  double trigger = 0;  // price per unit (price base) or amount per year (profit base)
  double rate = 0;
};

struct DividendWithholding {
  double rate = 0;
};

enum class FundContribution { kPerUnit, kSinkingFund };

// Closure paid from a fund the company builds during production
// (docs/fiscal-methodology.md, "Decommissioning fund"). Each year the fund
// earns `interest` on its opening balance and receives the contribution; the
// closure of the year is drawn from it as far as it goes, the company pays
// the shortfall, and what is left after the last year returns to the company.
struct DecommissioningFund {
  FundContribution contribution = FundContribution::kPerUnit;
  int product = 0;          // per unit: the product whose volume is charged
  double per_unit = 0;      // per unit: nominal money per unit produced
  double interest = 0;      // the fund's earnings a year, and the sinking-fund rate
  bool deductible = true;   // for income tax when paid in; closure then only for its shortfall
  bool recoverable = true;  // as cost when paid in; closure then only for its shortfall
};

struct Regime;

// What the earlier terms' unrecovered costs become when later terms take over.
enum class UnrecoveredCost { kRecoverable, kDeductible, kLost };
inline constexpr EnumNames<UnrecoveredCost, 3> kUnrecoveredCostNames{
    {"recoverable", "deductible", "lost"}};

// Terms that take over from a year on (docs/fiscal-methodology.md, "Terms
// that change"): a law that changes while a stabilised contract does not, or
// a contract that migrates to another regime. The cost-recovery balance, tax
// losses, depreciation of earlier capex, rent-tax accounts, the state's carry
// and the decommissioning fund carry across as these say.
struct LaterTerms {
  int year = 0;                         // calendar year from which `terms` apply
  std::string name;                     // of the term sheet `terms` copies
  std::shared_ptr<const Regime> terms;  // changes no further
  UnrecoveredCost unrecovered = UnrecoveredCost::kRecoverable;
  bool losses_kept = true;  // tax losses brought forward stay usable
};

struct Regime {
  std::string name;
  std::optional<Bonuses> bonuses;
  std::optional<SurfaceRent> surface_rent;
  std::vector<Royalty> royalties;
  std::optional<FirstTranche> ftp;
  std::optional<CostRecovery> cost_recovery;
  std::optional<ProfitSplit> profit_split;
  std::optional<GrossSplit> gross_split;
  std::optional<DomesticMarketObligation> dmo;
  std::optional<ValueAddedTax> vat;
  std::optional<ImportDuty> import_duty;
  std::optional<StateParticipation> participation;
  std::optional<IncomeTax> income_tax;
  std::optional<ResourceRentTax> rrt;
  std::optional<WindfallTax> windfall;
  std::optional<DividendWithholding> withholding;
  std::optional<DecommissioningFund> decommissioning_fund;
  std::optional<LaterTerms> later;

  // True when some rate, of these terms or the later ones, depends on
  // `driver`: the engine computes costly drivers (investor IRR to date above
  // all) only when some rate needs them.
  bool Uses(RateDriver driver) const;
};

}  // namespace connex::fiscal
