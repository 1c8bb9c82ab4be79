// The region of a country for impact reports, from data/country-regions.json
// (embedded in the binary): the support-provider directory's regions plus
// north_america; a code the list does not hold reports as "other".
//
// Thread-safety: the table is built once, on first use, and only read after.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace connex::domain {

// Every region a report can name, "other" last.
const std::vector<std::string>& ReportRegions();
const std::string& RegionOf(std::string_view alpha3);

}  // namespace connex::domain
