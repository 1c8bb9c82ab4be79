// Lessons learned as operations (lesson.hpp says what a lesson is).
//
// Who does what:
// - the Support Unit and the experts on the team write lessons once the
//   engagement runs or has closed, and edit them until published (an expert
//   only their own); a government and anyone else see none;
// - the author or the Support Unit sends a draft to review;
// - a member of the Support Unit other than its last editor (the author, or
//   the reviewer who took names out) approves it, only while it names
//   nothing of its engagement
//   (LessonFlags); approving publishes it in the hub as a "lesson" of its
//   roadmap stage, in its language, with no link to the engagement.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/requests/lesson.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

struct LessonView {
  Lesson lesson;
  std::vector<LessonFlag> flags;  // where it names its engagement
};

nlohmann::json ToJson(const LessonView& v);

class LessonService {
 public:
  Result<std::vector<LessonView>> Lessons(Stores& s, const Principal& p,
                                          const std::string& request_id) const;
  Result<LessonView> Write(Stores& s, const Principal& p, const std::string& request_id,
                           Lesson words, Instant now) const;
  // Changes the words; `words.version` is the version read.
  Result<LessonView> Edit(Stores& s, const Principal& p, const std::string& id, Lesson words,
                          Instant now) const;
  // to: in_review (from a draft) or published (from review: the approval).
  Result<LessonView> Move(Stores& s, const Principal& p, const std::string& id,
                          const std::string& to, int version, Instant now) const;
};

}  // namespace connex::domain
