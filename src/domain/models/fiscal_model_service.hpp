// Fiscal models as operations. A workspace model is its owner's alone; a
// model attached to a request is read and changed by whoever may see that
// request (its government, its team, the Support Unit) and by nobody else.
// Whatever a caller may not see answers kNotFound. The model text arrives
// validated (fiscal/io/model_reader.hpp); this service keeps its versions.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/models/fiscal_model.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

class FiscalModelService {
 public:
  static Result<FiscalModel> Visible(Stores& s, const Principal& p, const std::string& id);
  // Every model `p` may see, newest first.
  std::vector<FiscalModel> List(Stores& s, const Principal& p) const;
  Result<FiscalModel> Create(Stores& s, const Principal& p, const std::string& name,
                             const std::string& request_id, const std::string& model_json,
                             Instant now) const;
  // A new version; `version` is the one the caller read.
  Result<FiscalModel> Save(Stores& s, const Principal& p, const std::string& id, int version,
                           const std::string& name, const std::string& model_json,
                           const std::string& note, Instant now) const;
  // Every version of the model, oldest first.
  Result<std::vector<FiscalModelVersion>> Versions(Stores& s, const Principal& p,
                                                   const std::string& id) const;
  // Results computed from a version are kept under a key (what was asked):
  // the version (0: the current one) and its kept result, if any.
  Result<std::pair<FiscalModelVersion, std::optional<std::string>>> KeptResult(
      Stores& s, const Principal& p, const std::string& id, int version,
      const std::string& key) const;
  // REQUIRES: `v` was read through Version or KeptResult for the caller.
  void KeepResult(Stores& s, const FiscalModelVersion& v, const std::string& key,
                  const std::string& result) const;
  // One version (0: the current one).
  Result<FiscalModelVersion> Version(Stores& s, const Principal& p, const std::string& id,
                                     int version) const;
  // Records `v` (the figures of a comparison of the model's version) on the
  // engagement the model is attached to: by its advisers or the Support
  // Unit, not by the government whose contract it is.
  Result<ValueAdded> RecordValueAdded(Stores& s, const Principal& p, const std::string& id,
                                      ValueAdded v, Instant now) const;
  // The estimates recorded on a request, newest first.
  Result<std::vector<ValueAdded>> ValueAddedOf(Stores& s, const Principal& p,
                                               const std::string& request_id) const;
};

}  // namespace connex::domain
