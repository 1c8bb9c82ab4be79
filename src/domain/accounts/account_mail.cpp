#include "domain/accounts/account_mail.hpp"

#include "domain/mail/mailer.hpp"

namespace connex::domain {

namespace {

// "2026-12-11 10:30": minutes are enough for a link's end, in UTC as the mail says.
std::string MailTime(Instant t) {
  std::string iso = ToIso(t);
  iso[10] = ' ';
  return iso.substr(0, 16);
}

}  // namespace

void MailInvitation(Stores& s, const NewInvitation& invitation, const std::string& inviter_name,
                    Instant now) {
  const Invitation& i = invitation.invitation;
  QueueAddressMail(s, i.email, i.language, "", "invitation",
                   {{"name", i.name},
                    {"inviter", inviter_name},
                    {"role", ToString(i.role)},
                    {"expires", MailTime(i.expires_at)}},
                   "/invitation/" + invitation.token, now);
}

void MailPasswordReset(Stores& s, const NewPasswordReset& reset, Instant now) {
  QueueAddressMail(s, reset.user.email, reset.user.language, reset.user.id, "password_reset",
                   {{"name", reset.user.name},
                    {"email", reset.user.email},
                    {"expires", MailTime(reset.expires_at)}},
                   "/password-reset/" + reset.token, now);
}

}  // namespace connex::domain
