// Liveness and readiness probes for process supervisors and load balancers.
#include "api/routes/routes.hpp"
#include "store/migrations.hpp"

namespace connex::api {

void AddHealthRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/healthz", domain::Access::kPublic,
                    "Liveness: the process answers HTTP", [](Request&) -> Result<Reply> {
                      return Reply{200, {{"status", "ok"}}, {}};
                    }});
  routes.push_back({"GET", "/readyz", domain::Access::kPublic,
                    "Readiness: the database answers and its schema is current (503 otherwise)",
                    [&s](Request&) -> Result<Reply> {
                      if (!s.db.Ping()) {
                        return Reply{503, {{"status", "unavailable"}, {"database", "down"}}, {}};
                      }
                      auto list = store::ListMigrations(s.db);
                      for (const auto& m :
                           list.ok() ? *list : std::vector<store::MigrationStatus>{}) {
                        if (m.applied_at.empty()) {
                          return Reply{503, {{"status", "unavailable"}, {"pending", m.name}}, {}};
                        }
                      }
                      return Reply{200, {{"status", "ready"}}, {}};
                    }});
}

}  // namespace connex::api
