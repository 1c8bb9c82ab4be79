// Zones of the tz database, looked up by their IANA names as people give
// them (a contract's due dates, a user's daily digest).
//
// Thread-safety: FindZone may be called from any thread.
#pragma once

#include <date/tz.h>

#include <string>

namespace connex::domain {

// A zone of the tz database ("Africa/Accra", "UTC"), or nullptr.
const date::time_zone* FindZone(const std::string& name);

}  // namespace connex::domain
