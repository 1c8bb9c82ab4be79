// The obligations register over the real database: reminders before a due
// date and overdue notices go out once each to the government's users,
// records close a due date, and the overdue list reads each contract in its
// own time zone and shows a government only its own contracts.
#include "domain/obligations/obligation_service.hpp"
#include "store/sql_stores.hpp"
#include "store/store_fixture.hpp"

namespace connex::store {
namespace {

using namespace domain;

Instant At(const char* iso) { return *ParseIso(iso); }

class Register : public Store {
 protected:
  // A government of `country` with one user, and its contract read in `zone`
  // with one obligation; returns (principal, obligation id).
  std::pair<Principal, std::string> Monitored(const std::string& email, const std::string& country,
                                              const std::string& zone, Obligation o) {
    auto made = WriteStores(*db_, [&](Stores& st) -> Result<std::pair<Principal, std::string>> {
      auto org = service_.AddOrganisation(st.accounts, "cli:test", OrganisationKind::kGovernment,
                                          "Ministry " + country, country);
      if (!org) return org.errors();
      auto user = service_.AddUser(st.accounts, "cli:test", email, "Official", Role::kGovernment,
                                   org->id, "a long enough passphrase");
      if (!user) return user.errors();
      const Principal p{Role::kGovernment, user->id, org->id};
      MonitoredContract c;
      c.title = "Mining convention " + country;
      c.counterparty = "Company " + country;
      c.timezone = zone;
      auto contract = register_.CreateContract(st, p, c, At("2026-11-01T00:00:00Z"));
      if (!contract) return contract.errors();
      auto added = register_.AddObligation(st, p, contract->id, o, At("2026-11-01T00:00:00Z"));
      if (!added) return added.errors();
      return std::pair{p, added->id};
    });
    EXPECT_TRUE(made.ok()) << made.error().ToString();
    return *made;
  }
  int Sweep(const char* now) {
    return *WriteStores(
        *db_, [&](Stores& st) -> Result<int> { return register_.SendReminders(st, At(now)); });
  }
  std::vector<std::string> Texts(const std::string& user_id) {
    auto notes = ReadStores(*db_, [&](Stores& st) -> Result<std::vector<Notification>> {
      return st.notifications.ForUser(user_id, 50);
    });
    std::vector<std::string> out;
    for (const Notification& n : *notes) out.push_back(n.kind + " " + n.text);
    return out;
  }
  ObligationService register_;
};

Obligation Royalty(const std::string& first_due, const std::string& recurrence) {
  Obligation o;
  o.type = "payment";
  o.title = "Royalty";
  o.party = "Company";
  o.amount = 1.5e6;
  o.currency = "USD";
  o.schedule = {first_due, recurrence, false, ""};
  o.remind_days = 7;
  return o;
}

TEST_P(Register, RemindersAndOverdueNoticesGoOutOnceAndStopOnceRecorded) {
  const auto [ghana, royalty] =
      Monitored("official@mof.gov.gh", "GHA", "Africa/Accra", Royalty("2027-01-31", "monthly"));
  EXPECT_EQ(Sweep("2027-01-23T23:59:59Z"), 0);  // 8 days before
  EXPECT_EQ(Sweep("2027-01-24T00:00:00Z"), 1);  // 7 days before
  EXPECT_EQ(Sweep("2027-01-30T12:00:00Z"), 0);  // already reminded
  EXPECT_EQ(Sweep("2027-02-01T00:00:00Z"), 1);  // overdue in Accra (UTC+0)
  EXPECT_EQ(Sweep("2027-02-01T00:00:01Z"), 0);
  EXPECT_EQ(Texts(ghana.user_id),
            (std::vector<std::string>{
                "obligation_overdue Mining convention GHA: Royalty was due on 2027-01-31",
                "obligation_due_soon Mining convention GHA: Royalty is due on 2027-01-31"}));

  // Recording the February payment before its reminder silences it.
  auto recorded = WriteStores(*db_, [&](Stores& st) {
    return register_.Record(st, ghana, royalty,
                            {"", "2027-02-28", "met", "Receipt GRA-0228", "", {}},
                            At("2027-02-15T09:00:00Z"));
  });
  ASSERT_TRUE(recorded.ok()) << recorded.error().ToString();
  EXPECT_EQ(Sweep("2027-02-21T00:00:00Z"), 0);
  EXPECT_EQ(Sweep("2027-03-01T00:00:00Z"), 0);
  // A date that is not one of its due dates is refused, naming the field.
  auto wrong = WriteStores(*db_, [&](Stores& st) {
    return register_.Record(st, ghana, royalty, {"", "2027-02-27", "met", "x", "", {}},
                            At("2027-02-15T09:00:00Z"));
  });
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "due_date");
}

TEST_P(Register, TheOverdueListReadsEachContractInItsZoneAndOnlyForItsGovernment) {
  const auto [png, a] = Monitored("official@treasury.gov.pg", "PNG", "Pacific/Port_Moresby",
                                  Royalty("2027-03-31", "quarterly"));
  const auto [peru, b] =
      Monitored("official@mef.gob.pe", "PER", "America/Lima", Royalty("2027-03-31", "quarterly"));
  const Principal staff{Role::kCoordinator, "", ""};
  auto overdue = [&](const Principal& p, const char* now) {
    return *ReadStores(*db_, [&](Stores& st) -> Result<std::vector<std::string>> {
      std::vector<std::string> out;
      for (const Occurrence& o : register_.Overdue(st, p, At(now))) {
        out.push_back(o.contract_title + " " + o.due_date);
      }
      return out;
    });
  };
  using V = std::vector<std::string>;
  // 31 March 15:00 UTC: 1 April 01:00 in Port Moresby, 31 March 10:00 in Lima.
  EXPECT_EQ(overdue(staff, "2027-03-31T15:00:00Z"), (V{"Mining convention PNG 2027-03-31"}));
  EXPECT_EQ(overdue(staff, "2027-04-01T05:00:00Z"),
            (V{"Mining convention PER 2027-03-31", "Mining convention PNG 2027-03-31"}));
  // Each government sees its own register only.
  EXPECT_EQ(overdue(png, "2027-04-01T05:00:00Z"), (V{"Mining convention PNG 2027-03-31"}));
  EXPECT_EQ(overdue(peru, "2027-04-01T05:00:00Z"), (V{"Mining convention PER 2027-03-31"}));
  // Next quarter's due date joins on 1 July, local.
  EXPECT_EQ(overdue(peru, "2027-07-01T05:00:00Z").size(), 2u);
  // Another government asking for the contract gets "no such contract".
  auto seen = ReadStores(*db_, [&](Stores& st) {
    return register_.Obligations(st, peru, st.obligations.FindObligation(a)->contract_id);
  });
  ASSERT_FALSE(seen.ok());
  EXPECT_EQ(seen.error().code, ErrorCode::kNotFound);
  auto own = ReadStores(*db_, [&](Stores& st) {
    return register_.Obligations(st, peru, st.obligations.FindObligation(b)->contract_id);
  });
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->size(), 1u);
}

TEST_P(Register, APublishedRegisterAndItsPublicEvidenceAreKept) {
  const auto [ghana, royalty] = Monitored("official@minerals.gov.gh", "GHA", "Africa/Accra",
                                          Royalty("2027-01-31", "monthly"));
  auto published = WriteStores(*db_, [&](Stores& st) -> Result<std::vector<MonitoredContract>> {
    HubDocument d;
    d.id = NewId("hub");
    d.meta.title = "Mining convention GHA";
    d.meta.country = "GHA";
    d.status = "published";
    st.hub.InsertDocument(d);
    MonitoredContract c =
        *st.obligations.FindContract(st.obligations.FindObligation(royalty)->contract_id);
    c.hub_document_id = d.id;
    EXPECT_TRUE(st.obligations.UpdateContract(c, c.version));
    st.obligations.SetPublication(c.id, At("2027-02-01T08:00:00Z"), ghana.user_id);
    Fulfilment f{
        royalty, "2027-01-31", "met", "Receipt GRA-0131", ghana.user_id, At("2027-02-01T09:00:00Z"),
        true};
    st.obligations.SaveFulfilment(f);
    return st.obligations.PublishedFor(d.id);
  });
  ASSERT_TRUE(published.ok()) << published.error().ToString();
  ASSERT_EQ(published->size(), 1u);
  EXPECT_EQ(ToIso(*published->front().published_at), "2027-02-01T08:00:00Z");
  EXPECT_EQ(published->front().published_by, ghana.user_id);
  auto read = ReadStores(*db_, [&](Stores& st) -> Result<std::vector<Fulfilment>> {
    return st.obligations.Fulfilments(royalty);
  });
  ASSERT_EQ(read->size(), 1u);
  EXPECT_TRUE(read->front().evidence_public);
  // Withdrawn, it is no longer among the hub record's published registers.
  auto after = WriteStores(*db_, [&](Stores& st) -> Result<std::vector<MonitoredContract>> {
    const MonitoredContract c = published->front();
    st.obligations.SetPublication(c.id, std::nullopt, "");
    EXPECT_FALSE(st.obligations.FindContract(c.id)->published_at.has_value());
    return st.obligations.PublishedFor(c.hub_document_id);
  });
  EXPECT_TRUE(after->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, Register, ::testing::ValuesIn(TestBackends()), BackendName);

}  // namespace
}  // namespace connex::store
