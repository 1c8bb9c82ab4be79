// connex_bench_corpus DATA_DIR [DOCUMENTS]: grows a demo data directory
// (`connex demo --data DATA_DIR`) into the load benchmarks' corpus: DOCUMENTS
// (default 10,000) generated hub documents of 50 pages, and 200 more requests
// from the Senegalese demo ministry, submitted, for the coordinator's list.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "core/crypto.hpp"
#include "domain/requests/request_service.hpp"
#include "hub_corpus.hpp"
#include "store/audit_log.hpp"
#include "store/migrations.hpp"
#include "store/sql_stores.hpp"

using namespace connex;

namespace {

Result<int> AddRequests(store::Database& db, int count) {
  return store::WriteStores(db, [&](domain::Stores& st) -> Result<int> {
    const domain::RequestService service;
    const auto user = st.accounts.FindUserByEmail("focal.senegal@connex.example");
    if (!user) return Error{ErrorCode::kNotFound, "no demo account; run connex demo first", ""};
    const domain::Principal senegal{domain::Role::kGovernment, user->id, user->organisation_id};
    domain::RequestFilter all;
    all.organisation_id = user->organisation_id;
    const auto existing = st.requests.ListRequests(all);
    if (existing.empty()) return Error{ErrorCode::kNotFound, "no demo request to vary", ""};
    domain::RequestForm form = existing.front().form;
    const Instant now = Now();
    for (int i = 0; i < count; ++i) {
      form.project_name = "Offshore block C-" + std::to_string(100 + i);
      auto draft = service.CreateDraft(st, senegal, form, now);
      if (!draft) return draft.errors();
      auto sent = service.Transition(
          st, senegal, draft->id, {domain::RequestState::kSubmitted, draft->version, "", {}}, now);
      if (!sent) return sent.errors();
    }
    return count;
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: connex_bench_corpus DATA_DIR [DOCUMENTS]\n";
    return 2;
  }
  const std::string file = std::string(argv[1]) + "/connex.db";
  const int documents = argc == 3 ? std::atoi(argv[2]) : 10000;
  if (!std::filesystem::exists(file) || documents < 0) {
    std::cerr << "error: " << file << " must exist (connex demo) and DOCUMENTS be >= 0\n";
    return 2;
  }
  if (!InitCrypto()) return 1;
  auto key = store::ReadOrCreateAuditKey(std::string(argv[1]) + "/audit.key");
  if (!key) {
    std::cerr << "error: " << key.error().ToString() << "\n";
    return 1;
  }
  store::UseAuditSeal({*key, std::string(argv[1]) + "/audit.anchor"});
  auto db = store::Database::OpenSqlite(file, 1);
  if (!db || !store::ApplyMigrations(**db)) {
    std::cerr << "error: cannot open " << file << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  bench::AddGeneratedDocuments(**db, documents, 50);
  if (auto added = AddRequests(**db, 200); !added) {
    std::cerr << "error: " << added.error().ToString() << "\n";
    return 1;
  }
  std::cout << "corpus: " << documents << " documents of 50 pages and 200 requests added in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
            << " s\n";
  return 0;
}
