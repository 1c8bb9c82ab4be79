#include "fiscal/io/term.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fiscal/engine.hpp"
#include "fiscal/io/model_reader.hpp"

namespace connex::fiscal::io {

namespace {

using json = nlohmann::json;

// "regimes[0].instruments[2].rate" -> "/regimes/0/instruments/2/rate".
std::optional<std::string> ToPointer(const std::string& path) {
  if (path.empty()) return std::nullopt;
  if (path[0] == '/') return path;
  std::string out = "/";
  for (size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '.') {
      if (i == 0 || out.back() == '/') return std::nullopt;
      out += '/';
    } else if (c == '[') {
      const size_t close = path.find(']', i);
      if (close == std::string::npos || close == i + 1) return std::nullopt;
      const std::string index = path.substr(i + 1, close - i - 1);
      if (index.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
      if (out.back() != '/') out += '/';
      out += index;
      i = close;
      if (i + 1 < path.size() && path[i + 1] != '.' && path[i + 1] != '[') return std::nullopt;
    } else if (c == '~' || c == '/') {
      return std::nullopt;
    } else {
      out += c;
    }
  }
  if (out.back() == '/') return std::nullopt;
  return out;
}

Error TermError(const std::string& path, const std::string& why) {
  return Error{ErrorCode::kInvalidInput, why, path};
}

// The pointer to the number at `path` in `doc`, or why there is none.
Result<json::json_pointer> NumberAt(const json& doc, const std::string& path) {
  const std::optional<std::string> pointer = ToPointer(path);
  if (!pointer) {
    return TermError(path,
                     "is not a term path: write it as the model's errors do, e.g. "
                     "regimes[0].instruments[1].rate, or as a JSON Pointer");
  }
  json::json_pointer ptr;
  try {
    ptr = json::json_pointer(*pointer);
  } catch (const json::exception&) {
    return TermError(path, "is not a valid JSON Pointer");
  }
  if (!doc.contains(ptr)) return TermError(path, "names nothing in the model file");
  const json& at = doc[ptr];
  if (!at.is_number()) {
    return TermError(path, "must name a number (a rate, a share, an amount), but holds " +
                               std::string(at.type_name()));
  }
  return ptr;
}

}  // namespace

Result<std::string> ChangeTerms(std::string_view model_text,
                                const std::vector<TermChange>& changes) {
  json doc;
  try {
    doc = json::parse(model_text.begin(), model_text.end());
  } catch (const json::exception& e) {
    return Error{ErrorCode::kInvalidInput, std::string("not valid JSON: ") + e.what(), ""};
  }
  Errors errors;
  std::ostringstream tried;
  for (size_t i = 0; i < changes.size(); ++i) {
    auto ptr = NumberAt(doc, changes[i].path);
    if (!ptr) {
      for (Error e : ptr.errors()) {
        e.field = "changes[" + std::to_string(i) + "].path";
        e.message = changes[i].path + " " + e.message;
        errors.push_back(e);
      }
      continue;
    }
    doc[*ptr] = changes[i].value;
    tried << (tried.tellp() > 0 ? ", " : "") << changes[i].path << " = " << changes[i].value;
  }
  if (!errors.empty()) return errors;
  std::string text = doc.dump();
  Result<Model> model = ReadModel(text);
  if (!model.ok()) {
    Errors wrong = model.errors();
    for (Error& e : wrong) e.message += " (with " + tried.str() + ")";
    return wrong;
  }
  return text;
}

Result<Term> BindTerm(std::string_view model_text, const std::string& path,
                      const std::string& regime, Target target) {
  auto doc = std::make_shared<json>();
  try {
    *doc = json::parse(model_text.begin(), model_text.end());
  } catch (const json::exception& e) {
    return Error{ErrorCode::kInvalidInput, std::string("not valid JSON: ") + e.what(), ""};
  }
  auto found = NumberAt(*doc, path);
  if (!found) return found.errors();
  const json::json_pointer ptr = *found;
  Term term;
  term.path = path;
  term.base = (*doc)[ptr].get<double>();
  term.evaluate = [doc, ptr, path, regime, target](double value) -> Result<Metric> {
    json changed = *doc;
    changed[ptr] = value;
    Result<Model> model = ReadModel(changed.dump());
    if (!model.ok()) {
      Errors errors = model.errors();
      std::ostringstream with;
      with << " (with " << path << " = " << value << ")";
      for (Error& e : errors) e.message += with.str();
      return errors;
    }
    const Model& m = model.value();
    Result<int> index = FindRegime(m, regime);
    if (!index.ok()) return index.errors();
    const ProjectSeries s = Resolve(m.project);
    Ledger ledger;
    Evaluate(s, m.regimes[static_cast<size_t>(index.value())], ledger);
    return Measure(s, ledger, m.discounting, target);
  };
  return term;
}

Result<Compared> WhatIf(std::string_view model_text, const Model& model, const std::string& regime,
                        const std::vector<TermChange>& changes) {
  Errors wrong;
  for (size_t i = 0; i < changes.size(); ++i) {
    const std::string& path = changes[i].path;
    if (path.rfind("regimes", 0) != 0 && path.rfind("/regimes", 0) != 0) {
      wrong.push_back({ErrorCode::kInvalidInput,
                       "changes the terms only (regimes[...]); edit the project in the model",
                       "changes[" + std::to_string(i) + "].path"});
    }
  }
  Result<int> index = FindRegime(model, regime);
  if (!index) wrong.push_back(index.error());
  if (!wrong.empty()) return wrong;
  auto changed_text = ChangeTerms(model_text, changes);
  if (!changed_text) return changed_text.errors();
  auto changed = ReadModel(*changed_text);
  if (!changed) return changed.errors();
  const auto i = static_cast<size_t>(*index);
  return CompareRegimes(model, model.regimes[i], changed->regimes[i]);
}

}  // namespace connex::fiscal::io
