#include <algorithm>

#include "domain/hub/hub_document.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex {
extern const char* const kAnnotationCategoriesJson;     // data/annotation-categories.json
extern const char* const kAnnotationCategoryWordsJson;  // data/annotation-categories.i18n.json
}  // namespace connex

namespace connex::domain {

const std::vector<AnnotationCategory>& AnnotationCategories() {
  static const std::vector<AnnotationCategory> all = [] {
    std::vector<AnnotationCategory> out;
    const nlohmann::json j = nlohmann::json::parse(kAnnotationCategoriesJson);
    const nlohmann::json words = nlohmann::json::parse(kAnnotationCategoryWordsJson);
    // English from the codelist, the other languages from the translations
    // (a test holds them to every key, section and cluster).
    const auto labels = [](const std::string& english, const nlohmann::json& others) {
      Labels words_of{{"en", english}};
      for (const auto& [language, text] : others.items())
        words_of[language] = text.get<std::string>();
      return words_of;
    };
    for (const nlohmann::json& c : j.at("categories")) {
      AnnotationCategory a;
      a.key = c.at("key").get<std::string>();
      a.label = c.at("label").get<std::string>();
      a.section = c.at("section").get<std::string>();
      a.cluster = c.at("cluster").get<std::string>();
      a.labels = labels(a.label, words["categories"].value(a.key, nlohmann::json::object()));
      a.section_labels =
          labels(a.section, words["sections"].value(a.section, nlohmann::json::object()));
      a.cluster_labels =
          labels(a.cluster, words["clusters"].value(a.cluster, nlohmann::json::object()));
      out.push_back(std::move(a));
    }
    return out;
  }();
  return all;
}

const AnnotationCategory* FindCategory(const std::string& key) {
  const auto& all = AnnotationCategories();
  const auto it = std::find_if(all.begin(), all.end(),
                               [&](const AnnotationCategory& c) { return c.key == key; });
  return it == all.end() ? nullptr : &*it;
}

Result<Annotation> ReadAnnotation(const nlohmann::json& j, int page_count) {
  Errors errors;
  Annotation a;
  ObjectReader r(j, "",
                 {"category", "summary", "language", "pages", "article", "translations", "version"},
                 errors);
  a.category = r.Text("category", 200);
  if (a.category.empty()) {
    r.Fail("category", "is required");
  } else if (!FindCategory(a.category)) {
    r.Fail("category", "\"" + a.category + "\" is not a category of the annotation codelist");
  }
  a.summary = r.Text("summary", 5000);
  if (a.summary.empty()) r.Fail("summary", "is required: the clause in plain language");
  a.language = r.Text("language", 2, &kLanguages);
  if (a.language.empty()) a.language = "en";
  if (const nlohmann::json* list = r.List("pages", 200)) {
    for (size_t i = 0; i < list->size(); ++i) {
      const nlohmann::json& v = (*list)[i];
      const int hi = page_count > 0 ? page_count : 100000;
      if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > hi) {
        r.Fail("pages[" + std::to_string(i) + "]",
               "must be a page of the document, 1 to " + std::to_string(hi));
      } else {
        a.pages.push_back(v.get<int>());
      }
    }
  }
  std::sort(a.pages.begin(), a.pages.end());
  a.pages.erase(std::unique(a.pages.begin(), a.pages.end()), a.pages.end());
  a.article = r.Text("article", 200);
  if (const nlohmann::json* list = r.List("translations", 10)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader t((*list)[i], "translations[" + std::to_string(i) + "]", {"language", "summary"},
                     errors);
      const std::string lang = t.RequiredText("language", 2, &kLanguages);
      const std::string text = t.RequiredText("summary", 5000);
      if (lang == a.language && !lang.empty()) t.Fail("language", "is the summary's own language");
      a.translations.emplace_back(lang, text);
    }
  }
  a.version = r.Integer("version", 0, 1 << 30);
  if (!errors.empty()) return errors;
  return a;
}

nlohmann::json ToJson(const Annotation& a) {
  nlohmann::json translations = nlohmann::json::array();
  for (const auto& [lang, text] : a.translations) {
    translations.push_back({{"language", lang}, {"summary", text}});
  }
  const AnnotationCategory* c = FindCategory(a.category);
  return {{"id", a.id},
          {"document_id", a.document_id},
          {"category", a.category},
          {"category_label", c ? c->label : a.category},
          {"cluster", c ? c->cluster : ""},
          {"summary", a.summary},
          {"language", a.language},
          {"pages", a.pages},
          {"article", a.article},
          {"translations", translations},
          {"status", a.status},
          {"created_by", a.created_by},
          {"reviewed_by", a.reviewed_by},
          {"created_at", ToIso(a.created_at)},
          {"updated_at", ToIso(a.updated_at)},
          {"version", a.version}};
}

}  // namespace connex::domain
