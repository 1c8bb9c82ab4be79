// The impact report as a workbook: one sheet per part (totals, periods, each
// breakdown, response times, durations and satisfaction, added revenue),
// figures as numbers so an analyst can chart and check them; a suppressed
// figure is an empty cell with "suppressed" beside it.
#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/reports/impact.hpp"

namespace connex::api {

Result<std::string> ImpactXlsx(const domain::ImpactReport& report);

}  // namespace connex::api
