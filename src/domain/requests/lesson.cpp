#include "domain/requests/lesson.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "domain/hub/hub_document.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex {
extern const char* const kCountryNamesJson;
}

namespace connex::domain {

const std::vector<std::string> kLessonStatuses = {"draft", "in_review", "published"};

namespace {

// Words of contracts and of institutions' names that identify nobody: a
// lesson may say "the mining lease" or "the ministry".
const std::set<std::string>& CommonWords() {
  static const std::set<std::string> words = {
      "affairs",     "agency",       "agreement",     "anonyme",    "authority",     "bank",
      "basin",       "bauxite",      "block",         "bureau",     "central",       "coal",
      "coast",       "cobalt",       "commission",    "company",    "contract",      "convention",
      "copper",      "corporation",  "county",        "department", "development",   "diamond",
      "direction",   "district",     "east",          "eastern",    "economy",       "energy",
      "exploration", "expansion",    "field",         "finance",    "fund",          "general",
      "gmbh",        "gold",         "government",    "group",      "gulf",          "hills",
      "holdings",    "hydrocarbons", "hydrocarbures", "industry",   "international", "iron",
      "lake",        "lease",        "licence",       "license",    "limited",       "lithium",
      "lower",       "mine",         "mineral",       "minerals",   "mines",         "mining",
      "ministry",    "mountain",     "national",      "nickel",     "north",         "northern",
      "office",      "offshore",     "onshore",       "operations", "partners",      "petroleum",
      "phase",       "production",   "project",       "province",   "region",        "republic",
      "resource",    "resources",    "river",         "service",    "services",      "sharing",
      "sociedad",    "sociedade",    "société",       "south",      "southern",      "state",
      "trade",       "upper",        "uranium",       "valley",     "ventures",      "west",
      "western"};
  return words;
}

// ASCII letters in lower case; other bytes (accented letters in UTF-8) as they are.
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool WordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

// Endings that make a people or an adjective of a country's name in the
// portal's languages: Ghanaian, Senegalese, Kenyan, ghanéen, senegalés.
const std::vector<std::string>& DemonymEndings() {
  static const std::vector<std::string> endings = {
      "ian",  "ians",  "ese",    "n",   "ns",   "an",  "ans",  "i",   "is",   "ien",
      "iens", "ienne", "iennes", "ais", "aise", "ain", "aine", "ano", "anos", "ana",
      "anas", "ense",  "enses",  "és",  "esa",  "ês",  "esa",  "ino", "ina",  "'s"};
  return endings;
}

bool WordEndsAt(const std::string& text, size_t end) {
  return end == text.size() || !WordByte(text[end]);
}

// Whether `text` holds `term` as a whole word (or, with `demonyms`, followed
// by one of DemonymEndings). Both are compared as given: lower them first
// for no case.
bool Mentions(const std::string& text, const std::string& term, bool demonyms) {
  if (term.empty()) return false;
  for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
    if (at > 0 && WordByte(text[at - 1])) continue;
    const size_t end = at + term.size();
    if (WordEndsAt(text, end)) return true;
    if (!demonyms) continue;
    for (const std::string& e : DemonymEndings()) {
      if (text.compare(end, e.size(), e) == 0 && WordEndsAt(text, end + e.size())) return true;
    }
  }
  return false;
}

// The distinctive words of a name: capitalised, four letters or more, not common.
std::vector<std::string> DistinctiveWords(const std::string& name) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4 && std::isupper(static_cast<unsigned char>(word[0])) &&
        !CommonWords().count(Lower(word))) {
      out.push_back(word);
    }
    word.clear();
  };
  for (char c : name) {
    if (WordByte(c)) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

const std::vector<std::string>& CountryNames(const std::string& iso3) {
  static const std::map<std::string, std::vector<std::string>> names = [] {
    std::map<std::string, std::vector<std::string>> m;
    const nlohmann::json j = nlohmann::json::parse(kCountryNamesJson);
    for (const auto& [code, list] : j.at("names").items()) {
      m[code] = list.get<std::vector<std::string>>();
    }
    return m;
  }();
  static const std::vector<std::string> none;
  const auto it = names.find(iso3);
  return it == names.end() ? none : it->second;
}

Result<Lesson> ReadLesson(const nlohmann::json& j) {
  Errors errors;
  Lesson l;
  ObjectReader r(j, "",
                 {"title", "stage", "disciplines", "language", "worked", "did_not_work", "version"},
                 errors);
  l.title = r.RequiredText("title", 200);
  l.stage = r.RequiredText("stage", 20, &kRoadmapStages);
  l.disciplines = r.CodeWords("disciplines", 20);
  l.language = r.Text("language", 5, &kLanguages);
  if (l.language.empty()) l.language = "en";
  l.worked = r.RequiredText("worked", 5000);
  l.did_not_work = r.Text("did_not_work", 5000);
  l.version = r.Integer("version", 0, 1000000);
  if (!errors.empty()) return errors;
  return l;
}

nlohmann::json ToJson(const Lesson& l) {
  return {{"id", l.id},
          {"request_id", l.request_id},
          {"title", l.title},
          {"stage", l.stage},
          {"disciplines", l.disciplines},
          {"language", l.language},
          {"worked", l.worked},
          {"did_not_work", l.did_not_work},
          {"status", l.status},
          {"hub_document_id", l.hub_document_id},
          {"created_at", ToIso(l.created_at)},
          {"updated_at", ToIso(l.updated_at)},
          {"version", l.version}};
}

std::vector<LessonFlag> LessonFlags(const Lesson& l, const RequestForm& form) {
  struct Term {
    std::string words;
    std::string kind;
    bool prefix = false;
    bool exact_case = false;
  };
  std::vector<Term> terms;
  if (!form.country.empty()) {
    terms.push_back({form.country, "country", false, true});
    for (const std::string& name : CountryNames(form.country)) {
      terms.push_back({name, "country", true});
    }
  }
  auto name = [&](const std::string& words, const char* kind) {
    if (words.empty()) return;
    terms.push_back({words, kind});
    for (const std::string& w : DistinctiveWords(words)) terms.push_back({w, kind});
  };
  name(form.entity, "entity");
  name(form.project_name, "project");
  name(form.site, "site");
  for (const Counterparty& c : form.counterparties) {
    name(c.name, "company");
    for (const std::string& a : c.affiliates) name(a, "company");
  }
  std::vector<LessonFlag> out;
  const std::pair<const char*, const std::string*> fields[] = {
      {"title", &l.title}, {"worked", &l.worked}, {"did_not_work", &l.did_not_work}};
  for (const auto& [field, text] : fields) {
    const std::string lowered = Lower(*text);
    std::set<std::string> seen;
    for (const Term& t : terms) {
      const bool found = t.exact_case ? Mentions(*text, t.words, false)
                                      : Mentions(lowered, Lower(t.words), t.prefix);
      if (found && seen.insert(Lower(t.words)).second) out.push_back({field, t.words, t.kind});
    }
  }
  return out;
}

}  // namespace connex::domain
