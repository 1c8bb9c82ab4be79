// What the Support Unit and governments write about training, read strictly:
// sessions' dates, places and trainers; nominations.
#include "domain/training/training.hpp"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace connex::domain;
using nlohmann::json;

std::set<std::string> Fields(const connex::Errors& errors) {
  std::set<std::string> out;
  for (const connex::Error& e : errors) out.insert(e.field);
  return out;
}

TEST(TrainingSession, DaysCountBothEndsAcrossMonths) {
  TrainingSession s;
  s.starts_on = s.ends_on = "2026-12-07";
  EXPECT_EQ(SessionDays(s), 1);
  s.ends_on = "2026-12-09";
  EXPECT_EQ(SessionDays(s), 3);
  s.starts_on = "2027-02-27";
  s.ends_on = "2027-03-02";
  EXPECT_EQ(SessionDays(s), 4);
}

TEST(TrainingSession, ReadingNamesEveryWrongField) {
  auto bad = ReadSession(json{{"starts_on", "2026-12-09"},
                              {"ends_on", "2026-12-07"},
                              {"mode", "carrier_pigeon"},
                              {"language", "xx"},
                              {"capacity", -1},
                              {"room", "B"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(Fields(bad.errors()), (std::set<std::string>{"room", "ends_on", "mode", "place",
                                                         "language", "trainers", "capacity"}));
  // In person needs a place; online does not; the end defaults to the start.
  auto place = ReadSession(json{{"starts_on", "2026-12-07"}, {"trainers", {"A. Mensah"}}});
  ASSERT_FALSE(place);
  EXPECT_EQ(Fields(place.errors()), std::set<std::string>{"place"});
  auto online = ReadSession(json{{"starts_on", "2026-12-07"},
                                 {"mode", "online"},
                                 {"trainers", {"A. Mensah"}},
                                 {"language", "fr"}});
  ASSERT_TRUE(online);
  EXPECT_EQ(online->ends_on, "2026-12-07");
  EXPECT_EQ(online->status, "planned");
  EXPECT_EQ(online->language, "fr");
}

TEST(TrainingCourse, ReadingKeepsMaterialsAndRefusesWrongShapes) {
  auto ok = ReadCourse(json{{"title", "Fiscal modelling for negotiators"},
                            {"hours", 21},
                            {"materials", {"hub_1", "hub_2"}},
                            {"published", true}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->materials.size(), 2u);
  EXPECT_TRUE(ok->published);
  auto bad = ReadCourse(json{{"hours", 5000}, {"materials", "hub_1"}, {"published", "yes"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(Fields(bad.errors()),
            (std::set<std::string>{"title", "hours", "materials", "published"}));
}

TEST(TrainingParticipant, ANominationNeedsANameAndAValidAddress) {
  auto bad = ReadParticipant(json{{"email", "not an address"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(Fields(bad.errors()), (std::set<std::string>{"name", "email"}));
  auto ok = ReadParticipant(json{{"name", "Ama Owusu"}, {"email", "Ama.Owusu@MLNR.gov.gh"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->email, "ama.owusu@mlnr.gov.gh");
}

}  // namespace
