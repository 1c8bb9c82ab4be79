#include "core/json_reader.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace connex {
namespace {

using nlohmann::json;
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<std::string> Messages(const Errors& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.ToString());
  return out;
}

TEST(JsonReader, UnknownFieldsAreEachNamedWithTheirPath) {
  Errors errors;
  JsonReader r(errors);
  EXPECT_TRUE(r.Object(json{{"rate", 1}, {"rat", 2}, {"colour", "red"}}, "regimes[0]", {"rate"}));
  EXPECT_EQ(Messages(errors), (std::vector<std::string>{"regimes[0].colour: is not a known field",
                                                        "regimes[0].rat: is not a known field"}));
}

TEST(JsonReader, NotAnObjectSaysWhatWasGiven) {
  Errors errors;
  JsonReader r(errors);
  EXPECT_FALSE(r.Object(json::array({1, 2}), "calendar", {"timezone"}));
  EXPECT_EQ(Messages(errors), std::vector<std::string>{"calendar: must be an object, got [1,2]"});
}

TEST(JsonReader, NumbersOutOfRangeSayTheRangeAndTheValue) {
  Errors errors;
  JsonReader r(errors);
  const json j = {{"rate", 1.5}, {"floor", -5}, {"cap", 7}, {"text", "x"}};
  EXPECT_EQ(r.Number(j, "rate", "royalty", 0.1, 0, 1), 0.1);
  EXPECT_EQ(r.Number(j, "floor", "royalty", 0, 0, kInf), 0);
  EXPECT_EQ(r.Number(j, "cap", "royalty", 0, -kInf, 5), 0);
  EXPECT_EQ(r.Number(j, "text", "royalty", 0, 0, 1), 0);
  EXPECT_EQ(r.Number(j, "absent", "royalty", 0.2, 0, 1), 0.2);
  r.Number(j, "needed", "royalty", 0, 0, 1, /*required=*/true);
  EXPECT_EQ(Messages(errors), (std::vector<std::string>{
                                  "royalty.rate: must be from 0 to 1, got 1.5",
                                  "royalty.floor: must be at least 0, got -5",
                                  "royalty.cap: must be at most 5, got 7",
                                  "royalty.text: must be a number, got \"x\"",
                                  "royalty.needed: is required",
                              }));
}

TEST(JsonReader, WholeNumbersTextsChoicesListsAndBooleans) {
  Errors errors;
  JsonReader r(errors);
  const json j = {{"year", 2.5},      {"days", 12},        {"name", 42},       {"empty", ""},
                  {"long", "abcdef"}, {"timing", "noon"},  {"ok", "mid_year"}, {"list", {1, 2, 3}},
                  {"flag", "yes"},    {"nothing", nullptr}};
  EXPECT_EQ(r.Integer(j, "year", "", 0, 1900, 2300), 0);
  EXPECT_EQ(r.Integer(j, "days", "", 0, 1, 31), 12);
  EXPECT_EQ(r.Text(j, "name", "", "none"), "none");
  EXPECT_EQ(r.Text(j, "empty", "", "", /*required=*/true), "");
  EXPECT_EQ(r.Text(j, "long", "", "", false, 3), "");
  EXPECT_EQ(r.Choice(j, "timing", "", {"end_of_year", "mid_year"}, 0), 0);
  EXPECT_EQ(r.Choice(j, "ok", "", {"end_of_year", "mid_year"}, 0), 1);
  EXPECT_EQ(r.List(j, "list", "", 2), nullptr);
  EXPECT_EQ(r.Bool(j, "flag", "", true), true);
  // JSON null is absent.
  EXPECT_EQ(r.Text(j, "nothing", "", "fallback"), "fallback");
  EXPECT_EQ(Messages(errors), (std::vector<std::string>{
                                  "year: must be a whole number from 1900 to 2300, got 2.5",
                                  "name: must be a string, got 42",
                                  "empty: is required",
                                  "long: must be at most 3 characters, got 6",
                                  "timing: must be one of end_of_year, mid_year, got \"noon\"",
                                  "list: may hold at most 2 entries, got 3",
                                  "flag: must be true or false, got \"yes\"",
                              }));
}

TEST(JsonReader, ALongValueIsShortenedInTheMessage) {
  EXPECT_EQ(JsonReader::Describe(json(std::string(100, 'a'))).size(), 40u);
}

}  // namespace
}  // namespace connex
