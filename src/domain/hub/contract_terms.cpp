#include "domain/hub/contract_terms.hpp"

#include <algorithm>
#include <cctype>

#include "domain/shared/json_reader.hpp"

namespace connex::domain {

bool NamesAParameter(const nlohmann::json& terms, const std::string& path) {
  const nlohmann::json* at = &terms;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      const size_t close = path.find(']', i);
      if (close == std::string::npos || close == i + 1 || !at->is_array()) return false;
      size_t index = 0;
      for (size_t k = i + 1; k < close; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(path[k])) || close - i > 6) return false;
        index = index * 10 + static_cast<size_t>(path[k] - '0');
      }
      if (index >= at->size()) return false;
      at = &(*at)[index];
      i = close + 1;
    } else {
      if (path[i] == '.') {
        if (i == 0) return false;
        ++i;
      }
      size_t end = i;
      while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
      const std::string key = path.substr(i, end - i);
      if (key.empty() || !at->is_object() || !at->contains(key)) return false;
      at = &(*at)[key];
      i = end;
    }
  }
  return at != &terms && (at->is_number() || at->is_string() || at->is_boolean());
}

Result<ContractTerms> ReadContractTerms(const nlohmann::json& j) {
  Errors errors;
  ContractTerms t;
  ObjectReader r(j, "", {"terms", "currency", "products", "base_year", "citations", "version"},
                 errors);
  if (!j.is_object() || !j.contains("terms") || !j["terms"].is_object()) {
    r.Fail("terms", "is required: the term sheet's name and instruments");
  } else {
    t.terms = j["terms"];
  }
  t.currency = r.Text("currency", 3);
  if (t.currency.empty()) t.currency = "USD";
  if (t.currency.size() != 3 || !std::all_of(t.currency.begin(), t.currency.end(),
                                             [](char c) { return c >= 'A' && c <= 'Z'; })) {
    r.Fail("currency", "must be a three-letter currency code such as USD");
  }
  if (const nlohmann::json* list = r.List("products", 16)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader p((*list)[i], r.Path("products[" + std::to_string(i) + "]"), {"name", "unit"},
                     errors);
      TermProduct product{p.RequiredText("name", 100), p.RequiredText("unit", 20)};
      for (const TermProduct& other : t.products) {
        if (!product.name.empty() && other.name == product.name) p.Fail("name", "is named twice");
      }
      t.products.push_back(std::move(product));
    }
  }
  t.base_year = r.Integer("base_year", 1900, 2200);
  if (const nlohmann::json* list = r.List("citations", 500)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader c((*list)[i], r.Path("citations[" + std::to_string(i) + "]"),
                     {"parameter", "document_id", "page", "article", "annotation_id"}, errors);
      TermCitation citation;
      citation.parameter = c.RequiredText("parameter", 200);
      if (!citation.parameter.empty() && !NamesAParameter(t.terms, citation.parameter)) {
        c.Fail("parameter", "names no term of the term sheet");
      }
      citation.document_id = c.Text("document_id", 100);
      citation.page = c.Integer("page", 0, 100000);  // 0: not given
      citation.article = c.Text("article", 200);
      citation.annotation_id = c.Text("annotation_id", 100);
      if (citation.page == 0 && citation.article.empty() && citation.annotation_id.empty()) {
        c.Fail("", "must give a page, an article or an annotation");
      }
      t.citations.push_back(std::move(citation));
    }
  }
  t.version = r.Integer("version", 0, 1 << 30);
  if (!errors.empty()) return errors;
  return t;
}

nlohmann::json ToJson(const ContractTerms& t) {
  nlohmann::json products = nlohmann::json::array();
  for (const TermProduct& p : t.products) products.push_back({{"name", p.name}, {"unit", p.unit}});
  nlohmann::json citations = nlohmann::json::array();
  for (const TermCitation& c : t.citations) {
    citations.push_back({{"parameter", c.parameter},
                         {"document_id", c.document_id},
                         {"page", c.page},
                         {"article", c.article},
                         {"annotation_id", c.annotation_id}});
  }
  return {{"document_id", t.document_id},
          {"terms", t.terms},
          {"currency", t.currency},
          {"products", products},
          {"base_year", t.base_year},
          {"citations", citations},
          {"status", t.status},
          {"updated_by", t.updated_by},
          {"reviewed_by", t.reviewed_by},
          {"created_at", ToIso(t.created_at)},
          {"updated_at", ToIso(t.updated_at)},
          {"version", t.version}};
}

nlohmann::json ToJson(const ContractTermsChange& c) {
  return {{"version", c.version},
          {"action", c.action},
          {"actor", c.actor},
          {"at", ToIso(c.at)},
          {"terms", c.snapshot}};
}

}  // namespace connex::domain
