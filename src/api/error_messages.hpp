// Errors as people read them, in their language: the message the domain
// wrote ("must be from 0 to 1, got 1.5"), looked up in the catalog
// src/api/messages/errors.json, becomes "Saisissez un taux entre 0 % et
// 100 %." for a French reader. The code and the field, which programs read,
// never change; a message the catalog lacks stays as written.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace connex::api {

// The portal language an `Accept-Language` header prefers ("fr-SN,fr;q=0.9,
// en;q=0.5" gives "fr"), by quality then order; "" when it names none of them.
std::string AcceptedLanguage(const std::string& header);

// `message` in `language` ("en", "fr", "es" or "pt"): the catalog's text for
// the entry matching it, with its varying parts put in place. The numbers of
// a field that holds a year ("first_year", "change.year") are years.
std::string PersonMessage(const std::string& message, const std::string& language,
                          const std::string& field = "");

// Rewrites the messages of an error body ({"error": {...}, "errors": [...]})
// for a reader of `language`.
void InLanguage(nlohmann::json& body, const std::string& language);

}  // namespace connex::api
