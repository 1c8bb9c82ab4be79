// One JSON object of a client's body, read with the shared strict reader
// (core/json_reader.hpp: its rules and messages) and checked against the
// domain's code lists. Every domain reader of client JSON goes through it.
//
// Thread-safety: one reader per object being read.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "core/result.hpp"

namespace connex::domain {

class ObjectReader {
 public:
  // Reads `j` as the object at `prefix` holding only `known` fields; problems go to `errors`.
  ObjectReader(const nlohmann::json& j, std::string prefix, const std::vector<std::string>& known,
               Errors& errors);

  // A string of at most `max` bytes ("" when absent); one of `codes` when given.
  std::string Text(const std::string& f, size_t max,
                   const std::vector<std::string>* codes = nullptr);
  // Text(), and "is required" when absent or empty (one error per field).
  std::string RequiredText(const std::string& f, size_t max,
                           const std::vector<std::string>* codes = nullptr);
  // A list of codes, each one of `codes`; repeats are dropped.
  std::vector<std::string> Codes(const std::string& f, const std::vector<std::string>& codes);
  // A list of codes of a codelist kept in the database (disciplines): each
  // must have the shape of a code here; membership is checked where the
  // codelist is read, in the same transaction.
  std::vector<std::string> CodeWords(const std::string& f, size_t max_items);
  std::vector<std::string> Texts(const std::string& f, size_t max_items, size_t max_length);
  const nlohmann::json* List(const std::string& f, size_t max_items);
  bool Bool(const std::string& f, bool otherwise);
  int Integer(const std::string& f, int lo, int hi);          // 0 when absent
  double Number(const std::string& f, double lo, double hi);  // 0 when absent

  // The path of field `f` ("" : the object itself).
  std::string Path(const std::string& f) const {
    return f.empty() ? prefix_ : JsonReader::At(prefix_, f);
  }
  void Fail(const std::string& f, const std::string& why) { reader_.Fail(Path(f), why); }

 private:
  const nlohmann::json& j_;
  std::string prefix_;
  JsonReader reader_;
};

}  // namespace connex::domain
