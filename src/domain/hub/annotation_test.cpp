#include <gtest/gtest.h>

#include <set>

#include "domain/hub/hub_document.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {
namespace {

// Every category of the codelist, its section and its cluster have words in
// each of the portal's languages, none of them empty, and English is the
// codelist's own.
TEST(AnnotationCategories, EveryCategorySectionAndClusterHasWordsInEveryLanguage) {
  const auto& all = AnnotationCategories();
  ASSERT_EQ(all.size(), 83u);
  for (const AnnotationCategory& c : all) {
    SCOPED_TRACE(c.key);
    EXPECT_EQ(c.labels.at("en"), c.label);
    EXPECT_EQ(c.section_labels.at("en"), c.section);
    for (const std::string& language : kPortalLanguages) {
      for (const Labels* words : {&c.labels, &c.section_labels, &c.cluster_labels}) {
        ASSERT_TRUE(words->count(language)) << language;
        EXPECT_FALSE(words->at(language).empty()) << language;
      }
    }
    EXPECT_NE(c.labels.at("fr"), c.label) << "left in English";
  }
  // The profit-oil category's label is whole, not cut at its backslash.
  const AnnotationCategory* profit = FindCategory(
      "production-share-profit-oil-features-triggers-for-variations-in-split-irr-factor-"
      "production-etc");
  ASSERT_NE(profit, nullptr);
  EXPECT_EQ(profit->label,
            "Production Share - Profit Oil features (triggers for variations in split: IRR, "
            "R-factor, production, etc.)");
}

}  // namespace
}  // namespace connex::domain
