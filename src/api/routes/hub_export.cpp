#include "api/routes/hub_export.hpp"

#include <xlsxwriter.h>

#include <algorithm>

#include "api/routes/routes.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/shared/csv.hpp"

namespace connex::api {

using namespace domain;

namespace {

std::string Joined(const std::vector<std::string>& v, const char* sep = "; ") {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string Companies(const HubMetadata& m) {
  std::vector<std::string> names;
  for (const Company& c : m.companies) names.push_back(c.name);
  return Joined(names);
}

std::string Pages(const std::vector<int>& pages) {
  std::vector<std::string> v;
  for (int p : pages) v.push_back(std::to_string(p));
  return Joined(v, ", ");
}

// The columns of a comparison, one row per annotation.
const std::vector<std::string> kCompareColumns = {
    "document", "country", "year",    "resources",    "contract type", "companies",
    "article",  "pages",   "summary", "translations", "reviewed"};

std::vector<std::string> CompareRow(const ComparedClause& row) {
  const auto& [d, a] = row;
  std::vector<std::string> translations;
  for (const auto& [lang, text] : a.translations) translations.push_back(lang + ": " + text);
  const int year = SignatureYear(d.meta);
  return {d.meta.title,
          d.meta.country,
          year ? std::to_string(year) : "",
          Joined(d.meta.resources),
          d.meta.contract_type,
          Companies(d.meta),
          a.article,
          Pages(a.pages),
          a.summary,
          Joined(translations, " | "),
          a.status == "reviewed" ? "yes" : "no"};
}

}  // namespace

std::string SearchCsv(const std::vector<HubDocument>& documents, const std::vector<int>& pages) {
  std::string out =
      "id,title,kind,country,year,resources,contract_type,document_type,language,companies,"
      "best_page\n";
  for (size_t i = 0; i < documents.size(); ++i) {
    const HubDocument& d = documents[i];
    const int year = SignatureYear(d.meta);
    const std::vector<std::string> cells = {
        d.id,
        d.meta.title,
        d.meta.kind,
        d.meta.country,
        year ? std::to_string(year) : "",
        Joined(d.meta.resources),
        d.meta.contract_type,
        d.meta.document_type,
        d.meta.language,
        Companies(d.meta),
        i < pages.size() && pages[i] ? std::to_string(pages[i]) : ""};
    for (size_t c = 0; c < cells.size(); ++c) out += (c ? "," : "") + CsvCell(cells[c]);
    out += "\n";
  }
  return out;
}

std::string CompareCsv(const std::string& category, const std::vector<ComparedClause>& rows) {
  std::string out = "category";
  for (const std::string& c : kCompareColumns) out += "," + CsvCell(c);
  out += "\n";
  for (const ComparedClause& row : rows) {
    out += CsvCell(category);
    for (const std::string& cell : CompareRow(row)) out += "," + CsvCell(cell);
    out += "\n";
  }
  return out;
}

Result<std::string> CompareXlsx(const std::string& category,
                                const std::vector<ComparedClause>& rows,
                                const std::string& language) {
  const nlohmann::json& catalog = MailCatalog(language);
  const nlohmann::json& words = catalog["compare"];
  const auto name = [&](const char* list, const std::string& code) {
    return catalog[list].value(code, code);
  };
  return WrittenWorkbook([&](lxw_workbook* wb) {
    const AnnotationCategory* c = FindCategory(category);
    lxw_worksheet* ws = workbook_add_worksheet(wb, words["sheet"].get<std::string>().c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    std::string label = category;
    if (c) label = c->labels.count(language) ? c->labels.at(language) : c->label;
    worksheet_write_string(
        ws, 0, 0,
        FillWords(catalog, words["clause"].get<std::string>(), {{"category", label}}).c_str(),
        bold);
    for (size_t i = 0; i < kCompareColumns.size(); ++i) {
      std::string head = kCompareColumns[i];
      std::replace(head.begin(), head.end(), ' ', '_');
      worksheet_write_string(ws, 2, static_cast<lxw_col_t>(i),
                             words.value(head, kCompareColumns[i]).c_str(), bold);
    }
    worksheet_set_column(ws, 0, 0, 40, nullptr);
    worksheet_set_column(ws, 8, 9, 70, wrap);
    for (size_t r = 0; r < rows.size(); ++r) {
      auto cells = CompareRow(rows[r]);
      // What the CSV keeps as codes, a person reads as names.
      std::vector<std::string> resources;
      for (const std::string& x : rows[r].first.meta.resources) {
        resources.push_back(name("commodity", x));
      }
      cells[3] = Joined(resources);
      cells[4] = name("contract_type", cells[4]);
      cells[10] = words[rows[r].second.status == "reviewed" ? "yes" : "no"].get<std::string>();
      for (size_t i = 0; i < cells.size(); ++i) {
        const auto row = static_cast<lxw_row_t>(r + 3);
        const auto col = static_cast<lxw_col_t>(i);
        if (i == 2 && !cells[i].empty()) {
          worksheet_write_number(ws, row, col, std::stod(cells[i]), nullptr);
        } else {
          worksheet_write_string(ws, row, col, cells[i].c_str(), i >= 8 ? wrap : nullptr);
        }
      }
    }
    worksheet_freeze_panes(ws, 3, 1);
  });
}

}  // namespace connex::api
