// Ledger: one row per project year, one line item per column; every metric is
// derived from these lines, so every number in a result can be traced here.
//
// Storage is one flat buffer (line-major) so an evaluation allocates at most
// once and a reused Ledger not at all.
//
// Sign convention: costs and payments are positive amounts; cash flows
// (pretax_cash_flow, company_cash_flow, state_equity, investor_cash_flow) are
// signed. government_receipts + investor_cash_flow == pretax_cash_flow.
//
// Thread-safety: a Ledger is written by one evaluation at a time.
#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

namespace connex::fiscal {

// X(enumerator, name used in files and outputs, what the line holds)
#define CONNEX_LEDGER_LINES(X)                                                                 \
  X(kGrossRevenue, "gross_revenue", "price x volume, all products")                            \
  X(kFixedOpex, "fixed_opex", "fixed operating cost")                                          \
  X(kVariableOpex, "variable_opex", "variable operating cost per unit x volume")               \
  X(kCharges, "transport_refining", "transport and refining charges per unit x volume")        \
  X(kOpex, "opex", "fixed + variable opex + transport and refining")                           \
  X(kCapexExploration, "capex_exploration", "exploration capital expenditure")                 \
  X(kCapexDevelopment, "capex_development", "development capital expenditure")                 \
  X(kCapexSustaining, "capex_sustaining", "sustaining capital expenditure")                    \
  X(kCapex, "capex", "all capital expenditure")                                                \
  X(kClosure, "closure", "closure and abandonment cost")                                       \
  X(kFundContribution, "fund_contribution", "paid into the decommissioning fund")              \
  X(kFundInterest, "fund_interest", "the fund's earnings on its opening balance")              \
  X(kFundDraw, "fund_draw", "closure paid from the fund")                                      \
  X(kClosureShortfall, "closure_shortfall", "closure the fund does not cover")                 \
  X(kFundRelease, "fund_release", "fund left after closure, returned to the company")          \
  X(kFundBalance, "fund_balance", "fund at year end")                                          \
  X(kPretaxCashFlow, "pretax_cash_flow",                                                       \
    "N: revenue - opex - capex - closure (with a fund: contribution + shortfall - release)")   \
  X(kBonus, "bonus", "signature and production bonuses")                                       \
  X(kSurfaceRent, "surface_rent", "area x rate")                                               \
  X(kVatPaid, "vat_paid", "VAT paid on the year's purchases")                                  \
  X(kVatRefunded, "vat_refunded", "VAT refunded to the company")                               \
  X(kVat, "vat", "VAT paid less VAT refunded")                                                 \
  X(kImportDuty, "import_duty", "import duty on imported capex")                               \
  X(kRoyalty, "royalty", "all royalties")                                                      \
  X(kOperatingCashFlow, "operating_cash_flow",                                                 \
    "revenue - opex - royalties - state split (economic limit)")                               \
  X(kFtp, "ftp", "first tranche petroleum")                                                    \
  X(kFtpState, "ftp_state", "state share of FTP")                                              \
  X(kFtpContractor, "ftp_contractor", "contractor share of FTP")                               \
  X(kCostRecoverable, "cost_recoverable", "costs eligible for recovery incl. carried balance") \
  X(kCostCeiling, "cost_ceiling", "cost recovery limit for the year")                          \
  X(kCostRecovered, "cost_recovered", "cost petroleum")                                        \
  X(kInvestmentCredit, "investment_credit", "investment credit recovered (in cost petroleum)") \
  X(kCostTransferredIn, "cost_transferred_in", "other projects' cost recovered from this one") \
  X(kCostTransferredOut, "cost_transferred_out", "cost recovered from other projects")         \
  X(kCostCarriedForward, "cost_carried_forward", "unrecovered costs at year end")              \
  X(kProfitPetroleum, "profit_petroleum", "value - royalty - FTP - cost petroleum")            \
  X(kRFactor, "r_factor", "R-factor used this year (to end of previous year)")                 \
  X(kStateShareRate, "state_share_rate", "state share of profit petroleum applied")            \
  X(kProfitState, "profit_state", "state share of profit petroleum")                           \
  X(kProfitContractor, "profit_contractor", "contractor share of profit petroleum")            \
  X(kSplitContractor, "gross_split_contractor",                                                \
    "contractor's share of gross revenue (gross split)")                                       \
  X(kSplitState, "gross_split_state", "state's share of gross revenue (gross split)")          \
  X(kDmo, "dmo", "value the contractor forgoes on DMO sales")                                  \
  X(kDmoVolume, "dmo_volume", "units sold to the domestic market (DMO of one product)")        \
  X(kDepreciation, "depreciation", "tax depreciation of capex")                                \
  X(kTaxableBeforeLosses, "taxable_before_losses", "income before loss carry-forward")         \
  X(kLossUsed, "loss_used", "losses brought forward and used")                                 \
  X(kLossCarriedForward, "loss_carried_forward", "unused losses at year end")                  \
  X(kTaxableIncome, "taxable_income", "income after losses (>= 0)")                            \
  X(kIncomeTaxRate, "income_tax_rate", "income tax rate applied (0 in holiday)")               \
  X(kIncomeTax, "income_tax", "income tax incl. minimum tax")                                  \
  X(kRentTax, "resource_rent_tax", "all resource rent tax tiers")                              \
  X(kWindfallTax, "windfall_tax", "windfall / price-based tax")                                \
  X(kCompanyCashFlow, "company_cash_flow", "project company cash flow after all taxes")        \
  X(kStateEquity, "state_equity", "state equity cash flow (receipts - contributions)")         \
  X(kCarryBalance, "carry_balance", "state carry owed to the investor at year end")            \
  X(kWithholdingTax, "withholding_tax", "tax on dividends to the investor")                    \
  X(kGovernmentReceipts, "government_receipts", "G: every receipt of the state")               \
  X(kInvestorCashFlow, "investor_cash_flow", "I: N - G")

enum Line : int {
#define CONNEX_LINE_ENUM(e, name, what) e,
  CONNEX_LEDGER_LINES(CONNEX_LINE_ENUM)
#undef CONNEX_LINE_ENUM
      kLineCount
};

const char* LineName(Line line);
const char* LineDescription(Line line);
// kLineCount when no line has this name.
Line LineFromName(const char* name);

// The lines that are receipts of the state, each one "instrument" in by-instrument reports.
inline constexpr Line kGovernmentLines[] = {
    kBonus,      kSurfaceRent, kVat,         kImportDuty, kRoyalty, kFtpState,    kProfitState,
    kSplitState, kDmo,         kStateEquity, kIncomeTax,  kRentTax, kWindfallTax, kWithholdingTax,
};

// One ledger per evaluation. A ledger of L lanes holds L scenarios side by
// side: the value of line l, year t, scenario s is at ((l * years) + t) * L + s,
// so one year of one line is a contiguous row the engine loads as Lanes<L>.
// line() and at() view single-lane ledgers, the deterministic case. After
// the lines come one row per product: its gross revenue (ProductRevenue),
// whose sum over the products is kGrossRevenue.
class Ledger {
 public:
  Ledger() = default;
  explicit Ledger(int years, int lanes = 1) { Reset(years, lanes); }

  // Zeroes every line; reuses the buffer when it is large enough.
  void Reset(int years, int lanes = 1, int products = 0) {
    years_ = years;
    lanes_ = lanes;
    products_ = products;
    data_.assign(static_cast<std::size_t>(years) * lanes * rows(), 0.0);
  }

  // Sizes the ledger and leaves the values unspecified: for a writer that
  // sets every line of every year (the engine does).
  void Shape(int years, int lanes, int products = 0) {
    years_ = years;
    lanes_ = lanes;
    products_ = products;
    data_.resize(static_cast<std::size_t>(years) * lanes * rows());
  }

  int years() const { return years_; }
  int lanes() const { return lanes_; }
  int products() const { return products_; }
  // The lines and the products' rows: what a copy of the ledger copies.
  int rows() const { return kLineCount + products_; }
  // The row of product p's gross revenue (price x volume), read as a line.
  static Line ProductRevenue(int p) { return static_cast<Line>(kLineCount + p); }

  // The `lanes()` values of line l in year t.
  double* row(Line l, int t) { return data_.data() + Offset(l, t); }
  const double* row(Line l, int t) const { return data_.data() + Offset(l, t); }
  double Lane(Line l, int t, int lane) const {
    assert(lane >= 0 && lane < lanes_);
    return row(l, t)[lane];
  }

  // Single-lane views.
  double* line(Line l) {
    assert(lanes_ == 1);
    return row(l, 0);
  }
  const double* line(Line l) const {
    assert(lanes_ == 1);
    return row(l, 0);
  }
  double& at(Line l, int t) {
    assert(lanes_ == 1 && t >= 0 && t < years_);
    return line(l)[t];
  }
  double at(Line l, int t) const {
    assert(lanes_ == 1 && t >= 0 && t < years_);
    return line(l)[t];
  }
  double Total(Line l) const;

  // Copies scenario `lane` into `single` (a one-lane ledger of the same years).
  void CopyLane(int lane, Ledger& single) const;

 private:
  std::size_t Offset(Line l, int t) const {
    assert(t >= 0 && t < years_);
    return (static_cast<std::size_t>(l) * years_ + t) * lanes_;
  }

  int years_ = 0;
  int lanes_ = 1;
  int products_ = 0;
  std::vector<double> data_;
};

}  // namespace connex::fiscal
