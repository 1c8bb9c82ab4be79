#include "store/sql_roster_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

namespace {

constexpr const char* kProfileColumns =
    "SELECT p.user_id, u.name, p.seniority, p.disciplines_json, p.languages_json, "
    "p.countries_json, p.commodities_json, p.day_rate, p.readiness, p.bio, p.unavailable_json, "
    "p.version, p.updated_at FROM expert_profiles p JOIN users u ON u.id = p.user_id ";

std::vector<std::string> List(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

double Real(const soci::row& row, int i) {
  const size_t k = static_cast<size_t>(i);
  return row.get_properties(k).get_data_type() == soci::dt_double
             ? row.get<double>(k)
             : static_cast<double>(Integer(row, i));
}

ExpertProfile ProfileFromRow(const soci::row& row) {
  ExpertProfile p;
  p.user_id = Text(row, 0);
  p.name = Text(row, 1);
  p.seniority = Text(row, 2);
  p.disciplines = List(Text(row, 3));
  p.languages = List(Text(row, 4));
  p.countries = List(Text(row, 5));
  p.commodities = List(Text(row, 6));
  p.day_rate = Real(row, 7);
  p.readiness = Text(row, 8);
  p.bio = Text(row, 9);
  const nlohmann::json periods = nlohmann::json::parse(Text(row, 10), nullptr, false);
  if (periods.is_array()) {
    for (const auto& x : periods) {
      p.unavailable.push_back({x.value("from", ""), x.value("to", "")});
    }
  }
  p.version = static_cast<int>(Integer(row, 11));
  p.updated_at = ParseIso(Text(row, 12)).value_or(Instant{});
  return p;
}

}  // namespace

std::optional<ExpertProfile> SqlRosterRepository::FindProfile(const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kProfileColumns) + "WHERE p.user_id = :u", soci::use(user_id));
  for (const soci::row& row : rows) return ProfileFromRow(row);
  return std::nullopt;
}

bool SqlRosterRepository::SaveProfile(const ExpertProfile& p, int expected_version) {
  const nlohmann::json j = ToJson(p);
  const std::string disciplines = j["disciplines"].dump(), languages = j["languages"].dump(),
                    countries = j["countries"].dump(), commodities = j["commodities"].dump(),
                    unavailable = j["unavailable"].dump(), at = ToIso(p.updated_at);
  if (expected_version == 0) {
    sql_
        << "INSERT INTO expert_profiles (user_id, seniority, disciplines_json, languages_json, "
           "countries_json, commodities_json, day_rate, readiness, bio, unavailable_json, version, "
           "updated_at) VALUES (:u, :s, :d, :l, :c, :m, :r, :rd, :b, :un, :v, :at)",
        soci::use(p.user_id), soci::use(p.seniority), soci::use(disciplines), soci::use(languages),
        soci::use(countries), soci::use(commodities), soci::use(p.day_rate), soci::use(p.readiness),
        soci::use(p.bio), soci::use(unavailable), soci::use(p.version), soci::use(at);
    return true;
  }
  soci::statement st =
      (sql_.prepare << "UPDATE expert_profiles SET seniority = :s, disciplines_json = :d, "
                       "languages_json = :l, countries_json = :c, commodities_json = :m, "
                       "day_rate = :r, readiness = :rd, bio = :b, unavailable_json = :un, "
                       "version = :v, updated_at = :at WHERE user_id = :u AND version = :e",
       soci::use(p.seniority), soci::use(disciplines), soci::use(languages), soci::use(countries),
       soci::use(commodities), soci::use(p.day_rate), soci::use(p.readiness), soci::use(p.bio),
       soci::use(unavailable), soci::use(p.version), soci::use(at), soci::use(p.user_id),
       soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<ExpertProfile> SqlRosterRepository::Profiles() {
  std::vector<ExpertProfile> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kProfileColumns) +
                           "WHERE u.role = 'expert' AND u.disabled = 0 ORDER BY u.name, p.user_id");
  for (const soci::row& row : rows) out.push_back(ProfileFromRow(row));
  return out;
}

std::optional<ConductCode> SqlRosterRepository::CurrentCode() {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT version, text, published_at, published_by FROM conduct_codes "
                       "ORDER BY version DESC LIMIT 1");
  for (const soci::row& row : rows) {
    return ConductCode{static_cast<int>(Integer(row, 0)), Text(row, 1),
                       ParseIso(Text(row, 2)).value_or(Instant{}), Text(row, 3)};
  }
  return std::nullopt;
}

void SqlRosterRepository::InsertCode(const ConductCode& c) {
  const std::string at = ToIso(c.published_at);
  sql_ << "INSERT INTO conduct_codes (version, text, published_at, published_by) "
          "VALUES (:v, :t, :at, :by)",
      soci::use(c.version), soci::use(c.text), soci::use(at), soci::use(c.published_by);
}

bool SqlRosterRepository::HasAttested(const std::string& user_id, int version) {
  int n = 0;
  sql_ << "SELECT COUNT(*) FROM attestations WHERE user_id = :u AND code_version = :v",
      soci::into(n), soci::use(user_id), soci::use(version);
  return n > 0;
}

void SqlRosterRepository::InsertAttestation(const std::string& user_id, int version, Instant at) {
  const std::string when = ToIso(at);
  sql_ << "INSERT INTO attestations (user_id, code_version, at) VALUES (:u, :v, :at)",
      soci::use(user_id), soci::use(version), soci::use(when);
}

std::vector<std::pair<std::string, int>> SqlRosterRepository::LatestAttestations() {
  std::vector<std::pair<std::string, int>> out;
  soci::rowset<soci::row> rows = (sql_.prepare << "SELECT user_id, MAX(code_version) FROM "
                                                  "attestations GROUP BY user_id");
  for (const soci::row& row : rows)
    out.push_back({Text(row, 0), static_cast<int>(Integer(row, 1))});
  return out;
}

void SqlRosterRepository::InsertDeclaration(const Declaration& d, Instant at) {
  const std::string affiliates = nlohmann::json(d.affiliates).dump(), when = ToIso(at);
  NullableText end(d.end);
  sql_ << "INSERT INTO declarations (id, user_id, entity, affiliates_json, relation, start_date, "
          "end_date, evidence, declared_at) VALUES (:id, :u, :e, :a, :r, :s, :end, :ev, :at)",
      soci::use(d.id), soci::use(d.expert_id), soci::use(d.entity), soci::use(affiliates),
      soci::use(d.relation), soci::use(d.start), soci::use(end.value, end.ind),
      soci::use(d.evidence), soci::use(when);
}

std::vector<Declaration> SqlRosterRepository::DeclarationsWhere(const std::string& where,
                                                                const std::string& value) {
  std::vector<Declaration> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, user_id, entity, affiliates_json, relation, start_date, "
                       "end_date, evidence FROM declarations " +
                           where + " ORDER BY declared_at, id",
       soci::use(value));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), Text(row, 1), Text(row, 2), List(Text(row, 3)), Text(row, 4),
                   Text(row, 5), Text(row, 6), Text(row, 7)});
  }
  return out;
}

std::vector<Declaration> SqlRosterRepository::Declarations(const std::string& user_id) {
  return DeclarationsWhere("WHERE user_id = :v", user_id);
}

std::vector<Declaration> SqlRosterRepository::AllDeclarations() {
  return DeclarationsWhere("WHERE :v = ''", "");
}

void SqlRosterRepository::InsertScreening(const ScreeningRecord& s) {
  const std::string outcome = ToString(s.result.outcome), at = ToIso(s.at);
  NullableText declaration(s.result.declaration_id);
  sql_ << "INSERT INTO screenings (id, request_id, user_id, outcome, reason, declaration_id, "
          "lookback_years, at, screened_by) VALUES (:id, :r, :u, :o, :re, :d, :l, :at, :by)",
      soci::use(s.id), soci::use(s.request_id), soci::use(s.user_id), soci::use(outcome),
      soci::use(s.result.reason), soci::use(declaration.value, declaration.ind),
      soci::use(s.lookback_years), soci::use(at), soci::use(s.screened_by);
}

std::vector<ScreeningRecord> SqlRosterRepository::Screenings(const std::string& request_id) {
  std::vector<ScreeningRecord> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, user_id, outcome, reason, declaration_id, lookback_years, at, "
                       "screened_by FROM screenings WHERE request_id = :r ORDER BY at, id",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    ScreeningRecord s;
    s.id = Text(row, 0);
    s.request_id = request_id;
    s.user_id = Text(row, 1);
    const std::string o = Text(row, 2);
    s.result.outcome = o == "exclude"    ? ScreeningOutcome::kExclude
                       : o == "waiver"   ? ScreeningOutcome::kWaiver
                       : o == "disclose" ? ScreeningOutcome::kDisclose
                                         : ScreeningOutcome::kClear;
    s.result.reason = Text(row, 3);
    s.result.declaration_id = Text(row, 4);
    s.lookback_years = static_cast<int>(Integer(row, 5));
    s.at = ParseIso(Text(row, 6)).value_or(Instant{});
    s.screened_by = Text(row, 7);
    out.push_back(s);
  }
  return out;
}

void SqlRosterRepository::InsertWaiver(const std::string& request_id, const Waiver& w,
                                       const std::string& recorded_by, Instant at) {
  const std::string when = ToIso(at);
  sql_ << "DELETE FROM waivers WHERE request_id = :r AND declaration_id = :d",
      soci::use(request_id), soci::use(w.declaration_id);
  sql_ << "INSERT INTO waivers (request_id, declaration_id, consent_document_id, recorded_by, at) "
          "VALUES (:r, :d, :c, :by, :at)",
      soci::use(request_id), soci::use(w.declaration_id), soci::use(w.consent_document_id),
      soci::use(recorded_by), soci::use(when);
}

std::vector<Waiver> SqlRosterRepository::Waivers(const std::string& request_id) {
  std::vector<Waiver> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT declaration_id, consent_document_id FROM waivers "
                       "WHERE request_id = :r",
       soci::use(request_id));
  for (const soci::row& row : rows) out.push_back({Text(row, 0), Text(row, 1)});
  return out;
}

std::vector<std::pair<std::string, int>> SqlRosterRepository::LoadDays(Instant since) {
  std::vector<std::pair<std::string, int>> out;
  const std::string from = ToIso(since);
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT user_id, SUM(days) FROM request_team WHERE added_at >= :s "
                       "GROUP BY user_id",
       soci::use(from));
  for (const soci::row& row : rows)
    out.push_back({Text(row, 0), static_cast<int>(Integer(row, 1))});
  return out;
}

void SqlRosterRepository::SaveAppraisal(const Appraisal& a) {
  const std::string at = ToIso(a.at);
  sql_ << "DELETE FROM appraisals WHERE request_id = :r AND user_id = :u", soci::use(a.request_id),
      soci::use(a.user_id);
  sql_ << "INSERT INTO appraisals (request_id, user_id, appraiser_id, rating, comments, at) "
          "VALUES (:r, :u, :by, :rating, :c, :at)",
      soci::use(a.request_id), soci::use(a.user_id), soci::use(a.appraiser_id), soci::use(a.rating),
      soci::use(a.comments), soci::use(at);
}

std::vector<Appraisal> SqlRosterRepository::Appraisals(const std::string& user_id) {
  std::vector<Appraisal> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT request_id, appraiser_id, rating, comments, at FROM appraisals "
                       "WHERE user_id = :u ORDER BY at DESC",
       soci::use(user_id));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), user_id, Text(row, 1), static_cast<int>(Integer(row, 2)),
                   Text(row, 3), ParseIso(Text(row, 4)).value_or(Instant{})});
  }
  return out;
}

std::vector<Deployment> SqlRosterRepository::Deployments(const std::string& user_id) {
  std::vector<Deployment> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT r.id, r.reference, r.project_name, r.state, t.role, t.start_date, "
                       "t.end_date, t.days FROM request_team t JOIN requests r ON r.id = "
                       "t.request_id WHERE t.user_id = :u ORDER BY t.added_at DESC",
       soci::use(user_id));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), Text(row, 1), Text(row, 2), Text(row, 3), Text(row, 4),
                   Text(row, 5), Text(row, 6), static_cast<int>(Integer(row, 7))});
  }
  return out;
}

}  // namespace connex::store
