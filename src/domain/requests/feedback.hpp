// The feedback survey of an engagement. When the Support Unit closes an
// engagement, the government's users are asked how the support went;
// reminders follow 7, 14 and 28 days after the close until one of them
// answers. Answering records the feedback and moves the request to
// "evaluated" in the same transaction; a request is evaluated only so.
//
// Who reads the answer: the request's government and the Support Unit.
// The team's experts do not (404): their appraisal is the coordinator's.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <optional>
#include <string>

#include "domain/requests/request_service.hpp"

namespace connex::domain {

inline constexpr int kFeedbackReminderDays[] = {7, 14, 28};
inline constexpr int kFeedbackReminders = 3;

// The reminder due at `now` for an engagement closed at `closed_at`: 0 when
// none is due yet, else the latest (1..kFeedbackReminders) whose day has
// come, so a watcher that was down sends one reminder, not a burst.
int FeedbackReminderDue(Instant closed_at, Instant now);

class FeedbackService {
 public:
  // The government answers once, while the engagement is closed; `version`
  // is the request's as read. Every wrong field is named: the six ratings
  // (whole numbers 1 to 5), comments (at most 5,000 characters),
  // estimated_added_value (>= 0, in US dollars), value_added_id (a
  // comparison recorded on this request; its currency becomes the answer's).
  Result<Feedback> Answer(Stores& s, const Principal& p, const std::string& id, int version,
                          Feedback answer, Instant now) const;
  // The answer, or nullopt while none is given.
  Result<std::optional<Feedback>> Read(Stores& s, const Principal& p, const std::string& id) const;
  // Sends each closed request's due reminder to its government, once;
  // returns how many requests were reminded.
  int SendReminders(Stores& s, Instant now) const;
};

}  // namespace connex::domain
