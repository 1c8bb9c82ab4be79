#include "domain/hub/contract_terms_service.hpp"

#include <algorithm>

#include "domain/audit/audit_log.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/reports/regions.hpp"

namespace connex::domain {

namespace {

Error NoTerms() { return {ErrorCode::kNotFound, "the document carries no fiscal terms", "id"}; }

Result<Done> Editor(const Principal& p) {
  if (!IsStaff(p)) return Error{ErrorCode::kForbidden, "the Support Unit edits the hub", ""};
  return Done{};
}

// Each citation must point at this document or one of its own amendments,
// annexes or translations, within its pages, and at an annotation of that document.
std::optional<Errors> CheckCitations(Stores& s, const HubDocument& d,
                                     std::vector<TermCitation>& citations) {
  Errors errors;
  for (size_t i = 0; i < citations.size(); ++i) {
    TermCitation& c = citations[i];
    const std::string at = "citations[" + std::to_string(i) + "]";
    if (c.document_id.empty()) c.document_id = d.id;
    const auto cited = s.hub.FindDocument(c.document_id);
    if (!cited || (cited->id != d.id && cited->meta.parent_id != d.id)) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "must be this document or one of its amendments or annexes",
                        at + ".document_id"});
      continue;
    }
    if (c.page > 0 && cited->page_count > 0 && c.page > cited->page_count) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "must be a page of the document, 1 to " + std::to_string(cited->page_count),
                        at + ".page"});
    }
    if (!c.annotation_id.empty()) {
      const auto a = s.hub.FindAnnotation(c.annotation_id);
      if (!a || a->document_id != cited->id) {
        errors.push_back({ErrorCode::kInvalidInput, "must be an annotation of the cited document",
                          at + ".annotation_id"});
      }
    }
  }
  if (errors.empty()) return std::nullopt;
  return errors;
}

// The citations `p` may follow: to documents they may see, and to
// annotations they may read (reviewed ones, outside the Support Unit).
void KeepVisibleCitations(Stores& s, const Principal& p, ContractTerms& t) {
  if (IsStaff(p)) return;
  std::vector<TermCitation> kept;
  for (TermCitation c : t.citations) {
    const auto cited = s.hub.FindDocument(c.document_id);
    if (!cited || !IsPublic(*cited)) continue;
    if (!c.annotation_id.empty()) {
      const auto a = s.hub.FindAnnotation(c.annotation_id);
      if (!a || a->status != "reviewed") c.annotation_id.clear();
    }
    kept.push_back(std::move(c));
  }
  t.citations = std::move(kept);
}

void Keep(Stores& s, const ContractTerms& t, const std::string& action, const std::string& actor,
          Instant at) {
  s.hub.InsertTermsChange(t.document_id, {t.version, action, actor, at, ToJson(t)});
}

}  // namespace

Result<ContractTerms> ContractTermsService::Terms(Stores& s, const Principal& p,
                                                  const std::string& id) const {
  auto d = HubService::Visible(s, p, id);
  if (!d) return d.errors();
  auto t = s.hub.FindTerms(id);
  if (!t || (!IsStaff(p) && t->status != "reviewed")) return NoTerms();
  KeepVisibleCitations(s, p, *t);
  return *t;
}

Result<std::vector<ContractTermsChange>> ContractTermsService::History(
    Stores& s, const Principal& p, const std::string& id) const {
  if (!IsStaff(p)) return NoTerms();
  auto d = HubService::Visible(s, p, id);
  if (!d) return d.errors();
  return s.hub.TermsHistory(id);
}

Result<ContractTerms> ContractTermsService::Save(Stores& s, const Principal& p,
                                                 const std::string& id, ContractTerms t,
                                                 Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto d = HubService::Visible(s, p, id);
  if (!d) return d.errors();
  if (d->meta.kind != "contract") {
    return Error{ErrorCode::kInvalidInput, "only a contract or its amendment carries fiscal terms",
                 "id"};
  }
  if (auto bad = CheckCitations(s, *d, t.citations)) return *bad;
  const auto before = s.hub.FindTerms(id);
  const int current = before ? before->version : 0;
  if (t.version != current) {
    return Error{ErrorCode::kConflict,
                 "the terms changed since you read them (version " + std::to_string(current) +
                     "); reload them",
                 "version"};
  }
  if (t.base_year == 0) t.base_year = SignatureYear(d->meta);
  t.document_id = id;
  t.status = "draft";  // changed terms are reviewed again
  t.updated_by = p.user_id;
  t.reviewed_by.clear();
  t.created_at = before ? before->created_at : now;
  t.updated_at = now;
  t.version = current + 1;
  if (before) {
    if (!s.hub.UpdateTerms(t, current)) {
      return Error{ErrorCode::kConflict, "the terms changed since you read them", "version"};
    }
  } else {
    s.hub.InsertTerms(t);
  }
  Keep(s, t, "saved", p.user_id, now);
  s.audit.Record(p.user_id, "hub.terms.save", "hub_document", id,
                 before ? ToJson(*before).dump() : "", ToJson(t).dump());
  return t;
}

Result<ContractTerms> ContractTermsService::Review(Stores& s, const Principal& p,
                                                   const std::string& id, int version,
                                                   Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto t = s.hub.FindTerms(id);
  if (!t) return NoTerms();
  if (t->updated_by == p.user_id) {
    return Error{ErrorCode::kForbidden,
                 "another member of the Support Unit reviews the terms you saved", ""};
  }
  if (t->version != version) {
    return Error{ErrorCode::kConflict, "the terms changed since you read them; reload them",
                 "version"};
  }
  t->status = "reviewed";
  t->reviewed_by = p.user_id;
  t->updated_at = now;
  t->version += 1;
  if (!s.hub.UpdateTerms(*t, version)) {
    return Error{ErrorCode::kConflict, "the terms changed since you read them", "version"};
  }
  Keep(s, *t, "reviewed", p.user_id, now);
  s.audit.Record(p.user_id, "hub.terms.review", "hub_document", id, "",
                 nlohmann::json{{"version", t->version}}.dump());
  return *t;
}

Result<Done> ContractTermsService::Remove(Stores& s, const Principal& p, const std::string& id,
                                          Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto t = s.hub.FindTerms(id);
  if (!t) return NoTerms();
  s.hub.DeleteTerms(id);
  Keep(s, *t, "removed", p.user_id, now);
  s.audit.Record(p.user_id, "hub.terms.remove", "hub_document", id, ToJson(*t).dump(), "");
  return Done{};
}

std::vector<ContractTerms> ContractTermsService::Released(
    Stores& s, const HubDocument& contract, const std::vector<HubDocument>& children) const {
  std::vector<ContractTerms> out;
  std::vector<const HubDocument*> documents{&contract};
  for (const HubDocument& c : children) documents.push_back(&c);
  for (const HubDocument* d : documents) {
    auto t = s.hub.FindTerms(d->id);
    if (!t || t->status != "reviewed" || !IsPublic(*d)) continue;
    KeepVisibleCitations(s, Principal{}, *t);
    out.push_back(std::move(*t));
  }
  return out;
}

std::vector<ComparableTerms> ContractTermsService::Comparables(Stores& s,
                                                               const ComparableFilter& f) const {
  std::vector<ComparableTerms> out;
  for (ContractTerms& t : s.hub.AllTerms()) {
    if (t.status != "reviewed") continue;
    if (!f.documents.empty() &&
        std::find(f.documents.begin(), f.documents.end(), t.document_id) == f.documents.end())
      continue;
    auto d = s.hub.FindDocument(t.document_id);
    if (!d || !IsPublic(*d)) continue;
    std::optional<HubDocument> main;
    if (!d->meta.parent_id.empty()) main = s.hub.FindDocument(d->meta.parent_id);
    ComparableTerms c{*d,
                      std::move(t),
                      d->meta.country,
                      d->meta.resources,
                      d->meta.contract_type,
                      SignatureYear(d->meta)};
    if (main) {
      if (c.country.empty()) c.country = main->meta.country;
      if (c.resources.empty()) c.resources = main->meta.resources;
      if (c.contract_type.empty()) c.contract_type = main->meta.contract_type;
      if (c.signature_year == 0) c.signature_year = SignatureYear(main->meta);
    }
    if (!f.resource.empty() &&
        std::find(c.resources.begin(), c.resources.end(), f.resource) == c.resources.end())
      continue;
    if (!f.country.empty() && c.country != f.country) continue;
    if (!f.region.empty() && RegionOf(c.country) != f.region) continue;
    if (!f.contract_type.empty() && c.contract_type != f.contract_type) continue;
    if (f.from_year && (c.signature_year == 0 || c.signature_year < f.from_year)) continue;
    if (f.to_year && (c.signature_year == 0 || c.signature_year > f.to_year)) continue;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace connex::domain
