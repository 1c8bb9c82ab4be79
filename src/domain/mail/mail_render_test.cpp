#include "domain/mail/mail_render.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <vector>

namespace connex::domain {
namespace {

OutboundMail Message(const std::string& language) {
  OutboundMail m;
  m.id = "mail-1";
  m.kind = "message";
  m.user_id = "usr-1";
  m.recipient = "focal@example.org";
  m.language = language;
  m.request_id = "req-1";
  m.reference = "CNX-2026-K7QF4";
  m.params = {{"name", "Aminata Diop"},
              {"author", "Chloé <Coordinator>"},
              {"project", "Block C-12"},
              {"text", "Please send the draft.\n\nThanks"}};
  m.link = "/requests/req-1";
  return m;
}

const MailSettings kSettings{"https://connex.example", "connex@mail.example"};

TEST(MailRender, SaysTheNoticeInTheRecipientsLanguageWithItsPageAndThread) {
  const RenderedMail en = RenderMail(Message("en"), kSettings);
  EXPECT_EQ(en.subject, "[CNX-2026-K7QF4] Message from Chloé <Coordinator>");
  EXPECT_NE(en.text.find("Hello Aminata Diop,"), std::string::npos);
  EXPECT_NE(en.text.find("Please send the draft."), std::string::npos);
  EXPECT_NE(en.text.find("https://connex.example/requests/req-1"), std::string::npos);
  EXPECT_EQ(en.message_id, "<mail-1@mail.example>");
  EXPECT_EQ(en.in_reply_to, "<request.req-1@mail.example>");
  EXPECT_EQ(en.from, "CONNEX <connex@mail.example>");
  // What a person typed is text in the HTML, never markup.
  EXPECT_NE(en.html.find("Chloé &lt;Coordinator&gt;"), std::string::npos);
  EXPECT_EQ(en.html.find("<Coordinator>"), std::string::npos);

  const RenderedMail fr = RenderMail(Message("fr"), kSettings);
  EXPECT_EQ(fr.subject, "[CNX-2026-K7QF4] Message de Chloé <Coordinator>");
  EXPECT_NE(fr.text.find("Bonjour Aminata Diop,"), std::string::npos);
  EXPECT_NE(fr.html.find("lang=\"fr\""), std::string::npos);
  const RenderedMail es = RenderMail(Message("es"), kSettings);
  EXPECT_EQ(es.subject, "[CNX-2026-K7QF4] Mensaje de Chloé <Coordinator>");
  EXPECT_NE(es.text.find("Estimado/a Aminata Diop:"), std::string::npos);
  EXPECT_NE(es.html.find("lang=\"es\""), std::string::npos);
  const RenderedMail pt = RenderMail(Message("pt"), kSettings);
  EXPECT_EQ(pt.subject, "[CNX-2026-K7QF4] Mensagem de Chloé <Coordinator>");
  EXPECT_NE(pt.text.find("Caro(a) Aminata Diop,"), std::string::npos);
  EXPECT_NE(pt.html.find("lang=\"pt\""), std::string::npos);
}

TEST(MailRender, NamesStatesInWordsAndAddsTheReasonOnlyWhenGiven) {
  OutboundMail m = Message("fr");
  m.kind = "state_changed";
  m.params = {{"from", "submitted"}, {"to", "awaiting_information"}, {"reason", ""}};
  RenderedMail r = RenderMail(m, kSettings);
  EXPECT_EQ(r.subject, "[CNX-2026-K7QF4] En attente d'informations");
  EXPECT_EQ(r.text.find("awaiting_information"), std::string::npos);
  EXPECT_EQ(r.text.find("Motif"), std::string::npos);
  m.params["reason"] = "Le budget manque";
  r = RenderMail(m, kSettings);
  EXPECT_NE(r.text.find("Motif indiqué\u00a0: Le budget manque"), std::string::npos);
}

TEST(MailRender, MailsAboutNoRequestStartNoThread) {
  OutboundMail m = Message("en");
  m.kind = "password_reset";
  m.request_id.clear();
  m.reference.clear();
  m.params = {{"name", "A"}, {"email", "a@example.org"}, {"expires", "2026-12-04 12:00"}};
  const RenderedMail r = RenderMail(m, kSettings);
  EXPECT_TRUE(r.in_reply_to.empty());
  EXPECT_EQ(r.subject, "Choose a new password for the CONNEX portal");
}

// The {name} and {name|list} placeholders of a catalog text.
std::set<std::string> Placeholders(const std::string& text) {
  static const std::regex placeholder(R"(\{[a-z_|]+\})");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

// Every catalog has the words of every kind, with the same placeholders as
// English, so no mail is ever short of a sentence in one language.
TEST(MailRender, EveryLanguageWordsEveryKindWithTheSamePlaceholders) {
  std::vector<std::string> kinds = ChoosableMailKinds();
  kinds.insert(kinds.end(), {"invitation", "password_reset", "digest"});
  const nlohmann::json& en = MailCatalog("en");
  EXPECT_EQ(en["kinds"].size(), kinds.size()) << "a kind with words but no sender, or the reverse";
  for (const std::string& kind : kinds) {
    for (const std::string& language : MailLanguages()) {
      SCOPED_TRACE(kind + " in " + language);
      const nlohmann::json& words = MailCatalog(language)["kinds"];
      ASSERT_TRUE(words.contains(kind));
      ASSERT_EQ(words[kind].size(), en["kinds"][kind].size());
      for (const auto& [part, text] : en["kinds"][kind].items()) {
        ASSERT_TRUE(words[kind].contains(part)) << part;
        EXPECT_EQ(Placeholders(words[kind][part].get<std::string>()),
                  Placeholders(text.get<std::string>()))
            << part;
      }
      OutboundMail m = Message(language);
      m.kind = kind;
      m.params = nlohmann::json::object();
      EXPECT_NO_THROW(RenderMail(m, kSettings));
    }
    // Every list a placeholder names has a word for each code in every language.
    for (const char* list : {"state", "clock", "deliverable_status", "role"}) {
      for (const std::string& language : MailLanguages()) {
        EXPECT_EQ(MailCatalog(language)[list].size(), en[list].size()) << list << " " << language;
      }
    }
  }
  EXPECT_TRUE(IsMailLanguage("fr"));
  EXPECT_FALSE(IsMailLanguage("xx"));
}

// The letter's and the calendar's words have the placeholders of English in
// every language, and the code lists the server writes (commodities, phases,
// obligation kinds and states, regions, contract types, the impact report's
// words) say what the web app's pages say.
TEST(MailRender, LettersAndCalendarsSayWhatThePagesSay) {
  const nlohmann::json& en = MailCatalog("en");
  // Each list the server names codes from, and where the web app keeps its words.
  const std::map<std::string, std::vector<std::string>> web_prefixes = {
      {"commodity", {"commodity."}},
      {"phase", {"phase."}},
      {"obligation_type", {"monitoring.type."}},
      {"obligation_state", {"monitoring.state."}},
      {"region", {"region.", "impact.region."}},
      {"interval", {"impact.interval."}},
      {"rating", {"feedback."}},
      {"contract_type", {"contractType."}},
      {"impact", {"impact."}}};
  for (const std::string& language : MailLanguages()) {
    SCOPED_TRACE(language);
    const nlohmann::json& words = MailCatalog(language);
    // A translation may leave a name out ("Madame, Monsieur,"), never add one.
    for (const char* part : {"letter", "calendar", "impact", "compare"}) {
      ASSERT_EQ(words[part].size(), en[part].size()) << part;
      for (const auto& [key, text] : en[part].items()) {
        ASSERT_TRUE(words[part].contains(key)) << part << "." << key;
        const std::set<std::string> mine = Placeholders(words[part][key].get<std::string>()),
                                    english = Placeholders(text.get<std::string>());
        EXPECT_TRUE(std::includes(english.begin(), english.end(), mine.begin(), mine.end()))
            << part << "." << key;
      }
    }
    std::ifstream in("web/src/messages/" + language + ".ts");
    ASSERT_TRUE(in) << "run from the source directory";
    const std::string web((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& [list, prefixes] : web_prefixes) {
      ASSERT_EQ(words[list].size(), en[list].size()) << list;
      for (const auto& [code, label] : words[list].items()) {
        size_t at = std::string::npos;
        std::string entry;
        for (const std::string& prefix : prefixes) {
          entry = "'" + prefix + code + "': ";
          at = web.find(entry);
          if (at != std::string::npos) break;
        }
        // The impact workbook has words of its own beside the page's.
        if (list == "impact" && at == std::string::npos) continue;
        ASSERT_NE(at, std::string::npos) << list << " " << code;
        const std::string line =
            web.substr(at + entry.size(), web.find('\n', at) - at - entry.size());
        EXPECT_NE(line.find(label.get<std::string>()), std::string::npos) << entry << line;
      }
    }
  }
}

TEST(MailRender, ReplyAddressesCarryTheTokenAfterThePlus) {
  EXPECT_EQ(ReplyAddress("connex@mail.example", "abc"), "connex+abc@mail.example");
}

}  // namespace
}  // namespace connex::domain
