// The vocabulary every area of the domain speaks: calendar dates, the working
// languages, commodities, negotiation phases and the shape of ISO codes. It
// lives here, not with any one area, so that the hub, the roster, monitoring
// and training name a commodity or a date without depending on requests.
//
// Thread-safety: constants and pure functions.
#pragma once

#include <string>
#include <vector>

namespace connex::domain {

// Commodities a request, a hub document or an expert's experience names.
extern const std::vector<std::string> kCommodities;
// The phases of a negotiation: preparation | negotiation | implementation.
extern const std::vector<std::string> kPhases;
// Working languages (ISO 639-1): en | fr | es | pt | ar.
extern const std::vector<std::string> kLanguages;
// The languages the portal speaks to people: its pages, mails and codelists'
// words (the catalogs are held to each of them by tests).
extern const std::vector<std::string> kPortalLanguages;  // en, fr, es, pt

// A date in the form YYYY-MM-DD that exists on the calendar.
bool IsDate(const std::string& text);

// A code of a codelist kept in the database (disciplines): 2 to 40 of a-z,
// 0-9 and _, starting with a letter.
bool IsCodeWord(const std::string& s);

// Three capital letters A-Z: the shape of an ISO 3166-1 alpha-3 country code
// (GHA) and of an ISO 4217 currency code (USD).
bool IsThreeLetterCode(const std::string& s);

}  // namespace connex::domain
