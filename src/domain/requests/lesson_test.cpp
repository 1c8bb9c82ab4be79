// Lessons learned are checked against their engagement's own names before
// they leave it: country (code, names in four languages, demonyms), ministry,
// project, site and companies, whole and by their distinctive words.
#include "domain/requests/lesson.hpp"

#include <gtest/gtest.h>

namespace connex::domain {
namespace {

RequestForm Ghana() {
  RequestForm f;
  f.country = "GHA";
  f.entity = "Minerals Commission";
  f.project_name = "Ahafo North copper-gold mining lease";
  f.site = "Brong-Ahafo Region";
  f.counterparties = {{"Acme Mining Ltd.", {"Acme Ghana Ltd", "Kumasi Holdings"}}};
  return f;
}

Lesson Saying(const std::string& worked, const std::string& title = "Model early") {
  Lesson l;
  l.title = title;
  l.worked = worked;
  return l;
}

std::vector<std::string> Terms(const std::vector<LessonFlag>& flags) {
  std::vector<std::string> out;
  for (const LessonFlag& f : flags) out.push_back(f.field + ":" + f.kind + ":" + f.term);
  return out;
}

TEST(LessonFlags, NameTheCountryItsCodeAndItsPeople) {
  EXPECT_EQ(Terms(LessonFlags(Saying("The Ghanaian team modelled the royalty first."), Ghana())),
            std::vector<std::string>{"worked:country:Ghana"});
  EXPECT_EQ(Terms(LessonFlags(Saying("Data for GHA came late."), Ghana())),
            std::vector<std::string>{"worked:country:GHA"});
  // Other languages' names, and no case: "gana" in Portuguese.
  EXPECT_EQ(Terms(LessonFlags(Saying("A equipa do GANA reagiu depressa."), Ghana())).size(), 1u);
  RequestForm senegal;
  senegal.country = "SEN";
  EXPECT_EQ(Terms(LessonFlags(Saying("L'équipe sénégalaise a lu le modèle."), senegal)),
            std::vector<std::string>{"worked:country:Sénégal"});
}

TEST(LessonFlags, NameTheMinistryProjectSiteAndCompanies) {
  const auto flags = Terms(
      LessonFlags(Saying("Acme's first offer was read with the Minerals Commission near Kumasi.",
                         "Ahafo: model early"),
                  Ghana()));
  EXPECT_EQ(flags,
            (std::vector<std::string>{"title:project:Ahafo", "worked:entity:Minerals Commission",
                                      "worked:company:Acme", "worked:company:Kumasi"}));
}

TEST(LessonFlags, LeaveCommonWordsAndOtherWordsAlone) {
  // Words of any contract, a lowercase "acme", "ganancias" (not a people of Gana).
  EXPECT_TRUE(LessonFlags(Saying("The mining lease's copper-gold royalty and the ministry's "
                                 "commission; the acme of the talks; las ganancias del Estado."),
                          Ghana())
                  .size() == 1u);  // only "acme": the company's word, without case
  EXPECT_TRUE(LessonFlags(Saying("A fiscal model shared before the first round let the "
                                 "officials answer the royalty proposal in two days."),
                          Ghana())
                  .empty());
}

TEST(CountryNames, HoldTheFourLanguagesNames) {
  const auto& names = CountryNames("CIV");
  for (const char* n : {"Côte d'Ivoire", "Costa do Marfim"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  }
  EXPECT_TRUE(CountryNames("XXX").empty());
}

}  // namespace
}  // namespace connex::domain
