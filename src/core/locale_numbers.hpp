// Numbers and dates as each portal language writes them, by the rules of the locales
// the web app formats with (Intl: en-GB, fr-FR, es-419, pt-MZ), so that a
// letter, a workbook or an error message shows "1 250 000,5" to a French
// reader exactly as the page beside it does.
#pragma once

#include <string>

namespace connex {

// `plain` ("-1250000.5", as programs write numbers) in `language`'s signs:
// its thousands separator and decimal sign. Text that is not such a number
// comes back unchanged; so does any number for an unknown language.
std::string LocalNumber(const std::string& plain, const std::string& language);

// `value` rounded to `decimals` (0 to 9) in `language`'s signs.
std::string LocalNumber(double value, int decimals, const std::string& language);

// A share (0.125) as a percentage in `language` ("12.5%", "12,5 %").
std::string LocalPercent(double share, int decimals, const std::string& language);

// A calendar date ("2026-07-01") in full as `language` writes it, as Intl's
// long date style does: "1 July 2026", "1 de julio de 2026", "1 de julho de
// 2026"; and as a French letter does, "1er juillet 2026" (Intl writes "1").
// Text that is not such a date comes back unchanged.
std::string LocalDate(const std::string& iso_date, const std::string& language);

}  // namespace connex
