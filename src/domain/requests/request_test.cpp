// The request form, scope diffs, content sniffing and who may see a request.
#include "domain/requests/request.hpp"

#include <gtest/gtest.h>

#include "domain/policy/request_access.hpp"
#include "domain/requests/request_service.hpp"
#include "domain/requests/sniff.hpp"

namespace {

using namespace connex;
using namespace connex::domain;
using nlohmann::json;

std::vector<std::string> Fields(const Errors& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.field);
  return out;
}

TEST(RequestForm, ADraftMayBeIncompleteASubmissionMayNot) {
  const json partial = {{"project_name", "Ahafo North"}, {"commodity", "copper"}};
  ASSERT_TRUE(ReadForm(partial, false).ok());
  const auto full = ReadForm(partial, true);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(Fields(full.errors()),
            (std::vector<std::string>{"country", "entity", "focal_points", "counterparties",
                                      "disciplines", "phase", "language", "background"}));
}

TEST(RequestForm, EveryWrongFieldIsNamedWithItsPath) {
  const json bad = {{"country", "gha"},
                    {"focal_points", {{{"name", "A"}}, {{"email", "nope"}}}},
                    {"counterparties", {{{"name", "Acme"}, {"affiliates", {"", 3}}}}},
                    {"disciplines", "legal"},
                    {"deadline", "2027-13-01"},
                    {"language", "de"},
                    {"extra", 1}};
  const auto r = ReadForm(bad, false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Fields(r.errors()),
            (std::vector<std::string>{"extra", "country", "disciplines", "deadline", "language",
                                      "focal_points[1].name", "focal_points[1].email",
                                      "counterparties[0].affiliates[0]",
                                      "counterparties[0].affiliates[1]"}));
  EXPECT_FALSE(ReadForm(json::array(), false).ok());
}

TEST(RequestForm, RoundTripsThroughJson) {
  RequestForm f;
  f.country = "SEN";
  f.focal_points = {{"Aminata Diop", "a@example.org", "+221"}};
  f.counterparties = {{"Atlantic Gas Ltd.", {"AGE Senegal SA"}}};
  f.disciplines = {"legal", "fiscal_modelling"};
  f.deadline = "2028-02-29";
  const auto back = ReadForm(ToJson(f), false);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(ToJson(*back), ToJson(f));
}

TEST(RequestForm, DatesExistOnTheCalendar) {
  EXPECT_TRUE(IsDate("2028-02-29"));
  EXPECT_FALSE(IsDate("2027-02-29"));
  EXPECT_FALSE(IsDate("2100-02-29"));
  EXPECT_TRUE(IsDate("2000-02-29"));
  EXPECT_FALSE(IsDate("2027-04-31"));
  EXPECT_FALSE(IsDate("27-04-01"));
  EXPECT_FALSE(IsDate("2027-4-1x"));
}

TEST(Scope, ACommitmentToPublishTheContractNeedsItsDateAndShowsInTheDiff) {
  auto missing = ReadScope({{"summary", "Review"}, {"publish_contract", true}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "scope.publish_by");
  auto wrong =
      ReadScope({{"summary", "Review"}, {"publish_contract", true}, {"publish_by", "soon"}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "scope.publish_by");
  // Without a commitment a date means nothing and is dropped.
  auto none = ReadScope({{"summary", "Review"}, {"publish_by", "2027-06-30"}});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->publish_by, "");
  auto made =
      ReadScope({{"summary", "Review"}, {"publish_contract", true}, {"publish_by", "2027-06-30"}});
  ASSERT_TRUE(made.ok());
  const json d = ScopeDiff(*none, *made);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0]["field"], "publish_contract");
  EXPECT_EQ(d[0]["after"], true);
  EXPECT_EQ(d[1]["field"], "publish_by");
  EXPECT_EQ(d[1]["after"], "2027-06-30");
}

TEST(Scope, DiffNamesWhatChanged) {
  Scope a{"Review", {"legal"}, {"negotiation"}, {"Memo"}, 10, false, ""};
  Scope b{"Review and model", {"legal", "fiscal_modelling"}, {"negotiation"}, {}, 10, false, ""};
  const json d = ScopeDiff(a, b);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0]["field"], "summary");
  EXPECT_EQ(d[0]["after"], "Review and model");
  EXPECT_EQ(d[1]["field"], "disciplines");
  EXPECT_EQ(d[1]["added"], json::array({"fiscal_modelling"}));
  EXPECT_EQ(d[2]["field"], "deliverables");
  EXPECT_EQ(d[2]["removed"], json::array({"Memo"}));
  EXPECT_TRUE(ScopeDiff(a, a).empty());
  EXPECT_FALSE(ReadScope(json{{"disciplines", {"legal"}}}).ok());  // a summary is required
}

TEST(Sniff, TheContentDecidesNotTheName) {
  const std::string pdf = "%PDF-1.7\n...";
  EXPECT_EQ(*CheckDocumentType(pdf, "lease.PDF", "application/pdf"), "application/pdf");
  EXPECT_EQ(*CheckDocumentType(pdf, "lease.pdf", "application/octet-stream"), "application/pdf");
  EXPECT_EQ(*CheckDocumentType(pdf, "lease.pdf", "application/pdf; charset=binary"),
            "application/pdf");
  const std::string exe = std::string("MZ\x90\0\x03\0", 6);
  EXPECT_EQ(CheckDocumentType(exe, "lease.pdf", "application/pdf").error().field, "file");
  EXPECT_EQ(CheckDocumentType(pdf, "lease.exe", "").error().field, "name");
  EXPECT_EQ(CheckDocumentType(pdf, "lease", "").error().field, "name");
  EXPECT_EQ(CheckDocumentType(pdf, "lease.pdf", "image/png").error().field, "Content-Type");
  EXPECT_EQ(CheckDocumentType(pdf, "lease.pdf", "image/png").error().code,
            ErrorCode::kUnsupportedType);
  const std::string docx =
      std::string("PK\x03\x04", 4) + "....[Content_Types].xml word/document.xml";
  EXPECT_EQ(SniffMediaType(docx, "a.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_FALSE(CheckDocumentType(docx, "a.xlsx", "").ok());
  EXPECT_EQ(*CheckDocumentType("year,royalty\n2027,0.05\n", "terms.csv", "text/csv"), "text/csv");
  EXPECT_EQ(*CheckDocumentType("Note de synthèse — redevance\n", "note.txt", "text/plain"),
            "text/plain");
  EXPECT_FALSE(CheckDocumentType("bad \xff\xfe utf-8", "note.txt", "text/plain").ok());
  EXPECT_FALSE(CheckDocumentType(std::string("a\0b", 3), "note.txt", "text/plain").ok());
}

TEST(RequestVisibility, EachRoleSeesOnlyWhatItShould) {
  SupportRequest r;
  r.organisation_id = "org_gha";
  TeamMember assigned;
  assigned.request_id = "req";
  assigned.user_id = "usr_expert";
  const std::vector<TeamMember> team = {assigned};
  const Principal ghana{Role::kGovernment, "usr_gha", "org_gha"};
  const Principal senegal{Role::kGovernment, "usr_sen", "org_sen"};
  const Principal member{Role::kExpert, "usr_expert", ""};
  const Principal other_expert{Role::kExpert, "usr_other", ""};
  const Principal coordinator{Role::kCoordinator, "usr_co", "org_su"};
  const Principal admin{Role::kAdmin, "usr_admin", "org_su"};
  const Principal visitor{};
  for (int i = 0; i < kRequestStateCount; ++i) {
    const auto s = static_cast<RequestState>(i);
    r.position.state = s;
    SCOPED_TRACE(ToString(s));
    EXPECT_TRUE(CanSeeRequest(ghana, r, team));
    EXPECT_FALSE(CanSeeRequest(senegal, r, team));
    EXPECT_FALSE(CanSeeRequest(other_expert, r, team));
    EXPECT_FALSE(CanSeeRequest(visitor, r, team));
    const bool submitted = s != RequestState::kDraft;
    EXPECT_EQ(CanSeeRequest(coordinator, r, team), submitted);
    EXPECT_EQ(CanSeeRequest(admin, r, team), submitted);
    const bool confirmed = s == RequestState::kTeamConfirmed || s == RequestState::kActive ||
                           s == RequestState::kClosed || s == RequestState::kEvaluated;
    EXPECT_EQ(CanSeeRequest(member, r, team), confirmed);
  }
  // A government user without an organisation sees no request.
  r.organisation_id = "";
  EXPECT_FALSE(CanSeeRequest({Role::kGovernment, "usr_x", ""}, r, team));
}

}  // namespace

namespace connex::domain {
namespace {

TEST(Disciplines, RetiredOnesStayWhereTheyWereChosenOnly) {
  const std::vector<Discipline> codelist = {
      {"legal", "Legal", "Droit", "", "", true, 10, {}, ""},
      {"gender", "Gender", "Genre", "", "", false, 20, {}, ""}};
  Errors errors;
  CheckDisciplines({"legal", "gender", "astrology"}, codelist, {}, "disciplines", errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "disciplines[1]");
  EXPECT_NE(errors[0].message.find("retired"), std::string::npos);
  EXPECT_EQ(errors[1].field, "disciplines[2]");
  EXPECT_NE(errors[1].message.find("one of legal"), std::string::npos);
  errors.clear();
  CheckDisciplines({"legal", "gender"}, codelist, {"gender"}, "disciplines", errors);
  EXPECT_TRUE(errors.empty());
}

TEST(Disciplines, AdministratorsEntriesAreValidated) {
  EXPECT_TRUE(
      ReadDiscipline("hydrogeology", {{"label_en", "Hydrogeology"}, {"label_fr", "Hydrogéologie"}})
          .ok());
  const auto bad = ReadDiscipline("H", {{"label_en", ""}, {"position", -1}, {"colour", 1}});
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const Error& e : bad.errors()) fields.push_back(e.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"code", "colour", "label_en", "label_fr", "position"}));
}

}  // namespace
}  // namespace connex::domain
