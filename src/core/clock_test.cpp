#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace connex {
namespace {

TEST(Clock, IsoRoundTripAndStrictParsing) {
  const Instant t = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} +
                    std::chrono::hours{20} + std::chrono::minutes{5} + std::chrono::seconds{9};
  EXPECT_EQ(ToIso(t), "2026-11-23T20:05:09Z");
  EXPECT_EQ(ParseIso("2026-11-23T20:05:09Z"), t);
  EXPECT_FALSE(ParseIso("2026-11-23 20:05:09"));
  EXPECT_FALSE(ParseIso("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(ParseIso("2026-11-23T24:00:00Z"));
  EXPECT_FALSE(ParseIso(""));
}

}  // namespace
}  // namespace connex
