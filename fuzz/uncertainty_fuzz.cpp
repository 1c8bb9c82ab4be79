// Fuzzes the stochastic-input part of a model file: the input is the text of
// an "uncertainty" section, placed in a fixed valid model. Accepted sections
// are sampled and simulated: no input may crash, hang or trip a sanitizer, and
// every rejection must carry an error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fiscal/io/model_reader.hpp"
#include "fiscal/montecarlo.hpp"

namespace {

constexpr const char* kHead = R"({"schema": "connex.fiscal/1", "name": "fuzz",
 "project": {"first_year": 2025, "years": 5, "products": [
   {"name": "oil", "unit": "bbl", "production": [0, 100, 100, 90, 80],
    "price": {"unit": "USD/bbl", "deck": [60, 60, 62, 64, 66]}},
   {"name": "gas", "unit": "mcf", "production": [0, 50, 50, 50, 40],
    "price": {"unit": "USD/mcf", "base": 4, "escalation": 0.02}}],
   "capex": {"development": [5000, 1000, 0, 0, 0]}, "fixed_opex": [0, 500, 500, 500, 500]},
 "regimes": [{"name": "r", "instruments": [{"type": "royalty", "rate": 0.1},
   {"type": "income_tax", "rate": 0.3, "losses": {"carry_forward": "unlimited"}}]}],
 "uncertainty": )";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace connex::fiscal;
  const std::string text = kHead + std::string(reinterpret_cast<const char*>(data), size) + "}";
  const auto model = io::ReadModel(text);
  if (!model.ok()) {
    if (model.errors().empty() || model.error().message.empty()) std::abort();
    return 0;
  }
  if (!model->uncertainty) std::abort();
  const ProjectSeries series = Resolve(model->project);
  const Sampler sampler(*model->uncertainty, series.years, series.products());
  MonteCarloOptions o;
  o.scenarios = 24;
  o.threads = 1;
  o.seed = model->uncertainty->seed;
  const MonteCarloResult r =
      RunMonteCarlo(series, model->regimes[0], model->discounting, sampler, o);
  if (r.completed != 24) std::abort();
  return 0;
}
