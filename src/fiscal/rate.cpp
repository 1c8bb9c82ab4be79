#include "fiscal/rate.hpp"

#include <cmath>
#include <sstream>
#include <utility>

namespace connex::fiscal {

Rate Rate::Constant(double rate) {
  Rate r;
  r.kind_ = Kind::kConstant;
  r.constant_ = rate;
  return r;
}

Rate Rate::Schedule(std::vector<double> per_year) {
  Rate r;
  r.kind_ = Kind::kSchedule;
  r.values_ = std::move(per_year);
  return r;
}

Rate Rate::Tiered(RateDriver driver, TierMode mode, std::vector<Tier> tiers, int product) {
  Rate r;
  r.kind_ = Kind::kTiered;
  r.driver_ = driver;
  r.mode_ = mode;
  r.tiers_ = std::move(tiers);
  r.product_ = product;
  return r;
}

Rate Rate::Shifted(double delta) const {
  Rate r = *this;
  r.constant_ += delta;
  for (double& v : r.values_) v += delta;
  for (Tier& t : r.tiers_) t.rate += delta;
  return r;
}

double EvaluateTiers(const std::vector<Tier>& tiers, TierMode mode, double x) {
  return EvaluateTiers(tiers, mode, Lanes<1>::Fill(x))[0];
}

std::optional<std::string> ValidateTiers(const std::vector<Tier>& tiers) {
  if (tiers.empty()) return "at least one tier is required";
  for (size_t i = 0; i < tiers.size(); ++i) {
    const Tier& t = tiers[i];
    std::ostringstream msg;
    if (!std::isfinite(t.from) || std::isnan(t.to) || !std::isfinite(t.rate)) {
      msg << "tier " << i + 1 << " has a value that is not a finite number";
      return msg.str();
    }
    if (!(t.to > t.from)) {
      msg << "tier " << i + 1 << " ends at " << t.to << ", not after its start " << t.from;
      return msg.str();
    }
    if (i > 0 && t.from != tiers[i - 1].to) {
      msg << "tier " << i + 1 << " starts at " << t.from << " but tier " << i << " ends at "
          << tiers[i - 1].to << " (tiers must be sorted and contiguous)";
      return msg.str();
    }
  }
  if (std::isfinite(tiers.back().to)) {
    std::ostringstream msg;
    msg << "the last tier (" << tiers.size() << ") must be open-ended but ends at "
        << tiers.back().to;
    return msg.str();
  }
  return std::nullopt;
}

}  // namespace connex::fiscal
