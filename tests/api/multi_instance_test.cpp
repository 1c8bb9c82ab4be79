// Two `connex serve` processes on one database, as behind a proxy: a session
// opened on one is honoured by the other, and two coordinators changing one
// request at once through different instances resolve by its version — one
// change lands, the other is told (409) and loses nothing it did not see.
// On SQLite both share the data directory's file; under
// tests/pg/with-cluster.sh both use one PostgreSQL database.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

TEST(MultiInstance, SessionsAreSharedAndConcurrentChangesResolveByVersion) {
  ServerProcess first;
  ASSERT_TRUE(first.ready());
  ServerProcess second({}, first.data_dir());  // the same database
  ASSERT_TRUE(second.ready());

  // Signed in on the first instance, served by the second.
  Client on_first(first.port());
  ASSERT_TRUE(on_first.SignIn("focal.senegal@connex.example"));
  Client on_second(second.port());
  on_second.AdoptSession(on_first);
  const json me = Json(on_second.Get("/api/v1/session"));
  ASSERT_TRUE(me.contains("user")) << me.dump();
  EXPECT_EQ(me["user"]["email"], "focal.senegal@connex.example");
  // A draft written through one instance is read through the other.
  auto draft = on_second.Send("POST", "/api/v1/requests", {{"project_name", "Block SN-9"}});
  ASSERT_EQ(Status(draft), 201) << (draft ? draft->body : "");
  const std::string path = "/api/v1/requests/" + Json(draft)["id"].get<std::string>();
  EXPECT_EQ(Json(on_first.Get(path))["form"]["project_name"], "Block SN-9");

  // Eight edits from the same version, half through each instance, at once:
  // exactly one lands; the others get 409 and the stored text is the winner's.
  std::vector<std::unique_ptr<Client>> editors;
  for (int i = 0; i < 8; ++i) {
    editors.push_back(std::make_unique<Client>(i % 2 ? second.port() : first.port()));
    editors.back()->AdoptSession(on_first);
  }
  std::atomic<int> landed{0}, conflicts{0};
  std::vector<std::string> winners(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      const std::string name = "Block SN-9 edit " + std::to_string(i);
      auto r = editors[static_cast<size_t>(i)]->Send("PUT", path,
                                                     {{"project_name", name}, {"version", 1}});
      if (Status(r) == 200) {
        ++landed;
        winners[static_cast<size_t>(i)] = name;
      } else if (Status(r) == 409) {
        ++conflicts;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(landed.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
  const json stored = Json(on_second.Get(path));
  EXPECT_EQ(stored["version"], 2);
  std::string winner;
  for (const std::string& w : winners) winner += w;
  EXPECT_EQ(stored["form"]["project_name"], winner);
}

TEST(MultiInstance, ALongRunStartedThroughOneIsFollowedAndCancelledThroughTheOther) {
  ServerProcess first;
  ASSERT_TRUE(first.ready());
  ServerProcess second({}, first.data_dir());
  ASSERT_TRUE(second.ready());
  Client on_first(first.port());
  ASSERT_TRUE(on_first.SignIn("fiscal.expert@connex.example"));
  Client on_second(second.port());
  on_second.AdoptSession(on_first);
  auto made = on_first.Send("POST", "/api/v1/fiscal/models",
                            {{"name", "SN-7 risk"}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(made), 201);
  const std::string model = "/api/v1/fiscal/models/" + Json(made)["id"].get<std::string>();

  auto started = on_first.Send("POST", model + "/montecarlo", {{"scenarios", 1000000}});
  ASSERT_EQ(Status(started), 202) << started->body;
  const std::string job = Json(started)["job"];
  // Progress read through the other instance.
  const json moving =
      PollJob(on_second, job, [](const json& v) { return v.value("done", 0LL) > 0; });
  EXPECT_EQ(moving["status"], "running");
  EXPECT_GT(moving["done"].get<long long>(), 0);
  // One user cannot hold every slot: a second run waits for the first.
  auto second_run = on_second.Send("POST", model + "/montecarlo", {{"scenarios", 1000}});
  EXPECT_EQ(Status(second_run), 429);
  // Cancelled through the other instance; the partial result read there too.
  ASSERT_EQ(Status(on_second.Send("DELETE", "/api/v1/fiscal/jobs/" + job, json::object())), 202);
  const json stopped =
      PollJob(on_second, job, [](const json& v) { return v["status"] != "running"; });
  ASSERT_EQ(stopped["status"], "cancelled");
  EXPECT_TRUE(stopped["result"]["partial"].get<bool>());
  EXPECT_LT(stopped["result"]["scenarios"].get<long long>(), 1000000);

  // A run whose instance stops is interrupted, not lost: read through the other.
  auto again = on_first.Send("POST", model + "/montecarlo", {{"scenarios", 1000000}});
  ASSERT_EQ(Status(again), 202) << again->body;
  const std::string cut = Json(again)["job"];
  PollJob(on_second, cut, [](const json& v) { return v.value("done", 0LL) > 0; });
  EXPECT_EQ(first.Stop(SIGTERM), 0);
  const json interrupted = Json(on_second.Get("/api/v1/fiscal/jobs/" + cut));
  EXPECT_EQ(interrupted["status"], "interrupted");
  EXPECT_TRUE(interrupted["result"]["partial"].get<bool>());
}

}  // namespace
}  // namespace connex::testing
