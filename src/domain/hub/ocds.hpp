// Published contracts as Open Contracting Data Standard 1.1 JSON: one
// release per contract (tag "contract"), with the government as buyer, the
// companies as suppliers, the award and the contract with its documents
// (the main file, amendments, annexes, translations), and its fiscal terms.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/hub/contract_terms.hpp"
#include "domain/hub/hub_document.hpp"

namespace connex::domain {

// `children`: the document's published amendments, annexes and translations;
// `base_url`: where the portal is served, for document addresses; `terms`:
// the reviewed fiscal terms of the document and its children, released as
// the contract's "fiscalTerms" (docs/ocds-fiscal-terms-extension).
nlohmann::json OcdsRelease(const HubDocument& d, const std::vector<HubDocument>& children,
                           const std::string& base_url,
                           const std::vector<ContractTerms>& terms = {});
// A release package around `releases`, published at `published`.
nlohmann::json OcdsPackage(const std::vector<nlohmann::json>& releases, const std::string& uri,
                           Instant published);

}  // namespace connex::domain
