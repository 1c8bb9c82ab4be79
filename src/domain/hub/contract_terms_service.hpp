// The fiscal terms of hub contracts as operations (contract_terms.hpp). The
// Support Unit writes and reviews them; a member other than the last one to
// save them reviews them, and any save sends them back to review. Everyone
// else reads reviewed terms of documents they may see, with the citations
// that point at what they may see. What a caller may not see answers
// kNotFound, as for the documents themselves.
//
// The fiscal checking of the instruments is the caller's (the API reads
// them with the model reader before saving); this service checks what the
// citations point at.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/hub/contract_terms.hpp"
#include "domain/hub/hub_document.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// Published terms with the document they belong to, and its main document's
// facts where the document leaves them blank (an amendment's country).
struct ComparableTerms {
  HubDocument document;
  ContractTerms terms;
  std::string country;
  std::vector<std::string> resources;
  std::string contract_type;
  int signature_year = 0;
};

// Which published terms a benchmark compares with; empty fields match all.
struct ComparableFilter {
  std::string resource;
  std::string country;
  std::string region;  // reports/regions.hpp
  std::string contract_type;
  int from_year = 0;
  int to_year = 0;
  std::vector<std::string> documents;  // the user's own pick: only these
};

class ContractTermsService {
 public:
  // The terms of document `id` as `p` may read them; kNotFound when there
  // are none or `p` may not see them.
  Result<ContractTerms> Terms(Stores& s, const Principal& p, const std::string& id) const;
  // Every save and review, oldest first: the Support Unit only.
  Result<std::vector<ContractTermsChange>> History(Stores& s, const Principal& p,
                                                   const std::string& id) const;
  // Creates (version 0) or replaces (the version read) the terms of a
  // contract or amendment; they return to review.
  Result<ContractTerms> Save(Stores& s, const Principal& p, const std::string& id, ContractTerms t,
                             Instant now) const;
  Result<ContractTerms> Review(Stores& s, const Principal& p, const std::string& id, int version,
                               Instant now) const;
  Result<Done> Remove(Stores& s, const Principal& p, const std::string& id, Instant now) const;

  // The reviewed terms of a published contract and of its published
  // amendments, annexes and translations, as open data releases them.
  std::vector<ContractTerms> Released(Stores& s, const HubDocument& contract,
                                      const std::vector<HubDocument>& children) const;
  // Reviewed terms of published, public documents matching `f`, whoever asks.
  std::vector<ComparableTerms> Comparables(Stores& s, const ComparableFilter& f) const;
};

}  // namespace connex::domain
