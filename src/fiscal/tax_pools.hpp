// Tax pools that carry from year to year, for W scenarios: losses carried
// forward under an income tax's rule, and the cash-flow accounts of a
// resource rent tax. A project holds its own; a taxpayer that consolidates
// an instrument holds one for all its projects (engine.cpp).
//
// Thread-safety: plain values.
#pragma once

#include <algorithm>
#include <vector>

#include "fiscal/lanes.hpp"
#include "fiscal/regime.hpp"

namespace connex::fiscal::internal {

// The loss rule of terms without income tax: losses carried without limit,
// for pools that must exist whether or not the terms tax income.
inline const IncomeTax& NoIncomeTax() {
  static const IncomeTax none;
  return none;
}

// Losses of one year, usable until (and including) year index `expires`.
struct LossVintage {
  double amount;
  int expires;
};

// Carries losses forward under the regime's rule, for W scenarios.
template <int W>
class LossPool {
 public:
  using V = Lanes<W>;

  // Copies the rule: the pool may outlive a temporary IncomeTax.
  explicit LossPool(const IncomeTax& tax)
      : rule_(tax.losses), years_(tax.loss_years), cap_(tax.loss_cap) {}

  // The later terms' rule from year t on, for the losses carried: a balance
  // becomes one loss of the year before, vintages one balance.
  void Adopt(const IncomeTax& tax, int t) {
    const bool was_limited = rule_ == LossCarryForward::kLimitedYears;
    const bool limited = tax.losses == LossCarryForward::kLimitedYears;
    const V carried = Balance();  // under the rule they were kept by
    rule_ = tax.losses;
    years_ = tax.loss_years;
    cap_ = tax.loss_cap;
    if (was_limited == limited) return;
    Clear();
    Add(carried, t);
  }

  void Clear() {
    balance_ = V::Fill(0);
    for (auto& v : vintages_) v.clear();
  }

  // A loss that arose before year t (costs carried across from earlier terms).
  void Add(const V& amount, int t) {
    if (rule_ != LossCarryForward::kLimitedYears) {
      balance_ += amount;
      return;
    }
    for (int lane = 0; lane < W; ++lane) {
      if (amount[lane] > 0) vintages_[lane].push_back({amount[lane], t - 1 + years_});
    }
  }

  // income: taxable income before losses in year t (may be negative).
  // Sets the loss used this year and the balance carried to the next.
  void Apply(const V& income, int t, V& used, V& balance) {
    switch (rule_) {
      case LossCarryForward::kNone:
        used = balance = V::Fill(0);
        return;
      case LossCarryForward::kUnlimited:
      case LossCarryForward::kCappedShare: {
        const Mask<W> loss = income <= 0.0;
        const V room = rule_ == LossCarryForward::kCappedShare ? cap_ * income : income;
        used = Select(loss, V::Fill(0), Min(balance_, room));
        balance_ = Select(loss, balance_ - income, balance_ - used);
        balance = balance_;
        return;
      }
      case LossCarryForward::kLimitedYears:
        for (int lane = 0; lane < W; ++lane) {
          used.Set(lane, ApplyLimited(vintages_[lane], income[lane], t));
          double sum = 0;
          for (const LossVintage& v : vintages_[lane]) sum += v.amount;
          balance.Set(lane, sum);
        }
        return;
    }
  }

 private:
  // Expired vintages drop out first; the oldest losses are used first.
  double ApplyLimited(std::vector<LossVintage>& vintages, double income, int t) const {
    // After a change of terms vintages are not in order of expiry.
    std::erase_if(vintages, [t](const LossVintage& v) { return v.expires < t; });
    if (income <= 0) {
      if (income < 0) vintages.push_back({-income, t + years_});
      return 0;
    }
    double used = 0;
    while (!vintages.empty() && used < income) {
      LossVintage& v = vintages.front();
      const double take = std::min(v.amount, income - used);
      used += take;
      v.amount -= take;
      if (v.amount <= 0) vintages.erase(vintages.begin());
    }
    return used;
  }

  V Balance() const {
    if (rule_ != LossCarryForward::kLimitedYears) return balance_;
    V sum = V::Fill(0);
    for (int lane = 0; lane < W; ++lane) {
      double s = 0;
      for (const LossVintage& v : vintages_[lane]) s += v.amount;
      sum.Set(lane, s);
    }
    return sum;
  }

  LossCarryForward rule_;
  int years_;
  double cap_;
  V balance_ = V::Fill(0);
  std::vector<LossVintage> vintages_[W];
};

// Cash-flow account balances of a multi-tier rent tax; returns the tax of year t.
template <int W>
Lanes<W> RentTaxYear(const ResourceRentTax& rrt, const Lanes<W>& base, Lanes<W>* balances) {
  using V = Lanes<W>;
  V paid = V::Fill(0);
  for (size_t i = 0; i < rrt.tiers.size(); ++i) {
    const RentTaxTier& tier = rrt.tiers[i];
    // Each tier sees the cash flow net of the lower tiers' tax.
    const V balance = balances[i] * (1.0 + tier.threshold) + (base - paid);
    const Mask<W> due = balance > 0.0;
    paid = Select(due, paid + tier.rate * balance, paid);
    balances[i] = Select(due, V::Fill(0), balance);
  }
  return paid;
}

}  // namespace connex::fiscal::internal
