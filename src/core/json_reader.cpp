#include "core/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace connex {

namespace {

using nlohmann::json;
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string Show(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

std::string JsonReader::At(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string JsonReader::At(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

std::string JsonReader::Describe(const json& j) {
  // Strings that are not valid UTF-8 are replaced, not thrown on.
  std::string text = j.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

void JsonReader::Fail(const std::string& path, const std::string& why) {
  errors_.push_back({ErrorCode::kInvalidInput, why, path});
}

bool JsonReader::Object(const json& j, const std::string& path,
                        std::initializer_list<std::string_view> known) {
  return Object(j, path, std::vector<std::string>(known.begin(), known.end()));
}

bool JsonReader::Object(const json& j, const std::string& path,
                        const std::vector<std::string>& known) {
  if (!j.is_object()) {
    Fail(path, "must be an object, got " + Describe(j));
    return false;
  }
  for (const auto& item : j.items()) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
      Fail(At(path, item.key()), "is not a known field");
    }
  }
  return true;
}

const json* JsonReader::Field(const json& obj, std::string_view key, const std::string& path,
                              bool required) {
  const auto it = obj.is_object() ? obj.find(key) : obj.end();
  if (!obj.is_object() || it == obj.end() || it->is_null()) {
    if (required && obj.is_object()) Fail(At(path, key), "is required");
    return nullptr;
  }
  return &*it;
}

double JsonReader::Number(const json& obj, std::string_view key, const std::string& path,
                          double fallback, double min, double max, bool required) {
  const json* j = Field(obj, key, path, required);
  if (!j) return fallback;
  return NumberValue(*j, At(path, key), min, max, fallback);
}

double JsonReader::NumberValue(const json& j, const std::string& path, double min, double max,
                               double fallback) {
  // JSON has no infinities; a number too large for a double parses as one.
  if (!j.is_number() || !std::isfinite(j.get<double>())) {
    Fail(path, "must be a number, got " + Describe(j));
    return fallback;
  }
  const double v = j.get<double>();
  if (v < min || v > max) {
    std::string range;
    if (min > -kInf && max < kInf) {
      range = "must be from " + Show(min) + " to " + Show(max);
    } else if (min > -kInf) {
      range = "must be at least " + Show(min);
    } else {
      range = "must be at most " + Show(max);
    }
    Fail(path, range + ", got " + Show(v));
    return fallback;
  }
  return v;
}

int JsonReader::Integer(const json& obj, std::string_view key, const std::string& path,
                        int fallback, int min, int max, bool required) {
  const json* j = Field(obj, key, path, required);
  if (!j) return fallback;
  if (!j->is_number_integer() || j->get<long long>() < min || j->get<long long>() > max) {
    Fail(At(path, key), "must be a whole number from " + std::to_string(min) + " to " +
                            std::to_string(max) + ", got " + Describe(*j));
    return fallback;
  }
  return static_cast<int>(j->get<long long>());
}

bool JsonReader::Bool(const json& obj, std::string_view key, const std::string& path,
                      bool fallback) {
  const json* j = Field(obj, key, path, false);
  if (!j) return fallback;
  if (!j->is_boolean()) {
    Fail(At(path, key), "must be true or false, got " + Describe(*j));
    return fallback;
  }
  return j->get<bool>();
}

std::string JsonReader::Text(const json& obj, std::string_view key, const std::string& path,
                             const std::string& fallback, bool required, size_t max_length) {
  const json* j = Field(obj, key, path, required);
  if (!j) return fallback;
  if (!j->is_string()) {
    Fail(At(path, key), "must be a string, got " + Describe(*j));
    return fallback;
  }
  const std::string& s = j->get_ref<const std::string&>();
  if (s.empty()) {
    if (required) Fail(At(path, key), "is required");
    return fallback;
  }
  if (s.size() > max_length) {
    Fail(At(path, key), "must be at most " + std::to_string(max_length) + " characters, got " +
                            std::to_string(s.size()));
    return fallback;
  }
  return s;
}

int JsonReader::Choice(const json& obj, std::string_view key, const std::string& path,
                       const std::vector<std::string>& choices, int fallback, bool required) {
  const json* j = Field(obj, key, path, required);
  if (!j) return fallback;
  if (j->is_string()) {
    const auto it = std::find(choices.begin(), choices.end(), j->get<std::string>());
    if (it != choices.end()) return static_cast<int>(it - choices.begin());
  }
  Fail(At(path, key), "must be one of " + Join(choices) + ", got " + Describe(*j));
  return fallback;
}

const json* JsonReader::List(const json& obj, std::string_view key, const std::string& path,
                             size_t max_items, bool required) {
  const json* j = Field(obj, key, path, required);
  if (!j) return nullptr;
  if (!j->is_array()) {
    Fail(At(path, key), "must be a list, got " + Describe(*j));
    return nullptr;
  }
  if (j->size() > max_items) {
    Fail(At(path, key), "may hold at most " + std::to_string(max_items) + " entries, got " +
                            std::to_string(j->size()));
    return nullptr;
  }
  return j;
}

}  // namespace connex
