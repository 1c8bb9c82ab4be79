// Display names of users for one reply: each looked up once, on first use.
// An unknown id reads as an empty name.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <map>
#include <string>

#include "domain/accounts/account_repository.hpp"

namespace connex::domain {

class Names {
 public:
  explicit Names(AccountRepository& accounts) : accounts_(accounts) {}
  const std::string& Of(const std::string& user_id) {
    auto it = cache_.find(user_id);
    if (it != cache_.end()) return it->second;
    const auto u = accounts_.FindUser(user_id);
    return cache_[user_id] = u ? u->name : "";
  }

 private:
  AccountRepository& accounts_;
  std::map<std::string, std::string> cache_;
};

}  // namespace connex::domain
