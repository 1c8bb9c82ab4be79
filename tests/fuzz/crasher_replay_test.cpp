// Replays every input that once crashed a fuzz target (fuzz/crashers/<target>/):
// under ASan+UBSan each must now be read (or rejected with errors) and evaluated
// without fault.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/http.hpp"
#include "fiscal/analysis.hpp"
#include "fiscal/io/model_reader.hpp"

namespace {

using namespace connex::fiscal;

std::vector<std::string> Crashers(const std::string& target) {
  std::vector<std::string> inputs;
  for (const auto& entry :
       std::filesystem::directory_iterator(CONNEX_SOURCE_DIR "/fuzz/crashers/" + target)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    inputs.push_back(text.str());
  }
  return inputs;
}

TEST(CrasherReplay, RequestBodyCrashersAreRefused) {
  const std::vector<std::string> inputs = Crashers("request_body");
  ASSERT_FALSE(inputs.empty());
  for (const std::string& text : inputs) {
    const connex::api::ParsedBody parsed = connex::api::ParseJsonBody(text);
    ASSERT_TRUE(parsed.refusal.has_value());
    EXPECT_EQ(parsed.refusal->status, 400);
    EXPECT_EQ(parsed.refusal->body["error"]["code"], "invalid_json");
  }
}

TEST(CrasherReplay, ModelReaderCrashersNoLongerCrash) {
  int replayed = 0;
  for (const std::string& text : Crashers("model_reader")) {
    const auto model = io::ReadModel(text);
    if (model.ok()) {
      const ProjectSeries s = Resolve(model->project);
      for (const Regime& r : model->regimes) {
        const Analysis a = Analyze(s, r, model->discounting, model->sweep);
        const double* g = a.ledger.line(kGovernmentReceipts);
        const double* i = a.ledger.line(kInvestorCashFlow);
        const double* n = a.ledger.line(kPretaxCashFlow);
        for (int t = 0; t < s.years; ++t)
          EXPECT_NEAR(g[t] + i[t], n[t], 1e-6 * (1 + std::abs(n[t])));
      }
    } else {
      EXPECT_FALSE(model.error().message.empty());
    }
    ++replayed;
  }
  EXPECT_GT(replayed, 0);
}

}  // namespace
