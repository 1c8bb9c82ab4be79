// The fixture of the persistence tests: a fresh, migrated database file in a
// temporary directory per test.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "core/crypto.hpp"
#include "domain/accounts/account_service.hpp"
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

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
  domain::AccountService service_{domain::AccountRules{}};
};

}  // namespace connex::store
