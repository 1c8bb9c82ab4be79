// The fixtures of the persistence tests: a fresh, migrated database per test.
// `Store` tests run once per backend of TestBackends(): SQLite always (a file
// in a temporary directory), PostgreSQL when CONNEX_TEST_POSTGRESQL names a
// server as libpq keywords ("host=/tmp/pg port=5433 user=connex
// dbname=postgres"; tests/pg/with-cluster.sh starts a throwaway one): a
// database created for the test and dropped after it. `SqliteStore` tests
// are about SQLite itself (its schema rebuilds, its full-text index).
#pragma once

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/crypto.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/policy/policy.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/sql_mail_repository.hpp"
#include "store/sql_stores.hpp"

namespace connex::store {

// fn(domain::AccountRepository&) in one write transaction, for tests of
// accounts alone.
template <typename F>
auto WriteAccounts(Database& db, F&& fn) {
  return WriteStores(db, [&](domain::Stores& st) { return fn(st.accounts); });
}

inline std::vector<Backend> TestBackends() {
  std::vector<Backend> out = {Backend::kSqlite};
  if (std::getenv("CONNEX_TEST_POSTGRESQL")) out.push_back(Backend::kPostgresql);
  return out;
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return ToString(info.param);
}

class StoreBase : public ::testing::Test {
 protected:
  void Open(Backend backend) {
    ASSERT_TRUE(InitCrypto());
    dir_ = std::filesystem::temp_directory_path() / ("connex-store-" + RandomToken(8));
    std::filesystem::create_directories(dir_);
    // Each test seals its entries with a key of its own and keeps its own anchor.
    auto key = CreateAuditKey((dir_ / "audit.key").string());
    ASSERT_TRUE(key.ok()) << key.error().ToString();
    UseAuditSeal({*key, (dir_ / "audit.anchor").string()});
    Result<std::unique_ptr<Database>> db = Error{ErrorCode::kIo, "no backend", ""};
    if (backend == Backend::kSqlite) {
      db = Database::OpenSqlite((dir_ / "connex.db").string(), 2);
    } else {
      const std::string server = std::getenv("CONNEX_TEST_POSTGRESQL");
      pg_database_ = "connex_test_" + RandomToken(6);
      for (char& c : pg_database_) c = static_cast<char>(std::tolower(c == '-' ? '_' : c));
      soci::session admin(soci::postgresql, server);
      admin << "CREATE DATABASE " + pg_database_;
      db = Database::OpenPostgresql(server + " dbname=" + pg_database_, 2);
    }
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(db).value();
    auto applied = ApplyMigrations(*db_);
    ASSERT_TRUE(applied.ok()) << applied.error().ToString();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
    if (!pg_database_.empty()) {
      soci::session admin(soci::postgresql, std::getenv("CONNEX_TEST_POSTGRESQL"));
      admin << "DROP DATABASE IF EXISTS " + pg_database_;
    }
  }
  template <typename F>
  auto Accounts(F&& fn) {
    return WriteAccounts(*db_, std::forward<F>(fn));
  }

  // A government organisation of `country` and its user g@example.org, as the one who acts.
  Result<domain::Principal> GovernmentUser(domain::AccountRepository& accounts,
                                           const std::string& country) {
    auto org = service_.AddOrganisation(accounts, "cli:test", domain::OrganisationKind::kGovernment,
                                        "Ministry", country);
    if (!org) return org.errors();
    auto gov = service_.AddUser(accounts, "cli:test", "g@example.org", "G",
                                domain::Role::kGovernment, org->id, "a long enough passphrase");
    if (!gov) return gov.errors();
    return domain::Principal{domain::Role::kGovernment, gov->id, org->id};
  }

  // The kinds of the mails queued to `address`, newest first.
  std::vector<std::string> MailKindsTo(const std::string& address) {
    auto kinds = db_->Read([&](soci::session& sql) -> Result<std::vector<std::string>> {
      SqlMailRepository mail(sql);
      std::vector<std::string> out;
      for (const domain::OutboundMail& m : mail.Recent(500, std::nullopt)) {
        if (m.recipient == address) out.push_back(m.kind);
      }
      return out;
    });
    return kinds.ok() ? *kinds : std::vector<std::string>{};
  }

  std::filesystem::path dir_;
  std::string pg_database_;
  std::unique_ptr<Database> db_;
  domain::AccountService service_{domain::AccountRules{}};
};

class Store : public StoreBase, public ::testing::WithParamInterface<Backend> {
 protected:
  void SetUp() override { Open(GetParam()); }
};

class SqliteStore : public StoreBase {
 protected:
  void SetUp() override { Open(Backend::kSqlite); }
};

}  // namespace connex::store
