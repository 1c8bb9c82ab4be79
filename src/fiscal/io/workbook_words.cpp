#include "fiscal/io/workbook_words.hpp"

namespace connex {
extern const char* const kWorkbookWordsJson;
}  // namespace connex

namespace connex::fiscal::io {

const nlohmann::json& WorkbookWords::Catalog() {
  static const nlohmann::json catalog = nlohmann::json::parse(kWorkbookWordsJson);
  return catalog;
}

WorkbookWords::WorkbookWords(const std::string& language)
    : language_(language != "about" && Catalog().contains(language) ? language : "en") {}

std::string WorkbookWords::operator()(const std::string& path,
                                      const std::map<std::string, std::string>& params) const {
  const nlohmann::json::json_pointer at("/" + path);
  const nlohmann::json& mine = Catalog()[language_];
  const nlohmann::json& words = mine.contains(at) ? mine : Catalog()["en"];
  std::string text = words.contains(at) ? words[at].get<std::string>() : path;
  for (const auto& [name, value] : params) {
    const std::string mark = "{" + name + "}";
    for (size_t i = text.find(mark); i != std::string::npos;
         i = text.find(mark, i + value.size())) {
      text.replace(i, mark.size(), value);
    }
  }
  return text;
}

}  // namespace connex::fiscal::io
