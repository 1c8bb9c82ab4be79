#include "domain/shared/json_reader.hpp"

#include <algorithm>

#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

ObjectReader::ObjectReader(const nlohmann::json& j, std::string prefix,
                           const std::vector<std::string>& known, Errors& errors)
    : j_(j), prefix_(std::move(prefix)), reader_(errors) {
  reader_.Object(j_, prefix_, known);
}

std::string ObjectReader::Text(const std::string& f, size_t max,
                               const std::vector<std::string>* codes) {
  std::string s = reader_.Text(j_, f, prefix_, "", false, max);
  if (codes && !s.empty() && !Contains(*codes, s)) {
    Fail(f, "must be one of " + Join(*codes) + ", got \"" + s + "\"");
    return "";
  }
  return s;
}

std::string ObjectReader::RequiredText(const std::string& f, size_t max,
                                       const std::vector<std::string>* codes) {
  const size_t before = reader_.errors().size();
  std::string s = Text(f, max, codes);
  if (s.empty() && reader_.errors().size() == before) Fail(f, "is required");
  return s;
}

std::vector<std::string> ObjectReader::Codes(const std::string& f,
                                             const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  const nlohmann::json* list = List(f, codes.size() * 2 + 10);
  if (!list) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& v = (*list)[i];
    if (!v.is_string() || !Contains(codes, v.get<std::string>())) {
      Fail(JsonReader::At(f, i),
           "must be one of " + Join(codes) + ", got " + JsonReader::Describe(v));
    } else if (!Contains(out, v.get<std::string>())) {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::vector<std::string> ObjectReader::CodeWords(const std::string& f, size_t max_items) {
  std::vector<std::string> out;
  const nlohmann::json* list = List(f, max_items);
  if (!list) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& v = (*list)[i];
    if (!v.is_string() || !IsCodeWord(v.get<std::string>())) {
      Fail(JsonReader::At(f, i), "must be a code: 2 to 40 lower-case letters, digits or _, got " +
                                     JsonReader::Describe(v));
    } else if (!Contains(out, v.get<std::string>())) {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::vector<std::string> ObjectReader::Texts(const std::string& f, size_t max_items,
                                             size_t max_length) {
  std::vector<std::string> out;
  const nlohmann::json* list = List(f, max_items);
  if (!list) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& v = (*list)[i];
    if (!v.is_string() || v.get<std::string>().empty() ||
        v.get<std::string>().size() > max_length) {
      Fail(JsonReader::At(f, i),
           "must be a text of 1 to " + std::to_string(max_length) + " characters");
    } else {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

const nlohmann::json* ObjectReader::List(const std::string& f, size_t max_items) {
  return reader_.List(j_, f, prefix_, max_items);
}

bool ObjectReader::Bool(const std::string& f, bool otherwise) {
  return reader_.Bool(j_, f, prefix_, otherwise);
}

int ObjectReader::Integer(const std::string& f, int lo, int hi) {
  return reader_.Integer(j_, f, prefix_, 0, lo, hi);
}

double ObjectReader::Number(const std::string& f, double lo, double hi) {
  return reader_.Number(j_, f, prefix_, 0, lo, hi);
}

}  // namespace connex::domain
