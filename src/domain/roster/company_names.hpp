// Company names as conflict screening compares them: "Acme Mining Ltd." and
// "ACME MINING LIMITED" are the same company; "Société Minière S.A." and
// "Societe Miniere SA" too. Case, accents, punctuation, "&"/"and" and legal
// suffixes (Ltd, Limited, plc, SA, SARL, GmbH, LLC, Inc, Pty Ltd...) do not
// distinguish companies; every other word does.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace connex::domain {

// The comparable form: lowercase ASCII words separated by single spaces, legal
// suffixes and a leading "the" removed. Empty for a name of suffixes only.
std::string NormaliseCompanyName(std::string_view name);

bool SameCompany(std::string_view a, std::string_view b);

}  // namespace connex::domain
