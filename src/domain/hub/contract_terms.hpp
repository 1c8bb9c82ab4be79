// The fiscal terms a hub contract (or its amendment) carries: a term sheet of
// the model format (instruments only, docs/fiscal-model-format.md), each
// parameter citing where the contract says it (document, page, article,
// annotation). The Support Unit writes them; a second member reviews them
// before anyone else sees them, as for annotations; every save and review is
// kept in their history.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace connex::domain {

// Where the contract sets one parameter of its terms.
struct TermCitation {
  std::string parameter;    // its path in the term sheet: "instruments[1].rate"
  std::string document_id;  // the contract, or one of its amendments or annexes
  int page = 0;             // 0: not given
  std::string article;
  std::string annotation_id;  // empty: none
};

// A product the instruments name, with its unit ("oil", "bbl").
struct TermProduct {
  std::string name;
  std::string unit;
};

struct ContractTerms {
  std::string document_id;
  nlohmann::json terms = nlohmann::json::object();  // {"name", "instruments": [...]}
  std::string currency = "USD";
  std::vector<TermProduct> products;
  // The calendar year its years count from (signature bonuses, tax holidays):
  // a benchmark moves them with the project it runs them on.
  int base_year = 0;
  std::vector<TermCitation> citations;
  std::string status = "draft";  // draft | reviewed
  std::string updated_by;
  std::string reviewed_by;
  Instant created_at{};
  Instant updated_at{};
  int version = 1;
};

// One save or review, with what the terms were after it.
struct ContractTermsChange {
  int version = 0;
  std::string action;  // saved | reviewed | removed
  std::string actor;
  Instant at{};
  nlohmann::json snapshot;  // ToJson of the terms after the change
};

// Reads the editable fields (terms, currency, products, base_year,
// citations), naming each wrong one ("citations[2].parameter"). The terms'
// instruments are checked by the fiscal reader, not here; each citation must
// name a parameter the terms hold.
Result<ContractTerms> ReadContractTerms(const nlohmann::json& j);
nlohmann::json ToJson(const ContractTerms& t);
nlohmann::json ToJson(const ContractTermsChange& c);

// Whether `path` ("instruments[1].state_share.tiers[0].rate") names a number,
// text or true/false in `terms`.
bool NamesAParameter(const nlohmann::json& terms, const std::string& path);

}  // namespace connex::domain
