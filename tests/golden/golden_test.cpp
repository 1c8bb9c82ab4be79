// Golden fiscal cases: every file in tests/golden/cases holds a model, the
// expected ledger lines and metrics per regime (worked out by hand in the
// file's comments), and a tolerance. Adding a case needs no code.
//
// Expected values are compared with the connex.fiscal.result/1 JSON report, so
// the names are those users see; a metric expected as null must be null.
// "metrics", "real" and "point_forward" are the report's sections of those names;
// "projects" holds, by project name, lines of each project's ledger;
// "tax_expenditure" the report's items (in order), interaction and total.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fiscal/analysis.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/io/report.hpp"
#include "fiscal/workbench.hpp"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using namespace connex::fiscal;

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(CONNEX_SOURCE_DIR "/tests/golden/cases")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "a.b" looks up nested objects.
const json* Find(const json& root, const std::string& dotted) {
  const json* at = &root;
  std::istringstream parts(dotted);
  std::string key;
  while (std::getline(parts, key, '.')) {
    if (!at->is_object() || !at->contains(key)) return nullptr;
    at = &(*at)[key];
  }
  return at;
}

void ExpectNear(const json& expected, const json& actual, double tolerance,
                const std::string& what) {
  if (expected.is_null()) {
    EXPECT_TRUE(actual.is_null()) << what << ": expected null, got " << actual.dump();
    return;
  }
  ASSERT_TRUE(actual.is_number()) << what << ": expected " << expected << ", got " << actual.dump();
  const double e = expected.get<double>(), a = actual.get<double>();
  EXPECT_LE(std::fabs(a - e), tolerance * std::max(1.0, std::fabs(e)))
      << what << ": expected " << e << ", got " << a;
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesHandCalculation) {
  std::ifstream in(GetParam());
  const json golden = json::parse(in, nullptr, true, /*ignore_comments=*/true);
  const double tolerance = golden.value("tolerance", 1e-9);
  const auto model = io::ReadModel(golden.at("model").dump());
  ASSERT_TRUE(model.ok()) << model.error().ToString();

  const auto analyses = AnalyzeRegimes(*model);
  ASSERT_TRUE(analyses.ok()) << analyses.error().ToString();
  const json result = io::RunJson(*model, *analyses);

  int checked = 0;
  for (const auto& [regime, expect] : golden.at("expect").items()) {
    const json* actual = nullptr;
    for (const json& r : result["regimes"]) {
      if (r["regime"] == regime) actual = &r;
    }
    ASSERT_NE(actual, nullptr) << "no regime " << regime;
    if (expect.contains("ledger")) {
      for (const auto& [line, values] : expect["ledger"].items()) {
        const json* got = Find((*actual)["ledger"], line);
        ASSERT_NE(got, nullptr) << regime << ": no ledger line " << line;
        ASSERT_EQ(got->size(), values.size()) << regime << "." << line;
        for (size_t t = 0; t < values.size(); ++t) {
          ExpectNear(values[t], (*got)[t], tolerance,
                     regime + "." + line + "[" + std::to_string(t) + "]");
          ++checked;
        }
      }
    }
    // Each project's ledger, when the model holds several.
    if (expect.contains("projects")) {
      for (const auto& [project, lines] : expect["projects"].items()) {
        ASSERT_TRUE(actual->contains("projects") && (*actual)["projects"].contains(project))
            << regime << ": no project " << project;
        const json* ledger = &(*actual)["projects"][project]["ledger"];
        for (const auto& [line, values] : lines.items()) {
          const json& got = (*ledger)[line];
          ASSERT_EQ(got.size(), values.size()) << regime << "." << project << "." << line;
          for (size_t t = 0; t < values.size(); ++t) {
            ExpectNear(values[t], got[t], tolerance,
                       regime + "." + project + "." + line + "[" + std::to_string(t) + "]");
            ++checked;
          }
        }
      }
    }
    // What each incentive costs the state, in the report's order, and the
    // interaction and total they add up to.
    if (expect.contains("tax_expenditure")) {
      const json& want = expect["tax_expenditure"];
      ASSERT_TRUE(actual->contains("tax_expenditure")) << regime << ": no tax_expenditure";
      const json& got = (*actual)["tax_expenditure"];
      ASSERT_EQ(got["items"].size(), want["items"].size()) << regime << ": " << got.dump();
      for (size_t i = 0; i < want["items"].size(); ++i) {
        const json& w = want["items"][i];
        const json& g = got["items"][i];
        const std::string what = regime + ".tax_expenditure.items[" + std::to_string(i) + "]";
        EXPECT_EQ(g["incentive"], w["incentive"]) << what;
        EXPECT_EQ(g["detail"], w.value("detail", "")) << what;
        ExpectNear(w["nominal"], g["nominal"], tolerance, what + ".nominal");
        ExpectNear(w["pv"], g["pv"], tolerance, what + ".pv");
        checked += 2;
      }
      for (const char* part : {"interaction", "total"}) {
        for (const char* v : {"nominal", "pv"}) {
          ExpectNear(want[part][v], got[part][v], tolerance,
                     regime + ".tax_expenditure." + part + "." + v);
          ++checked;
        }
      }
    }
    // Nominal metrics, the same in real terms, and from the point-forward year.
    for (const char* section : {"metrics", "real", "point_forward"}) {
      if (!expect.contains(section)) continue;
      ASSERT_TRUE(actual->contains(section)) << regime << ": no " << section;
      for (const auto& [metric, value] : expect[section].items()) {
        const json* got = Find((*actual)[section], metric);
        ASSERT_NE(got, nullptr) << regime << ": no " << section << " " << metric;
        ExpectNear(value, *got, tolerance, regime + "." + section + "." + metric);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0) << "the case expects nothing";
}

std::string CaseName(const testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, testing::ValuesIn(CaseFiles()), CaseName);

}  // namespace
