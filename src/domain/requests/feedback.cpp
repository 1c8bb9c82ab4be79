#include "domain/requests/feedback.hpp"

#include <chrono>
#include <cmath>

#include "domain/models/fiscal_model.hpp"
#include "domain/notifications/notification_repository.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/requests/recipients.hpp"

namespace connex::domain {

namespace {

using S = RequestState;

// When the request last moved to closed, if it did.
std::optional<Instant> ClosedAt(Stores& s, const std::string& id) {
  std::optional<Instant> at;
  for (const StateChangeRecord& c : s.requests.History(id)) {
    if (c.to == S::kClosed && (!at || c.at > *at)) at = c.at;
  }
  return at;
}

Errors Validate(Stores& s, const std::string& id, Feedback& f) {
  Errors errors;
  const std::pair<const char*, int> ratings[] = {{"quality", f.quality},
                                                 {"timeliness", f.timeliness},
                                                 {"independence", f.independence},
                                                 {"multidisciplinarity", f.multidisciplinarity},
                                                 {"capacity_built", f.capacity_built},
                                                 {"value_added", f.value_added}};
  for (const auto& [field, value] : ratings) {
    if (value < 1 || value > 5) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "must be a whole number from 1 (poor) to 5 (excellent)", field});
    }
  }
  if (f.comments.size() > 5000) {
    errors.push_back({ErrorCode::kInvalidInput, "must be at most 5,000 characters", "comments"});
  }
  if (f.estimated_added_value &&
      (!std::isfinite(*f.estimated_added_value) || *f.estimated_added_value < 0)) {
    errors.push_back({ErrorCode::kInvalidInput, "must be a number >= 0", "estimated_added_value"});
  }
  if (!f.value_added_id.empty()) {
    bool found = false;
    for (const ValueAdded& v : s.fiscal.ValueAddedOf(id)) {
      if (v.id != f.value_added_id) continue;
      found = true;
      f.currency = v.currency;
      if (!f.estimated_added_value) f.estimated_added_value = v.government_total;
    }
    if (!found) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "is not an estimate of value added recorded on this request",
                        "value_added_id"});
    }
  }
  // An estimate the government types is in US dollars, as the survey asks.
  if (f.estimated_added_value && f.currency.empty()) f.currency = "USD";
  return errors;
}

}  // namespace

int FeedbackReminderDue(Instant closed_at, Instant now) {
  const auto days = std::chrono::floor<std::chrono::days>(now - closed_at).count();
  int due = 0;
  for (int i = 0; i < kFeedbackReminders; ++i) {
    if (days >= kFeedbackReminderDays[i]) due = i + 1;
  }
  return due;
}

Result<Feedback> FeedbackService::Answer(Stores& s, const Principal& p, const std::string& id,
                                         int version, Feedback answer, Instant now) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  if (p.role != Role::kGovernment) {
    return Error{ErrorCode::kForbidden, "the government answers the feedback survey", "id"};
  }
  if (s.requests.FindFeedback(id)) {
    return Error{ErrorCode::kConflict, "the feedback was given already", "id"};
  }
  if (r->position.state != S::kClosed) {
    return Error{ErrorCode::kConflict, "the survey opens when the engagement is closed", "state"};
  }
  answer.request_id = id;
  answer.answered_by = p.user_id;
  answer.answered_at = now;
  Errors errors = Validate(s, id, answer);
  if (!errors.empty()) return errors;
  s.requests.InsertFeedback(answer);
  MoveRequest move;
  move.to = S::kEvaluated;
  move.version = version;
  auto moved = RequestService().Transition(s, p, id, move, now);
  if (!moved) return moved.errors();
  return answer;
}

Result<std::optional<Feedback>> FeedbackService::Read(Stores& s, const Principal& p,
                                                      const std::string& id) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  if (p.role == Role::kExpert) return Error{ErrorCode::kNotFound, "no such request", "id"};
  return s.requests.FindFeedback(id);
}

int FeedbackService::SendReminders(Stores& s, Instant now) const {
  RequestFilter closed;
  closed.states = {S::kClosed};
  closed.limit = 100000;
  int sent = 0;
  for (const SupportRequest& r : s.requests.ListRequests(closed)) {
    const std::optional<Instant> at = ClosedAt(s, r.id);
    if (!at) continue;
    const int due = FeedbackReminderDue(*at, now);
    if (due == 0) continue;
    const std::string text = Title(r) + ": your feedback on the support is awaited (reminder " +
                             std::to_string(due) + " of " + std::to_string(kFeedbackReminders) +
                             ")";
    if (s.notifications.Exists(r.id, "feedback_reminder", text)) continue;
    Notify(s, GovernmentUsers(s, r), "feedback_reminder", r, text,
           {{"number", std::to_string(due)}, {"total", std::to_string(kFeedbackReminders)}}, now);
    ++sent;
  }
  return sent;
}

}  // namespace connex::domain
