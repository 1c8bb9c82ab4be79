// The impact report as a workbook: one sheet per part (totals, periods, each
// breakdown, response times, durations and satisfaction, added revenue),
// figures as numbers so an analyst can chart and check them; a suppressed
// figure is an empty cell with "hidden" beside it. Its words are in
// `language`; groups are named as the pages name them (`disciplines`: code to
// name in that language).
#pragma once

#include <map>
#include <string>

#include "core/result.hpp"
#include "domain/reports/impact.hpp"

namespace connex::api {

Result<std::string> ImpactXlsx(const domain::ImpactReport& report, const std::string& language,
                               const std::map<std::string, std::string>& disciplines);

}  // namespace connex::api
