// `connex db copy` underneath: an embedded database copied into PostgreSQL
// keeps every value (text with COPY's special characters, money to the last
// digit, bytes of every value), its audit chain, its search, and numbering
// that continues; a target that holds data is refused; a failed copy leaves
// no row behind and can be run again. Needs CONNEX_TEST_POSTGRESQL
// (tests/pg/with-cluster.sh; ctest store.postgresql).
#include "store/database_copy.hpp"

#include <gtest/gtest.h>

#include "domain/requests/request_service.hpp"
#include "store/audit_log.hpp"
#include "store/sql_stores.hpp"
#include "store/store_fixture.hpp"

namespace connex::store {
namespace {

using namespace domain;

const std::string kComments =
    "Tab\there, a new line\nand a back\\slash: \\N is not null. Côte d'Ivoire";

class CopyIntoPostgresql : public StoreBase {
 protected:
  void SetUp() override {
    if (!std::getenv("CONNEX_TEST_POSTGRESQL")) {
      GTEST_SKIP() << "needs CONNEX_TEST_POSTGRESQL (tests/pg/with-cluster.sh)";
    }
    Open(Backend::kPostgresql);  // db_: the target, migrated and empty
    auto source = Database::OpenSqlite((dir_ / "source.db").string(), 1);
    ASSERT_TRUE(source.ok());
    source_ = std::move(source).value();
    ASSERT_TRUE(ApplyMigrations(*source_).ok());
    for (int b = 0; b < 256; ++b) bytes_ += static_cast<char>(b);
  }
  void TearDown() override {
    source_.reset();
    StoreBase::TearDown();
  }

  // A government's request with feedback, a stored file, and a published
  // hub document with a status change: one row or more in most tables.
  void Fill() {
    auto filled = WriteStores(*source_, [&](Stores& st) -> Result<Done> {
      auto gov = GovernmentUser(st.accounts, "GHA");
      if (!gov) return gov.errors();
      const Instant at = *ParseIso("2026-03-31T17:00:00Z");
      RequestForm f;
      f.project_name = "Ahafo";
      auto r = RequestService().CreateDraft(st, *gov, f, at);
      if (!r) return r.errors();
      request_id_ = r->id;
      Feedback fb;
      fb.request_id = r->id;
      fb.quality = fb.timeliness = fb.independence = fb.multidisciplinarity = fb.capacity_built =
          fb.value_added = 4;
      fb.comments = kComments;
      fb.estimated_added_value = 1234567890.12;
      fb.currency = "USD";
      fb.answered_by = gov->user_id;
      fb.answered_at = at;
      st.requests.InsertFeedback(fb);
      st.blobs.Put("every-byte", bytes_);
      HubDocument d;
      d.id = "hub_copied";
      d.meta.title = "Mining convention Tarkwa";
      d.meta.country = "GHA";
      d.meta.contract_type = "mining_convention";
      d.status = "published";
      st.hub.InsertDocument(d);
      d.page_count = 1;
      st.hub.ReplacePages(
          d, {{1, "The fiscal stabilisation period is ten years.", "acceptable", "text", ""}});
      st.hub.InsertStatusChange(d.id, "draft", "published", gov->user_id, "", at);
      seq_ = d.seq;
      return Done{};
    });
    ASSERT_TRUE(filled.ok()) << filled.error().ToString();
  }
  long long TargetRows(const std::string& table) {
    return *db_->Read([&](soci::session& sql) -> Result<long long> {
      long long n = 0;
      sql << "SELECT count(*) FROM " + table, soci::into(n);
      return n;
    });
  }

  std::unique_ptr<Database> source_;
  std::string bytes_, request_id_;
  long long seq_ = 0;
};

TEST_F(CopyIntoPostgresql, EveryValueArrivesAndTheDatabaseWorksOn) {
  Fill();
  std::vector<std::string> steps;
  auto report = CopyDatabase(*source_, *db_,
                             [&](const std::string& step, long long) { steps.push_back(step); });
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->documents_indexed, 1);
  EXPECT_EQ(steps.back(), "search index");
  // Referenced tables come before the tables that refer to them.
  const auto at = [&](const std::string& t) {
    return std::find(steps.begin(), steps.end(), t) - steps.begin();
  };
  EXPECT_LT(at("organisations"), at("users"));
  EXPECT_LT(at("users"), at("requests"));
  EXPECT_LT(at("hub_documents"), at("hub_pages"));
  long long users = 0;
  for (const CopiedTable& t : report->tables) users += t.name == "users" ? t.rows : 0;
  EXPECT_EQ(users, 1);
  EXPECT_EQ(TargetRows("users"), 1);

  auto read = ReadStores(*db_, [&](Stores& st) -> Result<Done> {
    const auto fb = st.requests.FindFeedback(request_id_);
    EXPECT_TRUE(fb.has_value());
    if (fb) {
      EXPECT_EQ(fb->comments, kComments);
      EXPECT_EQ(*fb->estimated_added_value, 1234567890.12);
    }
    EXPECT_EQ(st.blobs.Get("every-byte"), bytes_);
    HubQuery q;
    q.text = "stabilisation";
    const HubResults found = st.hub.Search(q);
    EXPECT_EQ(found.total, 1);
    EXPECT_EQ(st.hub.StatusHistory("hub_copied").size(), 1u);
    return Done{};
  });
  ASSERT_TRUE(read.ok()) << read.error().ToString();

  const auto chain = [](Database& db) {
    return *db.Read(
        [](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql); });
  };
  const AuditVerdict copied = chain(*db_);
  EXPECT_GT(copied.entries, 0);
  EXPECT_EQ(copied.entries, chain(*source_).entries);
  EXPECT_FALSE(copied.first_broken) << copied.reason;

  // Numbering continues after the copied rows.
  auto added = WriteStores(*db_, [&](Stores& st) -> Result<long long> {
    HubDocument d;
    d.id = "hub_after_copy";
    d.meta.title = "Petroleum agreement";
    d.meta.country = "SEN";
    d.status = "published";
    st.hub.InsertDocument(d);
    st.hub.InsertStatusChange(d.id, "draft", "published", "usr_x", "", Now());
    return d.seq;
  });
  ASSERT_TRUE(added.ok()) << added.error().ToString();
  EXPECT_EQ(*added, seq_ + 1);

  // A second copy would mix two databases: refused, nothing changed.
  auto again = CopyDatabase(*source_, *db_, nullptr);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("holds data already"), std::string::npos);
  EXPECT_EQ(TargetRows("users"), 1);
  EXPECT_EQ(TargetRows("hub_documents"), 2);
}

TEST_F(CopyIntoPostgresql, AFailedCopyLeavesNoRowAndCanBeRunAgain) {
  Fill();
  // Text SQLite kept but PostgreSQL refuses (not UTF-8), in a table copied late.
  ASSERT_TRUE(source_
                  ->Write([](soci::session& sql) -> Result<Done> {
                    sql << "UPDATE hub_pages SET text = CAST(X'4d696e65c328' AS TEXT)";
                    return Done{};
                  })
                  .ok());
  // Into a database with no table yet: the copy writes the schema first.
  soci::session admin(soci::postgresql, std::getenv("CONNEX_TEST_POSTGRESQL"));
  const std::string fresh = pg_database_ + "_fresh";
  admin << "CREATE DATABASE " + fresh;
  {
    auto target = Database::OpenPostgresql(
        std::string(std::getenv("CONNEX_TEST_POSTGRESQL")) + " dbname=" + fresh, 1);
    ASSERT_TRUE(target.ok());
    auto failed = CopyDatabase(*source_, **target, nullptr);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().field, "hub_pages");
    EXPECT_NE(failed.error().message.find("UTF8"), std::string::npos) << failed.error().message;
    auto left = (*target)->Read([](soci::session& sql) -> Result<long long> {
      long long n = 0;
      sql << "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM hub_documents)",
          soci::into(n);
      return n;
    });
    ASSERT_TRUE(left.ok());
    EXPECT_EQ(*left, 0);

    ASSERT_TRUE(source_
                    ->Write([](soci::session& sql) -> Result<Done> {
                      sql << "UPDATE hub_pages SET text = 'Mine'";
                      return Done{};
                    })
                    .ok());
    auto retried = CopyDatabase(*source_, **target, nullptr);
    ASSERT_TRUE(retried.ok()) << retried.error().ToString();
    EXPECT_GT(retried->rows, 5);
  }
  admin << "DROP DATABASE " + fresh;
}

TEST_F(CopyIntoPostgresql, OnlySqliteIntoPostgresql) {
  auto wrong = CopyDatabase(*db_, *source_, nullptr);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace connex::store
