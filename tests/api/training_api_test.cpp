// Capacity building over HTTP against a real `connex serve`: the Support Unit
// builds a course with hub materials and a session; only published courses
// are in the public catalog; governments nominate their officials and see
// only their own; seats and dates are enforced; completion of a held session
// issues a certificate anyone with its link can check.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

class Training : public PortalTest<Training> {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    SignIn({&ghana_, &senegal_, &coordinator_, &expert_, &funder_});
  }
  json Sent(Client& who, const std::string& method, const std::string& path, const json& body,
            int status) {
    auto r = who.Send(method, path, body);
    EXPECT_EQ(Status(r), status) << method << " " << path << ": " << (r ? r->body : "");
    return Json(r);
  }
  static std::set<std::string> Names(const json& items) {
    std::set<std::string> out;
    for (const json& i : items) out.insert(i["name"].get<std::string>());
    return out;
  }
};

TEST_F(Training, ACourseFromCatalogToCertificate) {
  json course, session, ama;
  // The course, the session's participants, Ama's record and her certificate.
  std::string path, people, record, certificate;
  ASSERT_TRUE(Step("a course whose materials are checked", [&] {
    const json guide =
        Json(visitor_.Get("/api/v1/hub/search?q=Monitoring%20a%20signed%20contract"))["items"][0];
    course = {{"title", "Monitoring signed mining contracts"},
              {"summary", "Payments, local content and reporting duties after signature."},
              {"audience", "Officials of mining ministries and revenue authorities"},
              {"hours", 18},
              {"materials", {guide["id"], "hub_missing"}}};
    auto refused = coordinator_.Send("POST", "/api/v1/training/courses", course);
    ASSERT_EQ(Status(refused), 400);
    EXPECT_EQ(ErrorFields(refused), std::set<std::string>{"materials[1]"});
    course["materials"] = {guide["id"]};
    const json made = Sent(coordinator_, "POST", "/api/v1/training/courses", course, 201);
    path = "/api/v1/training/courses/" + made["id"].get<std::string>();
    EXPECT_EQ(made["material_documents"][0]["title"], guide["title"]);
  }));

  ASSERT_TRUE(Step("a draft is the Support Unit alone until published", [&] {
    // Unpublished: the Support Unit's draft only (the catalog holds the demo course).
    auto titles = [&](Client& who) {
      std::set<std::string> out;
      const json items = Json(who.Get("/api/v1/training/courses"))["items"];
      for (const json& c : items) out.insert(c["title"].get<std::string>());
      return out;
    };
    EXPECT_EQ(titles(visitor_),
              std::set<std::string>{"Negotiating fiscal terms for mining contracts"});
    EXPECT_EQ(titles(coordinator_).count("Monitoring signed mining contracts"), 1u);
    EXPECT_EQ(Status(visitor_.Get(path)), 404);
    EXPECT_EQ(Status(ghana_.Send("POST", "/api/v1/training/courses", course)), 404);
    course["published"] = true;
    course["version"] = 1;
    Sent(coordinator_, "PUT", path, course, 200);
    EXPECT_EQ(titles(visitor_).count("Monitoring signed mining contracts"), 1u);
  }));

  ASSERT_TRUE(Step("a session whose dates, place and trainers are checked", [&] {
    // A session: dates, place and trainers are checked.
    auto bad = coordinator_.Send("POST", path + "/sessions",
                                 {{"starts_on", "2026-12-09"}, {"ends_on", "2026-12-07"}});
    ASSERT_EQ(Status(bad), 400);
    EXPECT_EQ(ErrorFields(bad), (std::set<std::string>{"ends_on", "place", "trainers"}));
    session = Sent(coordinator_, "POST", path + "/sessions",
                   {{"starts_on", DateInDays(3)},
                    {"ends_on", DateInDays(5)},
                    {"place", "Accra, GIMPA"},
                    {"language", "en"},
                    {"trainers", {"Efua Sutherland", "Jean Diouf"}},
                    {"capacity", 3}},
                   201);
    EXPECT_EQ(session["days"], 3);
    people = "/api/v1/training/sessions/" + session["id"].get<std::string>() + "/participants";
    EXPECT_EQ(Json(visitor_.Get(path))["sessions"][0]["place"], "Accra, GIMPA");
  }));

  ASSERT_TRUE(Step("governments nominate their own officials until the seats run out", [&] {
    // Governments nominate their own officials; seats run out.
    ama = Sent(ghana_, "POST", people,
               {{"name", "Ama Owusu"},
                {"email", "ama.owusu@mlnr.gov.gh"},
                {"position", "Principal Analyst"}},
               201);
    EXPECT_FALSE(ama["organisation"].get<std::string>().empty());
    auto twice =
        ghana_.Send("POST", people, {{"name", "Ama Owusu"}, {"email", "AMA.OWUSU@mlnr.gov.gh"}});
    ASSERT_EQ(Status(twice), 400);
    EXPECT_EQ(ErrorFields(twice), std::set<std::string>{"email"});
    auto self_completed = ghana_.Send("POST", people, {{"name", "Kofi"}, {"completed", true}});
    ASSERT_EQ(Status(self_completed), 400);
    EXPECT_EQ(ErrorFields(self_completed), std::set<std::string>{"completed"});
    Sent(ghana_, "POST", people, {{"name", "Kofi Boateng"}}, 201);
    // An address another government nominated is not refused: the refusal
    // would tell Senegal who is on Ghana's list.
    Sent(senegal_, "POST", people,
         {{"name", "Awa Ndiaye"},
          {"organisation", "Ministère des Mines"},
          {"email", "ama.owusu@mlnr.gov.gh"}},
         201);
    auto full = senegal_.Send("POST", people, {{"name", "Moussa Sow"}});
    ASSERT_EQ(Status(full), 400);
    EXPECT_EQ(ErrorFields(full), std::set<std::string>{"session"});
  }));

  ASSERT_TRUE(Step("each government sees its own nominees, the Support Unit all, others none", [&] {
    // Each government sees its own nominees; the Support Unit all; others none.
    EXPECT_EQ(Names(Json(ghana_.Get(people))["items"]),
              (std::set<std::string>{"Ama Owusu", "Kofi Boateng"}));
    EXPECT_EQ(Names(Json(senegal_.Get(people))["items"]), std::set<std::string>{"Awa Ndiaye"});
    EXPECT_EQ(Json(coordinator_.Get(people))["items"].size(), 3u);
    EXPECT_EQ(Status(expert_.Get(people)), 404);
    EXPECT_EQ(Status(funder_.Get(people)), 404);
    EXPECT_EQ(Status(visitor_.Get(people)), 401);
  }));

  ASSERT_TRUE(Step("attendance and completion are the Support Unit, after a held session", [&] {
    // Attendance and completion are the Support Unit's, after a held session.
    record = "/api/v1/training/participants/" + ama["id"].get<std::string>();
    EXPECT_EQ(Status(ghana_.Send("PUT", record,
                                 {{"attended_days", 3}, {"completed", true}, {"version", 1}})),
              404);
    auto early = coordinator_.Send("PUT", record,
                                   {{"attended_days", 4}, {"completed", true}, {"version", 1}});
    ASSERT_EQ(Status(early), 400);
    EXPECT_EQ(ErrorFields(early), (std::set<std::string>{"attended_days", "completed"}));
    json held = session;
    for (const char* f : {"id", "course_id", "days"}) held.erase(f);
    held["status"] = "held";
    // Not before its last day: a certificate is never dated before its course.
    const std::string session_path =
        "/api/v1/training/sessions/" + session["id"].get<std::string>();
    auto too_soon = coordinator_.Send("PUT", session_path, held);
    ASSERT_EQ(Status(too_soon), 400);
    EXPECT_EQ(ErrorFields(too_soon), std::set<std::string>{"status"});
    // The days go by: it took place from two days ago to today.
    held["starts_on"] = DateInDays(-2);
    held["ends_on"] = DateInDays(0);
    session = Sent(coordinator_, "PUT", session_path, held, 200);
    EXPECT_EQ(Status(ghana_.Send("POST", people, {{"name", "Late Comer"}})), 400);
    const json done = Sent(coordinator_, "PUT", record,
                           {{"attended_days", 3}, {"completed", true}, {"version", 1}}, 200);
    ASSERT_TRUE(done["certificate_id"].is_string());
    certificate = "/api/v1/training/certificates/" + done["certificate_id"].get<std::string>();
  }));

  ASSERT_TRUE(Step("anyone with the link checks the certificate", [&] {
    // Anyone with the link checks the certificate.
    const json cert = Json(visitor_.Get(certificate));
    EXPECT_EQ(cert["name"], "Ama Owusu");
    EXPECT_EQ(cert["position"], "Principal Analyst");
    EXPECT_EQ(cert["course"]["title"], "Monitoring signed mining contracts");
    EXPECT_EQ(cert["course"]["hours"], 18);
    EXPECT_EQ(cert["session"]["starts_on"], DateInDays(-2));
    // Issued the day its completion was recorded, on or after the last day.
    EXPECT_GE(cert["issued_at"].get<std::string>().substr(0, 10), DateInDays(0));
    EXPECT_EQ(cert["session"]["trainers"], json({"Efua Sutherland", "Jean Diouf"}));
    EXPECT_FALSE(cert.contains("email"));
    EXPECT_EQ(
        Status(visitor_.Get("/api/v1/training/certificates/crt_00000000000000000000000000000000")),
        404);
  }));

  ASSERT_TRUE(Step("withdrawing completion withdraws the certificate", [&] {
    // Withdrawing completion withdraws the certificate; a stale version is refused.
    EXPECT_EQ(Status(coordinator_.Send(
                  "PUT", record, {{"attended_days", 3}, {"completed", false}, {"version", 1}})),
              409);
    Sent(coordinator_, "PUT", record, {{"attended_days", 1}, {"completed", false}, {"version", 2}},
         200);
    EXPECT_EQ(Status(visitor_.Get(certificate)), 404);
  }));
}

}  // namespace
}  // namespace connex::testing
