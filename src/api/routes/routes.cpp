#include "api/routes/routes.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace connex::api {

Reply Download(std::string bytes, const std::string& type, const std::string& name) {
  Reply reply{200, {}, {{"Content-Disposition", Disposition(name)}}};
  reply.raw = std::move(bytes);
  reply.raw_type = type;
  return reply;
}

Result<std::string> WrittenFile(const std::function<Result<Done>(const std::string& path)>& write) {
  char path[] = "/tmp/connex-download-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Error{ErrorCode::kIo, "cannot write the file", ""};
  close(fd);
  auto written = write(path);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  unlink(path);
  if (!written) return written.errors();
  return bytes.str();
}

Result<std::string> WrittenWorkbook(const std::function<void(lxw_workbook*)>& fill) {
  return WrittenFile([&](const std::string& path) -> Result<Done> {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) return Error{ErrorCode::kIo, "cannot write the workbook", ""};
    fill(wb);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
      return Error{ErrorCode::kIo, std::string("cannot write the workbook: ") + lxw_strerror(err),
                   ""};
    }
    return Done{};
  });
}

std::string Disposition(const std::string& name) {
  std::string ascii, encoded;
  for (unsigned char c : name) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

std::vector<Route> ApiRoutes(Services& s) {
  std::vector<Route> routes;
  AddHealthRoutes(routes, s);
  AddSessionRoutes(routes, s);
  AddUserRoutes(routes, s);
  AddInvitationRoutes(routes, s);
  AddAuditRoutes(routes, s);
  AddRequestRoutes(routes, s);
  AddEngagementRoutes(routes, s);
  AddDisclosureRoutes(routes, s);
  AddReferralRoutes(routes, s);
  AddLessonRoutes(routes, s);
  AddDocumentRoutes(routes, s);
  AddSupportRoutes(routes, s);
  AddCodelistRoutes(routes, s);
  AddRosterRoutes(routes, s);
  AddHubRoutes(routes, s);
  AddContractTermsRoutes(routes, s);
  AddProviderRoutes(routes, s);
  AddFiscalModelRoutes(routes, s);
  AddFeedbackRoutes(routes, s);
  AddImpactRoutes(routes, s);
  AddObligationRoutes(routes, s);
  AddTrainingRoutes(routes, s);
  AddPasswordResetRoutes(routes, s);
  AddMailRoutes(routes, s);
  routes.push_back({"GET", "/api/v1/openapi.json", domain::Access::kPublic,
                    "This API as an OpenAPI 3 document", nullptr});
  // The document lists every route, this one included, and never changes.
  const nlohmann::json doc = OpenApi(routes);
  routes.back().handler = [doc](Request&) -> Result<Reply> { return Reply{200, doc, {}}; };
  return routes;
}

}  // namespace connex::api
