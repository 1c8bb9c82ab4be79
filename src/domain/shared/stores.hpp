// The unit of work: the repositories of one transaction, one per area. A
// service operation takes `Stores&` and uses only the repositories it needs;
// the caller opened the transaction (store/sql_stores.hpp) and commits it, so
// an operation happens entirely or not at all.
//
// The repositories are declared here, not included: a unit includes the
// interfaces it calls, and no area depends on another through this header.
#pragma once

namespace connex::domain {

class AccountRepository;
class AuditLog;
class BlobStore;
class DisciplineRepository;
class EnquiryRepository;
class FiscalModelRepository;
class HubRepository;
class MailRepository;
class NotificationRepository;
class ObligationRepository;
class RequestRepository;
class RosterRepository;
class SlaPolicyRepository;
class TrainingRepository;

struct Stores {
  RequestRepository& requests;
  AccountRepository& accounts;
  RosterRepository& roster;
  HubRepository& hub;
  FiscalModelRepository& fiscal;
  ObligationRepository& obligations;
  TrainingRepository& training;
  AuditLog& audit;
  NotificationRepository& notifications;
  BlobStore& blobs;
  EnquiryRepository& enquiries;
  SlaPolicyRepository& sla_policy;
  DisciplineRepository& disciplines;
  MailRepository& mail;
};

}  // namespace connex::domain
