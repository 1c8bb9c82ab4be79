// The SLA policy as JSON: how administrators edit it over the API and how it
// is stored. Reading is strict and names each wrong field ("calendar.day_end").
#pragma once

#include <nlohmann/json.hpp>

#include "domain/sla/clocks.hpp"

namespace connex::domain {

nlohmann::json ToJson(const SlaPolicy& p);
// Reads name, calendar, targets and warning_share (other keys listed in
// `also_allowed` are left to the caller); the result is validated.
Result<SlaPolicy> PolicyFromJson(const nlohmann::json& j,
                                 const std::vector<std::string>& also_allowed = {});

}  // namespace connex::domain
