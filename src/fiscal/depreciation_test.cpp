#include "fiscal/depreciation.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "fiscal/test_projects.hpp"

namespace connex::fiscal {
namespace {

double Sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(AddDepreciation, StraightLineRunningPastTheEndIsWrittenOffInTheLastYear) {
  const ProjectSeries s = testing::OneProduct({0, 1, 1}, {1, 1, 1}, {0, 90, 0}, {});
  std::vector<double> out(3, 0.0);
  Depreciation sl{DepreciationMethod::kStraightLine, 3, 0, 0};
  AddDepreciation(s, s.capex[1].data(), sl, DepreciationStart::kWhenIncurred, out.data());
  EXPECT_DOUBLE_EQ(out[0], 0);
  EXPECT_DOUBLE_EQ(out[1], 30);
  EXPECT_DOUBLE_EQ(out[2], 60);
}

TEST(AddDepreciation, EveryMethodSumsToTheCapex) {
  const ProjectSeries s = testing::OneProduct({0, 0, 5, 10, 5, 0}, std::vector<double>(6, 1.0),
                                              {100, 50, 30, 0, 20, 0}, {});
  for (auto method : {DepreciationMethod::kStraightLine, DepreciationMethod::kDecliningBalance,
                      DepreciationMethod::kUnitsOfProduction, DepreciationMethod::kImmediate}) {
    for (auto start : {DepreciationStart::kWhenIncurred, DepreciationStart::kFirstProduction}) {
      std::vector<double> out(6, 0.0);
      Depreciation d{method, 4, 0.3, 0};
      AddDepreciation(s, s.capex[1].data(), d, start, out.data());
      EXPECT_NEAR(Sum(out), 200, 1e-9)
          << static_cast<int>(method) << "/" << static_cast<int>(start);
      if (start == DepreciationStart::kFirstProduction) {
        EXPECT_EQ(out[0], 0);
        EXPECT_EQ(out[1], 0);
      }
    }
  }
}

}  // namespace
}  // namespace connex::fiscal
