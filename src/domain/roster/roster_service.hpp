// The roster as operations: profiles (experts edit their own, the Support
// Unit all), the Code of Conduct (administrators publish versions, experts
// attest), declarations of interests, screening of the roster against a
// request's counterparties (every screening kept), waivers with the
// government's consent document, and team proposals.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/policy/policy.hpp"
#include "domain/requests/request.hpp"
#include "domain/roster/roster_csv.hpp"
#include "domain/roster/roster_repository.hpp"
#include "domain/roster/team_proposal.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// The Code of Conduct in force (none before the first is published) and
// whether the caller attested it.
struct CodeInForce {
  std::optional<ConductCode> code;
  bool attested = false;
};

class RosterService {
 public:
  CodeInForce Code(Stores& s, const Principal& p) const;
  // Every screening on the request, oldest first; the Support Unit only.
  Result<std::vector<ScreeningRecord>> Screenings(Stores& s, const Principal& p,
                                                  const std::string& request_id) const;
  Result<ExpertProfile> Profile(Stores& s, const Principal& p, const std::string& user_id) const;
  Result<ExpertProfile> SaveProfile(Stores& s, const Principal& p, const std::string& user_id,
                                    ExpertProfile profile, Instant now) const;
  std::vector<ExpertProfile> Search(Stores& s, const std::string& discipline,
                                    const std::string& language, const std::string& text) const;

  Result<ConductCode> PublishCode(Stores& s, const Principal& p, const std::string& text,
                                  Instant now) const;
  Result<ConductCode> Attest(Stores& s, const Principal& p, Instant now) const;

  Result<Declaration> Declare(Stores& s, const Principal& p, const std::string& user_id,
                              Declaration d, Instant now) const;
  Result<std::vector<Declaration>> Declarations(Stores& s, const Principal& p,
                                                const std::string& user_id) const;

  // Screens every expert of the roster against the request's counterparties
  // and keeps the results.
  Result<std::vector<ScreeningRecord>> ScreenRequest(Stores& s, const Principal& p,
                                                     const std::string& request_id,
                                                     int lookback_years, Instant now) const;
  Result<Waiver> RecordWaiver(Stores& s, const Principal& p, const std::string& request_id,
                              const Waiver& w, Instant now) const;

  // Appraisals are the Support Unit's, of team members of a closed engagement.
  Result<Appraisal> Appraise(Stores& s, const Principal& p, const std::string& request_id,
                             Appraisal a, Instant now) const;
  Result<std::vector<Appraisal>> Appraisals(Stores& s, const Principal& p,
                                            const std::string& user_id) const;
  // The expert's engagements: the expert's own, or anyone's for the Support Unit.
  Result<std::vector<Deployment>> Deployments(Stores& s, const Principal& p,
                                              const std::string& user_id) const;

  // The roster as CSV (staff).
  Result<std::string> ExportRoster(Stores& s, const Principal& p) const;
  // Imports profiles from CSV for existing expert accounts (staff). With any
  // row in error nothing is imported, unless `valid_only` asks to import the
  // rows without errors. `applied` says whether anything was written.
  struct ImportReport {
    int imported = 0;
    bool applied = false;
    std::vector<RowError> errors;
  };
  Result<ImportReport> ImportRoster(Stores& s, const Principal& p, const std::string& csv,
                                    bool valid_only, Instant now) const;

  // Screens the roster, then proposes teams for the request.
  Result<Proposal> Propose(Stores& s, const Principal& p, const std::string& request_id,
                           const TeamSpec& spec, int lookback_years, Instant now) const;
};

// How far back an assignment's screening looks.
constexpr int kAssignmentLookbackYears = 3;

// Screens `user_id` against the request before an assignment and keeps the
// record. Run in its own transaction ahead of the assignment's, so that the
// screening stays on record when the assignment is refused.
Result<ScreeningRecord> KeepAssignmentScreening(Stores& s, const Principal& p,
                                                const std::string& request_id,
                                                const std::string& user_id, Instant now);

// Why `user_id` may not join the request's team now, if anything: no
// attestation of the Code of Conduct in force, or a conflict of interest.
std::optional<Error> AssignmentBlock(Stores& s, const SupportRequest& r, const std::string& user_id,
                                     Instant now);

}  // namespace connex::domain
