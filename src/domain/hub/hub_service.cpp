#include "domain/hub/hub_service.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/shared/blob_store.hpp"

namespace connex::domain {

namespace {

Error NoSuchDocument() { return {ErrorCode::kNotFound, "no such document", "id"}; }

Result<Done> Editor(const Principal& p) {
  if (!IsStaff(p)) return Error{ErrorCode::kForbidden, "the Support Unit edits the hub", ""};
  return Done{};
}

Error Stale(int current) {
  return {
      ErrorCode::kConflict,
      "the document changed since you read it (version " + std::to_string(current) + "); reload it",
      "version"};
}

// The parent named by `meta` must exist and be a main document.
std::optional<Error> CheckParent(Stores& s, const HubMetadata& meta, const std::string& self) {
  if (meta.parent_id.empty()) return std::nullopt;
  const auto parent = s.hub.FindDocument(meta.parent_id);
  if (!parent || parent->id == self || !parent->meta.parent_id.empty()) {
    return Error{ErrorCode::kInvalidInput, "must be a main document of the hub", "parent_id"};
  }
  return std::nullopt;
}

}  // namespace

Result<HubDocument> HubService::Visible(Stores& s, const Principal& p, const std::string& id) {
  auto d = s.hub.FindDocument(id);
  if (!d || (!IsStaff(p) && !IsPublic(*d))) return NoSuchDocument();
  return *d;
}

Result<HubDocument> HubService::Create(Stores& s, const Principal& p, const HubMetadata& meta,
                                       Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  if (auto bad = CheckParent(s, meta, "")) return *bad;
  HubDocument d;
  d.id = NewId("hub");
  d.meta = meta;
  // Open Contracting ids carry the publisher's prefix.
  if (meta.kind == "contract") d.ocid = "ocds-cnx001-" + d.id;
  d.created_by = p.user_id;
  d.created_at = d.updated_at = now;
  s.hub.InsertDocument(d);
  s.hub.InsertStatusChange(d.id, "", "draft", p.user_id, "created", now);
  s.audit.Record(p.user_id, "hub.create", "hub_document", d.id, "", ToJson(d).dump());
  return d;
}

Result<HubDocument> HubService::Update(Stores& s, const Principal& p, const std::string& id,
                                       int version, const HubMetadata& meta, Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto d = Visible(s, p, id);
  if (!d) return d;
  if (version != d->version) return Stale(d->version);
  if (auto bad = CheckParent(s, meta, id)) return *bad;
  const HubDocument before = *d;
  d->meta = meta;
  if (meta.kind == "contract" && d->ocid.empty()) d->ocid = "ocds-cnx001-" + d->id;
  d->version += 1;
  d->updated_at = now;
  if (!s.hub.UpdateDocument(*d, version)) return Stale(version + 1);
  s.audit.Record(p.user_id, "hub.update", "hub_document", id, ToJson(before).dump(),
                 ToJson(*d).dump());
  return d;
}

Result<HubDocument> HubService::Move(Stores& s, const Principal& p, const std::string& id,
                                     const std::string& to, const std::string& reason,
                                     Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto d = Visible(s, p, id);
  if (!d) return d;
  if (std::find(kHubStatuses.begin(), kHubStatuses.end(), to) == kHubStatuses.end()) {
    return Error{ErrorCode::kInvalidInput, "\"" + to + "\" is not a publication status", "to"};
  }
  if (!CanMoveHubDocument(d->status, to)) {
    return Error{ErrorCode::kConflict, "a document " + d->status + " cannot become " + to,
                 "status"};
  }
  if (to == "published" && d->status == "in_review") {
    const auto history = s.hub.StatusHistory(id);
    const auto sent = std::find_if(history.rbegin(), history.rend(),
                                   [](const auto& c) { return c.to == "in_review"; });
    if (sent != history.rend() && sent->actor == p.user_id) {
      return Error{ErrorCode::kForbidden,
                   "another member of the Support Unit reviews and publishes what you sent to "
                   "review",
                   ""};
    }
  }
  if ((to == "unpublished" || to == "draft") && reason.empty()) {
    return Error{ErrorCode::kInvalidInput, "say why", "reason"};
  }
  const std::string from = d->status;
  d->status = to;
  d->version += 1;
  d->updated_at = now;
  if (!s.hub.UpdateDocument(*d, d->version - 1)) return Stale(d->version);
  s.hub.InsertStatusChange(id, from, to, p.user_id, reason, now);
  s.audit.Record(p.user_id, "hub.status", "hub_document", id,
                 nlohmann::json{{"status", from}}.dump(),
                 nlohmann::json{{"status", to}, {"reason", reason}}.dump());
  return d;
}

Result<HubDocument> HubService::AttachFile(Stores& s, const Principal& p, const std::string& id,
                                           const std::string& name, const std::string& bytes,
                                           const ExtractedText& text, Instant now) const {
  const std::string sha = Sha256Hex(bytes);
  return StoreText(s, p, id, text, now, [&](HubDocument& d) {
    if (!s.blobs.Get(sha)) s.blobs.Put(sha, bytes);
    d.file_sha256 = sha;
    d.file_name = name;
  });
}

Result<HubDocument> HubService::SetText(Stores& s, const Principal& p, const std::string& id,
                                        const ExtractedText& text, Instant now) const {
  return StoreText(s, p, id, text, now, [](HubDocument&) {});
}

Result<HubDocument> HubService::StoreText(Stores& s, const Principal& p, const std::string& id,
                                          const ExtractedText& text, Instant now,
                                          const std::function<void(HubDocument&)>& file) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto d = Visible(s, p, id);
  if (!d) return d;
  file(*d);
  d->page_count = static_cast<int>(text.pages.size());
  d->ocr = text.ocr;
  d->version += 1;
  d->updated_at = now;
  if (!s.hub.UpdateDocument(*d, d->version - 1)) return Stale(d->version);
  s.hub.ReplacePages(*d, text.pages);
  s.audit.Record(p.user_id, "hub.text", "hub_document", id, "",
                 nlohmann::json{{"file", d->file_name},
                                {"sha256", d->file_sha256},
                                {"pages", d->page_count},
                                {"ocr", d->ocr}}
                     .dump());
  return d;
}

Result<HubPage> HubService::EditPage(Stores& s, const Principal& p, const std::string& id,
                                     int number, const std::string& text,
                                     const std::string& quality) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto d = Visible(s, p, id);
  if (!d) return d.errors();
  auto page = s.hub.Page(id, number);
  if (!page) return Error{ErrorCode::kNotFound, "no such page", "number"};
  if (text.size() > 200000) {
    return Error{ErrorCode::kInvalidInput, "must be at most 200000 characters", "text"};
  }
  if (!quality.empty() &&
      std::find(kPageQualities.begin(), kPageQualities.end(), quality) == kPageQualities.end()) {
    return Error{ErrorCode::kInvalidInput,
                 "must be acceptable, needs_editing or needs_transcription", "quality"};
  }
  const std::string before = page->text;
  page->text = text;
  // A person's correction is acceptable unless they say it still needs work.
  page->quality = quality.empty() ? "acceptable" : quality;
  page->source = "edited";
  page->edited_by = p.user_id;
  s.hub.UpdatePage(*d, *page);
  s.audit.Record(p.user_id, "hub.page", "hub_document", id,
                 nlohmann::json{{"page", number}, {"length", before.size()}}.dump(),
                 nlohmann::json{{"page", number}, {"quality", page->quality}}.dump());
  return *page;
}

Result<Annotation> HubService::Annotate(Stores& s, const Principal& p, const std::string& id,
                                        Annotation a, Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto d = Visible(s, p, id);
  if (!d) return d.errors();
  a.id = NewId("ann");
  a.document_id = id;
  a.status = "draft";
  a.created_by = p.user_id;
  a.reviewed_by.clear();
  a.created_at = a.updated_at = now;
  a.version = 1;
  s.hub.InsertAnnotation(a);
  s.audit.Record(p.user_id, "hub.annotation.add", "hub_document", id, "", ToJson(a).dump());
  return a;
}

Result<Annotation> HubService::ChangeAnnotation(Stores& s, const Principal& p,
                                                const std::string& annotation_id, Annotation a,
                                                Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto before = s.hub.FindAnnotation(annotation_id);
  if (!before) return Error{ErrorCode::kNotFound, "no such annotation", "id"};
  if (a.version != before->version) {
    return Error{ErrorCode::kConflict,
                 "the annotation changed since you read it (version " +
                     std::to_string(before->version) + "); reload it",
                 "version"};
  }
  a.id = before->id;
  a.document_id = before->document_id;
  a.created_by = before->created_by;
  a.created_at = before->created_at;
  a.status = "draft";  // a changed text is reviewed again
  a.reviewed_by.clear();
  a.updated_at = now;
  a.version = before->version + 1;
  if (!s.hub.UpdateAnnotation(a, before->version)) {
    return Error{ErrorCode::kConflict, "the annotation changed since you read it", "version"};
  }
  s.audit.Record(p.user_id, "hub.annotation.change", "hub_document", a.document_id,
                 ToJson(*before).dump(), ToJson(a).dump());
  return a;
}

Result<Annotation> HubService::ReviewAnnotation(Stores& s, const Principal& p,
                                                const std::string& annotation_id,
                                                Instant now) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto a = s.hub.FindAnnotation(annotation_id);
  if (!a) return Error{ErrorCode::kNotFound, "no such annotation", "id"};
  if (a->created_by == p.user_id) {
    return Error{ErrorCode::kForbidden, "another member of the Support Unit reviews it", ""};
  }
  a->status = "reviewed";
  a->reviewed_by = p.user_id;
  a->updated_at = now;
  a->version += 1;
  if (!s.hub.UpdateAnnotation(*a, a->version - 1)) {
    return Error{ErrorCode::kConflict, "the annotation changed; reload it", "version"};
  }
  s.audit.Record(p.user_id, "hub.annotation.review", "hub_document", a->document_id, "",
                 nlohmann::json{{"annotation", a->id}}.dump());
  return *a;
}

Result<Done> HubService::DeleteAnnotation(Stores& s, const Principal& p,
                                          const std::string& annotation_id) const {
  if (auto ok = Editor(p); !ok) return ok.errors();
  auto a = s.hub.FindAnnotation(annotation_id);
  if (!a) return Error{ErrorCode::kNotFound, "no such annotation", "id"};
  s.hub.DeleteAnnotation(annotation_id);
  s.audit.Record(p.user_id, "hub.annotation.delete", "hub_document", a->document_id,
                 ToJson(*a).dump(), "");
  return Done{};
}

std::vector<Annotation> HubService::Annotations(Stores& s, const Principal& p,
                                                const std::string& id) const {
  std::vector<Annotation> out = s.hub.Annotations(id);
  if (!IsStaff(p)) {
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Annotation& a) { return a.status != "reviewed"; }),
              out.end());
  }
  return out;
}

HubResults HubService::Search(Stores& s, const Principal& p, HubQuery q) const {
  if (!IsStaff(p)) {
    q.public_only = true;
    q.status.clear();
  }
  return s.hub.Search(q);
}

std::vector<std::pair<HubDocument, Annotation>> HubService::Compare(Stores& s, const Principal& p,
                                                                    const std::string& category,
                                                                    HubQuery q) const {
  q.category = category;
  q.offset = 0;
  q.limit = 0;
  std::vector<std::pair<HubDocument, Annotation>> out;
  for (const HubHit& hit : Search(s, p, q).hits) {
    const auto d = s.hub.FindDocument(hit.id);
    if (!d) continue;
    for (const Annotation& a : Annotations(s, p, hit.id)) {
      if (a.category == category) out.emplace_back(*d, a);
    }
  }
  return out;
}

std::vector<FoundDocument> HubService::Documents(Stores& s, const HubResults& results) const {
  std::vector<FoundDocument> out;
  for (const HubHit& h : results.hits) {
    if (auto d = s.hub.FindDocument(h.id)) out.push_back({std::move(*d), h});
  }
  return out;
}

Result<HubDossier> HubService::Dossier(Stores& s, const Principal& p, const std::string& id,
                                       const std::string& words) const {
  auto d = Visible(s, p, id);
  if (!d) return d.errors();
  HubDossier out;
  out.document = *d;
  out.pages = s.hub.Pages(d->id);
  out.annotations = Annotations(s, p, d->id);
  const bool staff = IsStaff(p);
  for (HubDocument& c : s.hub.Children(d->id)) {
    if (staff || IsPublic(c)) out.related.push_back(std::move(c));
  }
  if (!d->meta.parent_id.empty()) {
    auto parent = s.hub.FindDocument(d->meta.parent_id);
    if (parent && (staff || IsPublic(*parent))) out.parent = std::move(*parent);
  }
  out.hits = s.hub.SearchPages(*d, words, 50);
  if (staff) out.history = s.hub.StatusHistory(d->id);
  return out;
}

Result<HubPage> HubService::Page(Stores& s, const Principal& p, const std::string& id,
                                 int number) const {
  auto d = Visible(s, p, id);
  if (!d) return d.errors();
  auto page = s.hub.Page(d->id, number);
  if (!page) return Error{ErrorCode::kNotFound, "no such page", "number"};
  return *page;
}

Result<std::pair<HubDocument, std::string>> HubService::File(Stores& s, const Principal& p,
                                                             const std::string& id) const {
  auto d = Visible(s, p, id);
  if (!d) return d.errors();
  auto bytes = d->file_sha256.empty() ? std::nullopt : s.blobs.Get(d->file_sha256);
  if (!bytes) return Error{ErrorCode::kNotFound, "the document has no file", "file"};
  return std::make_pair(*d, std::move(*bytes));
}

Result<HubDocument> HubService::DocumentOfAnnotation(Stores& s, const Principal& p,
                                                     const std::string& annotation_id) const {
  const auto a = s.hub.FindAnnotation(annotation_id);
  if (!a) return Error{ErrorCode::kNotFound, "no such annotation", "id"};
  auto d = Visible(s, p, a->document_id);
  if (!d) return Error{ErrorCode::kNotFound, "no such annotation", "id"};
  return d;
}

Result<PublishedContract> HubService::Published(Stores& s, const std::string& id) const {
  auto d = s.hub.FindDocument(id);
  if (!d || !IsPublic(*d) || d->ocid.empty()) {
    return Error{ErrorCode::kNotFound, "no such published contract", "id"};
  }
  PublishedContract out{*d, {}};
  for (HubDocument& c : s.hub.Children(d->id)) {
    if (IsPublic(c)) out.children.push_back(std::move(c));
  }
  return out;
}

std::vector<PublishedContract> HubService::AllPublished(Stores& s) const {
  std::vector<PublishedContract> out;
  const std::vector<HubDocument> all = s.hub.Documents();
  for (const HubDocument& d : all) {
    if (!IsPublic(d) || d.ocid.empty() || !d.meta.parent_id.empty()) continue;
    PublishedContract c{d, {}};
    for (const HubDocument& child : all) {
      if (child.meta.parent_id == d.id && IsPublic(child)) c.children.push_back(child);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace connex::domain
