// The obligations register of signed contracts: governments and the Support
// Unit (domain/obligations/obligation_service.hpp says who sees what). Every
// route is case work, so funders get 404 and visitors 401 before any handler.
#include "api/routes/routes.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/obligations/obligation_service.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::api {

using namespace domain;

namespace {

// Calendars are read a page at a time: at most this many days at once.
constexpr int kMaxCalendarDays = 400;

template <typename T>
nlohmann::json List(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& x : items) out.push_back(ToJson(x));
  return out;
}

// The calendar's range: from, to (YYYY-MM-DD, inclusive); this month's by default.
Result<OccurrenceQuery> ReadCalendarQuery(const Request& r) {
  Errors errors;
  OccurrenceQuery q;
  const std::string today = ToIso(Now()).substr(0, 10);
  q.from = r.query.count("from") ? r.query.at("from") : today.substr(0, 8) + "01";
  q.to =
      r.query.count("to") ? r.query.at("to") : AddDays(AddDays(q.from, 31).substr(0, 8) + "01", -1);
  for (const auto& [field, value] : {std::pair{"from", q.from}, std::pair{"to", q.to}}) {
    if (!IsDate(value))
      errors.push_back({ErrorCode::kInvalidInput, "must be a date (YYYY-MM-DD)", field});
  }
  if (errors.empty() && (q.to < q.from || AddDays(q.from, kMaxCalendarDays) < q.to)) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "must be on or after from, and at most " + std::to_string(kMaxCalendarDays) +
                          " days after it",
                      "to"});
  }
  q.contract_id = QueryText(r, "contract");
  q.state = QueryCode(r, "state", {"upcoming", "due_soon", "overdue", "met", "waived"}, errors);
  if (!errors.empty()) return errors;
  return q;
}

// The calendar as iCalendar (RFC 5545), one all-day event per due date, for
// the officials who keep their deadlines in Outlook or on a phone; its words
// in the reader's `language`.
std::string Ics(const std::vector<Occurrence>& items, const std::string& language) {
  const nlohmann::json& words = domain::MailCatalog(language);
  auto escape = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '\\' || c == ';' || c == ',') out += '\\';
      if (c == '\n') {
        out += "\\n";
        continue;
      }
      if (c != '\r') out += c;
    }
    return out;
  };
  auto compact = [](const std::string& date) {
    return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  };
  const std::string stamp = compact(ToIso(Now()).substr(0, 10)) + "T000000Z";
  std::string out =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CONNEX//Obligations//EN\r\n"
      "X-WR-CALNAME:" +
      escape(words["calendar"]["name"].get<std::string>()) + "\r\n";
  for (const Occurrence& o : items) {
    out += "BEGIN:VEVENT\r\nUID:" + o.obligation.id + "-" + compact(o.due_date) +
           "@connex\r\nDTSTAMP:" + stamp + "\r\nDTSTART;VALUE=DATE:" + compact(o.due_date) +
           "\r\nDTEND;VALUE=DATE:" + compact(AddDays(o.due_date, 1)) +
           "\r\nSUMMARY:" + escape(o.contract_title + ": " + o.obligation.title) +
           "\r\nDESCRIPTION:" +
           escape(domain::FillWords(
               words, words["calendar"]["description"].get<std::string>(),
               {{"party", o.obligation.party}, {"type", o.obligation.type}, {"state", o.state}})) +
           "\r\nEND:VEVENT\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

}  // namespace

void AddObligationRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/monitoring/contracts", Access::kCaseWork,
       "The signed contracts whose obligations you monitor: a government its own, "
       "the Support Unit every government's",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           return nlohmann::json{{"items", List(s.obligations.Contracts(st, r.principal))}};
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/monitoring/contracts", Access::kCaseWork,
       "Registers a signed contract (title, timezone: IANA zone its due dates are read in; "
       "counterparty, signed_on, notes, hub_document_id: its record in the hub; "
       "organisation_id: the government, for the Support Unit)",
       [&s](Request& r) -> Result<Reply> {
         auto c = ReadMonitoredContract(r.body);
         if (!c) return c.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto made = s.obligations.CreateContract(st, r.principal, *c, Now());
           if (!made) return made.errors();
           return ToJson(*made);
         });
       }});
  routes.push_back({"GET", "/api/v1/monitoring/contracts/{id}", Access::kCaseWork,
                    "A monitored contract and its obligations", [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto c = ObligationService::VisibleContract(st, r.principal, r.params[0]);
                        if (!c) return c.errors();
                        auto obligations = s.obligations.Obligations(st, r.principal, c->id);
                        if (!obligations) return obligations.errors();
                        nlohmann::json out = ToJson(*c);
                        out["obligations"] = List(*obligations);
                        return out;
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/monitoring/contracts/{id}", Access::kCaseWork,
       "Changes a monitored contract (its fields as on registration, and version: the one read)",
       [&s](Request& r) -> Result<Reply> {
         auto c = ReadMonitoredContract(r.body);
         if (!c) return c.errors();
         if (c->version == 0) return Error{ErrorCode::kInvalidInput, "is required", "version"};
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto changed =
               s.obligations.UpdateContract(st, r.principal, r.params[0], c->version, *c, Now());
           if (!changed) return changed.errors();
           return ToJson(*changed);
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/monitoring/contracts/{id}/publication", Access::kCaseWork,
       "The government shows the register to citizens on its hub record's page and in the "
       "record's OCDS release (published: true), or withdraws it (published: false)",
       [&s](Request& r) -> Result<Reply> {
         Errors errors;
         ObjectReader reader(r.body, "", {"published"}, errors);
         const bool publish = reader.Bool("published", false);
         if (errors.empty() && !r.body.contains("published"))
           reader.Fail("published", "is required");
         if (!errors.empty()) return errors;
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto done = s.obligations.Publish(st, r.principal, r.params[0], publish, Now());
           if (!done) return done.errors();
           return ToJson(*done);
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/hub/documents/{id}/register", Access::kPublic,
       "The obligations register a government published for this contract: what is due, when, "
       "and whether it was met; 204 when none is published",
       [&s](Request& r) -> Result<Reply> {
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           auto d = HubService::Visible(st, r.principal, r.params[0]);
           if (!d) return d.errors();
           auto reg =
               IsPublic(*d) ? ObligationService::PublishedRegister(st, d->id, Now()) : std::nullopt;
           if (!reg) return Reply{204, nullptr};
           return Reply{200, ToJson(*reg)};
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/monitoring/contracts/{id}/obligations", Access::kCaseWork,
       "Adds an obligation (type, title, party, first_due; description, amount and currency, "
       "target, recurrence: once, monthly, quarterly or yearly; end_of_month, until, "
       "remind_days, clause, source_annotation_id: the hub annotation it comes from)",
       [&s](Request& r) -> Result<Reply> {
         auto o = ReadObligation(r.body);
         if (!o) return o.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto added = s.obligations.AddObligation(st, r.principal, r.params[0], *o, Now());
           if (!added) return added.errors();
           return ToJson(*added);
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/monitoring/contracts/{id}/suggestions", Access::kCaseWork,
       "Obligations drawn from the annotations of the contract's hub record, to complete and add",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto found = s.obligations.Suggestions(st, r.principal, r.params[0]);
           if (!found) return found.errors();
           nlohmann::json items = nlohmann::json::array();
           for (const ObligationSuggestion& g : *found) {
             items.push_back({{"annotation_id", g.annotation_id},
                              {"category", g.category},
                              {"category_label", g.category_label},
                              {"registered", g.registered},
                              {"draft",
                               {{"type", g.draft.type},
                                {"title", g.draft.title},
                                {"description", g.draft.description},
                                {"party", g.draft.party},
                                {"clause", g.draft.clause},
                                {"source_annotation_id", g.draft.source_annotation_id}}}});
           }
           return nlohmann::json{{"items", items}};
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/monitoring/obligations/{id}", Access::kCaseWork,
       "Changes an obligation (its fields as when added, status: active, suspended or ended; "
       "version: the one read)",
       [&s](Request& r) -> Result<Reply> {
         auto o = ReadObligation(r.body);
         if (!o) return o.errors();
         if (o->version == 0) return Error{ErrorCode::kInvalidInput, "is required", "version"};
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto changed =
               s.obligations.UpdateObligation(st, r.principal, r.params[0], o->version, *o, Now());
           if (!changed) return changed.errors();
           return ToJson(*changed);
         });
       }});
  routes.push_back({"GET", "/api/v1/monitoring/obligations/{id}/records", Access::kCaseWork,
                    "What was recorded against the obligation's due dates",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto got = s.obligations.Fulfilments(st, r.principal, r.params[0]);
                        if (!got) return got.errors();
                        return nlohmann::json{{"items", List(*got)}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/monitoring/obligations/{id}/records", Access::kCaseWork,
       "Records one due date (due_date: one of the obligation's; status: met, partly_met or "
       "waived; evidence: what shows it, required unless waived); replaces an earlier record",
       [&s](Request& r) -> Result<Reply> {
         auto f = ReadFulfilment(r.body);
         if (!f) return f.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto done = s.obligations.Record(st, r.principal, r.params[0], *f, Now());
           if (!done) return done.errors();
           return ToJson(*done);
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/monitoring/calendar", Access::kCaseWork,
       "Due dates of active obligations (from, to: YYYY-MM-DD, at most 400 days, this month by "
       "default; contract; state: upcoming, due_soon, overdue, met or waived; format: json or "
       "ics)",
       [&s](Request& r) -> Result<Reply> {
         auto q = ReadCalendarQuery(r);
         if (!q) return q.errors();
         const std::string format = r.query.count("format") ? r.query.at("format") : "json";
         if (format != "json" && format != "ics") {
           return Error{ErrorCode::kInvalidInput, "must be json or ics", "format"};
         }
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           auto items = s.obligations.Occurrences(st, r.principal, *q, Now());
           if (!items) return items.errors();
           if (format == "ics")
             return Download(Ics(*items, r.language), "text/calendar; charset=utf-8",
                             "obligations.ics");
           return Reply{200,
                        nlohmann::json{{"from", q->from}, {"to", q->to}, {"items", List(*items)}}};
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/monitoring/overdue", Access::kCaseWork,
       "Every due date still open after its day in its contract's time zone, "
       "oldest first",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           return nlohmann::json{{"items", List(s.obligations.Overdue(st, r.principal, Now()))}};
         });
       }});
}

}  // namespace connex::api
