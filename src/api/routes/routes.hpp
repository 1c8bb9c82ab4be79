// Route groups, one file each; ApiRoutes() lists them all.
#pragma once

#include <functional>
#include <vector>

#include "api/server.hpp"
#include "store/sql_stores.hpp"

struct lxw_workbook;  // xlsxwriter.h, for the units that write workbooks

namespace connex::api {

// fn(domain::Stores&) -> Result<json> in one write (read) transaction,
// answered with `status` (200).
template <typename F>
Result<Reply> WriteJson(Services& s, int status, F&& fn) {
  auto out = store::WriteStores(s.db, std::forward<F>(fn));
  if (!out) return out.errors();
  return Reply{status, std::move(*out)};
}
template <typename F>
Result<Reply> ReadJson(Services& s, F&& fn) {
  auto out = store::ReadStores(s.db, std::forward<F>(fn));
  if (!out) return out.errors();
  return Reply{200, std::move(*out)};
}

// Content-Disposition for a stored name: an ASCII fallback and the exact name
// percent-encoded (RFC 6266), so no quote or newline reaches the header.
std::string Disposition(const std::string& name);
// A file to download, named `name`.
Reply Download(std::string bytes, const std::string& type, const std::string& name);
// The bytes a library that writes only files (xlsx) wrote: `write` gets a
// private temporary path, which is read back and removed.
Result<std::string> WrittenFile(const std::function<Result<Done>(const std::string& path)>& write);
// The bytes of an xlsx workbook that `fill` writes (lxw_workbook*, from
// xlsxwriter.h); closed exactly once, a failure to write is a kIo error.
Result<std::string> WrittenWorkbook(const std::function<void(lxw_workbook*)>& fill);

void AddHealthRoutes(std::vector<Route>& routes, Services& s);
void AddSessionRoutes(std::vector<Route>& routes, Services& s);
void AddUserRoutes(std::vector<Route>& routes, Services& s);
void AddInvitationRoutes(std::vector<Route>& routes, Services& s);
void AddAuditRoutes(std::vector<Route>& routes, Services& s);
void AddRequestRoutes(std::vector<Route>& routes, Services& s);
void AddEngagementRoutes(std::vector<Route>& routes, Services& s);
void AddDisclosureRoutes(std::vector<Route>& routes, Services& s);
void AddReferralRoutes(std::vector<Route>& routes, Services& s);
void AddLessonRoutes(std::vector<Route>& routes, Services& s);
void AddDocumentRoutes(std::vector<Route>& routes, Services& s);
void AddSupportRoutes(std::vector<Route>& routes, Services& s);
void AddCodelistRoutes(std::vector<Route>& routes, Services& s);
void AddRosterRoutes(std::vector<Route>& routes, Services& s);
void AddHubRoutes(std::vector<Route>& routes, Services& s);
void AddContractTermsRoutes(std::vector<Route>& routes, Services& s);
void AddProviderRoutes(std::vector<Route>& routes, Services& s);
void AddFiscalModelRoutes(std::vector<Route>& routes, Services& s);
void AddFeedbackRoutes(std::vector<Route>& routes, Services& s);
void AddImpactRoutes(std::vector<Route>& routes, Services& s);
void AddObligationRoutes(std::vector<Route>& routes, Services& s);
void AddTrainingRoutes(std::vector<Route>& routes, Services& s);
void AddPasswordResetRoutes(std::vector<Route>& routes, Services& s);
void AddMailRoutes(std::vector<Route>& routes, Services& s);

}  // namespace connex::api
