#include "fiscal/io/report_format.hpp"

#include <cmath>
#include <cstdio>

#include "fiscal/io/report.hpp"

namespace connex::fiscal::io::format {

std::string Grouped(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals,
                std::fabs(v) < 0.5 * std::pow(10, -decimals) ? 0.0 : v);
  std::string s(buf);
  const size_t dot = s.find('.');
  size_t end = dot == std::string::npos ? s.size() : dot;
  const size_t begin = s[0] == '-' ? 1 : 0;
  for (int i = static_cast<int>(end) - 3; i > static_cast<int>(begin); i -= 3)
    s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", v * 100);
  return buf;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string ShowPercent(const Metric& m, Notes& notes) {
  return m.defined ? Percent(m.value) : notes.Mark(m.reason);
}

void PrintConventions(std::ostream& out, const Model& model) {
  const Discounting& d = model.discounting;
  out << "Model: " << (model.name.empty() ? "(unnamed)" : model.name) << " — amounts in "
      << model.currency << ", nominal\n";
  out << "Conventions: discount rate " << Percent(d.rate) << ", valuation year " << d.valuation_year
      << ", " << (d.timing == Timing::kMidYear ? "mid-year" : "end-of-year")
      << " timing; N = revenue - opex - capex - closure as paid; I = N - G;\n"
      << "  G = " << kGovernmentReceiptsConvention << ".\n"
      << "Real terms: money of " << d.real_base_year << ", deflated at " << Percent(d.deflation)
      << " a year, discounted at the same rate.\n";
  if (d.point_forward_year != 0) {
    out << "Point-forward: from " << d.point_forward_year
        << ", earlier flows sunk (their tax pools and unrecovered costs kept).\n";
  }
  out << '\n';
}

ordered_json MetricJson(const Metric& m) {
  return m.defined ? ordered_json(m.value) : ordered_json(nullptr);
}

void PutMetric(ordered_json& obj, const char* key, const Metric& m) {
  obj[key] = MetricJson(m);
  if (!m.defined) obj[std::string(key) + "_reason"] = m.reason;
}

void PutIrr(ordered_json& obj, const char* key, const Irr& irr) {
  obj[key] = irr.defined ? ordered_json(irr.value) : ordered_json(nullptr);
  if (!irr.defined) obj[std::string(key) + "_reason"] = irr.reason;
  if (irr.multiple_roots) obj[std::string(key) + "_multiple_roots"] = true;
}

ordered_json ConventionsJson(const Model& model) {
  ordered_json c;
  c["currency"] = model.currency;
  c["amounts"] = "nominal";
  c["discount_rate"] = model.discounting.rate;
  c["valuation_year"] = model.discounting.valuation_year;
  c["timing"] = ToString(model.discounting.timing);
  c["pretax_cash_flow"] =
      "revenue - opex - capex - closure as paid (with a decommissioning fund: contributions + "
      "shortfall - release)";
  c["government_receipts"] = kGovernmentReceiptsConvention;
  c["investor_cash_flow"] = "pretax_cash_flow - government_receipts";
  return c;
}

std::string CsvNumber(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string CsvText(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace connex::fiscal::io::format
