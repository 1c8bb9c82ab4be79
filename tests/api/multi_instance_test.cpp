// Two `connex serve` processes on one database, as behind a proxy: a session
// opened on one is honoured by the other, and two coordinators changing one
// request at once through different instances resolve by its version — one
// change lands, the other is told (409) and loses nothing it did not see.
// On SQLite both share the data directory's file; under
// tests/pg/with-cluster.sh both use one PostgreSQL database.
#include <gtest/gtest.h>

#include <atomic>
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

}  // namespace
}  // namespace connex::testing
