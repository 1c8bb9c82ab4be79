#include "core/enum_names.hpp"

#include <gtest/gtest.h>

namespace connex {
namespace {

enum class Weather { kSun, kRain, kFog };
constexpr EnumNames<Weather, 3> kWeatherNames{{"sun", "rain", "fog"}};

TEST(EnumNames, ANameAndItsValueReadTheSameTable) {
  static_assert(kWeatherNames[Weather::kFog][0] == 'f');
  for (const std::string& name : kWeatherNames.All()) {
    const auto value = kWeatherNames.Parse(name);
    ASSERT_TRUE(value.has_value()) << name;
    EXPECT_EQ(kWeatherNames[*value], name);
  }
  EXPECT_EQ(kWeatherNames.All(), (std::vector<std::string>{"sun", "rain", "fog"}));
  EXPECT_FALSE(kWeatherNames.Parse("snow").has_value());
  EXPECT_FALSE(kWeatherNames.Parse("").has_value());
}

}  // namespace
}  // namespace connex
