// The one way to run domain work in a transaction: fn(domain::Stores&) gets
// the SQL repositories of one transaction's session, and its Result decides
// commit (a value) or rollback (errors), as Database::Write does.
//
// Thread-safety: as Database; the repositories live for the one call.
#pragma once

#include <string>

#include "domain/shared/stores.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/sql_account_repository.hpp"
#include "store/sql_blob_store.hpp"
#include "store/sql_discipline_repository.hpp"
#include "store/sql_enquiry_repository.hpp"
#include "store/sql_fiscal_model_repository.hpp"
#include "store/sql_hub_repository.hpp"
#include "store/sql_mail_repository.hpp"
#include "store/sql_notification_repository.hpp"
#include "store/sql_obligation_repository.hpp"
#include "store/sql_request_repository.hpp"
#include "store/sql_roster_repository.hpp"
#include "store/sql_sla_policy_repository.hpp"
#include "store/sql_training_repository.hpp"

namespace connex::store {

// fn(domain::Stores&) on the repositories of `sql`'s open transaction.
template <typename F>
auto WithStores(soci::session& sql, F&& fn) {
  SqlRequestRepository requests(sql);
  SqlAccountRepository accounts(sql);
  SqlRosterRepository roster(sql);
  SqlHubRepository hub(sql);
  SqlFiscalModelRepository fiscal(sql);
  SqlObligationRepository obligations(sql);
  SqlTrainingRepository training(sql);
  SqlAuditLog audit(sql);
  SqlNotificationRepository notifications(sql);
  SqlBlobStore blobs(sql);
  SqlEnquiryRepository enquiries(sql);
  SqlSlaPolicyRepository sla_policy(sql);
  SqlDisciplineRepository disciplines(sql);
  SqlMailRepository mail(sql);
  domain::Stores stores{requests,    accounts,   roster,      hub,           fiscal,
                        obligations, training,   audit,       notifications, blobs,
                        enquiries,   sla_policy, disciplines, mail};
  return fn(stores);
}

// fn(domain::Stores&) -> Result<T> in one write transaction.
template <typename F>
auto WriteStores(Database& db, F&& fn) {
  return db.Write([&](soci::session& sql) { return WithStores(sql, fn); });
}

// WriteStores by one instance at a time among those sharing the database (a
// periodic sweep): while another holds `name` for its transaction, `fn` is
// not run and `skipped` is the result.
template <typename T, typename F>
Result<T> WriteStoresAlone(Database& db, const std::string& name, T skipped, F&& fn) {
  return db.Write([&](soci::session& sql) -> Result<T> {
    if (!TryLockForTransaction(sql, name)) return skipped;
    return WithStores(sql, fn);
  });
}

// fn(domain::Stores&) -> Result<T> in one read-only snapshot.
template <typename F>
auto ReadStores(Database& db, F&& fn) {
  return db.Read([&](soci::session& sql) { return WithStores(sql, fn); });
}

}  // namespace connex::store
