// The sealed and anchored audit log on every backend: what a person who can
// write the database, but holds neither the audit key nor the anchor file,
// can no longer hide (a tail cut off, a chain recomputed, entries passed off
// as older than the key), how a legitimate rollback is recorded, and what an
// entry keeps of confidential objects.
#include "store/audit_log.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/crypto.hpp"
#include "store/store_fixture.hpp"

namespace connex::store {
namespace {

class AuditChain : public StoreBase, public ::testing::WithParamInterface<Backend> {
 protected:
  void SetUp() override { Open(GetParam()); }

  void Append(int n) {
    ASSERT_TRUE(db_->Write([n](soci::session& sql) -> Result<Done> {
                     for (int i = 0; i < n; ++i) {
                       AppendAudit(sql, {"usr_1", "thing.update", "thing", "t" + std::to_string(i),
                                         "{\"v\":1}", "{\"v\":2}"});
                     }
                     return Done{};
                   })
                    .ok());
  }
  void Sql(const std::string& statement) {
    ASSERT_TRUE(db_->Write([&](soci::session& sql) -> Result<Done> {
                     sql << statement;
                     return Done{};
                   })
                    .ok());
  }
  AuditVerdict Verify() {
    return *db_->Read(
        [](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql); });
  }
  AuditVerdict Advance() {
    return *db_->Read([](soci::session& sql) { return AdvanceAuditAnchor(sql); });
  }
  std::vector<AuditRecord> All() {
    return *db_->Read([](soci::session& sql) -> Result<std::vector<AuditRecord>> {
      auto newest = ListAudit(sql, 1000, 0);
      return std::vector<AuditRecord>(newest.rbegin(), newest.rend());
    });
  }
  // Rewrites the log as someone with write access to the database would:
  // `edit` changes a record and says whether to re-seal it, with `key`,
  // linked to the one before it; the others stay as they are.
  void Recompute(const std::function<bool(AuditRecord&)>& edit, const AuditKey& key) {
    std::vector<AuditRecord> records = All();
    std::string prev(64, '0');
    for (AuditRecord& r : records) {
      if (edit(r)) {
        r.prev_hash = prev;
        r.hash = AuditSealOf(r, key);
      }
      prev = r.hash;
    }
    ASSERT_TRUE(db_->Write([&](soci::session& sql) -> Result<Done> {
                     for (const AuditRecord& r : records) {
                       const long long seq = r.seq;
                       soci::indicator key_ind = r.key_id.empty() ? soci::i_null : soci::i_ok;
                       sql << "UPDATE audit_log SET actor = :a, object_id = :o, prev_hash = :p, "
                              "hash = :h, key_id = :k WHERE seq = :s",
                           soci::use(r.entry.actor), soci::use(r.entry.object_id),
                           soci::use(r.prev_hash), soci::use(r.hash), soci::use(r.key_id, key_ind),
                           soci::use(seq);
                     }
                     return Done{};
                   })
                    .ok());
  }
  // Entries `from` to `to` passed off as written before the portal had a
  // key: no key named, plain SHA-256 seals (which anyone can compute).
  void Unkey(std::int64_t from, std::int64_t to = std::numeric_limits<std::int64_t>::max()) {
    Recompute(
        [&](AuditRecord& r) {
          if (r.seq < from || r.seq > to) return false;
          r.key_id.clear();
          return true;
        },
        seal().key);
  }
  const AuditSeal& seal() { return *CurrentAuditSeal(); }
};

TEST_P(AuditChain, EveryEntryIsSealedWithTheKeyAndNamesIt) {
  Append(3);
  for (const AuditRecord& r : All()) {
    EXPECT_EQ(r.key_id, seal().key.id);
    EXPECT_EQ(r.hash, AuditSealOf(r, seal().key));
    EXPECT_NE(r.hash, Sha256Hex(r.prev_hash)) << "not a plain digest";
  }
  const AuditVerdict v = Verify();
  EXPECT_EQ(v.entries, 3);
  EXPECT_EQ(v.unkeyed, 0);
  EXPECT_FALSE(v.first_broken) << v.reason;
}

TEST_P(AuditChain, AChainRecomputedWithoutTheKeyIsFound) {
  Append(5);
  // Entry 3 changed and every seal from it on recomputed, with a guessed key.
  AuditKey guessed{std::string(32, 'x'), seal().key.id};
  Recompute(
      [](AuditRecord& r) {
        if (r.seq == 3) r.entry.object_id = "someone-else";
        return r.seq >= 3;
      },
      guessed);
  AuditVerdict v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 3) << "an entry re-sealed without the key does not hold: " << v.reason;
  EXPECT_NE(v.reason.find("changed"), std::string::npos) << v.reason;
}

TEST_P(AuditChain, ATruncatedTailIsFoundByTheAnchorWhichNeverMovesBack) {
  Append(5);
  AuditVerdict moved = Advance();
  EXPECT_FALSE(moved.first_broken) << moved.reason;
  EXPECT_EQ(moved.anchored, 5);
  const AuditAnchor anchored = **ReadAuditAnchor(seal().anchor_path);
  EXPECT_EQ(anchored.entries, 5);
  // The last two entries removed: the chain that is left holds by itself...
  Sql("DELETE FROM audit_log WHERE seq >= 4");
  AuditVerdict alone = *db_->Read(
      [](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql, false); });
  EXPECT_FALSE(alone.first_broken);
  // ...but not against its anchor.
  AuditVerdict v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 4);
  EXPECT_NE(v.reason.find("the log ends at entry 3"), std::string::npos) << v.reason;
  EXPECT_NE(v.reason.find("vouches for 5 entries"), std::string::npos) << v.reason;
  // The portal then appends at 4 and 5 again: the anchored entry 5 is another one.
  Append(2);
  v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 5);
  EXPECT_NE(v.reason.find("rewritten"), std::string::npos) << v.reason;
  EXPECT_TRUE(Advance().first_broken);
  const AuditAnchor after = **ReadAuditAnchor(seal().anchor_path);
  EXPECT_EQ(after.entries, 5);
  EXPECT_EQ(after.head, anchored.head);
}

TEST_P(AuditChain, ABreakAfterTheAnchorStaysFoundWhenItsEntriesAreRemovedLater) {
  Append(2);
  EXPECT_EQ(Advance().anchored, 2);
  const AuditAnchor first = **ReadAuditAnchor(seal().anchor_path);
  Append(3);
  Sql("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
  AuditVerdict v = Advance();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 3);
  const AuditAnchor stopped = **ReadAuditAnchor(seal().anchor_path);
  EXPECT_EQ(stopped.head, first.head) << "the anchor did not move over the break";
  EXPECT_EQ(stopped.seen, 5);
  EXPECT_NE(stopped.alarm.find("entry 3 was changed"), std::string::npos) << stopped.alarm;
  // Hours later the break and every entry after it are removed: the log
  // ends at the anchor again, but the anchor remembers.
  Sql("DELETE FROM audit_log WHERE seq >= 3");
  v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 3) << "the entry the portal found";
  EXPECT_NE(v.reason.find("found the log broken after entry 2"), std::string::npos) << v.reason;
  EXPECT_TRUE(Advance().first_broken);
  // Only an operator's reanchor, itself in the log, clears it.
  auto replaced = ReplaceAuditAnchor(*db_, "cli:operator", "entries 3 to 5 lost, see incident 7");
  ASSERT_TRUE(replaced.ok()) << replaced.error().ToString();
  v = Verify();
  EXPECT_FALSE(v.first_broken) << v.reason;
  EXPECT_EQ(v.anchored, 3);
  EXPECT_NE(All().back().entry.before_json.find("entry 3 was changed"), std::string::npos);
}

TEST_P(AuditChain, TheFirstAnchorMarksWhereEveryEntryMustCarryTheKey) {
  AuditVerdict v = Advance();  // an empty log, as on a new installation
  EXPECT_FALSE(v.first_broken) << v.reason;
  EXPECT_EQ((**ReadAuditAnchor(seal().anchor_path)).entries, 0);
  // An entry made to look older than the key, by someone with the database.
  Append(1);
  Unkey(1);
  v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 1);
  EXPECT_NE(v.reason.find("carries no key"), std::string::npos) << v.reason;
  EXPECT_TRUE(Advance().first_broken);
}

TEST_P(AuditChain, EntriesFromBeforeTheKeyHoldButCannotBeChangedAfterIt) {
  // Two entries as a portal without a key wrote them: a plain SHA-256 chain.
  Append(2);
  Unkey(1);
  Append(2);
  AuditVerdict v = Verify();
  EXPECT_FALSE(v.first_broken) << v.reason;
  EXPECT_EQ(v.entries, 4);
  EXPECT_EQ(v.unkeyed, 2);
  // Anyone can recompute plain digests, but the first keyed entry sealed its link.
  Recompute(
      [](AuditRecord& r) {
        if (r.seq == 1) r.entry.actor = "someone else";
        return r.seq <= 2;
      },
      seal().key);
  v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 3);
  EXPECT_NE(v.reason.find("does not link"), std::string::npos) << v.reason;
}

TEST_P(AuditChain, AfterAnUpgradeTheOldEntriesAreAnchoredAndNoMoreOfThemAccepted) {
  Append(2);
  Unkey(1);
  AuditVerdict v = Advance();  // the first start of this version
  EXPECT_FALSE(v.first_broken) << v.reason;
  EXPECT_EQ(v.anchored, 2);
  Append(1);
  Unkey(3, 3);
  v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 3);
  EXPECT_NE(v.reason.find("carries no key"), std::string::npos) << v.reason;
}

TEST_P(AuditChain, ALogPassedOffAsOlderThanTheKeyIsFoundByTheAnchor) {
  Append(3);
  Advance();
  // Every entry recomputed as an unkeyed one: a chain anyone can make.
  Unkey(1);
  const AuditVerdict alone = *db_->Read(
      [](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql, false); });
  EXPECT_FALSE(alone.first_broken);
  const AuditVerdict v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 1) << "the anchor recorded no entry from before the key";
  EXPECT_NE(v.reason.find("rewritten to look older than the key"), std::string::npos) << v.reason;
}

TEST_P(AuditChain, ALogRewrittenAsOlderThanTheKeyIsNotAnchoredAgain) {
  Append(2);
  Unkey(1);
  Advance();  // the first start of this version: two entries from before the key
  Append(2);
  Advance();
  Unkey(1);  // all four made to look older than the key
  EXPECT_TRUE(Verify().first_broken);
  // The operator who reanchors after the alarm does not take the rewrite for a restore.
  auto refused = ReplaceAuditAnchor(*db_, "cli:operator", "restored");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("starts with 4 entries from before the audit key"),
            std::string::npos)
      << refused.error().message;
  EXPECT_NE(UnkeyedRunGrew(4), "");
  EXPECT_EQ(UnkeyedRunGrew(2), "");
}

TEST_P(AuditChain, AnUnkeyedEntryAfterKeyedOnesIsNamed) {
  Append(3);
  Unkey(3, 3);
  const AuditVerdict v = Verify();
  ASSERT_TRUE(v.first_broken);
  EXPECT_EQ(*v.first_broken, 3);
  EXPECT_NE(v.reason.find("carries no key"), std::string::npos) << v.reason;
}

TEST_P(AuditChain, AnotherKeyIsNamed) {
  Append(1);
  const AuditSeal mine = seal();
  auto other = CreateAuditKey((dir_ / "other.key").string());
  ASSERT_TRUE(other.ok());
  UseAuditSeal({*other, mine.anchor_path});
  const AuditVerdict v = Verify();
  UseAuditSeal(mine);
  ASSERT_TRUE(v.first_broken);
  EXPECT_NE(v.reason.find("another audit key (" + mine.key.id + ")"), std::string::npos)
      << v.reason;
}

TEST_P(AuditChain, ARollbackIsRecordedInTheLogAndAnchoredAgain) {
  Append(4);
  Advance();
  Sql("DELETE FROM audit_log WHERE seq >= 3");  // a backup from two entries ago
  ASSERT_TRUE(Verify().first_broken);
  auto replaced = ReplaceAuditAnchor(*db_, "cli:operator", "restored from monday.db");
  ASSERT_TRUE(replaced.ok()) << replaced.error().ToString();
  EXPECT_FALSE(replaced->first_broken) << replaced->reason;
  EXPECT_EQ(replaced->anchored, 3);
  const AuditVerdict v = Verify();
  EXPECT_FALSE(v.first_broken) << v.reason;
  EXPECT_EQ(v.anchored, 3);
  const AuditRecord record = All().back();
  EXPECT_EQ(record.entry.action, "audit.anchor_replace");
  EXPECT_EQ(nlohmann::json::parse(record.entry.before_json)["entries"], 4);
  EXPECT_EQ(nlohmann::json::parse(record.entry.after_json)["reason"], "restored from monday.db");
  int kept = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir_)) {
    kept += f.path().filename().string().rfind("audit.anchor.replaced-", 0) == 0 ? 1 : 0;
  }
  EXPECT_EQ(kept, 1);
  // A log that does not hold by itself is not anchored again.
  Sql("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2");
  auto refused = ReplaceAuditAnchor(*db_, "cli:operator", "again");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("does not hold"), std::string::npos);
}

TEST_P(AuditChain, ConcurrentAppendsEachGetTheirPlace) {
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([this] {
      for (int i = 0; i < 10; ++i) Append(1);
    });
  }
  for (std::thread& t : writers) t.join();
  const AuditVerdict v = Verify();
  EXPECT_EQ(v.entries, 20);
  EXPECT_FALSE(v.first_broken) << v.reason;
}

TEST_P(AuditChain, ConfidentialObjectsAreRecordedByTheirFieldsOnly) {
  ASSERT_TRUE(db_->Write([](soci::session& sql) -> Result<Done> {
                   SqlAuditLog log(sql);
                   log.Record("usr_g", "request.update", "request", "req_1",
                              R"({"title":"Quietwater","stage":"draft"})",
                              R"({"title":"Quietwater expansion","stage":"draft"})");
                   log.Record("usr_a", "user.update", "user", "usr_2", R"({"name":"Ama"})",
                              R"({"name":"Ama Mensah"})");
                   return Done{};
                 })
                  .ok());
  const std::vector<AuditRecord> all = All();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].entry.before_json, "");
  EXPECT_EQ(all[0].entry.after_json, R"({"withheld_fields":["title"]})");
  EXPECT_EQ(all[1].entry.after_json, R"({"name":"Ama Mensah"})") << "administrators' own objects";
  EXPECT_EQ(domain::AuditedFields(all[0].entry.before_json, all[0].entry.after_json),
            std::vector<std::string>{"title"});
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChain, ::testing::ValuesIn(TestBackends()), BackendName);

}  // namespace
}  // namespace connex::store
