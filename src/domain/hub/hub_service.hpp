// The resource hub as operations. Everyone reads published documents that
// are not confidential; the Support Unit (coordinators and administrators)
// edits documents, pages and annotations, and moves documents through the
// publication workflow. Publishing and reviewing take a second pair of eyes:
// whoever sent a document to review, or wrote an annotation, does not
// publish or review it. Whatever a caller may not see answers kNotFound.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/hub/hub_repository.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// A document as its page shows it to one person.
struct HubDossier {
  HubDocument document;
  std::vector<HubPage> pages;
  std::vector<Annotation> annotations;  // those the person may see
  std::vector<HubDocument> related;     // amendments, annexes, translations they may see
  std::optional<HubDocument> parent;    // the document this one belongs to, if they may see it
  std::vector<PageHit> hits;            // pages matching the words asked for, at most 50
  std::vector<HubRepository::StatusChange> history;  // the Support Unit only
};

// A search hit with its document.
struct FoundDocument {
  HubDocument document;
  HubHit hit;
};

// A published contract with its published amendments, annexes and
// translations: what open data (OCDS) releases.
struct PublishedContract {
  HubDocument contract;
  std::vector<HubDocument> children;
};

class HubService {
 public:
  static Result<HubDocument> Visible(Stores& s, const Principal& p, const std::string& id);

  Result<HubDocument> Create(Stores& s, const Principal& p, const HubMetadata& meta,
                             Instant now) const;
  Result<HubDocument> Update(Stores& s, const Principal& p, const std::string& id, int version,
                             const HubMetadata& meta, Instant now) const;
  Result<HubDocument> Move(Stores& s, const Principal& p, const std::string& id,
                           const std::string& to, const std::string& reason, Instant now) const;
  // Stores the file and the text read from it, replacing earlier pages.
  Result<HubDocument> AttachFile(Stores& s, const Principal& p, const std::string& id,
                                 const std::string& name, const std::string& bytes,
                                 const ExtractedText& text, Instant now) const;
  // Replaces the text of a document that has no file: a guide written for
  // the hub, a transcription typed in.
  Result<HubDocument> SetText(Stores& s, const Principal& p, const std::string& id,
                              const ExtractedText& text, Instant now) const;
  Result<HubPage> EditPage(Stores& s, const Principal& p, const std::string& id, int number,
                           const std::string& text, const std::string& quality) const;

  Result<Annotation> Annotate(Stores& s, const Principal& p, const std::string& id, Annotation a,
                              Instant now) const;
  Result<Annotation> ChangeAnnotation(Stores& s, const Principal& p,
                                      const std::string& annotation_id, Annotation a,
                                      Instant now) const;
  Result<Annotation> ReviewAnnotation(Stores& s, const Principal& p,
                                      const std::string& annotation_id, Instant now) const;
  Result<Done> DeleteAnnotation(Stores& s, const Principal& p,
                                const std::string& annotation_id) const;

  // The annotations of a document `p` may read: the Support Unit all, others
  // the reviewed ones.
  std::vector<Annotation> Annotations(Stores& s, const Principal& p, const std::string& id) const;

  // Searches what `p` may see: everyone else is held to published, public documents.
  HubResults Search(Stores& s, const Principal& p, HubQuery q) const;
  // The hits of `results` with their documents, in the same order.
  std::vector<FoundDocument> Documents(Stores& s, const HubResults& results) const;

  // The document with what its page shows to `p`; `words` finds pages.
  Result<HubDossier> Dossier(Stores& s, const Principal& p, const std::string& id,
                             const std::string& words) const;
  Result<HubPage> Page(Stores& s, const Principal& p, const std::string& id, int number) const;
  // The document and its file's bytes; kNotFound when it has no file.
  Result<std::pair<HubDocument, std::string>> File(Stores& s, const Principal& p,
                                                   const std::string& id) const;
  // The document an annotation belongs to (the Support Unit reads pages
  // against it before changing the annotation).
  Result<HubDocument> DocumentOfAnnotation(Stores& s, const Principal& p,
                                           const std::string& annotation_id) const;

  // Open data holds published public contracts only, whoever asks.
  Result<PublishedContract> Published(Stores& s, const std::string& id) const;
  std::vector<PublishedContract> AllPublished(Stores& s) const;

  // Every annotation of `category` across the documents matching `q`,
  // side by side: (document, annotation), documents in search order; outside
  // the Support Unit, reviewed annotations only.
  std::vector<std::pair<HubDocument, Annotation>> Compare(Stores& s, const Principal& p,
                                                          const std::string& category,
                                                          HubQuery q) const;

 private:
  // Stores `text` as the document's pages after `file` has set its file fields.
  Result<HubDocument> StoreText(Stores& s, const Principal& p, const std::string& id,
                                const ExtractedText& text, Instant now,
                                const std::function<void(HubDocument&)>& file) const;
};

}  // namespace connex::domain
