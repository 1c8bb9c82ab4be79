// The fixture of the persistence tests: a fresh, migrated database file in a
// temporary directory per test.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "core/crypto.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/policy/policy.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/sql_account_repository.hpp"

namespace connex::store {

class Store : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    dir_ = std::filesystem::temp_directory_path() / ("connex-store-" + RandomToken(8));
    auto db = Database::OpenSqlite((dir_ / "connex.db").string(), 2);
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(db).value();
    ASSERT_TRUE(ApplyMigrations(*db_).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
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

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
  domain::AccountService service_{domain::AccountRules{}};
};

}  // namespace connex::store
