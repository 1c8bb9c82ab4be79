#include "domain/hub/term_suggestions.hpp"

#include <cmath>
#include <cstdlib>
#include <deque>
#include <optional>
#include <regex>

namespace connex::domain {

namespace {

// Lower case (ASCII and accented Latin capitals), non-breaking spaces as
// spaces, the typographic apostrophe as ': the patterns below see one
// spelling. Byte-wise, as std::regex reads.
std::string Fold(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9E &&
               static_cast<unsigned char>(s[i + 1]) != 0x97) {
      out += s[i];
      out += static_cast<char>(s[++i] + 0x20);  // À..Þ -> à..þ
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out += ' ';
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' &&
               (s[i + 2] == '\xAF' || s[i + 2] == '\x99')) {
      out += s[i + 2] == '\xAF' ? ' ' : '\'';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Sentences: split at ". " (not inside "12.5"), ";", and line breaks.
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    const size_t b = cur.find_first_not_of(" \t\r");
    if (b != std::string::npos) out.push_back(cur.substr(b, cur.find_last_not_of(" \t\r") - b + 1));
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == ';') {
      flush();
    } else if (c == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
      cur += c;
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

const std::regex& Re(const char* pattern) {
  // Patterns are literals of this file, each compiled once per thread; a
  // deque keeps the regexes in use where they are while others are added.
  thread_local std::deque<std::pair<const char*, std::regex>> cache;
  for (const auto& [p, re] : cache) {
    if (p == pattern) return re;
  }
  cache.emplace_back(pattern, std::regex(pattern, std::regex::ECMAScript | std::regex::optimize));
  return cache.back().second;
}

bool Has(const std::string& s, const char* pattern) { return std::regex_search(s, Re(pattern)); }

struct Percent {
  size_t begin = 0, end = 0;
  double value = 0;  // a share, 0-1
};

constexpr const char* kPercent =
    R"((\d{1,3}(?:[.,]\d{1,4})?)\s*(?:%|percent\b|per cent\b|pour cent\b|pourcent\b|por ciento\b|por cento\b))";

// What follows a percentage that is not a fiscal term: interest, penalties, shares of a company.
constexpr const char* kNotATerm =
    R"(^\s*(?:\S+\s+){0,3}?(?:interest|intérêt|penalt|pénalit|late|retard|per annum|par an\b|au-dessus|above libor|over libor|juros|mora|multa)|^\s*(?:of|des|de)\s+(?:the\s+)?(?:shares|actions|acciones|ações)\b)";

std::vector<Percent> Percents(const std::string& s) {
  std::vector<Percent> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), Re(kPercent));
       it != std::sregex_iterator(); ++it) {
    std::string number = (*it)[1].str();
    for (char& c : number) c = c == ',' ? '.' : c;
    const double v = std::strtod(number.c_str(), nullptr);
    const auto begin = static_cast<size_t>(it->position(0));
    const size_t end = begin + static_cast<size_t>(it->length(0));
    if (v > 100) continue;
    // "LIBOR plus 2%", "2% per annum", "5% of the shares": not a term.
    const std::string before = s.substr(begin >= 12 ? begin - 12 : 0, begin >= 12 ? 12 : begin);
    if (Has(before, R"((?:plus|\+|libor|sofr|euribor)\s*$)")) continue;
    if (std::regex_search(s.substr(end, 40), Re(kNotATerm))) continue;
    out.push_back({begin, end, v / 100});
  }
  return out;
}

// Where a keyword of `pattern` ends and begins in `s`, the first one.
std::optional<std::pair<size_t, size_t>> Find(const std::string& s, const char* pattern) {
  std::smatch m;
  if (!std::regex_search(s, m, Re(pattern))) return std::nullopt;
  const auto b = static_cast<size_t>(m.position(0));
  return std::pair{b, b + static_cast<size_t>(m.length(0))};
}

// The percentages near a keyword: after it within 160 bytes, or right
// before it ("a 5% royalty", "5 % NSR royalty"); "capped at 65% of
// production after royalty" is not a royalty of 65%.
std::vector<Percent> Near(const std::vector<Percent>& all, std::pair<size_t, size_t> key) {
  std::vector<Percent> out;
  for (const Percent& p : all) {
    if ((p.begin >= key.second && p.begin - key.second <= 160) ||
        (p.end <= key.first && key.first - p.end <= 6)) {
      out.push_back(p);
    }
  }
  return out;
}

// The one value the sentence gives, or none when it gives several.
std::optional<double> Single(const std::vector<Percent>& near) {
  if (near.empty()) return std::nullopt;
  for (const Percent& p : near) {
    if (std::fabs(p.value - near.front().value) > 1e-12) return std::nullopt;
  }
  return near.front().value;
}

constexpr const char* kSlidingScale =
    R"(r[- ]factor|facteur r\b|factor r\b|fator r\b|tranche|\btiers?\b|barrels? (?:per|a) day|\bbopd\b|\bb/j\b|barils par jour|daily production|production journalière|cumulative production|production cumulée|sliding scale|échelle mobile|escala móvel|escala móvil|when the price|lorsque le prix|si le prix)";

constexpr const char* kStateWords =
    R"(\b(?:state|government|republic|gouvernement|estado|gobierno|governo|national oil company)\b|république|\bsociété nationale|état\b)";
constexpr const char* kContractorWords =
    R"(\b(?:contractor|contracteur|titulaire|company|investor|investisseur|contratista|contratado|concessionaire|concessionnaire)\b|\bsociété)";

void Royalty(const std::string& s, const std::vector<Percent>& all,
             std::vector<TermSuggestion>& out, const std::string& quote) {
  auto key = Find(s, R"(royalt(?:y|ies)|redevances?\b|regal(?:í|i)as?\b)");
  if (!key || Has(s, kSlidingScale)) return;
  const auto v = Single(Near(all, *key));
  if (!v) return;
  std::string base;
  if (Has(s, R"(net smelter|\bnsr\b|valeur nette|net[- ]?back|valor neto|valor líquido)")) {
    base = "net_smelter_return";
  } else if (Has(s, R"(gross|\bbrut|valeur marchande|valeur de la production|valor bruto)")) {
    base = "gross_value";
  }
  out.push_back({"royalty", "rate", *v, base, quote});
}

void IncomeTax(const std::string& s, const std::vector<Percent>& all,
               std::vector<TermSuggestion>& out, const std::string& quote) {
  auto key = Find(
      s,
      R"((?:corporate |company )?income tax|corporat(?:e|ion) tax|impôt sur les (?:sociétés|bénéfices)|impôt sur le revenu|impuesto (?:sobre|a) la renta|imposto (?:sobre a|de) renda|imposto sobre o rendimento)");
  if (!key) return;
  if (Has(s,
          R"(withholding|retenue à la source|dividend|minimum tax|impôt minimum|minimum forfaitaire|capital gains?|plus-values?|retención|retenção)"))
    return;
  const auto v = Single(Near(all, *key));
  if (v) out.push_back({"income_tax", "rate", *v, "", quote});
}

void CostRecovery(const std::string& s, const std::vector<Percent>& all,
                  std::vector<TermSuggestion>& out, const std::string& quote) {
  auto key = Find(
      s,
      R"(cost[- ](?:oil|petroleum|gas|recovery)|récupération des coûts|coûts pétroliers|recuperación de (?:los )?costos|recuperação de custos|custo[- ]óleo|petróleo de costo|óleo[- ]custo)");
  if (!key || Has(s, kSlidingScale)) return;
  if (!Has(
          s,
          R"(limit|ceiling|exceed|maximum|\bcap\b|capped|plafon|excéder|dépasser|\btope\b|techo|máximo|\bteto\b)"))
    return;
  const auto v = Single(Near(all, *key));
  if (v) out.push_back({"cost_recovery", "ceiling", *v, "", quote});
}

// Whose share a percentage is: the party named nearest to it, if any.
std::optional<bool> IsStates(const std::string& s, const Percent& p) {
  const size_t from = p.begin >= 60 ? p.begin - 60 : 0;
  const std::string before = s.substr(from, p.begin - from);
  const std::string after = s.substr(p.end, 50);
  // "55% to the Government", "65 % pour l'État": the party it goes to.
  std::smatch to;
  if (std::regex_search(
          after, to,
          Re(R"(^\s*(?:(?:shall go|goes|is allocated|est attribuée?|revient|reviendra)\s+)?(?:to|for|pour|à|au profit de|in favour of|al|ao|para)\s+(?:the |l'|le |la |el |o |a )?(\S+))"))) {
    const std::string party = to[1].str();
    if (Has(party, kStateWords)) return true;
    if (Has(party, kContractorWords)) return false;
  }
  auto nearest = [&](const char* words) -> std::optional<size_t> {
    std::optional<size_t> best;
    for (auto it = std::sregex_iterator(before.begin(), before.end(), Re(words));
         it != std::sregex_iterator(); ++it) {
      best = before.size() - static_cast<size_t>(it->position(0) + it->length(0));
    }
    std::smatch m;
    if (std::regex_search(after, m, Re(words))) {
      const auto d = static_cast<size_t>(m.position(0));
      if (!best || d < *best) best = d;
    }
    return best;
  };
  const auto state = nearest(kStateWords), contractor = nearest(kContractorWords);
  if (state && (!contractor || *state < *contractor)) return true;
  if (contractor) return false;
  return std::nullopt;
}

void ProfitSplit(const std::string& s, const std::vector<Percent>& all,
                 std::vector<TermSuggestion>& out, const std::string& quote) {
  auto key = Find(
      s,
      R"(profit[- ](?:oil|petroleum|gas)|partage de (?:la )?production|petróleo de (?:ganancia|utilidad)|óleo[- ]lucro|excedente en petróleo)");
  if (!key || Has(s, kSlidingScale)) return;
  const std::vector<Percent> near = Near(all, *key);
  if (near.empty() || near.size() > 2) return;
  std::optional<double> state;
  for (const Percent& p : near) {
    const auto states = IsStates(s, p);
    if (!states) continue;
    const double share = *states ? p.value : 1 - p.value;
    if (state && std::fabs(*state - share) > 1e-9) return;  // the parties disagree
    state = share;
  }
  if (state) out.push_back({"profit_split", "state_share", *state, "", quote});
}

void Participation(const std::string& s, const std::vector<Percent>& all,
                   std::vector<TermSuggestion>& out, const std::string& quote) {
  auto key = Find(
      s,
      R"((?:participating |carried |equity |working )?interest\b|participation|\bequity\b|shareholding|participaci(?:ó|o)n|participação)");
  if (!key || !Has(s, kStateWords)) return;
  if (Has(s,
          R"((?:pay|bear|accrue|charge)s? interest|interest (?:at|on)\b|intérêts? (?:au taux|de retard|moratoires)|interest rate|taux d'intérêt|tasa de interés|taxa de juros|public offering|stock exchange|bourse|bolsa)"))
    return;
  const auto v = Single(Near(all, *key));
  if (!v) return;
  std::string mode = "paid";
  if (Has(s,
          R"(\bfree\b|gratuite?s?\b|libre de (?:tous? )?(?:frais|charges)|non[- ]contributive|gratuita|livre de (?:ónus|encargos))")) {
    mode = "free";
  } else if (Has(s, R"(carried|\bportée?|\bcarry\b|acarreada|carregada)")) {
    mode = "carried";
  }
  out.push_back({"state_participation", "share", *v, mode, quote});
}

}  // namespace

std::vector<TermSuggestion> SuggestTerms(const std::string& text) {
  std::vector<TermSuggestion> out;
  for (const std::string& sentence : Sentences(text)) {
    const std::string s = Fold(sentence);
    const std::vector<Percent> all = Percents(s);
    if (all.empty()) continue;
    Royalty(s, all, out, sentence);
    IncomeTax(s, all, out, sentence);
    CostRecovery(s, all, out, sentence);
    ProfitSplit(s, all, out, sentence);
    Participation(s, all, out, sentence);
  }
  return out;
}

}  // namespace connex::domain
