// The resource hub over HTTP: what the public may see (published, not
// confidential) in search, documents, exports and open data; the
// publication workflow's second pair of eyes; a PDF read by the isolated
// reader, a damaged one refused with the server still serving; OCDS
// packages carrying the schema's required fields.
#include <gtest/gtest.h>

#include <algorithm>

#include "server_process.hpp"
#include "support/text_pdf.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

// A one-page PDF whose text layer holds `lines`.
std::string TextPdf(const std::vector<std::string>& lines) { return testing::TextPdf({lines}); }

class Hub : public PortalTest<Hub> {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    SignIn({&coordinator_, &admin_, &ghana_});
  }

  // A contract added by the coordinator and, with `publish`, published by the admin.
  json Contract(const std::string& title, bool publish, bool confidential = false) {
    auto created = coordinator_.Send("POST", "/api/v1/hub/documents",
                                     {{"title", title},
                                      {"country", "GHA"},
                                      {"resources", {"gold"}},
                                      {"contract_type", "mining_convention"},
                                      {"signature_date", "2018-03-01"},
                                      {"government_entity", "Minerals Commission"},
                                      {"companies", {{{"name", "Obuasi Gold Ltd"}, {"share", 90}}}},
                                      {"confidential", confidential}});
    EXPECT_EQ(Status(created), 201) << (created ? created->body : "");
    json d = Json(created);
    if (publish) {
      const std::string path = "/api/v1/hub/documents/" + d["id"].get<std::string>();
      EXPECT_EQ(Status(coordinator_.Send("POST", path + "/status", {{"to", "in_review"}})), 200);
      // The one who sent it to review does not publish it.
      EXPECT_EQ(Status(coordinator_.Send("POST", path + "/status", {{"to", "published"}})), 403);
      auto published = admin_.Send("POST", path + "/status", {{"to", "published"}});
      EXPECT_EQ(Status(published), 200);
      d = Json(published);
    }
    return d;
  }
  static std::vector<std::string> Titles(const json& results) {
    std::vector<std::string> out;
    for (const json& h : results["items"]) out.push_back(h["title"]);
    return out;
  }
};

TEST_F(Hub, UnpublishedAndConfidentialDocumentsNeverReachThePublic) {
  const json open = Contract("Obuasi zircon convention", true);
  const json draft = Contract("Obuasi zircon draft", false);
  const json secret = Contract("Obuasi zircon confidential", true, true);
  Client visitor = NewClient();
  for (Client* who : {&visitor, &ghana_}) {
    const json found = Json(who->Get("/api/v1/hub/search?q=zircon"));
    EXPECT_EQ(Titles(found), std::vector<std::string>{"Obuasi zircon convention"});
    EXPECT_EQ(found["facets"]["country"][0]["count"], 1);
    auto csv = who->Get("/api/v1/hub/search?q=zircon&format=csv");
    ASSERT_EQ(Status(csv), 200);
    EXPECT_NE(csv->body.find("Obuasi zircon convention"), std::string::npos);
    EXPECT_EQ(csv->body.find("draft"), std::string::npos);
    EXPECT_EQ(csv->body.find("confidential"), std::string::npos);
    for (const json& hidden : {draft, secret}) {
      const std::string id = hidden["id"];
      EXPECT_EQ(Status(who->Get("/api/v1/hub/documents/" + id)), 404);
      EXPECT_EQ(Status(who->Get("/api/v1/hub/documents/" + id + "/pages/1")), 404);
      EXPECT_EQ(Status(who->Get("/api/v1/hub/documents/" + id + "/file")), 404);
      EXPECT_EQ(Status(who->Get("/api/v1/hub/ocds/" + id)), 404);
    }
    const std::string bulk = who->Get("/api/v1/hub/ocds")->body;
    EXPECT_NE(bulk.find(open["id"].get<std::string>()), std::string::npos);
    EXPECT_EQ(bulk.find(draft["id"].get<std::string>()), std::string::npos);
    EXPECT_EQ(bulk.find(secret["id"].get<std::string>()), std::string::npos);
    // Only the Support Unit edits.
    EXPECT_NE(Status(who->Send("POST", "/api/v1/hub/documents", {{"title", "x"}})), 201);
  }
  // The Support Unit finds all three; unpublishing takes the document out again.
  EXPECT_EQ(Titles(Json(coordinator_.Get("/api/v1/hub/search?q=zircon"))).size(), 3u);
  const std::string path = "/api/v1/hub/documents/" + open["id"].get<std::string>();
  EXPECT_EQ(Status(admin_.Send("POST", path + "/status", {{"to", "unpublished"}})), 400);  // why?
  ASSERT_EQ(Status(admin_.Send("POST", path + "/status",
                               {{"to", "unpublished"}, {"reason", "Awaiting the amendment"}})),
            200);
  EXPECT_TRUE(Json(visitor.Get("/api/v1/hub/search?q=zircon"))["items"].empty());
}

TEST_F(Hub, APdfIsReadAndADamagedOneIsRefusedWhileTheServerServes) {
  const json d = Contract("Tarkwa tantalum convention", true);
  const std::string path = "/api/v1/hub/documents/" + d["id"].get<std::string>();
  std::vector<std::string> lines = {"Article 9. Royalty.",
                                    "The holder pays a tantalum royalty of five percent."};
  for (int i = 0; i < 40; ++i)
    lines.push_back("Clause on reporting duties number " + std::to_string(i));
  const std::string pdf = TextPdf(lines);
  auto attached = coordinator_.Raw("POST", path + "/file?name=tarkwa.pdf", pdf, "application/pdf");
  ASSERT_EQ(Status(attached), 200) << attached->body;
  EXPECT_EQ(Json(attached)["page_count"], 1);
  EXPECT_EQ(Json(attached)["ocr"], false);
  const json page = Json(ghana_.Get(path + "/pages/1"));
  EXPECT_NE(page["text"].get<std::string>().find("tantalum royalty of five percent"),
            std::string::npos);
  EXPECT_EQ(page["quality"], "acceptable");
  const json found =
      Json(ghana_.Get("/api/v1/hub/search?q=tantalum+royalty&country=GHA&resource=gold"));
  ASSERT_EQ(found["items"].size(), 1u);
  EXPECT_EQ(found["items"][0]["page"], 1);
  const json viewed = Json(ghana_.Get(path + "?q=royalty"));
  ASSERT_FALSE(viewed["hits"].empty());
  EXPECT_EQ(viewed["hits"][0]["page"], 1);
  EXPECT_EQ(ghana_.Get(path + "/file")->body, pdf);

  auto truncated = coordinator_.Raw("POST", path + "/file?name=broken.pdf",
                                    pdf.substr(0, pdf.size() / 4), "application/pdf");
  ASSERT_EQ(Status(truncated), 400);
  EXPECT_EQ(Json(truncated)["error"]["field"], "file");
  EXPECT_NE(Json(truncated)["error"]["message"].get<std::string>().find("damaged"),
            std::string::npos);
  EXPECT_EQ(Status(ghana_.Get("/healthz")), 200);
  EXPECT_EQ(Json(ghana_.Get(path))["page_count"], 1);  // the earlier text stays
}

TEST_F(Hub, AnnotationsAreReviewedComparedAndExported) {
  const json a = Contract("Ahafo stabilisation convention", true);
  const json b = Contract("Akyem stabilisation convention", true);
  const std::string category = "stabilization";
  std::vector<std::string> ids;
  for (const json& d : {a, b}) {
    auto made = coordinator_.Send(
        "POST", "/api/v1/hub/documents/" + d["id"].get<std::string>() + "/annotations",
        {{"category", category},
         {"summary", "Fiscal terms frozen for 15 years."},
         {"article", "Art. 31"},
         {"translations", {{{"language", "fr"}, {"summary", "Termes gelés 15 ans."}}}}});
    ASSERT_EQ(Status(made), 201) << made->body;
    ids.push_back(Json(made)["id"]);
  }
  auto bad = coordinator_.Send(
      "POST", "/api/v1/hub/documents/" + a["id"].get<std::string>() + "/annotations",
      {{"category", "astrology"}, {"pages", {0}}});
  ASSERT_EQ(Status(bad), 400);
  // Drafts are the Support Unit's; the public compares reviewed annotations.
  Client visitor = NewClient();
  // The demonstration content may already hold reviewed ones.
  const std::string compare = "/api/v1/hub/compare?category=" + category + "&country=GHA";
  const json shown = Json(visitor.Get(compare))["items"];
  for (const json& item : shown) {
    EXPECT_EQ(std::count(ids.begin(), ids.end(), item["annotation"]["id"]), 0);
  }
  const size_t before = shown.size();
  const int found =
      Json(visitor.Get("/api/v1/hub/search?category=" + category + "&country=GHA"))["total"];
  EXPECT_EQ(Status(coordinator_.Send("POST", "/api/v1/hub/annotations/" + ids[0] + "/review",
                                     json::object())),
            403);  // not by its author
  for (const std::string& id : ids) {
    ASSERT_EQ(
        Status(admin_.Send("POST", "/api/v1/hub/annotations/" + id + "/review", json::object())),
        200);
  }
  EXPECT_EQ(Json(visitor.Get(compare))["items"].size(), before + 2);
  auto csv = visitor.Get(compare + "&format=csv");
  ASSERT_EQ(Status(csv), 200);
  EXPECT_NE(csv->body.find("Termes gelés 15 ans."), std::string::npos);
  auto xlsx = visitor.Get(compare + "&format=xlsx");
  ASSERT_EQ(Status(xlsx), 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");  // a zip container
  EXPECT_NE(XlsxText(xlsx->body).find("Clause: Stabilization"), std::string::npos);
  // A visitor whose browser prefers Spanish gets the workbook's words in Spanish.
  Client hispanic = NewClient();
  hispanic.set_accept_language("es-PE,es;q=0.9");
  const std::string es = XlsxText(hispanic.Get(compare + "&format=xlsx")->body);
  for (const char* words : {"name=\"Comparación\"", "Cláusula: ", "Tipo de contrato", "Revisada",
                            "Termes gelés 15 ans."}) {
    EXPECT_NE(es.find(words), std::string::npos) << words;
  }
  EXPECT_EQ(es.find("contract type"), std::string::npos);
  const json search = Json(visitor.Get("/api/v1/hub/search?category=" + category + "&country=GHA"));
  EXPECT_EQ(search["total"], found + 2);
}

TEST_F(Hub, OcdsReleasesCarryTheRequiredFields) {
  const json d = Contract("Damang gold convention", true);
  const json package = Json(NewClient().Get("/api/v1/hub/ocds/" + d["id"].get<std::string>()));
  // Release package schema 1.1: required uri, publisher (name), publishedDate, releases, version.
  for (const char* field : {"uri", "publisher", "publishedDate", "releases", "version"}) {
    EXPECT_TRUE(package.contains(field)) << field;
  }
  EXPECT_TRUE(package["publisher"].contains("name"));
  ASSERT_EQ(package["releases"].size(), 1u);
  const json& release = package["releases"][0];
  // Release schema 1.1: required ocid, id, date, tag, initiationType.
  for (const char* field : {"ocid", "id", "date", "tag", "initiationType"}) {
    EXPECT_TRUE(release.contains(field)) << field;
  }
  EXPECT_EQ(release["ocid"].get<std::string>().rfind("ocds-", 0), 0u);
  // Contract: id and awardID, the award it names exists; parties carry their roles.
  const json& contract = release["contracts"][0];
  EXPECT_EQ(contract["awardID"], release["awards"][0]["id"]);
  EXPECT_EQ(contract["dateSigned"], "2018-03-01T00:00:00Z");
  EXPECT_EQ(release["buyer"]["name"], "Minerals Commission");
  bool supplier = false;
  for (const json& p : release["parties"]) {
    supplier = supplier || (p["name"] == "Obuasi Gold Ltd" && p["roles"][0] == "supplier");
  }
  EXPECT_TRUE(supplier);
  for (const json& doc : contract["documents"]) EXPECT_TRUE(doc.contains("id"));
}

TEST_F(Hub, TheDemonstrationShowsSampleContractsGuidesAndProvidersOnFirstRun) {
  Client visitor = NewClient();
  // Reviewed royalty clauses of at least three sample contracts, side by side.
  const json compare = Json(visitor.Get("/api/v1/hub/compare?category=royalties"));
  ASSERT_GE(compare["items"].size(), 3u);
  for (const json& item : compare["items"]) {
    EXPECT_EQ(item["annotation"]["status"], "reviewed");
    EXPECT_TRUE(item["document"]["sample"].get<bool>()) << item["document"]["title"];
  }
  const json found = Json(visitor.Get("/api/v1/hub/search?q=sliding+royalty&kind=guide"));
  ASSERT_FALSE(found["items"].empty());
  EXPECT_TRUE(found["items"][0]["sample"].get<bool>());
  EXPECT_GT(found["items"][0]["page"].get<int>(), 0);
  // Guides by roadmap stage, and providers serving it.
  for (const char* stage : {"planning", "negotiating", "monitoring"}) {
    EXPECT_FALSE(
        Json(visitor.Get(std::string("/api/v1/hub/providers?stage=") + stage))["items"].empty())
        << stage;
  }
}

TEST_F(Hub, SearchTakesWhatPeopleTypeAndRefusesTooManyWords) {
  Client visitor = NewClient();
  const json plain = Json(visitor.Get("/api/v1/hub/search?q=royalty"));
  ASSERT_FALSE(plain["items"].empty());
  const std::string id = plain["items"][0]["id"];
  // French quotation marks, a currency sign, an apostrophe or an emoji alone
  // are no words: the other words are searched for, or nothing is.
  for (const std::string& q :
       {std::string("%C2%AB%20royalty%20%C2%BB"), std::string("royalty%20%E2%82%AC"),
        std::string("%E2%80%99royalty%E2%80%99"), std::string("royalty%20%F0%9F%98%80")}) {
    auto r = visitor.Get("/api/v1/hub/search?q=" + q);
    ASSERT_EQ(Status(r), 200) << q << " " << (r ? r->body : "");
    EXPECT_EQ(Json(r)["total"], plain["total"]) << q;
    EXPECT_EQ(Status(visitor.Get("/api/v1/hub/documents/" + id + "?q=" + q)), 200) << q;
  }
  for (const std::string& q :
       {std::string("%C2%AB%20stabilit%C3%A9%20%C2%BB"), std::string("%E2%80%99"),
        std::string("%F0%9F%98%80"), std::string("%E2%82%AC")}) {
    EXPECT_EQ(Status(visitor.Get("/api/v1/hub/search?q=" + q)), 200) << q;
    EXPECT_EQ(Status(visitor.Get("/api/v1/hub/documents/" + id + "?q=" + q)), 200) << q;
  }
  // 123 words: refused, naming q, rather than failing.
  std::string many;
  for (int i = 0; i < 123; ++i) many += (i ? "+" : "") + std::string("w") + std::to_string(i);
  auto refused = visitor.Get("/api/v1/hub/search?q=" + many);
  EXPECT_EQ(Status(refused), 400);
  EXPECT_EQ(ErrorFields(refused), std::set<std::string>{"q"});
  EXPECT_EQ(Status(visitor.Get("/api/v1/hub/documents/" + id + "?q=" + many)), 200);
}

TEST_F(Hub, TheSupportUnitKeepsTheProviderDirectoryThatEveryoneReads) {
  const json entry = {{"name", "Coastal States Negotiation Clinic"},
                      {"kind", "academic"},
                      {"description", "Reviews of draft petroleum agreements."},
                      {"regions", {"africa", "latin_america_caribbean"}},
                      {"sectors", {"oil_gas"}},
                      {"expertise", {"legal", "fiscal_modelling"}},
                      {"stages", {"negotiating"}},
                      {"languages", {"en", "pt"}},
                      {"assistance_criteria", "Ministries of coastal states."},
                      {"cost", "free"},
                      {"in_house_experts", 4},
                      {"contact_email", "clinic@coastal.example"}};
  // Outside the Support Unit nobody writes to it (the policy answers 404 to
  // the signed-in, 401 to visitors).
  EXPECT_EQ(Status(ghana_.Send("POST", "/api/v1/hub/providers", entry)), 404);
  EXPECT_EQ(Status(NewClient().Send("POST", "/api/v1/hub/providers", entry)), 401);
  // Every wrong field is named.
  json bad = entry;
  bad["regions"] = {"atlantis"};
  bad["expertise"] = {"astrology"};
  bad["in_house_experts"] = -1;
  bad.erase("contact_email");
  auto refused = coordinator_.Send("POST", "/api/v1/hub/providers", bad);
  ASSERT_EQ(Status(refused), 400);
  std::vector<std::string> fields;
  const json errors = Json(refused)["errors"];
  for (const json& e : errors) fields.push_back(e["field"]);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"contact_email", "in_house_experts", "regions[0]"}));
  bad = entry;
  bad["expertise"] = {"astrology"};  // a code, but not a discipline of the codelist
  auto unknown = coordinator_.Send("POST", "/api/v1/hub/providers", bad);
  ASSERT_EQ(Status(unknown), 400);
  EXPECT_EQ(Json(unknown)["error"]["field"], "expertise[0]");

  auto added = coordinator_.Send("POST", "/api/v1/hub/providers", entry);
  ASSERT_EQ(Status(added), 201) << added->body;
  const std::string path = "/api/v1/hub/providers/" + Json(added)["id"].get<std::string>();
  // Everyone finds it by region, sector, expertise, stage and words.
  Client visitor = NewClient();
  auto names = [&](const std::string& query) {
    std::vector<std::string> out;
    const json items = Json(visitor.Get("/api/v1/hub/providers" + query))["items"];
    for (const json& p : items) {
      out.push_back(p["name"]);
    }
    return std::count(out.begin(), out.end(), "Coastal States Negotiation Clinic");
  };
  EXPECT_EQ(names("?region=latin_america_caribbean&sector=oil_gas&expertise=legal"), 1);
  EXPECT_EQ(names("?stage=negotiating&q=petroleum%20agreements"), 1);
  EXPECT_EQ(names("?region=asia_pacific"), 0);
  EXPECT_EQ(names("?stage=monitoring"), 0);
  EXPECT_EQ(Status(visitor.Get("/api/v1/hub/providers?region=atlantis")), 400);

  json changed = entry;
  changed["in_house_experts"] = 6;
  changed["version"] = 1;
  ASSERT_EQ(Status(admin_.Send("PUT", path, changed)), 200);
  EXPECT_EQ(Status(coordinator_.Send("PUT", path, changed)), 409);  // version 1 is stale
  EXPECT_EQ(Json(visitor.Get(path))["in_house_experts"], 6);
  EXPECT_EQ(Status(ghana_.Send("DELETE", path, json::object())), 404);
  EXPECT_EQ(Status(coordinator_.Send("DELETE", path, json::object())), 204);
  EXPECT_EQ(Status(visitor.Get(path)), 404);
}

// The annotation codelist reaches the web app with its words in each of the
// portal's languages, so no page shows a category in English to a reader of
// another language.
TEST_F(Hub, TheCodelistNamesEveryCategoryInTheFourLanguages) {
  const json lists = Json(NewClient().Get("/api/v1/hub/codelists"));
  ASSERT_EQ(lists["categories"].size(), 83u);
  for (const json& c : lists["categories"]) {
    for (const char* language : {"en", "fr", "es", "pt"}) {
      EXPECT_FALSE(c["labels"].value(language, "").empty()) << c["key"] << " " << language;
      EXPECT_FALSE(c["section_labels"].value(language, "").empty()) << c["key"] << " " << language;
    }
    EXPECT_EQ(c["labels"]["en"], c["label"]);
  }
  const json& royalties = *std::find_if(lists["categories"].begin(), lists["categories"].end(),
                                        [](const json& c) { return c["label"] == "Royalties"; });
  EXPECT_NE(royalties["labels"]["fr"].get<std::string>().find("edevance"), std::string::npos);
  EXPECT_NE(royalties["labels"]["es"].get<std::string>().find("egalía"), std::string::npos);
}

}  // namespace
}  // namespace connex::testing

namespace connex::testing {
namespace {

// Fiscal terms on hub contracts: the Support Unit writes them with a citation
// per parameter, a second member reviews them, and only then do others see
// them, in the document's page and in its open data.
class ContractTermsApi : public Hub {
 protected:
  // The reviewed annotation "a royalty of 5% of the gross value" on `id`.
  std::string RoyaltyAnnotation(const std::string& id) {
    auto a = coordinator_.Send(
        "POST", "/api/v1/hub/documents/" + id + "/annotations",
        {{"category", "royalties"},
         {"summary", "The holder pays a royalty of 5% of the gross value of gold sold."},
         {"pages", {1}},
         {"article", "Art. 9"}});
    EXPECT_EQ(Status(a), 201) << (a ? a->body : "");
    const std::string annotation = Json(a)["id"];
    EXPECT_EQ(Status(admin_.Send("POST", "/api/v1/hub/annotations/" + annotation + "/review",
                                 json::object())),
              200);
    return annotation;
  }
  static json GoldTerms(double tax, const std::string& annotation, int version) {
    return {{"terms",
             {{"name", "Gold convention terms"},
              {"instruments",
               {{{"type", "royalty"}, {"product", "gold"}, {"base", "gross_value"}, {"rate", 0.05}},
                {{"type", "income_tax"}, {"rate", tax}}}}}},
            {"products", {{{"name", "gold"}, {"unit", "oz"}}}},
            {"citations",
             {{{"parameter", "instruments[0].rate"}, {"page", 1}, {"annotation_id", annotation}},
              {{"parameter", "instruments[1].rate"}, {"article", "Art. 12"}}}},
            {"version", version}};
  }
  // Terms saved by the coordinator and reviewed by the administrator.
  json Reviewed(const std::string& id, const json& body) {
    const std::string path = "/api/v1/hub/documents/" + id + "/terms";
    auto saved = coordinator_.Send("PUT", path, body);
    EXPECT_EQ(Status(saved), 200) << (saved ? saved->body : "");
    auto reviewed =
        admin_.Send("POST", path + "/review", {{"version", Json(saved)["version"].get<int>()}});
    EXPECT_EQ(Status(reviewed), 200) << (reviewed ? reviewed->body : "");
    return Json(reviewed);
  }
};

TEST_F(ContractTermsApi,
       TermsWithTheirCitationsAreSeenOnlyOnceReviewedAndOnlyOnPublishedContracts) {
  const json contract = Contract("Asankrangwa gold convention", true);
  const std::string id = contract["id"];
  const std::string path = "/api/v1/hub/documents/" + id + "/terms";
  const std::string annotation = RoyaltyAnnotation(id);
  Client visitor = NewClient();

  ASSERT_TRUE(Step("the annotation suggests the royalty, for the Support Unit only", [&] {
    const json items = Json(coordinator_.Get(path + "/suggestions"))["items"];
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0]["instrument"], "royalty");
    EXPECT_DOUBLE_EQ(items[0]["value"].get<double>(), 0.05);
    EXPECT_EQ(items[0]["option"], "gross_value");
    EXPECT_EQ(items[0]["annotation_id"], annotation);
    EXPECT_EQ(items[0]["quote"],
              "The holder pays a royalty of 5% of the gross value of gold sold.");
    EXPECT_EQ(Status(ghana_.Get(path + "/suggestions")), 404);
  }));
  ASSERT_TRUE(Step("wrong terms and citations are refused by field", [&] {
    json bad = GoldTerms(0.35, annotation, 0);
    bad["terms"]["instruments"][1]["rate"] = 1.5;
    bad["citations"][0]["parameter"] = "instruments[4].rate";
    auto refused = coordinator_.Send("PUT", path, bad);
    ASSERT_EQ(Status(refused), 400);
    EXPECT_EQ(ErrorFields(refused), std::set<std::string>{"citations[0].parameter"});
    bad = GoldTerms(1.5, annotation, 0);
    refused = coordinator_.Send("PUT", path, bad);
    ASSERT_EQ(Status(refused), 400);
    EXPECT_EQ(ErrorFields(refused), std::set<std::string>{"terms.instruments[1].rate"});
  }));
  ASSERT_TRUE(Step("saved terms wait for a second member of the Support Unit", [&] {
    auto saved = coordinator_.Send("PUT", path, GoldTerms(0.35, annotation, 0));
    ASSERT_EQ(Status(saved), 200) << saved->body;
    EXPECT_EQ(Json(saved)["status"], "draft");
    EXPECT_EQ(Json(saved)["base_year"], 2018);  // the contract's signature year
    // The contract is public; its terms, not yet reviewed, are not.
    for (Client* other : {&ghana_, &visitor}) EXPECT_EQ(Status(other->Get(path)), 204);
    EXPECT_EQ(Status(coordinator_.Send("POST", path + "/review", {{"version", 1}})), 403);
    EXPECT_EQ(Status(ghana_.Send("POST", path + "/review", {{"version", 1}})), 404);
    EXPECT_EQ(Status(admin_.Send("POST", path + "/review", {{"version", 1}})), 200);
  }));
  ASSERT_TRUE(Step("reviewed terms reach everyone with their citations, and open data", [&] {
    for (Client* reader : {&ghana_, &visitor}) {
      const json t = Json(reader->Get(path));
      EXPECT_EQ(t["status"], "reviewed");
      EXPECT_FALSE(t.contains("history"));
      ASSERT_EQ(t["citations"].size(), 2u);
      EXPECT_EQ(t["citations"][0]["annotation"]["category"], "royalties");
      EXPECT_EQ(t["citations"][0]["document_title"], "Asankrangwa gold convention");
      EXPECT_EQ(t["citations"][1]["article"], "Art. 12");
    }
    const json release = Json(visitor.Get("/api/v1/hub/ocds/" + id))["releases"][0];
    const json& terms = release["contracts"][0]["fiscalTerms"][0];
    EXPECT_EQ(terms["termSheet"]["instruments"][1]["rate"], 0.35);
    EXPECT_EQ(terms["citations"][0]["parameter"], "instruments[0].rate");
    EXPECT_EQ(terms["citations"][0]["annotationId"], annotation);
    EXPECT_EQ(terms["citations"][0]["page"], 1);
  }));
  ASSERT_TRUE(Step("an edit keeps the citations, goes back to review, and is in the history", [&] {
    auto stale = coordinator_.Send("PUT", path, GoldTerms(0.30, annotation, 1));
    EXPECT_EQ(Status(stale), 409);
    auto edited = coordinator_.Send("PUT", path, GoldTerms(0.30, annotation, 2));
    ASSERT_EQ(Status(edited), 200) << edited->body;
    EXPECT_EQ(Status(ghana_.Get(path)), 204);
    ASSERT_EQ(Status(admin_.Send("POST", path + "/review", {{"version", 3}})), 200);
    const json t = Json(ghana_.Get(path));
    EXPECT_EQ(t["terms"]["instruments"][1]["rate"], 0.30);
    EXPECT_EQ(t["citations"].size(), 2u);
    const json history = Json(coordinator_.Get(path))["history"];
    std::vector<std::string> actions;
    for (const json& h : history) actions.push_back(h["action"]);
    EXPECT_EQ(actions, (std::vector<std::string>{"saved", "reviewed", "saved", "reviewed"}));
    EXPECT_EQ(history[0]["terms"]["terms"]["instruments"][1]["rate"], 0.35);
  }));
}

TEST_F(ContractTermsApi, TermsOnAnUnpublishedContractStayWithTheSupportUnit) {
  const json draft = Contract("Konongo gold draft convention", false);
  const std::string id = draft["id"];
  const std::string path = "/api/v1/hub/documents/" + id + "/terms";
  Reviewed(id, GoldTerms(0.35, RoyaltyAnnotation(id), 0));
  Client visitor = NewClient();
  for (Client* other : {&ghana_, &visitor}) {
    EXPECT_EQ(Status(other->Get(path)), 404);
    EXPECT_EQ(Status(other->Get("/api/v1/hub/ocds/" + id)), 404);
  }
  EXPECT_EQ(Status(coordinator_.Get(path)), 200);
  // Nor is it compared with: a benchmark picking it finds nothing.
  auto model = ghana_.Send("POST", "/api/v1/fiscal/models",
                           {{"name", "Copper and gold"}, {"model", Example("copper_mine.json")}});
  ASSERT_EQ(Status(model), 201);
  const json b = Json(ghana_.Send(
      "POST", "/api/v1/fiscal/models/" + Json(model)["id"].get<std::string>() + "/benchmark",
      {{"documents", {id}}}));
  EXPECT_TRUE(b["result"]["comparators"].empty());
}

TEST_F(ContractTermsApi, AModelIsBenchmarkedAgainstPublishedTermsAndKeepsItsLastBenchmark) {
  const json gold = Contract("Bibiani gold convention", true);
  const json gas = Contract("Offshore gas agreement", true);
  Reviewed(gold["id"], GoldTerms(0.35, RoyaltyAnnotation(gold["id"]), 0));
  json gas_terms = GoldTerms(0.30, RoyaltyAnnotation(gas["id"]), 0);
  gas_terms["terms"]["instruments"][0]["product"] = "gas";
  gas_terms["products"] = {{{"name", "gas"}, {"unit", "mcf"}}};
  Reviewed(gas["id"], gas_terms);

  auto model = ghana_.Send("POST", "/api/v1/fiscal/models",
                           {{"name", "Copper and gold"}, {"model", Example("copper_mine.json")}});
  ASSERT_EQ(Status(model), 201);
  const std::string path = "/api/v1/fiscal/models/" + Json(model)["id"].get<std::string>();
  EXPECT_EQ(Status(ghana_.Get(path + "/benchmark")), 204);  // not run yet

  const json pick = {{"documents", {gold["id"], gas["id"]}}};
  auto run = ghana_.Send("POST", path + "/benchmark", pick);
  ASSERT_EQ(Status(run), 200) << run->body;
  const json result = Json(run)["result"];
  ASSERT_EQ(result["comparators"].size(), 2u);
  for (const json& c : result["comparators"]) {
    if (c["document"]["id"] == gold["id"]) {
      EXPECT_TRUE(c["evaluated"]);
      EXPECT_EQ(c["document"]["title"], "Bibiani gold convention");
      EXPECT_EQ(c["document"]["signature_year"], 2018);
    } else {
      // The gas royalty needs a product the copper mine does not produce.
      EXPECT_FALSE(c["evaluated"]);
      EXPECT_EQ(c["reasons"][0], (json{{"kind", "product"}, {"product", "gas"}}));
    }
  }
  EXPECT_EQ(result["draft"]["standing"]["aetr"]["of"], 2);
  EXPECT_EQ(result["median"]["regime"], "Bibiani gold convention");

  // Kept with the model; nobody else runs or reads it.
  const json kept = Json(ghana_.Get(path + "/benchmark"));
  EXPECT_EQ(kept["filters"]["documents"].size(), 2u);
  EXPECT_EQ(kept["result"]["comparators"].size(), 2u);
  for (Client* other : {&coordinator_, &admin_}) {
    EXPECT_EQ(Status(other->Send("POST", path + "/benchmark", pick)), 404);
    EXPECT_EQ(Status(other->Get(path + "/benchmark")), 404);
  }
  // Filters are checked by name.
  auto wrong = ghana_.Send("POST", path + "/benchmark", {{"resource", "unobtainium"}});
  ASSERT_EQ(Status(wrong), 400);
  EXPECT_EQ(ErrorFields(wrong), std::set<std::string>{"resource"});

  auto book = ghana_.Get(path + "/benchmark/export?documents=" + gold["id"].get<std::string>() +
                         "," + gas["id"].get<std::string>());
  ASSERT_EQ(Status(book), 200);
  const std::string text = XlsxText(book->body);
  EXPECT_NE(text.find("Bibiani gold convention"), std::string::npos);
  EXPECT_NE(text.find("AETR band"), std::string::npos);
}

}  // namespace
}  // namespace connex::testing
