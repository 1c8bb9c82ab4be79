// Referrals of requests to other support providers
// (domain/requests/referral.hpp): the Support Unit refers with the
// government's consent and records the provider's answers; the request's
// government and team read them.
#include "api/routes/routes.hpp"
#include "domain/hub/hub_repository.hpp"
#include "domain/requests/referral.hpp"
#include "domain/shared/json_reader.hpp"

namespace connex::api {

using namespace domain;

namespace {

// A referral with the provider's name and address, as the directory has them.
nlohmann::json ReferralView(Stores& st, const Referral& r) {
  nlohmann::json j = ToJson(r);
  const auto provider = st.hub.FindProvider(r.provider_id);
  j["provider"] = {{"id", r.provider_id},
                   {"name", provider ? provider->name : ""},
                   {"website", provider ? provider->website : ""}};
  return j;
}

}  // namespace

void AddReferralRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/requests/{id}/referrals", Access::kParticipant,
                    "Who the request was referred to, for what, and where each referral stands",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto list = s.referrals.Referrals(st, r.principal, r.params[0]);
                        if (!list) return list.errors();
                        nlohmann::json items = nlohmann::json::array();
                        for (const Referral& x : *list) items.push_back(ReferralView(st, x));
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/referrals", Access::kStaff,
       "Refers the request to a provider of the directory (provider_id; part: whole, "
       "discipline or phase, with discipline or phase; note; consent_given: true and consent: "
       "how the government consented), from due diligence on",
       [&s](Request& r) -> Result<Reply> {
         auto ref = ReadReferral(r.body);
         if (!ref) return ref.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto made = s.referrals.Refer(st, r.principal, r.params[0], *ref, Now());
           if (!made) return made.errors();
           return ReferralView(st, *made);
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/referrals/{id}/state", Access::kStaff,
       "Records the provider's answer or the end of its work (to: accepted, declined or "
       "completed; outcome: what it answered or did, required when it declined; version)",
       [&s](Request& r) -> Result<Reply> {
         Errors errors;
         ObjectReader reader(r.body, "", {"to", "outcome", "version"}, errors);
         const std::string to = reader.RequiredText("to", 20, &kReferralStates);
         const std::string outcome = reader.Text("outcome", 2000);
         const int version = reader.Integer("version", 1, 1000000);
         if (errors.empty() && version == 0) reader.Fail("version", "is required");
         if (!errors.empty()) return errors;
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto moved = s.referrals.Move(st, r.principal, r.params[0], to, outcome, version, Now());
           if (!moved) return moved.errors();
           return ReferralView(st, *moved);
         });
       }});
}

}  // namespace connex::api
