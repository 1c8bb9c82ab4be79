#include "domain/hub/support_provider.hpp"

#include <algorithm>
#include <cctype>

#include "domain/accounts/account.hpp"
#include "domain/hub/hub_document.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kProviderKinds = {
    "intergovernmental", "development_bank", "ngo",        "academic",
    "law_firm",          "consultancy",      "government", "donor_facility"};
const std::vector<std::string> kRegions = {"africa",
                                           "asia_pacific",
                                           "europe_central_asia",
                                           "latin_america_caribbean",
                                           "middle_east_north_africa",
                                           "global"};
const std::vector<std::string> kSectors = {"mining", "oil_gas", "renewables", "infrastructure",
                                           "agriculture"};
const std::vector<std::string> kProviderCosts = {"free", "cost_shared", "fee"};

namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

bool Matches(const SupportProvider& p, const ProviderFilter& f) {
  if (!f.region.empty() && !Has(p.regions, f.region) && !Has(p.regions, "global")) return false;
  if (!f.sector.empty() && !Has(p.sectors, f.sector)) return false;
  if (!f.expertise.empty() && !Has(p.expertise, f.expertise)) return false;
  if (!f.stage.empty() && !Has(p.stages, f.stage)) return false;
  if (!f.text.empty()) {
    const std::string needle = Lower(f.text);
    if (Lower(p.name).find(needle) == std::string::npos &&
        Lower(p.description).find(needle) == std::string::npos) {
      return false;
    }
  }
  return true;
}

Result<SupportProvider> ReadSupportProvider(const nlohmann::json& j) {
  Errors errors;
  ObjectReader r(j, "",
                 {"name", "kind", "description", "regions", "sectors", "expertise", "stages",
                  "languages", "assistance_criteria", "cost", "in_house_experts", "contact_email",
                  "website", "sample", "version"},
                 errors);
  SupportProvider p;
  p.name = r.RequiredText("name", 200);
  p.kind = r.RequiredText("kind", 40, &kProviderKinds);
  p.description = r.Text("description", 5000);
  // At least one region and sector; a wrong code is named by its position.
  auto absent = [&](const char* f) { return !j.contains(f) || j[f].empty(); };
  p.regions = r.Codes("regions", kRegions);
  if (absent("regions")) r.Fail("regions", "name at least one region (or global)");
  p.sectors = r.Codes("sectors", kSectors);
  if (absent("sectors")) r.Fail("sectors", "name at least one sector");
  p.expertise = r.CodeWords("expertise", 30);
  p.stages = r.Codes("stages", kRoadmapStages);
  p.languages = r.Codes("languages", kLanguages);
  p.assistance_criteria = r.Text("assistance_criteria", 5000);
  p.cost = r.Text("cost", 20, &kProviderCosts);
  p.in_house_experts = r.Integer("in_house_experts", 0, 100000);
  p.contact_email = r.Text("contact_email", 254);
  if (!p.contact_email.empty()) {
    if (auto why = CheckEmail(p.contact_email)) r.Fail("contact_email", *why);
  }
  p.website = r.Text("website", 2000);
  if (!p.website.empty() && p.website.rfind("https://", 0) != 0 &&
      p.website.rfind("http://", 0) != 0) {
    r.Fail("website", "must be an http(s) address");
  }
  if (p.contact_email.empty() && p.website.empty()) {
    r.Fail("contact_email", "give an email address or a website to reach the provider");
  }
  p.sample = r.Bool("sample", false);
  p.version = r.Integer("version", 0, 1000000);
  if (!errors.empty()) return errors;
  return p;
}

nlohmann::json ToJson(const SupportProvider& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kind", p.kind},
          {"description", p.description},
          {"regions", p.regions},
          {"sectors", p.sectors},
          {"expertise", p.expertise},
          {"stages", p.stages},
          {"languages", p.languages},
          {"assistance_criteria", p.assistance_criteria},
          {"cost", p.cost},
          {"in_house_experts", p.in_house_experts},
          {"contact_email", p.contact_email},
          {"website", p.website},
          {"sample", p.sample},
          {"updated_by", p.updated_by},
          {"updated_at", ToIso(p.updated_at)},
          {"version", p.version}};
}

}  // namespace connex::domain
