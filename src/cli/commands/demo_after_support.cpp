#include "cli/commands/demo_after_support.hpp"

#include <cstdio>

#include "domain/hub/hub_service.hpp"
#include "domain/obligations/obligation_service.hpp"
#include "domain/training/training_service.hpp"

namespace connex::cli {

namespace {

// The id of the first public hub document matching `words`.
Result<std::string> HubDocument(domain::Stores& stores, const domain::Principal& p,
                                const std::string& words) {
  domain::HubQuery q;
  q.text = words;
  const domain::HubResults found = domain::HubService().Search(stores, p, q);
  if (found.hits.empty()) {
    return Error{ErrorCode::kNotFound, "the demo hub has no \"" + words + "\"", ""};
  }
  return found.hits.front().id;
}

// The last day of the month `offset` months from `now`'s (UTC).
std::string MonthEnd(Instant now, int offset) {
  const std::string iso = ToIso(now);
  int months = std::stoi(iso.substr(0, 4)) * 12 + std::stoi(iso.substr(5, 2)) - 1 + offset + 1;
  char next[32];
  std::snprintf(next, sizeof next, "%04d-%02d-01", months / 12, months % 12 + 1);
  return domain::AddDays(next, -1);
}

}  // namespace

Result<Done> DemoMonitoring(domain::Stores& stores, const domain::Principal& government,
                            Instant now) {
  const domain::ObligationService service;
  auto hub = HubDocument(stores, government, "Asante Ridge");
  if (!hub) return hub.errors();
  domain::MonitoredContract c;
  c.title = "Sample Mining Convention — Asante Ridge Gold Project";
  c.hub_document_id = *hub;
  c.counterparty = "Asante Ridge Mining Ltd";
  c.signed_on = "2019-06-14";
  c.timezone = "Africa/Accra";
  c.notes = "Sample register for demonstration.";
  auto contract = service.CreateContract(stores, government, c, now);
  if (!contract) return contract.errors();
  auto suggestions = service.Suggestions(stores, government, contract->id);
  if (!suggestions) return suggestions.errors();
  for (const domain::ObligationSuggestion& g : *suggestions) {
    domain::Obligation o = g.draft;
    if (g.category == "royalties") {
      o.amount = 1250000;
      o.currency = "USD";
      o.schedule = {MonthEnd(now, -2), "monthly", true, ""};
    } else if (g.category == "local-procurement") {
      o.type = "reporting";
      o.title = "Local procurement report";
      o.target = "60% local procurement by year five of production";
      o.schedule = {MonthEnd(now, 1), "yearly", true, ""};
      o.remind_days = 30;
    } else {
      continue;
    }
    auto added = service.AddObligation(stores, government, contract->id, o, now);
    if (!added) return added.errors();
    if (g.category == "royalties") {
      auto paid = service.Record(
          stores, government, added->id,
          {"", MonthEnd(now, -2), "met", "GRA receipt 2026-0412", "", {}, true}, now);
      if (!paid) return paid.errors();
    }
  }
  // Ghana shows the register to citizens on the contract's hub page.
  auto published = service.Publish(stores, government, contract->id, true, now);
  if (!published) return published.errors();
  return Done{};
}

Result<Done> DemoTraining(domain::Stores& stores, const domain::Principal& coordinator,
                          const domain::Principal& government, Instant now) {
  const domain::TrainingService service;
  auto guide = HubDocument(stores, coordinator, "\"Negotiating royalties\"");
  if (!guide) return guide.errors();
  domain::Course c;
  c.title = "Negotiating fiscal terms for mining contracts";
  c.summary =
      "Royalties, income tax, state participation and stabilisation: what each term gives the "
      "state, tested with the CONNEX fiscal engine on a sample gold project.";
  c.audience = "officials of ministries of mines and finance and of revenue authorities";
  c.hours = 21;
  c.materials = {*guide};
  c.published = true;
  auto course = service.CreateCourse(stores, coordinator, c, now);
  if (!course) return course.errors();
  const std::string today = ToIso(now).substr(0, 10);
  domain::TrainingSession accra;
  accra.starts_on = domain::AddDays(today, 30);
  accra.ends_on = domain::AddDays(today, 32);
  accra.place = "Accra, Ghana Institute of Management and Public Administration";
  accra.trainers = {"Efua Sutherland", "Jean Diouf"};
  accra.capacity = 25;
  auto first = service.AddSession(stores, coordinator, course->id, accra, now);
  if (!first) return first.errors();
  domain::TrainingSession online;
  online.starts_on = domain::AddDays(today, 45);
  online.ends_on = domain::AddDays(today, 47);
  online.mode = "online";
  online.place = "Visioconférence";
  online.language = "fr";
  online.trainers = {"Jean Diouf"};
  auto second = service.AddSession(stores, coordinator, course->id, online, now);
  if (!second) return second.errors();
  domain::Participant p;
  p.name = "Ama Owusu";
  p.email = "ama.owusu@example.org";
  p.position = "Principal Analyst, Minerals Commission";
  auto nominated = service.Enrol(stores, government, first->id, p, now);
  if (!nominated) return nominated.errors();
  return Done{};
}

}  // namespace connex::cli
