// The support-provider directory (docs/adr/007-resource-hub.md): organisations
// other than CONNEX that help governments negotiate, with who they help, in
// which regions and sectors, with what expertise, and how to reach them. The
// roadmap links them by the stages they serve.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace connex::domain {

extern const std::vector<std::string> kProviderKinds;  // intergovernmental, ngo, academic, ...
extern const std::vector<std::string> kRegions;        // africa, asia_pacific, ..., global
extern const std::vector<std::string> kSectors;        // mining, oil_gas, ...
extern const std::vector<std::string> kProviderCosts;  // free, cost_shared, fee

struct SupportProvider {
  std::string id;
  std::string name;
  std::string kind;
  std::string description;
  std::vector<std::string> regions;
  std::vector<std::string> sectors;
  std::vector<std::string> expertise;  // disciplines codelist
  std::vector<std::string> stages;     // roadmap stages served
  std::vector<std::string> languages;
  std::string assistance_criteria;  // who may ask and for what
  std::string cost;
  int in_house_experts = 0;  // advisors on staff; 0 when it works through a network
  std::string contact_email;
  std::string website;
  bool sample = false;  // written for demonstration, labelled as such
  std::string updated_by;
  Instant updated_at{};
  int version = 1;
};

// The directory's filters; empty ones match everything.
struct ProviderFilter {
  std::string region;  // a provider with "global" serves every region
  std::string sector;
  std::string expertise;
  std::string stage;
  std::string text;  // part of the name or description, any case
};

bool Matches(const SupportProvider& p, const ProviderFilter& f);

// Reads the editable fields, naming each wrong one. Expertise codes are
// checked against the disciplines codelist by the caller.
Result<SupportProvider> ReadSupportProvider(const nlohmann::json& j);
nlohmann::json ToJson(const SupportProvider& p);

}  // namespace connex::domain
