// Strict reading of JSON objects from outside: known fields only, each of
// its type and within bounds, every problem named with its path
// ("focal_points[1].email"). Shared by every domain reader of client JSON.
//
// Thread-safety: one reader per object being read.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

// Strict reading of one JSON object: known fields only, each of its type and
// within bounds, every problem named with its path.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& j, std::string prefix, std::vector<std::string> known,
               Errors& errors)
      : j_(j), prefix_(std::move(prefix)), errors_(errors) {
    if (!j_.is_object()) {
      Fail("", "must be an object");
      return;
    }
    for (const auto& item : j_.items()) {
      if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
        Fail(item.key(), "is not a known field");
      }
    }
  }

  std::string Text(const std::string& f, size_t max,
                   const std::vector<std::string>* codes = nullptr) {
    if (!j_.is_object() || !j_.contains(f) || j_[f].is_null()) return "";
    if (!j_[f].is_string()) {
      Fail(f, "must be a string");
      return "";
    }
    std::string s = j_[f].get<std::string>();
    if (s.size() > max) {
      Fail(f, "must be at most " + std::to_string(max) + " characters");
      return "";
    }
    if (codes && !s.empty() && std::find(codes->begin(), codes->end(), s) == codes->end()) {
      Fail(f, "\"" + s + "\" is not one of " + Join(*codes));
      return "";
    }
    return s;
  }

  // Text(), and "is required" when absent or empty (one error per field).
  std::string RequiredText(const std::string& f, size_t max,
                           const std::vector<std::string>* codes = nullptr) {
    const size_t before = errors_.size();
    std::string s = Text(f, max, codes);
    if (s.empty() && errors_.size() == before) Fail(f, "is required");
    return s;
  }

  std::vector<std::string> Codes(const std::string& f, const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    if (!j_.is_object() || !j_.contains(f) || j_[f].is_null()) return out;
    if (!j_[f].is_array()) {
      Fail(f, "must be a list");
      return out;
    }
    for (size_t i = 0; i < j_[f].size(); ++i) {
      const auto& v = j_[f][i];
      const std::string at = f + "[" + std::to_string(i) + "]";
      if (!v.is_string() ||
          std::find(codes.begin(), codes.end(), v.get<std::string>()) == codes.end()) {
        Fail(at, "must be one of " + Join(codes));
      } else if (std::find(out.begin(), out.end(), v.get<std::string>()) == out.end()) {
        out.push_back(v.get<std::string>());
      }
    }
    return out;
  }

  // A list of codes of a codelist kept in the database (disciplines): each
  // must have the shape of a code here; membership is checked where the
  // codelist is read, in the same transaction.
  std::vector<std::string> CodeWords(const std::string& f, size_t max_items) {
    std::vector<std::string> out;
    const nlohmann::json* list = List(f, max_items);
    if (!list) return out;
    for (size_t i = 0; i < list->size(); ++i) {
      const auto& v = (*list)[i];
      if (!v.is_string() || !IsCodeWord(v.get<std::string>())) {
        Fail(f + "[" + std::to_string(i) + "]",
             "must be a code: 2 to 40 lower-case letters, digits or _");
      } else if (std::find(out.begin(), out.end(), v.get<std::string>()) == out.end()) {
        out.push_back(v.get<std::string>());
      }
    }
    return out;
  }

  std::vector<std::string> Texts(const std::string& f, size_t max_items, size_t max_length) {
    std::vector<std::string> out;
    const nlohmann::json* list = List(f, max_items);
    if (!list) return out;
    for (size_t i = 0; i < list->size(); ++i) {
      const auto& v = (*list)[i];
      if (!v.is_string() || v.get<std::string>().empty() ||
          v.get<std::string>().size() > max_length) {
        Fail(f + "[" + std::to_string(i) + "]",
             "must be a text of 1 to " + std::to_string(max_length) + " characters");
      } else {
        out.push_back(v.get<std::string>());
      }
    }
    return out;
  }

  const nlohmann::json* List(const std::string& f, size_t max_items) {
    if (!j_.is_object() || !j_.contains(f) || j_[f].is_null()) return nullptr;
    if (!j_[f].is_array()) {
      Fail(f, "must be a list");
      return nullptr;
    }
    if (j_[f].size() > max_items) {
      Fail(f, "may hold at most " + std::to_string(max_items) + " entries");
      return nullptr;
    }
    return &j_[f];
  }

  bool Bool(const std::string& f, bool otherwise) {
    if (!j_.is_object() || !j_.contains(f) || j_[f].is_null()) return otherwise;
    if (!j_[f].is_boolean()) {
      Fail(f, "must be true or false");
      return otherwise;
    }
    return j_[f].get<bool>();
  }

  int Integer(const std::string& f, int lo, int hi) {
    if (!j_.is_object() || !j_.contains(f) || j_[f].is_null()) return 0;
    if (!j_[f].is_number_integer() || j_[f].get<long long>() < lo || j_[f].get<long long>() > hi) {
      Fail(f, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return 0;
    }
    return j_[f].get<int>();
  }

  double Number(const std::string& f, double lo, double hi) {
    if (!j_.is_object() || !j_.contains(f) || j_[f].is_null()) return 0;
    if (!j_[f].is_number() || !(j_[f].get<double>() >= lo && j_[f].get<double>() <= hi)) {
      Fail(f, "must be a number from " + std::to_string(static_cast<long long>(lo)) + " to " +
                  std::to_string(static_cast<long long>(hi)));
      return 0;
    }
    return j_[f].get<double>();
  }

  std::string Path(const std::string& f) const {
    return prefix_.empty() ? f : f.empty() ? prefix_ : prefix_ + "." + f;
  }
  void Fail(const std::string& f, const std::string& why) {
    errors_.push_back({ErrorCode::kInvalidInput, why, Path(f)});
  }

 private:
  static std::string Join(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  }
  const nlohmann::json& j_;
  std::string prefix_;
  Errors& errors_;
};

}  // namespace connex::domain
