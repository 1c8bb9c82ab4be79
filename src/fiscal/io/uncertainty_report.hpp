// Reports of uncertainty and sensitivity results: Monte Carlo distributions,
// tornado, spider and solve-for, as a terminal table, JSON or CSV, and as an
// Excel workbook with native charts (histograms, tornado, mean cash flow,
// spider). Like every report they state the conventions used.
//
// Thread-safety: pure functions writing to the given stream or file.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "fiscal/io/report.hpp"
#include "fiscal/montecarlo.hpp"
#include "fiscal/sensitivity.hpp"

namespace connex::fiscal::io {

void WriteMonteCarlo(std::ostream& out, const Model& model, const std::string& regime,
                     const MonteCarloResult& r, Format format);
void WriteTornado(std::ostream& out, const Model& model, const std::string& regime,
                  const Tornado& t, Format format);
void WriteSpider(std::ostream& out, const Model& model, const std::string& regime, Target target,
                 const std::vector<SpiderLine>& lines, Format format);

struct SolveRequest {
  std::string term;
  double current = 0;  // the term's value in the file
  Target target = Target::kAetr;
  double target_value = 0;
  double lo = 0, hi = 1;
};

// The JSON reports as values; Write* print these for Format::kJson.
nlohmann::ordered_json MonteCarloJson(const Model& model, const std::string& regime,
                                      const MonteCarloResult& r);
nlohmann::ordered_json TornadoJson(const Model& model, const std::string& regime, const Tornado& t);
nlohmann::ordered_json SpiderJson(const Model& model, const std::string& regime, Target target,
                                  const std::vector<SpiderLine>& lines);
nlohmann::ordered_json SolutionJson(const Model& model, const std::string& regime,
                                    const SolveRequest& q, const Solution& s);
void WriteSolution(std::ostream& out, const Model& model, const std::string& regime,
                   const SolveRequest& request, const Solution& s, Format format);

// Whatever was computed goes in; each part present adds its sheet and chart.
struct UncertaintyWorkbook {
  const Model* model = nullptr;
  std::string regime;
  const MonteCarloResult* montecarlo = nullptr;
  const Tornado* tornado = nullptr;
  const std::vector<SpiderLine>* spider = nullptr;
  Target spider_target = Target::kGovernmentPv;
};
Result<bool> WriteUncertaintyXlsx(const std::string& path, const UncertaintyWorkbook& book);

}  // namespace connex::fiscal::io
