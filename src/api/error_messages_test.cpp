// Errors in the reader's language: the catalog complete in the four
// languages, the most specific entry chosen, numbers in the reader's signs,
// and the language an Accept-Language header asks for.
#include "api/error_messages.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

namespace connex {
extern const char* const kErrorMessagesJson;
}

namespace connex::api {
namespace {

std::set<std::string> Names(const std::string& text) {
  std::set<std::string> out;
  static const std::regex name(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), name); it != std::sregex_iterator();
       ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

TEST(ErrorMessages, EveryEntryIsWrittenInTheFourLanguagesWithItsOwnNames) {
  const nlohmann::json catalog = nlohmann::json::parse(kErrorMessagesJson);
  std::set<std::string> seen;
  for (const nlohmann::json& e : catalog.at("messages")) {
    const std::string server = e.at("server");
    EXPECT_TRUE(seen.insert(server).second) << "twice: " << server;
    const std::set<std::string> names = Names(server);
    for (const char* lang : {"en", "fr", "es", "pt"}) {
      ASSERT_TRUE(e.contains(lang)) << server << " has no " << lang;
      const std::string words = e.at(lang);
      EXPECT_FALSE(words.empty()) << server << " in " << lang;
      for (const std::string& n : Names(words)) {
        EXPECT_TRUE(names.count(n)) << server << " in " << lang << " uses {" << n << "}";
      }
    }
  }
}

TEST(ErrorMessages, TheSameErrorReadsInEachLanguage) {
  const std::string rate = "must be from 0 to 1, got 1.5";
  EXPECT_EQ(PersonMessage(rate, "en"), "Enter a rate between 0% and 100%.");
  EXPECT_EQ(PersonMessage(rate, "fr"), "Saisissez un taux entre 0 % et 100 %.");
  EXPECT_EQ(PersonMessage(rate, "es"), "Ingrese una tasa entre 0 % y 100 %.");
  EXPECT_EQ(PersonMessage(rate, "pt"), "Introduza uma taxa entre 0% e 100%.");
  EXPECT_EQ(PersonMessage("is required", "pt"), "Este campo é obrigatório.");
  EXPECT_EQ(PersonMessage("is required to submit", "es"), "Complete este campo antes de enviar.");
}

TEST(ErrorMessages, TheMostSpecificEntryWinsAndNumbersTakeTheReadersSigns) {
  EXPECT_EQ(PersonMessage("must be from 0 to 1000000, got -3", "fr"),
            "Saisissez un nombre de 0 à 1\u202F000\u202F000.");
  EXPECT_EQ(PersonMessage("must be from 0.5 to 2.5, got 3", "pt"),
            "Introduza um número de 0,5 a 2,5.");
  EXPECT_EQ(PersonMessage("must be at most 200 characters, got 250", "es"),
            "Acorte este texto a 200 caracteres como máximo (tiene 250).");
  EXPECT_EQ(PersonMessage("must be at most 5, got 7", "en"), "Enter 5 or less.");
  // The bounds of a year are years, never grouped.
  const std::string years = "must be a whole number from 2031 to 2034, got 2040";
  EXPECT_EQ(PersonMessage(years, "en", "model.regimes[2].change.year"),
            "Enter a whole number from 2031 to 2034.");
  EXPECT_EQ(PersonMessage(years, "fr", "model.project.first_year"),
            "Saisissez un nombre entier de 2031 à 2034.");
  EXPECT_EQ(PersonMessage(years, "en", "model.project.years"),
            "Enter a whole number from 2,031 to 2,034.");
  EXPECT_EQ(PersonMessage("has 5 values but the project has 30 years (2026-2055)", "fr"),
            "Saisissez un nombre pour chaque année de 2026 à 2055 (30 années ; il y en a 5).");
  EXPECT_EQ(PersonMessage("needs exactly one of \"deck\" (a price per year) or \"base\" (with "
                          "optional \"escalation\")",
                          "es"),
            "Indique un precio para cada año o un precio base (con su escalamiento), no ambos.");
  EXPECT_EQ(PersonMessage("this account is locked after repeated failed sign-ins; try again in "
                          "1 minute",
                          "fr"),
            "Trop de tentatives de connexion échouées : ce compte est bloqué. Réessayez dans 1 "
            "minute.");
  // Several projects: the first year of another project is a year.
  EXPECT_EQ(PersonMessage("must be 2030, as in the first project: projects share their years", "pt",
                          "model.projects[1].first_year"),
            "Todos os projetos abrangem os mesmos anos: introduza 2030, como no primeiro projeto.");
  EXPECT_EQ(PersonMessage("names no term sheet of the model (\"a\", \"b\")", "fr"),
            "Choisissez l'un des jeux de termes du modèle : \"a\", \"b\".");
}

TEST(ErrorMessages, AMessageTheCatalogLacksStaysAsWritten) {
  EXPECT_EQ(PersonMessage("a message of no entry", "fr"), "a message of no entry");
  EXPECT_EQ(PersonMessage("is required for something else entirely", "es"),
            "is required for something else entirely");
  EXPECT_EQ(PersonMessage("is required", "de"), "Fill this in.");
}

TEST(ErrorMessages, TheErrorBodysMessagesChangeAndItsCodesAndFieldsStay) {
  nlohmann::json body = {
      {"error", {{"code", "invalid_input"}, {"message", "is required"}, {"field", "name"}}},
      {"errors",
       {{{"code", "invalid_input"}, {"message", "is required"}, {"field", "name"}},
        {{"code", "invalid_input"},
         {"message", "must be a date (YYYY-MM-DD)"},
         {"field", "deadline"}}}}};
  InLanguage(body, "fr");
  EXPECT_EQ(body["error"]["message"], "Ce champ est obligatoire.");
  EXPECT_EQ(body["error"]["code"], "invalid_input");
  EXPECT_EQ(body["errors"][1]["field"], "deadline");
  EXPECT_EQ(body["errors"][1]["message"],
            "Saisissez une date (année-mois-jour, p. ex. 2026-03-31).");
}

// Every message the server's code writes whole (Error{code, "text", ...}) that
// a person can meet has its entry: a French reader never gets the English.
// Messages built from parts are checked where they are made (the API tests);
// what only the command line says stays in English, as docs/api.md says.
TEST(ErrorMessages, EveryFixedMessageOfTheServerHasItsEntry) {
  const std::set<std::string> command_line_only = {
      "no account has this email",                              // connex user reset-password
      "the reply address names no conversation of the portal",  // connex mail receive
      "the account this address was given to is closed",
      "the reply has no words above the quoted message",
      "is not a mail message",
      "names no sender",
      "no anchor file is kept",
      "cannot create the data directory",
      "cannot open the database",
      "cannot connect to PostgreSQL",
      "already exists; choose a new file name",
      "copies an SQLite database into PostgreSQL",
      "a PostgreSQL database is copied with pg_dump (docs/deploy.md)",  // connex backup
      "must be the email of a coordinator or administrator"};
  const std::regex error(R"re(Error\{\s*ErrorCode::\w+,\s*"((?:[^"\\]|\\.)*)"\s*[,}])re");
  int checked = 0;
  std::vector<std::string> missing;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("src")) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".cpp" || path.find("_test.cpp") != std::string::npos ||
        path.rfind("src/cli/", 0) == 0) {
      continue;
    }
    std::ifstream in(path);
    const std::string code((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (auto it = std::sregex_iterator(code.begin(), code.end(), error);
         it != std::sregex_iterator(); ++it) {
      const std::string message = std::regex_replace((*it)[1].str(), std::regex(R"(\\")"), "\"");
      if (command_line_only.count(message)) continue;
      ++checked;
      if (PersonMessage(message, "fr") == message) missing.push_back(path + ": " + message);
    }
  }
  EXPECT_GT(checked, 100) << "run from the source directory";
  for (const std::string& m : missing) ADD_FAILURE() << "no entry in messages/errors.json: " << m;
}

TEST(AcceptedLanguage, PicksThePortalLanguageOfHighestQuality) {
  EXPECT_EQ(AcceptedLanguage("fr-SN,fr;q=0.9,en;q=0.5"), "fr");
  EXPECT_EQ(AcceptedLanguage("de-DE,pt;q=0.8,en;q=0.9"), "en");
  EXPECT_EQ(AcceptedLanguage("es-419"), "es");
  EXPECT_EQ(AcceptedLanguage("PT-mz, en;q=0.1"), "pt");
  EXPECT_EQ(AcceptedLanguage("de, it;q=0.5"), "");
  EXPECT_EQ(AcceptedLanguage("pt;q=0"), "");
  EXPECT_EQ(AcceptedLanguage(""), "");
  EXPECT_EQ(AcceptedLanguage(";;,,q=,;q=abc"), "");
}

}  // namespace
}  // namespace connex::api
