// The citizens' view of an obligations register: which due dates are shown
// and how each stands, which evidence goes out, and the OCDS implementation
// section it becomes.
#include "domain/obligations/public_register.hpp"

#include <gtest/gtest.h>

namespace {

using namespace connex;
using namespace connex::domain;

Instant At(const char* iso) { return *ParseIso(iso); }

MonitoredContract Contract() {
  MonitoredContract c;
  c.id = "ctr-1";
  c.title = "Damang gold convention";
  c.counterparty = "Obuasi Gold Ltd";
  c.timezone = "Africa/Accra";
  c.published_at = At("2026-05-01T10:00:00Z");
  return c;
}

Fulfilment Record(const std::string& due, const std::string& status, const std::string& evidence,
                  bool shown, const char* at) {
  Fulfilment f;
  f.due_date = due;
  f.status = status;
  f.evidence = evidence;
  f.evidence_public = shown;
  f.recorded_at = At(at);
  return f;
}

// A yearly royalty payment from 2024 and a suspended quarterly report.
std::vector<ObligationRecords> Register() {
  Obligation royalty;
  royalty.id = "obl-royalty";
  royalty.type = "payment";
  royalty.title = "Annual royalty";
  royalty.party = "Obuasi Gold Ltd";
  royalty.amount = 1'250'000;
  royalty.currency = "USD";
  royalty.schedule = {"2024-03-31", "yearly", false, ""};
  Obligation report;
  report.id = "obl-report";
  report.type = "reporting";
  report.title = "Quarterly production report";
  report.schedule = {"2026-01-15", "quarterly", false, ""};
  report.status = "suspended";
  return {{royalty,
           {Record("2024-03-31", "met", "Treasury receipt 2024/117", true, "2024-04-02T09:00:00Z"),
            Record("2025-03-31", "partly_met", "Letter 55 (not for the public)", false,
                   "2025-04-10T09:00:00Z")}},
          {report, {Record("2026-01-15", "waived", "", false, "2026-01-10T09:00:00Z")}}};
}

TEST(PublicRegister, ShowsPastDatesTheNextOneAndOnlyTheEvidenceMadePublic) {
  const PublicRegister r = BuildPublicRegister(Contract(), Register(), At("2026-06-01T12:00:00Z"));
  ASSERT_EQ(r.obligations.size(), 2u);
  const auto& royalty = r.obligations[0].dates;
  ASSERT_EQ(royalty.size(), 4u);
  EXPECT_EQ(royalty[0].state, "met");
  EXPECT_EQ(royalty[0].recorded_on, "2024-04-02");
  EXPECT_EQ(royalty[0].evidence, "Treasury receipt 2024/117");
  EXPECT_EQ(royalty[1].state, "partly_met");
  EXPECT_EQ(royalty[1].evidence, "");  // kept from the public
  EXPECT_EQ(royalty[2].due_date, "2026-03-31");
  EXPECT_EQ(royalty[2].state, "overdue");
  EXPECT_EQ(royalty[3].due_date, "2027-03-31");
  EXPECT_EQ(royalty[3].state, "upcoming");
  // A suspended duty shows its past dates and falls due no more.
  const auto& report = r.obligations[1].dates;
  ASSERT_EQ(report.size(), 2u);
  EXPECT_EQ(report[0].state, "waived");
  EXPECT_EQ(report[1].due_date, "2026-04-15");
  EXPECT_EQ(report[1].state, "overdue");
  // Nothing private reaches the JSON visitors read.
  const std::string json = ToJson(r).dump();
  EXPECT_EQ(json.find("not for the public"), std::string::npos);
  EXPECT_EQ(json.find("remind"), std::string::npos);
  EXPECT_EQ(json.find("notes"), std::string::npos);
}

TEST(PublicRegister, KeepsTheLatestPastDatesOfALongMonthlyDuty) {
  Obligation monthly;
  monthly.id = "obl-m";
  monthly.type = "local_content";
  monthly.title = "Monthly employment return";
  monthly.schedule = {"2020-01-31", "monthly", true, ""};
  const PublicRegister r =
      BuildPublicRegister(Contract(), {{monthly, {}}}, At("2026-06-15T12:00:00Z"));
  const PublicObligation& o = r.obligations[0];
  // 2020-01 to 2026-05: 77 past month ends, the latest 36 shown, then June's.
  EXPECT_EQ(o.earlier_dates, 77 - 36);
  ASSERT_EQ(o.dates.size(), 37u);
  EXPECT_EQ(o.dates.front().due_date, "2023-06-30");
  EXPECT_EQ(o.dates.back().due_date, "2026-06-30");
}

TEST(PublicRegister, BecomesTheReleasesImplementationWithMilestonesAndPayments) {
  const PublicRegister r = BuildPublicRegister(Contract(), Register(), At("2026-06-01T12:00:00Z"));
  nlohmann::json release = {
      {"buyer", {{"id", "gov-GHA"}, {"name", "Minerals Commission"}}},
      {"parties",
       {{{"id", "gov-GHA"}, {"name", "Minerals Commission"}, {"roles", {"buyer"}}},
        {{"id", "company-1"}, {"name", "Obuasi Gold Ltd"}, {"roles", {"supplier"}}}}},
      {"contracts", {{{"id", "doc-1"}}}}};
  AddImplementation(release, r);
  const nlohmann::json& impl = release["contracts"][0]["implementation"];
  // Waived dates owe nothing and are left out: 4 royalty dates, 1 report date.
  ASSERT_EQ(impl["milestones"].size(), 5u);
  std::vector<std::string> statuses;
  for (const auto& m : impl["milestones"]) {
    // OCDS 1.1 Milestone: id required; type and status from their codelists.
    EXPECT_TRUE(m.contains("id"));
    statuses.push_back(m["status"]);
    const std::string type = m["type"];
    EXPECT_TRUE(type == "financing" || type == "reporting") << type;
  }
  EXPECT_EQ(statuses,
            (std::vector<std::string>{"met", "partiallyMet", "notMet", "scheduled", "notMet"}));
  EXPECT_EQ(impl["milestones"][0]["dateMet"], "2024-04-02T00:00:00Z");
  // One transaction: the payment met, from the company to the buyer, both parties.
  ASSERT_EQ(impl["transactions"].size(), 1u);
  const nlohmann::json& t = impl["transactions"][0];
  EXPECT_EQ(t["value"]["amount"], 1'250'000);
  EXPECT_EQ(t["value"]["currency"], "USD");
  EXPECT_EQ(t["payer"]["id"], "company-1");
  EXPECT_EQ(t["payee"]["id"], "gov-GHA");
  EXPECT_EQ(release["parties"][1]["roles"], (nlohmann::json{"supplier", "payer"}));
  EXPECT_EQ(release["parties"][0]["roles"], (nlohmann::json{"buyer", "payee"}));
}

}  // namespace
