#include "domain/obligations/public_register.hpp"

#include <algorithm>

#include "domain/obligations/schedule.hpp"
#include "domain/shared/time_zone.hpp"

namespace connex::domain {

namespace {

// How far ahead the next due date is looked for: a yearly duty's next one
// is at most a year (and a day for leap years) away.
constexpr int kLookAheadDays = 400;

PublicObligation PublicDates(const ObligationRecords& item, const date::time_zone* zone,
                             const std::string& today, Instant now) {
  PublicObligation out{item.obligation, {}, 0};
  const Obligation& o = item.obligation;
  std::vector<std::string> past;
  std::string next;
  for (const std::string& due :
       DueDates(o.schedule, o.schedule.first_due, AddDays(today, kLookAheadDays))) {
    if (due <= today) {
      past.push_back(due);
    } else {
      next = due;
      break;
    }
  }
  if (past.size() > kPublicPastDates) {
    out.earlier_dates = static_cast<int>(past.size() - kPublicPastDates);
    past.erase(past.begin(), past.begin() + out.earlier_dates);
  }
  // Only an active duty falls due again.
  if (!next.empty() && o.status == "active") past.push_back(next);
  for (const std::string& due : past) {
    PublicDueDate d{due, "", "", ""};
    const auto f = std::find_if(item.records.begin(), item.records.end(),
                                [&](const Fulfilment& r) { return r.due_date == due; });
    const std::string recorded = f == item.records.end() ? "" : f->status;
    d.state = recorded == "partly_met" ? recorded
                                       : OccurrenceState(due, zone, o.remind_days, recorded, now);
    if (f != item.records.end()) {
      d.recorded_on = LocalDate(f->recorded_at, zone);
      if (f->evidence_public) d.evidence = f->evidence;
    }
    out.dates.push_back(std::move(d));
  }
  return out;
}

std::string MilestoneType(const std::string& obligation_type) {
  if (obligation_type == "payment") return "financing";
  if (obligation_type == "reporting") return "reporting";
  return "delivery";
}

std::string MilestoneStatus(const std::string& state) {
  if (state == "met") return "met";
  if (state == "partly_met") return "partiallyMet";
  if (state == "overdue") return "notMet";
  return "scheduled";
}

// The party named `name` in the release, given `role`; added when missing.
nlohmann::json PartyWithRole(nlohmann::json& release, const std::string& name,
                             const std::string& role, const std::string& new_id) {
  nlohmann::json& parties = release["parties"];
  if (!parties.is_array()) parties = nlohmann::json::array();
  for (nlohmann::json& p : parties) {
    if (p.value("name", "") != name) continue;
    nlohmann::json& roles = p["roles"];
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
    return {{"id", p["id"]}, {"name", name}};
  }
  parties.push_back({{"id", new_id}, {"name", name}, {"roles", {role}}});
  return {{"id", new_id}, {"name", name}};
}

}  // namespace

PublicRegister BuildPublicRegister(const MonitoredContract& c,
                                   const std::vector<ObligationRecords>& obligations, Instant now) {
  PublicRegister r{c, {}};
  const date::time_zone* zone = FindZone(c.timezone);
  if (!zone) return r;  // validated on write; a zone gone from tzdata shows no dates
  const std::string today = LocalDate(now, zone);
  for (const ObligationRecords& item : obligations) {
    r.obligations.push_back(PublicDates(item, zone, today, now));
  }
  return r;
}

nlohmann::json ToJson(const PublicRegister& r) {
  nlohmann::json obligations = nlohmann::json::array();
  for (const PublicObligation& po : r.obligations) {
    const Obligation& o = po.obligation;
    nlohmann::json dates = nlohmann::json::array();
    for (const PublicDueDate& d : po.dates) {
      nlohmann::json j = {{"due_date", d.due_date}, {"state", d.state}};
      if (!d.recorded_on.empty()) j["recorded_on"] = d.recorded_on;
      if (!d.evidence.empty()) j["evidence"] = d.evidence;
      dates.push_back(j);
    }
    obligations.push_back({{"id", o.id},
                           {"type", o.type},
                           {"title", o.title},
                           {"description", o.description},
                           {"party", o.party},
                           {"amount", o.amount ? nlohmann::json(*o.amount) : nullptr},
                           {"currency", o.currency},
                           {"target", o.target},
                           {"clause", o.clause},
                           {"recurrence", o.schedule.recurrence},
                           {"status", o.status},
                           {"earlier_dates", po.earlier_dates},
                           {"dates", dates}});
  }
  const MonitoredContract& c = r.contract;
  return {{"title", c.title},
          {"counterparty", c.counterparty},
          {"signed_on", c.signed_on},
          {"timezone", c.timezone},
          {"published_at", c.published_at ? nlohmann::json(ToIso(*c.published_at)) : nullptr},
          {"obligations", obligations}};
}

void AddImplementation(nlohmann::json& release, const PublicRegister& r) {
  nlohmann::json milestones = nlohmann::json::array();
  nlohmann::json transactions = nlohmann::json::array();
  nlohmann::json payer, payee;
  for (const PublicObligation& po : r.obligations) {
    const Obligation& o = po.obligation;
    for (const PublicDueDate& d : po.dates) {
      if (d.state == "waived") continue;
      const std::string id = o.id + "-" + d.due_date;
      nlohmann::json m = {{"id", id},
                          {"title", o.title},
                          {"type", MilestoneType(o.type)},
                          {"dueDate", d.due_date + "T00:00:00Z"},
                          {"status", MilestoneStatus(d.state)}};
      if (!o.description.empty()) m["description"] = o.description;
      if (d.state == "met" || d.state == "partly_met") {
        m["dateMet"] = d.recorded_on + "T00:00:00Z";
        m["dateModified"] = m["dateMet"];
      }
      milestones.push_back(m);
      if (o.type != "payment" || d.state != "met" || !o.amount) continue;
      if (transactions.empty()) {
        if (!r.contract.counterparty.empty())
          payer = PartyWithRole(release, r.contract.counterparty, "payer", "payer-1");
        const nlohmann::json buyer = release.value("buyer", nlohmann::json());
        if (buyer.is_object() && buyer.contains("name"))
          payee = PartyWithRole(release, buyer["name"].get<std::string>(), "payee", "payee-1");
      }
      nlohmann::json t = {{"id", id},
                          {"date", d.recorded_on + "T00:00:00Z"},
                          {"value", {{"amount", *o.amount}, {"currency", o.currency}}}};
      if (!payer.is_null()) t["payer"] = payer;
      if (!payee.is_null()) t["payee"] = payee;
      transactions.push_back(t);
    }
  }
  nlohmann::json& contract = release["contracts"][0];
  contract["implementation"] = {{"milestones", milestones}, {"transactions", transactions}};
}

}  // namespace connex::domain
