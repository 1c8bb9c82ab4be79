// Shared formatting of fiscal reports: numbers, percentages, undefined
// metrics with their reasons, conventions, aligned tables, CSV and JSON cells.
// Internal to fiscal_io.
//
// Thread-safety: pure functions; Table and Notes are values owned by one report.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "fiscal/cash_flow.hpp"
#include "fiscal/metrics.hpp"
#include "fiscal/model.hpp"

namespace connex::fiscal::io::format {

using nlohmann::ordered_json;

// Left column left-aligned, the others right-aligned, two spaces apart.
class Table {
 public:
  void Row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  void Print(std::ostream& out) const {
    std::vector<size_t> width;
    for (const auto& r : rows_) {
      width.resize(std::max(width.size(), r.size()));
      for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
    }
    for (const auto& r : rows_) {
      std::string line;
      for (size_t i = 0; i < r.size(); ++i) {
        const std::string pad(width[i] - r[i].size(), ' ');
        line += i == 0 ? r[i] + pad : "  " + pad + r[i];
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    }
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

// Undefined metrics print "n/a [k]" and their reasons are listed after the table.
class Notes {
 public:
  std::string Mark(const char* reason) {
    for (size_t i = 0; i < reasons_.size(); ++i) {
      if (reasons_[i] == reason) return "n/a [" + std::to_string(i + 1) + "]";
    }
    reasons_.emplace_back(reason);
    return "n/a [" + std::to_string(reasons_.size()) + "]";
  }
  void Print(std::ostream& out) const {
    for (size_t i = 0; i < reasons_.size(); ++i)
      out << "  [" << i + 1 << "] " << reasons_[i] << '\n';
  }

 private:
  std::vector<std::string> reasons_;
};

std::string Grouped(double v, int decimals);
std::string Percent(double v);
std::string Fixed(double v, int decimals);
std::string ShowPercent(const Metric& m, Notes& notes);
void PrintConventions(std::ostream& out, const Model& model);
ordered_json MetricJson(const Metric& m);
void PutMetric(ordered_json& obj, const char* key, const Metric& m);
void PutIrr(ordered_json& obj, const char* key, const Irr& irr);
ordered_json ConventionsJson(const Model& model);
std::string CsvNumber(double v);
std::string CsvText(const std::string& s);

}  // namespace connex::fiscal::io::format
