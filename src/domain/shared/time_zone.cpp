#include "domain/shared/time_zone.hpp"

namespace connex::domain {

const date::time_zone* FindZone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;  // not a name of the tz database
  }
}

}  // namespace connex::domain
