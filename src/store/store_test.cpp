// Persistence on every backend (store_fixture.hpp): migrations, the audit
// chain, accounts through the service, requests and their reminders. Each test
// opens a fresh database.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/mail/mailer.hpp"
#include "domain/requests/feedback.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/sql_account_repository.hpp"
#include "store/sql_stores.hpp"
#include "store/store_fixture.hpp"

namespace connex::store {
namespace {

std::string FindId(domain::AccountRepository& repo, const std::string& email) {
  return repo.FindUserByEmail(email)->id;
}

TEST_P(Store, MigrationsApplyOnceAndAreListed) {
  EXPECT_EQ(*ApplyMigrations(*db_), 0);  // already applied in SetUp
  const auto list = ListMigrations(*db_);
  ASSERT_TRUE(list.ok());
  ASSERT_FALSE(list->empty());
  // PostgreSQL first declares the type names SQLite has built in (000_types).
  EXPECT_EQ(list->front().version, GetParam() == Backend::kPostgresql ? 0 : 1);
  EXPECT_FALSE(list->front().applied_at.empty());
}

TEST_F(SqliteStore, TheFunderRoleUpgradeKeepsUsersAndEveryReferenceToThem) {
  // A database as it was before the funder role, with a user and a session.
  const auto old_dir = dir_ / "before-funders";
  auto opened = Database::OpenSqlite((old_dir / "connex.db").string(), 2);
  ASSERT_TRUE(opened.ok());
  Database& db = **opened;
  ASSERT_EQ(*ApplyMigrations(db, 10), 10);
  // A user and a session as that version wrote them (this version's code
  // reads columns later migrations add).
  const std::string id = "usr_gha", token = "a session from before the funder role";
  const std::string hash = HashPassword("a long enough passphrase");
  const std::string now = ToIso(Now()), later = ToIso(Now() + std::chrono::hours(1));
  ASSERT_TRUE(db.Write([&](soci::session& sql) -> Result<Done> {
                  sql << "INSERT INTO organisations (id, kind, name, country, created_at) VALUES "
                         "('org_gha', 'government', 'Ministry of Mines', 'GHA', :now)",
                      soci::use(now);
                  sql << "INSERT INTO users (id, email, name, role, organisation_id, "
                         "password_hash, created_at) VALUES (:id, 'g@example.org', 'G', "
                         "'government', 'org_gha', :hash, :now)",
                      soci::use(id), soci::use(hash), soci::use(now);
                  const std::string token_hash = Sha256Hex(token);
                  sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                         "last_seen_at, expires_at) VALUES (:t, :id, 'csrf', :now, :now2, :later)",
                      soci::use(token_hash), soci::use(id), soci::use(now), soci::use(now),
                      soci::use(later);
                  return Done{};
                }).ok());

  ASSERT_EQ(*ApplyMigrations(db, 11), 1);
  ASSERT_TRUE(ApplyMigrations(db).ok());  // the later ones, for this version's code
  // The user and the session made before are intact.
  EXPECT_TRUE(WriteAccounts(db, [&](domain::AccountRepository& repo) -> Result<Done> {
                EXPECT_EQ(repo.FindUserByEmail("g@example.org")->id, id);
                auto funder =
                    service_.AddUser(repo, "cli:test", "f@example.org", "F", domain::Role::kFunder,
                                     "", "a long enough passphrase");
                EXPECT_TRUE(funder.ok());
                EXPECT_EQ(repo.FindUserByEmail("f@example.org")->role, domain::Role::kFunder);
                return Done{};
              }).ok());
  auto who = WriteAccounts(
      db, [&](domain::AccountRepository& repo) { return service_.Authenticate(repo, token); });
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.id, id);
  // Foreign keys are on again on every pooled session and still point at users.
  for (int i = 0; i < 3; ++i) {
    EXPECT_THROW(db.Write([](soci::session& sql) -> Result<Done> {
      sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
             "expires_at) VALUES ('x', 'usr_nobody', 'c', 'a', 'a', 'a')";
      return Done{};
    }),
                 soci::soci_error);
  }
}

TEST_F(SqliteStore, SplitStatementsDropsCommentsAndSplitsAtLineEndSemicolons) {
  const auto s = SplitStatements("-- note\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i ON a (x);\n");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "CREATE TABLE a (x TEXT)");
}

TEST_P(Store, AuditChainVerifiesAndFindsTheFirstTamperedEntry) {
  auto appended = db_->Write([](soci::session& sql) -> Result<Done> {
    for (int i = 0; i < 5; ++i) {
      AppendAudit(sql, {"usr_1", "thing.update", "thing", "t" + std::to_string(i), "{\"v\":1}",
                        "{\"v\":2}"});
    }
    return Done{};
  });
  ASSERT_TRUE(appended.ok());
  auto verdict =
      db_->Read([](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql); });
  EXPECT_EQ(verdict->entries, 5);
  EXPECT_FALSE(verdict->first_broken);
  // Someone edits entry 3 directly in the database.
  ASSERT_TRUE(db_->Write([](soci::session& sql) -> Result<Done> {
                   sql << "UPDATE audit_log SET after_json = '{\"v\":9}' WHERE seq = 3";
                   return Done{};
                 })
                  .ok());
  verdict =
      db_->Read([](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql); });
  ASSERT_TRUE(verdict->first_broken);
  EXPECT_EQ(*verdict->first_broken, 3);
  EXPECT_NE(verdict->reason.find("changed"), std::string::npos);
  // Deleting an entry is found too.
  ASSERT_TRUE(db_->Write([](soci::session& sql) -> Result<Done> {
                   sql << "DELETE FROM audit_log WHERE seq = 2";
                   return Done{};
                 })
                  .ok());
  verdict =
      db_->Read([](soci::session& sql) -> Result<AuditVerdict> { return VerifyAuditChain(sql); });
  EXPECT_EQ(*verdict->first_broken, 2);
}

TEST_P(Store, AFailedTransactionLeavesNothing) {
  auto r = db_->Write([](soci::session& sql) -> Result<Done> {
    AppendAudit(sql, {"usr_1", "x", "thing", "1", "", "{}"});
    return Error{ErrorCode::kInvalidInput, "no", "f"};
  });
  EXPECT_FALSE(r.ok());
  auto count = db_->Read([](soci::session& sql) -> Result<int> {
    int n = -1;
    sql << "SELECT COUNT(*) FROM audit_log", soci::into(n);
    return n;
  });
  EXPECT_EQ(*count, 0);
}

TEST_P(Store, SignInLocksAfterRepeatedFailuresAndSessionsAuthenticate) {
  auto added = Accounts([&](domain::AccountRepository& repo) {
    return service_.AddUser(repo, "cli:test", "Ana@Example.org", "Ana", domain::Role::kExpert, "",
                            "a long enough secret");
  });
  ASSERT_TRUE(added.ok()) << added.error().ToString();
  EXPECT_EQ(added->email, "ana@example.org");
  for (int i = 0; i < 5; ++i) {
    auto bad = Accounts([&](domain::AccountRepository& repo) {
      return service_.SignIn(repo, "ana@example.org", "wrong password!", "10.0.0.1");
    });
    ASSERT_TRUE(bad.ok());
    ASSERT_TRUE(bad->refused);
    EXPECT_EQ(bad->refused->code, ErrorCode::kInvalidInput);
  }
  auto locked = Accounts([&](domain::AccountRepository& repo) {
    return service_.SignIn(repo, "ana@example.org", "a long enough secret", "10.0.0.2");
  });
  ASSERT_TRUE(locked.ok() && locked->refused);
  EXPECT_EQ(locked->refused->code, ErrorCode::kRateLimited);
  ASSERT_TRUE(Accounts([&](domain::AccountRepository& repo) {
                return service_.ResetPassword(repo, "cli:test", "ana@example.org",
                                              "another long secret");
              }).ok());
  auto ok = Accounts([&](domain::AccountRepository& repo) {
    return service_.SignIn(repo, "ana@example.org", "another long secret", "10.0.0.2");
  });
  ASSERT_TRUE(ok.ok() && ok->session);
  const domain::NewSession& session = *ok->session;
  auto who = Accounts(
      [&](domain::AccountRepository& repo) { return service_.Authenticate(repo, session.token); });
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.id, added->id);
  EXPECT_EQ(who->session.csrf_token, session.csrf_token);
  auto nobody = Accounts([&](domain::AccountRepository& repo) {
    return service_.Authenticate(repo, session.token + "x");
  });
  EXPECT_EQ(nobody.error().code, ErrorCode::kUnauthenticated);
  // The session token is stored only as a digest.
  auto stored = db_->Read([](soci::session& sql) -> Result<std::string> {
    std::string h;
    sql << "SELECT token_hash FROM sessions", soci::into(h);
    return h;
  });
  EXPECT_EQ(*stored, Sha256Hex(session.token));
}

TEST_P(Store, SignInForgetsAttemptsAndSessionsThatNoLongerCount) {
  ASSERT_TRUE(Accounts([&](domain::AccountRepository& repo) {
                return service_.AddUser(repo, "cli:test", "old@example.org", "Old",
                                        domain::Role::kExpert, "", "a long enough secret");
              }).ok());
  const Instant now = Now();
  ASSERT_TRUE(Accounts([&](domain::AccountRepository& repo) -> Result<Done> {
                repo.RecordLoginAttempt("10.0.0.9", "old@example.org", now - std::chrono::hours(2),
                                        false);
                repo.RecordLoginAttempt("10.0.0.9", "old@example.org", now, false);
                repo.InsertSession({"stale", FindId(repo, "old@example.org"), "csrf",
                                    now - std::chrono::hours(30), now - std::chrono::hours(3),
                                    now + std::chrono::hours(1)});
                return Done{};
              }).ok());
  ASSERT_TRUE(Accounts([&](domain::AccountRepository& repo) {
                return service_.SignIn(repo, "old@example.org", "a long enough secret", "10.0.0.9");
              })->session);
  auto count = [&](const char* sql_text) {
    return *db_->Read([&](soci::session& sql) -> Result<int> {
      int n = -1;
      sql << sql_text, soci::into(n);
      return n;
    });
  };
  // The recent failure and this success remain; the two-hour-old failure is gone.
  EXPECT_EQ(count("SELECT COUNT(*) FROM login_attempts"), 2);
  // The session idle for three hours is gone; the new one remains.
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE token_hash = 'stale'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 1);
}

// A request through the service and back out of the database: the form, the
// state history, optimistic concurrency, content with every byte value, the
// SLA policy and the filters of the inbox.
TEST_P(Store, RequestsPersistWithTheirHistoryDocumentsAndVersions) {
  using namespace domain;
  const RequestService service(1 << 20);
  const Instant t0 = *ParseIso("2026-11-23T09:00:00Z");
  auto made = WriteStores(*db_, [&](Stores& st) -> Result<std::string> {
    auto org = service_.AddOrganisation(st.accounts, "cli:test", OrganisationKind::kGovernment,
                                        "Ministry of Mines", "GHA");
    auto gov = service_.AddUser(st.accounts, "cli:test", "gov@example.org", "Gov",
                                Role::kGovernment, org->id, "a long enough passphrase");
    const Principal p{Role::kGovernment, gov->id, org->id};
    RequestForm f;
    f.entity = "Minerals Commission";
    f.focal_points = {{"Gov", "gov@example.org", ""}};
    f.project_name = "Lease";
    f.commodity = "gold";
    f.counterparties = {{"Acme Mining Ltd.", {"Acme Ghana"}}};
    f.disciplines = {"legal"};
    f.phase = "preparation";
    f.language = "en";
    f.background = "Why";
    auto r = service.CreateDraft(st, p, f, t0);
    if (!r) return r.errors();
    auto moved = service.Transition(st, p, r->id, {RequestState::kSubmitted, 1, "", {}}, t0);
    if (!moved) return moved.errors();
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
    bytes = "%PDF-1.4\n" + bytes;
    auto doc = service.Upload(st, p, r->id, "lease.pdf", "application/pdf", bytes, t0);
    if (!doc) return doc.errors();
    // The same content again is stored once.
    auto again = service.Upload(st, p, r->id, "copy.pdf", "application/pdf", bytes, t0);
    if (!again) return again.errors();
    return r->id;
  });
  ASSERT_TRUE(made.ok()) << made.error().ToString();
  auto check = ReadStores(*db_, [&](Stores& st) -> Result<Done> {
    const auto r = st.requests.FindRequest(*made);
    EXPECT_EQ(r->position.state, RequestState::kSubmitted);
    EXPECT_EQ(r->version, 2);
    EXPECT_EQ(r->form.counterparties[0].affiliates[0], "Acme Ghana");
    EXPECT_EQ(r->form.country, "GHA");
    const auto h = st.requests.History(*made);
    EXPECT_EQ(h.size(), 1u);
    EXPECT_EQ(h[0].to, RequestState::kSubmitted);
    EXPECT_EQ(h[0].at, t0);
    const auto docs = st.requests.Documents(*made);
    EXPECT_EQ(docs.size(), 2u);
    const auto blob = st.blobs.Get(docs[0].sha256);
    EXPECT_EQ(blob->size(), 9u + 256u);
    EXPECT_EQ(static_cast<unsigned char>((*blob)[9]), 0u);
    EXPECT_EQ(static_cast<unsigned char>(blob->back()), 255u);
    RequestFilter open;
    EXPECT_EQ(st.requests.ListRequests(open).size(), 1u);
    open.states = {RequestState::kActive};
    EXPECT_TRUE(st.requests.ListRequests(open).empty());
    open.states = {};
    open.country = "SEN";
    EXPECT_TRUE(st.requests.ListRequests(open).empty());
    EXPECT_EQ(st.sla_policy.Current().target_hours[0], 8.0);
    return Done{};
  });
  ASSERT_TRUE(check.ok());
  int blobs = 0;
  db_->Read([&](soci::session& sql) -> Result<Done> {
    sql << "SELECT COUNT(*) FROM blobs", soci::into(blobs);
    return Done{};
  });
  EXPECT_EQ(blobs, 1);
  // A write from a stale version changes nothing.
  auto stale = WriteStores(*db_, [&](Stores& st) -> Result<bool> {
    SupportRequest r = *st.requests.FindRequest(*made);
    r.version = 2;
    return st.requests.UpdateRequest(r, 1);
  });
  EXPECT_FALSE(*stale);
}

// Coordinators hear once about each clock that reaches its warning share or
// its target, and not again on the next sweep.
TEST_P(Store, ClockRisksAreNotifiedOnce) {
  using namespace domain;
  const RequestService service;
  const Instant monday = *ParseIso("2026-11-23T09:00:00Z");
  auto id = WriteStores(*db_, [&](Stores& st) -> Result<std::string> {
    auto gov = GovernmentUser(st.accounts, "SEN");
    auto co = service_.AddUser(st.accounts, "cli:test", "c@example.org", "C", Role::kCoordinator,
                               "", "a long enough passphrase");
    if (!gov || !co) return Error{ErrorCode::kInvalidInput, "setup", ""};
    RequestForm f;
    f.entity = "E";
    f.focal_points = {{"G", "", ""}};
    f.project_name = "P";
    f.commodity = "gas";
    f.counterparties = {{"X", {}}};
    f.disciplines = {"legal"};
    f.phase = "negotiation";
    f.language = "fr";
    f.background = "B";
    const Principal p = *gov;
    auto r = service.CreateDraft(st, p, f, monday);
    auto moved = service.Transition(st, p, r->id, {RequestState::kSubmitted, 1, "", {}}, monday);
    if (!moved) return moved.errors();
    return r->id;
  });
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  auto sweep = [&](Instant now) {
    return *WriteStores(*db_, [&](Stores& st) -> Result<int> {
      const SlaPolicy policy = st.sla_policy.Current();
      return service.NotifyClockRisks(st, *Calendar::Build(policy.calendar), policy, now);
    });
  };
  // Monday 15:00: 6 of 8 hours, the warning share (75%) of the acknowledge clock.
  EXPECT_EQ(sweep(*ParseIso("2026-11-23T15:00:00Z")), 1);
  EXPECT_EQ(sweep(*ParseIso("2026-11-23T15:30:00Z")), 0);
  // Tuesday 10:00: acknowledge breached.
  EXPECT_EQ(sweep(*ParseIso("2026-11-24T10:00:00Z")), 1);
  auto notes = ReadStores(*db_, [&](Stores& st) -> Result<std::vector<Notification>> {
    return st.notifications.ForUser(st.accounts.FindUserByEmail("c@example.org")->id, 50);
  });
  std::vector<std::string> kinds;
  for (const Notification& n : *notes) kinds.push_back(n.kind);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"clock_breached", "clock_warning", "request_submitted"}));
  // Each notice is a mail too, queued in the sweep's own transaction.
  EXPECT_EQ(MailKindsTo("c@example.org"), kinds);
}

// A user who wants a digest gets one mail on the first sweep after 07:00
// where they live (Lima: 12:00 UTC), listing what waited; one a day.
TEST_P(Store, ADigestGoesOutInTheMorningWhereTheUserLives) {
  using namespace domain;
  auto queued = WriteStores(*db_, [&](Stores& st) -> Result<Done> {
    auto gov = GovernmentUser(st.accounts, "PER");
    if (!gov) return gov.errors();
    MailSettingsChange change;
    change.language = "fr";
    change.time_zone = "America/Lima";
    change.choices = {{"message", MailMode::kDigest}};
    auto u = ChangeMailSettings(st, gov->user_id, change);
    if (!u) return u.errors();
    for (const char* text : {"first", "second"}) {
      QueueUserMail(st, *u, "message", "", {{"author", "Chloé"}, {"text", text}}, "/requests/x",
                    *ParseIso("2026-03-31T10:00:00Z"));
    }
    return Done{};
  });
  ASSERT_TRUE(queued.ok()) << queued.error().ToString();
  auto sweep = [&](const char* now) {
    return *WriteStores(
        *db_, [&](Stores& st) -> Result<int> { return QueueDigests(st, *ParseIso(now)); });
  };
  EXPECT_EQ(sweep("2026-04-01T11:59:00Z"), 0);  // 06:59 in Lima
  EXPECT_EQ(sweep("2026-04-01T12:00:00Z"), 1);
  EXPECT_EQ(sweep("2026-04-01T20:00:00Z"), 0);  // nothing waits any more
  EXPECT_EQ(MailKindsTo("g@example.org"),
            (std::vector<std::string>{"digest", "message", "message"}));
  auto digest = ReadStores(*db_, [&](Stores& st) -> Result<std::vector<OutboundMail>> {
    return st.mail.Due(*ParseIso("2026-04-01T12:00:00Z"), 10);
  });
  ASSERT_TRUE(digest.ok() && digest->size() == 1u);
  const OutboundMail& d = digest->front();
  EXPECT_EQ(d.params["count"], 2);
  EXPECT_EQ(d.language, "fr");
  const RenderedMail words = RenderMail(d, {"https://connex.example", "c@mail.example"});
  EXPECT_EQ(words.subject, "Votre récapitulatif CONNEX\u00a0: 2 notification(s)");
  EXPECT_NE(words.text.find("- Message de Chloé\n  https://connex.example/requests/x"),
            std::string::npos)
      << words.text;
}

// An invitation sent again keeps its id and takes a new link and lifetime;
// a reply's Message-ID is taken once (its primary key).
TEST_P(Store, InvitationsAreRenewedAndRepliesTakenOnce) {
  using namespace domain;
  const Instant t0 = *ParseIso("2026-04-01T10:00:00Z");
  auto done = WriteStores(*db_, [&](Stores& st) -> Result<Done> {
    Invitation i{"inv_1",  "hash-1", "new@example.org",          "New",        Role::kExpert, "",
                 "system", t0,       t0 + std::chrono::hours(1), std::nullopt, "fr"};
    st.accounts.InsertInvitation(i);
    st.accounts.RenewInvitation("inv_1", "hash-2", t0 + std::chrono::hours(48));
    EXPECT_FALSE(st.accounts.FindInvitation("hash-1"));
    const auto renewed = st.accounts.FindInvitationById("inv_1");
    EXPECT_TRUE(renewed && renewed->token_hash == "hash-2" &&
                renewed->expires_at == t0 + std::chrono::hours(48) && renewed->language == "fr");
    EXPECT_EQ(st.accounts.PendingInvitations(10).size(), 1u);
    st.accounts.MarkInvitationAccepted("inv_1", t0);
    EXPECT_TRUE(st.accounts.PendingInvitations(10).empty());
    EXPECT_TRUE(st.mail.MarkReplyTaken("abc@mail.gov.gh", "req_1", t0));
    EXPECT_FALSE(st.mail.MarkReplyTaken("abc@mail.gov.gh", "req_1", t0));
    return Done{};
  });
  ASSERT_TRUE(done.ok()) << done.error().ToString();
}

// Reminders of the feedback survey: 7, 14 and 28 days after the close, each
// sent once, the latest only when the watcher was away; none once answered.
TEST_P(Store, FeedbackRemindersFollowTheCloseUntilTheGovernmentAnswers) {
  using namespace domain;
  const Instant closed = *ParseIso("2026-03-31T17:00:00Z");
  auto id = WriteStores(*db_, [&](Stores& st) -> Result<std::string> {
    auto gov = GovernmentUser(st.accounts, "GHA");
    if (!gov) return gov.errors();
    RequestForm f;
    f.project_name = "Ahafo";
    auto r = RequestService().CreateDraft(st, *gov, f, closed);
    if (!r) return r.errors();
    // Straight to closed: the sweep reads the state and when it was entered.
    SupportRequest at_close = *r;
    at_close.position.state = RequestState::kClosed;
    at_close.version = 2;
    st.requests.UpdateRequest(at_close, 1);
    st.requests.InsertStateChange(
        {r->id, 1, RequestState::kActive, RequestState::kClosed, gov->user_id, closed, closed, ""});
    return r->id;
  });
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  const FeedbackService feedback;
  auto sweep = [&](const char* now) {
    return *WriteStores(*db_, [&](Stores& st) -> Result<int> {
      return feedback.SendReminders(st, *ParseIso(now));
    });
  };
  EXPECT_EQ(sweep("2026-04-07T16:59:59Z"), 0);  // 6 days 23:59:59
  EXPECT_EQ(sweep("2026-04-07T17:00:00Z"), 1);  // 7 days: the first
  EXPECT_EQ(sweep("2026-04-10T09:00:00Z"), 0);  // sent already
  EXPECT_EQ(sweep("2026-05-20T09:00:00Z"), 1);  // away past 14 and 28 days: the third only
  EXPECT_EQ(sweep("2026-06-20T09:00:00Z"), 0);  // three at most
  auto texts = ReadStores(*db_, [&](Stores& st) -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    for (const Notification& n :
         st.notifications.ForUser(st.accounts.FindUserByEmail("g@example.org")->id, 50)) {
      out.push_back(n.kind + ": " + n.text.substr(n.text.find("(")));
    }
    return out;
  });
  EXPECT_EQ(*texts, (std::vector<std::string>{"feedback_reminder: (reminder 3 of 3)",
                                              "feedback_reminder: (reminder 1 of 3)"}));
  EXPECT_EQ(MailKindsTo("g@example.org"),
            (std::vector<std::string>{"feedback_reminder", "feedback_reminder"}));
}

// Money keeps every digit on every backend (PostgreSQL's REAL is 4 bytes:
// 014_double_precision makes the columns 8-byte floats there).
TEST_P(Store, AnAmountComesBackWithEveryDigit) {
  using namespace domain;
  const Instant at = *ParseIso("2026-03-31T17:00:00Z");
  const double amount = 1234567890.12;
  auto stored = WriteStores(*db_, [&](Stores& st) -> Result<std::optional<Feedback>> {
    auto gov = GovernmentUser(st.accounts, "GHA");
    if (!gov) return gov.errors();
    RequestForm f;
    f.project_name = "Ahafo";
    auto r = RequestService().CreateDraft(st, *gov, f, at);
    if (!r) return r.errors();
    Feedback fb;
    fb.request_id = r->id;
    fb.quality = fb.timeliness = fb.independence = fb.multidisciplinarity = fb.capacity_built =
        fb.value_added = 5;
    fb.estimated_added_value = amount;
    fb.currency = "USD";
    fb.answered_by = gov->user_id;
    fb.answered_at = at;
    st.requests.InsertFeedback(fb);
    return st.requests.FindFeedback(r->id);
  });
  ASSERT_TRUE(stored.ok()) << stored.error().ToString();
  ASSERT_TRUE(stored->has_value() && (*stored)->estimated_added_value);
  EXPECT_EQ(*(*stored)->estimated_added_value, amount);
}

// Two instances' minute sweeps never overlap: the second finds the lock
// taken and skips; the lock goes with the transaction.
TEST_P(Store, OneSweepAtATimeAcrossInstances) {
  const auto try_lock = [&](const std::string& name) {
    return *db_->Write(
        [&](soci::session& sql) -> Result<bool> { return TryLockForTransaction(sql, name); });
  };
  auto outer = db_->Write([&](soci::session& sql) -> Result<Done> {
    EXPECT_TRUE(TryLockForTransaction(sql, "clock-sweep"));
    if (GetParam() == Backend::kPostgresql) {  // SQLite runs one write transaction at a time
      EXPECT_FALSE(try_lock("clock-sweep"));   // another instance, meanwhile
      EXPECT_TRUE(try_lock("another task"));
    }
    return Done{};
  });
  ASSERT_TRUE(outer.ok());
  EXPECT_TRUE(try_lock("clock-sweep"));
}

TEST(FeedbackReminderDue, CountsWholeDaysFromTheClose) {
  using domain::FeedbackReminderDue;
  const Instant closed = *ParseIso("2026-01-31T23:30:00Z");
  EXPECT_EQ(FeedbackReminderDue(closed, closed), 0);
  EXPECT_EQ(FeedbackReminderDue(closed, *ParseIso("2026-02-07T23:29:59Z")), 0);
  EXPECT_EQ(FeedbackReminderDue(closed, *ParseIso("2026-02-07T23:30:00Z")), 1);
  EXPECT_EQ(FeedbackReminderDue(closed, *ParseIso("2026-02-14T23:30:00Z")), 2);
  EXPECT_EQ(FeedbackReminderDue(closed, *ParseIso("2026-02-28T23:29:59Z")), 2);
  EXPECT_EQ(FeedbackReminderDue(closed, *ParseIso("2026-02-28T23:30:00Z")), 3);
  EXPECT_EQ(FeedbackReminderDue(closed, *ParseIso("2027-01-31T00:00:00Z")), 3);
  EXPECT_EQ(FeedbackReminderDue(closed, *ParseIso("2026-01-01T00:00:00Z")), 0);  // clock skew
}

INSTANTIATE_TEST_SUITE_P(Backends, Store, ::testing::ValuesIn(TestBackends()), BackendName);

}  // namespace
}  // namespace connex::store
