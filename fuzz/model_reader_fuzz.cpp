// Fuzzes the model-file reader and, for models it accepts, the engine: no input
// may crash, hang or trip a sanitizer; every rejection must carry an error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fiscal/analysis.hpp"
#include "fiscal/io/model_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace connex::fiscal;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto model = io::ReadModel(text);
  if (!model.ok()) {
    if (model.errors().empty() || model.error().message.empty()) std::abort();
    return 0;
  }
  const ProjectSeries series = Resolve(model->project);
  Ledger ledger;
  for (const Regime& r : model->regimes) {
    Evaluate(series, r, ledger);
    (void)ComputeMetrics(series, ledger, model->discounting);
  }
  return 0;
}
