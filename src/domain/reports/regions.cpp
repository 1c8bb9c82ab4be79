#include "domain/reports/regions.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace connex {
extern const char* const kCountryRegionsJson;  // data/country-regions.json
}

namespace connex::domain {

namespace {

struct Table {
  std::vector<std::string> regions;
  std::map<std::string, std::string, std::less<>> region_of;
};

const Table& Regions() {
  static const Table table = [] {
    Table t;
    const nlohmann::json j = nlohmann::json::parse(kCountryRegionsJson);
    for (const auto& [region, countries] : j.at("regions").items()) {
      t.regions.push_back(region);
      for (const auto& c : countries) t.region_of.emplace(c.get<std::string>(), region);
    }
    t.regions.push_back("other");
    return t;
  }();
  return table;
}

}  // namespace

const std::vector<std::string>& ReportRegions() { return Regions().regions; }

const std::string& RegionOf(std::string_view alpha3) {
  const Table& t = Regions();
  auto it = t.region_of.find(alpha3);
  return it == t.region_of.end() ? t.regions.back() : it->second;
}

}  // namespace connex::domain
