#include "store/audit_log.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace connex::store {

namespace {

// The hash of the entry before the first: a fixed value, so the first entry is checked too.
const std::string kGenesis(64, '0');

// Length-prefixed fields: no choice of content can make two entries hash alike.
void Field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

AuditRecord FromRow(const soci::row& row) {
  AuditRecord r;
  r.seq = row.get<long long>(0);
  r.at = row.get<std::string>(1);
  r.entry.actor = row.get<std::string>(2);
  r.entry.action = row.get<std::string>(3);
  r.entry.object_type = row.get<std::string>(4);
  r.entry.object_id = row.get<std::string>(5);
  r.entry.before_json = row.get_indicator(6) == soci::i_null ? "" : row.get<std::string>(6);
  r.entry.after_json = row.get_indicator(7) == soci::i_null ? "" : row.get<std::string>(7);
  r.prev_hash = row.get<std::string>(8);
  r.hash = row.get<std::string>(9);
  return r;
}

constexpr const char* kColumns =
    "SELECT seq, at, actor, action, object_type, object_id, before_json, after_json, prev_hash, "
    "hash FROM audit_log ";

}  // namespace

std::string AuditHash(const AuditRecord& r) {
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
  return Sha256Hex(data);
}

std::int64_t AppendAudit(soci::session& sql, const AuditEntry& e) {
  AuditRecord r;
  r.entry = e;
  r.at = ToIso(Now());
  long long last = 0;
  std::string last_hash;
  soci::indicator ind = soci::i_null;
  sql << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(last),
      soci::into(last_hash, ind);
  const bool empty = !sql.got_data();
  r.seq = empty ? 1 : last + 1;
  r.prev_hash = empty ? kGenesis : last_hash;
  r.hash = AuditHash(r);
  const long long seq = r.seq;
  soci::indicator before_ind = e.before_json.empty() ? soci::i_null : soci::i_ok;
  soci::indicator after_ind = e.after_json.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, before_json, "
         "after_json, prev_hash, hash) VALUES (:seq, :at, :actor, :action, :type, :id, :before, "
         ":after, :prev, :hash)",
      soci::use(seq), soci::use(r.at), soci::use(e.actor), soci::use(e.action),
      soci::use(e.object_type), soci::use(e.object_id), soci::use(e.before_json, before_ind),
      soci::use(e.after_json, after_ind), soci::use(r.prev_hash), soci::use(r.hash);
  return r.seq;
}

AuditVerdict VerifyAuditChain(soci::session& sql) {
  AuditVerdict v;
  std::string prev = kGenesis;
  std::int64_t expected = 1;
  soci::rowset<soci::row> rows = (sql.prepare << std::string(kColumns) + "ORDER BY seq");
  for (const soci::row& row : rows) {
    const AuditRecord r = FromRow(row);
    ++v.entries;
    if (v.first_broken) continue;
    if (r.seq != expected) {
      v.first_broken = expected;
      v.reason = "entry " + std::to_string(expected) + " is missing (next is " +
                 std::to_string(r.seq) + ")";
    } else if (r.prev_hash != prev) {
      v.first_broken = r.seq;
      v.reason = "entry " + std::to_string(r.seq) + " does not link to the entry before it";
    } else if (AuditHash(r) != r.hash) {
      v.first_broken = r.seq;
      v.reason = "entry " + std::to_string(r.seq) + " was changed after it was written";
    }
    prev = r.hash;
    ++expected;
  }
  return v;
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
  return {v.entries, v.first_broken, v.reason};
}

}  // namespace connex::store
