// Strict reading of JSON from outside — request bodies, model files, policies,
// imports — with one set of rules and messages: known fields only, each of
// its type and within bounds, and every problem collected (not only the
// first) with its path, such as "regimes[0].instruments[2].rate" or
// "focal_points[1].email", and the value that was given.
//
// The reader walks a document: each call names the object, the field and the
// path of the object; absent optional fields give the fallback.
//
// Thread-safety: one reader per document being read.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace connex {

class JsonReader {
 public:
  explicit JsonReader(Errors& errors) : errors_(errors) {}

  // "path.key" and "path[i]" (a top-level key is itself).
  static std::string At(const std::string& path, std::string_view key);
  static std::string At(const std::string& path, size_t i);
  // The value as given, shortened for a message.
  static std::string Describe(const nlohmann::json& j);

  void Fail(const std::string& path, const std::string& why);
  Errors& errors() { return errors_; }

  // `j` must be an object holding only `known` fields; each unknown field is
  // reported. False when `j` is not an object (its fields are then not read).
  bool Object(const nlohmann::json& j, const std::string& path,
              std::initializer_list<std::string_view> known);
  bool Object(const nlohmann::json& j, const std::string& path,
              const std::vector<std::string>& known);

  // The field's value, or null when absent or JSON null ("is required" when required).
  const nlohmann::json* Field(const nlohmann::json& obj, std::string_view key,
                              const std::string& path, bool required);

  // A finite number in [min, max].
  double Number(const nlohmann::json& obj, std::string_view key, const std::string& path,
                double fallback, double min, double max, bool required = false);
  double NumberValue(const nlohmann::json& j, const std::string& path, double min, double max,
                     double fallback);
  // A whole number in [min, max].
  int Integer(const nlohmann::json& obj, std::string_view key, const std::string& path,
              int fallback, int min, int max, bool required = false);
  bool Bool(const nlohmann::json& obj, std::string_view key, const std::string& path,
            bool fallback);
  // A string of at most `max_length` bytes; an empty one counts as absent
  // ("is required" when required).
  std::string Text(const nlohmann::json& obj, std::string_view key, const std::string& path,
                   const std::string& fallback, bool required = false,
                   size_t max_length = kMaxText);
  // One of `choices`: its index, or `fallback` when absent or not one of them.
  int Choice(const nlohmann::json& obj, std::string_view key, const std::string& path,
             const std::vector<std::string>& choices, int fallback, bool required = false);
  // A list of at most `max_items` entries (null when absent or refused).
  const nlohmann::json* List(const nlohmann::json& obj, std::string_view key,
                             const std::string& path, size_t max_items, bool required = false);

  static constexpr size_t kMaxText = 100000;

 private:
  Errors& errors_;
};

}  // namespace connex
