#include "store/audit_log.hpp"

#include <filesystem>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "store/database.hpp"

namespace connex::store {

namespace {

// The seal of the entry before the first: a fixed value, so the first entry is checked too.
const std::string kGenesis(64, '0');

std::unique_ptr<const AuditSeal>& Seal() {
  static std::unique_ptr<const AuditSeal> seal;
  return seal;
}

// Length-prefixed fields: no choice of content can make two entries seal alike.
void Field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

AuditRecord FromRow(const soci::row& row) {
  auto text = [&](std::size_t i) {
    return row.get_indicator(i) == soci::i_null ? std::string() : row.get<std::string>(i);
  };
  AuditRecord r;
  r.seq = row.get<long long>(0);
  r.at = row.get<std::string>(1);
  r.entry.actor = row.get<std::string>(2);
  r.entry.action = row.get<std::string>(3);
  r.entry.object_type = row.get<std::string>(4);
  r.entry.object_id = row.get<std::string>(5);
  r.entry.before_json = text(6);
  r.entry.after_json = text(7);
  r.prev_hash = row.get<std::string>(8);
  r.hash = row.get<std::string>(9);
  r.key_id = text(10);
  return r;
}

constexpr const char* kColumns =
    "SELECT seq, at, actor, action, object_type, object_id, before_json, after_json, prev_hash, "
    "hash, key_id FROM audit_log ";

const AuditSeal& RequireSeal() {
  if (!Seal()) throw std::logic_error("no audit key: entries cannot be sealed");
  return *Seal();
}

// Checks entries one after the other from a known point of the chain; the
// first that does not hold is kept and ends the check.
class ChainCheck {
 public:
  // `keyed`: every entry from `next` on must carry the key.
  ChainCheck(const AuditKey& key, std::int64_t next, std::string prev, bool keyed)
      : key_(key), next_(next), prev_(std::move(prev)), keyed_(keyed) {}

  // Entries after `seq` must carry the key even if none before did: an
  // anchor marks where this version took over, so an unkeyed entry after it
  // was not written by the portal.
  void RequireKeysAfter(std::int64_t seq) { keys_after_ = seq; }

  void Take(const AuditRecord& r) {
    if (first_broken) return;
    const std::string n = std::to_string(r.seq);
    if (r.seq != next_) {
      Break(next_, "entry " + std::to_string(next_) + " is missing (next is " + n + ")");
    } else if (r.prev_hash != prev_) {
      Break(r.seq, "entry " + n + " does not link to the entry before it");
    } else if (r.key_id.empty() && (keyed_ || r.seq > keys_after_)) {
      Break(r.seq, "entry " + n +
                       " carries no key after keyed entries began: the portal did not write it");
    } else if (!r.key_id.empty() && r.key_id != key_.id) {
      Break(r.seq, "entry " + n + " was sealed with another audit key (" + r.key_id +
                       ") than the one given (" + key_.id + ")");
    } else if (!ConstantTimeEquals(AuditSealOf(r, key_), r.hash)) {
      Break(r.seq, "entry " + n + " was changed after it was written");
    }
    prev_ = r.hash;
    keyed_ = keyed_ || !r.key_id.empty();
    ++next_;
  }

  std::optional<std::int64_t> first_broken;
  std::string reason;

 private:
  void Break(std::int64_t seq, std::string why) {
    first_broken = seq;
    reason = std::move(why);
  }
  const AuditKey& key_;
  std::int64_t next_;
  std::string prev_;
  bool keyed_;
  std::int64_t keys_after_ = std::numeric_limits<std::int64_t>::max();
};

std::string AnchorWords(const AuditAnchor& a) {
  return "the anchor written " + a.at + " vouches for " + std::to_string(a.entries) + " entries";
}

std::string UnkeyedWords(std::int64_t now, std::int64_t anchored) {
  return "the log starts with " + std::to_string(now) +
         " entries from before the audit key but the anchor recorded " + std::to_string(anchored) +
         ": entries were rewritten to look older than the key";
}

AuditVerdict Broken(AuditVerdict v, std::int64_t seq, std::string reason) {
  v.first_broken = seq;
  v.reason = std::move(reason);
  return v;
}

}  // namespace

void UseAuditSeal(AuditSeal seal) { Seal() = std::make_unique<const AuditSeal>(std::move(seal)); }

const AuditSeal* CurrentAuditSeal() { return Seal().get(); }

std::string AuditSealOf(const AuditRecord& r, const AuditKey& key) {
  std::string data;
  Field(data, r.prev_hash);
  Field(data, std::to_string(r.seq));
  Field(data, r.at);
  Field(data, r.entry.actor);
  Field(data, r.entry.action);
  Field(data, r.entry.object_type);
  Field(data, r.entry.object_id);
  Field(data, r.entry.before_json);
  Field(data, r.entry.after_json);
  if (r.key_id.empty()) return Sha256Hex(data);
  Field(data, r.key_id);
  return HmacSha256Hex(key.secret, data);
}

std::int64_t AppendAudit(soci::session& sql, const AuditEntry& e) {
  const AuditSeal& seal = RequireSeal();
  // PostgreSQL's read committed lets two transactions read the same head;
  // appends wait for one another until the earlier one ends.
  if (sql.get_backend_name() == "postgresql") {
    sql << "SELECT pg_advisory_xact_lock(hashtext('connex.audit_log'))";
  }
  AuditRecord r;
  r.entry = e;
  r.at = ToIso(Now());
  r.key_id = seal.key.id;
  long long last = 0;
  std::string last_hash;
  soci::indicator ind = soci::i_null;
  sql << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(last),
      soci::into(last_hash, ind);
  const bool empty = !sql.got_data();
  r.seq = empty ? 1 : last + 1;
  r.prev_hash = empty ? kGenesis : last_hash;
  r.hash = AuditSealOf(r, seal.key);
  const long long seq = r.seq;
  soci::indicator before_ind = e.before_json.empty() ? soci::i_null : soci::i_ok;
  soci::indicator after_ind = e.after_json.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, before_json, "
         "after_json, prev_hash, hash, key_id) VALUES (:seq, :at, :actor, :action, :type, :id, "
         ":before, :after, :prev, :hash, :key)",
      soci::use(seq), soci::use(r.at), soci::use(e.actor), soci::use(e.action),
      soci::use(e.object_type), soci::use(e.object_id), soci::use(e.before_json, before_ind),
      soci::use(e.after_json, after_ind), soci::use(r.prev_hash), soci::use(r.hash),
      soci::use(r.key_id);
  return r.seq;
}

AuditVerdict VerifyAuditChain(soci::session& sql, bool with_anchor) {
  const AuditSeal& seal = RequireSeal();
  AuditVerdict v;
  std::optional<AuditAnchor> anchor;
  if (with_anchor && !seal.anchor_path.empty()) {
    auto read = ReadAuditAnchor(seal.anchor_path);
    if (!read) return Broken(v, 0, "the log cannot be checked: " + read.error().ToString());
    anchor = *read;
  }
  ChainCheck check(seal.key, 1, kGenesis, false);
  if (anchor) check.RequireKeysAfter(anchor->entries);
  std::string anchored_seal;
  soci::rowset<soci::row> rows = (sql.prepare << std::string(kColumns) + "ORDER BY seq");
  for (const soci::row& row : rows) {
    const AuditRecord r = FromRow(row);
    ++v.entries;
    if (r.key_id.empty()) ++v.unkeyed;
    check.Take(r);
    if (anchor && r.seq == anchor->entries) anchored_seal = r.hash;
  }
  if (check.first_broken) return Broken(v, *check.first_broken, check.reason);
  if (!anchor) return v;
  if (!anchor->alarm.empty()) {
    return Broken(v, anchor->broken > 0 ? anchor->broken : anchor->entries + 1,
                  "the portal found the log broken after entry " + std::to_string(anchor->entries) +
                      ": " + anchor->alarm);
  }
  if (v.unkeyed > anchor->unkeyed) {
    return Broken(v, anchor->unkeyed + 1, UnkeyedWords(v.unkeyed, anchor->unkeyed));
  }
  if (v.entries < anchor->seen) {
    return Broken(
        v, v.entries + 1,
        "the log ends at entry " + std::to_string(v.entries) + " but " + AnchorWords(*anchor) +
            (anchor->seen > anchor->entries ? " and saw entry " + std::to_string(anchor->seen)
                                            : std::string()) +
            ": entries were removed from its end, or the database was restored from "
            "an older copy");
  }
  if (anchor->entries > 0 && anchored_seal != anchor->head) {
    return Broken(v, anchor->entries,
                  "entry " + std::to_string(anchor->entries) + " is not the one " +
                      AnchorWords(*anchor) + " ended with: the log was rewritten");
  }
  v.anchored = anchor->entries;
  v.anchored_at = anchor->at;
  return v;
}

namespace {

// AdvanceAuditAnchor, under the caller's AnchorLock.
Result<AuditVerdict> AdvanceLocked(soci::session& sql) {
  const AuditSeal& seal = RequireSeal();
  auto read = ReadAuditAnchor(seal.anchor_path);
  if (!read) return read.errors();
  if (!*read) {
    // The first anchor, over the whole log (which may be empty): from here
    // on every entry must carry the key.
    AuditVerdict v = VerifyAuditChain(sql, false);
    if (v.first_broken) return v;
    AuditAnchor first{0, kGenesis, "", ToIso(Now()), 0, "", 0, v.unkeyed};
    soci::rowset<soci::row> last =
        (sql.prepare << std::string(kColumns) + "ORDER BY seq DESC LIMIT 1");
    for (const soci::row& row : last) {
      const AuditRecord head = FromRow(row);
      first = {head.seq, head.hash, head.key_id, first.at, head.seq, "", 0, v.unkeyed};
    }
    if (auto written = WriteAuditAnchor(seal.anchor_path, first); !written) {
      return written.errors();
    }
    v.anchored = first.entries;
    v.anchored_at = first.at;
    return v;
  }
  AuditAnchor anchor = **read;
  AuditVerdict v;
  v.anchored = anchor.entries;
  v.anchored_at = anchor.at;
  if (!anchor.alarm.empty()) {
    return Broken(v, anchor.broken > 0 ? anchor.broken : anchor.entries + 1,
                  "found before: " + anchor.alarm);
  }
  ChainCheck check(seal.key, anchor.entries + 1, anchor.head, true);
  const long long from = anchor.entries;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kColumns) + "WHERE seq >= :from ORDER BY seq", soci::use(from));
  AuditRecord head;
  bool anchored_holds = anchor.entries == 0;
  for (const soci::row& row : rows) {
    head = FromRow(row);
    if (head.seq == anchor.entries) {
      anchored_holds = head.hash == anchor.head;
    } else {
      check.Take(head);
    }
  }
  v.entries = std::max(head.seq, anchor.entries);
  std::optional<std::int64_t> broken = check.first_broken;
  std::string reason = check.reason;
  if (!anchored_holds) {
    broken = anchor.entries;
    reason = "entry " + std::to_string(anchor.entries) + " is missing or is not the one " +
             AnchorWords(anchor) + " ended with";
  } else if (!broken && head.seq < anchor.seen) {
    broken = head.seq + 1;
    reason = "the log ends at entry " + std::to_string(head.seq) + " but the portal saw entry " +
             std::to_string(anchor.seen);
  }
  if (broken) {
    // Kept in the anchor: removing the entries from the break on must not
    // make the log look whole again.
    anchor.alarm = reason + " (found " + ToIso(Now()) + ")";
    anchor.seen = std::max(anchor.seen, head.seq);
    anchor.broken = *broken;
    if (auto written = WriteAuditAnchor(seal.anchor_path, anchor); !written) {
      return written.errors();
    }
    return Broken(v, *broken, reason);
  }
  if (head.seq <= anchor.entries) return v;
  const AuditAnchor moved{head.seq, head.hash, head.key_id, ToIso(Now()),
                          head.seq, "",        0,           anchor.unkeyed};
  if (auto written = WriteAuditAnchor(seal.anchor_path, moved); !written) {
    return written.errors();
  }
  v.anchored = moved.entries;
  v.anchored_at = moved.at;
  return v;
}

}  // namespace

Result<AuditVerdict> AdvanceAuditAnchor(soci::session& sql) {
  const AuditSeal& seal = RequireSeal();
  if (seal.anchor_path.empty()) return AuditVerdict{};
  AnchorLock lock(seal.anchor_path);
  return AdvanceLocked(sql);
}

std::string UnkeyedRunGrew(std::int64_t unkeyed) {
  const AuditSeal& seal = RequireSeal();
  if (seal.anchor_path.empty()) return "";
  auto anchor = ReadAuditAnchor(seal.anchor_path);
  if (!anchor) return anchor.error().ToString();
  if (!*anchor || unkeyed <= (*anchor)->unkeyed) return "";
  return UnkeyedWords(unkeyed, (*anchor)->unkeyed);
}

Result<AuditVerdict> ReplaceAuditAnchor(Database& db, const std::string& actor,
                                        const std::string& reason) {
  const AuditSeal& seal = RequireSeal();
  if (seal.anchor_path.empty()) {
    return Error{ErrorCode::kInvalidInput, "no anchor file is kept", "audit_anchor"};
  }
  AnchorLock lock(seal.anchor_path);
  auto alone = db.Read(
      [](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql, false); });
  if (!alone) return alone.errors();
  if (alone->first_broken) {
    return Error{
        ErrorCode::kConflict,
        "the audit log does not hold by itself, so it cannot be anchored: " + alone->reason, ""};
  }
  // Entries passed off as older than the key hold by themselves: the run
  // of them may not be longer than the anchor being replaced recorded.
  if (const std::string grew = UnkeyedRunGrew(alone->unkeyed); !grew.empty()) {
    return Error{ErrorCode::kConflict, "the audit log cannot be anchored: " + grew, ""};
  }
  auto old = ReadAuditAnchor(seal.anchor_path);
  if (!old) return old.errors();
  nlohmann::json before = nullptr;
  if (*old) {
    before = {{"entries", (*old)->entries}, {"head", (*old)->head}, {"at", (*old)->at}};
    if (!(*old)->alarm.empty()) before["alarm"] = (*old)->alarm;
  }
  auto recorded = db.Write([&](soci::session& sql) -> Result<Done> {
    AppendAudit(sql,
                {actor, "audit.anchor_replace", "audit_anchor", seal.anchor_path,
                 before.is_null() ? "" : before.dump(), nlohmann::json{{"reason", reason}}.dump()});
    return Done{};
  });
  if (!recorded) return recorded.errors();
  if (*old) {
    std::string stamp = ToIso(Now());
    for (char& c : stamp) c = c == ':' ? '-' : c;
    std::error_code ec;
    std::filesystem::rename(seal.anchor_path, seal.anchor_path + ".replaced-" + stamp, ec);
    if (ec) {
      return Error{ErrorCode::kIo, "audit anchor " + seal.anchor_path + ": " + ec.message(), ""};
    }
  }
  return db.Read([](soci::session& sql) { return AdvanceLocked(sql); });
}

std::vector<AuditRecord> ListAudit(soci::session& sql, int limit, std::int64_t before_seq) {
  std::vector<AuditRecord> out;
  const long long below = before_seq > 0 ? before_seq : (1ll << 62);
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kColumns) + "WHERE seq < :below ORDER BY seq DESC LIMIT :limit",
       soci::use(below), soci::use(limit));
  for (const soci::row& row : rows) out.push_back(FromRow(row));
  return out;
}

std::vector<domain::AuditRecordView> SqlAuditLog::Newest(int limit, std::int64_t before) {
  std::vector<domain::AuditRecordView> out;
  for (const AuditRecord& r : ListAudit(sql_, limit, before)) {
    out.push_back({r.seq,
                   r.at,
                   r.entry.actor,
                   r.entry.action,
                   r.entry.object_type,
                   r.entry.object_id,
                   r.entry.before_json,
                   r.entry.after_json,
                   r.hash,
                   false,
                   {}});
  }
  return out;
}

domain::AuditCheck SqlAuditLog::Verify() {
  const AuditVerdict v = VerifyAuditChain(sql_);
  return {v.entries, v.unkeyed, v.anchored, v.anchored_at, v.first_broken, v.reason};
}

}  // namespace connex::store
