#include "api/routes/impact_export.hpp"

#include <xlsxwriter.h>

#include <functional>

#include "api/routes/routes.hpp"
#include "domain/mail/mail_render.hpp"

namespace connex::api {

using namespace domain;

namespace {

// The workbook's words in the reader's language (the `impact` section of the
// catalogs) and the names of the codes its groups are keyed by.
struct Words {
  const nlohmann::json& catalog;
  std::string operator()(const char* key, const nlohmann::json& params = {}) const {
    return FillWords(catalog, catalog["impact"][key].get<std::string>(), params);
  }
  std::string Name(const char* list, const std::string& code) const {
    return catalog[list].value(code, code);
  }
};

struct Sheet {
  lxw_worksheet* ws;
  lxw_format* bold;
  std::string hidden;  // the note beside a suppressed figure
  lxw_row_t row = 0;

  void Header(std::initializer_list<std::string> names) {
    lxw_col_t col = 0;
    for (const std::string& n : names) worksheet_write_string(ws, row, col++, n.c_str(), bold);
    ++row;
  }
  void Text(lxw_col_t col, const std::string& text) {
    worksheet_write_string(ws, row, col, text.c_str(), nullptr);
  }
  // A figure, or an empty cell and a note when it is suppressed.
  void Figure(lxw_col_t col, bool suppressed, double value, lxw_col_t note_col) {
    if (suppressed) {
      worksheet_write_string(ws, row, note_col, hidden.c_str(), nullptr);
    } else {
      worksheet_write_number(ws, row, col, value, nullptr);
    }
  }
};

Sheet Add(lxw_workbook* wb, lxw_format* bold, const Words& words, const std::string& name) {
  Sheet s{workbook_add_worksheet(wb, name.c_str()), bold, words("suppressed")};
  worksheet_set_column(s.ws, 0, 0, 26, nullptr);
  worksheet_set_column(s.ws, 1, 6, 16, nullptr);
  return s;
}

// One breakdown's sheet; `name_of` gives the name of a group's key.
void Rows(lxw_workbook* wb, lxw_format* bold, const Words& words, const char* part,
          const std::vector<GroupRow>& rows,
          const std::function<std::string(const std::string&)>& name_of) {
  Sheet s = Add(wb, bold, words, words(part));
  s.Header({words(part), words("requests"), words("engagements"), words("note")});
  for (const GroupRow& g : rows) {
    s.Text(0, name_of(g.key));
    s.Figure(1, g.suppressed, g.requests, 3);
    s.Figure(2, g.suppressed, g.engagements, 3);
    ++s.row;
  }
}

}  // namespace

Result<std::string> ImpactXlsx(const ImpactReport& r, const std::string& language,
                               const std::map<std::string, std::string>& disciplines) {
  const Words words{MailCatalog(language)};
  return WrittenWorkbook([&](lxw_workbook* wb) {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);

    Sheet totals = Add(wb, bold, words, words("summary_sheet"));
    worksheet_write_string(totals.ws, totals.row++, 0, words("title").c_str(), bold);
    const ImpactQuery& q = r.query;
    const auto discipline = [&](const std::string& code) {
      const auto it = disciplines.find(code);
      return it == disciplines.end() ? code : it->second;
    };
    const std::pair<const char*, std::string> filters[] = {
        {"from", q.from},
        {"to", q.to},
        {"country", q.country},
        {"region", q.region.empty() ? "" : words.Name("region", q.region)},
        {"commodity", q.commodity.empty() ? "" : words.Name("commodity", q.commodity)},
        {"discipline", q.discipline.empty() ? "" : discipline(q.discipline)},
        {"interval", words.Name("interval", ToString(q.interval))}};
    for (const auto& [label, value] : filters) {
      totals.Text(0, words(label));
      totals.Text(1, value.empty() ? words("all") : value);
      ++totals.row;
    }
    totals.Text(0, words("minimum_group"));
    worksheet_write_number(totals.ws, totals.row++, 1, kMinimumGroup, nullptr);
    ++totals.row;
    totals.Header({words("measure"), words("value"), words("note")});
    const std::pair<const char*, int> counts[] = {{"requests", r.requests},
                                                  {"engagements", r.engagements},
                                                  {"closed", r.closed},
                                                  {"answered", r.answered}};
    for (const auto& [label, value] : counts) {
      totals.Text(0, words(label));
      totals.Figure(1, r.suppressed, value, 2);
      ++totals.row;
    }
    const bool ds = r.suppressed || r.durations_suppressed;
    totals.Text(0, words("median_days"));
    totals.Figure(1, ds, r.median_days, 2);
    ++totals.row;
    totals.Text(0, words("mean_days"));
    totals.Figure(1, ds, r.mean_days, 2);
    ++totals.row;
    const bool ss = r.suppressed || r.satisfaction_suppressed;
    for (size_t i = 0; i < 6; ++i) {
      totals.Text(0, words("mean_rating", {{"rating", kFeedbackRatings[i]}}));
      totals.Figure(1, ss, r.mean_ratings[i], 2);
      ++totals.row;
    }
    for (const RevenueFigures& f : r.added_revenue) {
      totals.Text(0, words("revenue_total", {{"currency", f.currency}}));
      totals.Figure(1, f.suppressed, f.total, 2);
      ++totals.row;
      totals.Text(0, words("revenue_median", {{"currency", f.currency}}));
      totals.Figure(1, f.suppressed, f.median, 2);
      ++totals.row;
    }
    const DisclosureFigures& d = r.disclosure;
    const bool dsup = r.suppressed || d.suppressed;
    const std::pair<const char*, double> disclosure[] = {
        {"disclosure_committed", d.committed},
        {"disclosure_due", d.due},
        {"disclosure_on_time", d.on_time},
        {"disclosure_late", d.late},
        {"disclosure_overdue", d.overdue},
        {"disclosure_share", d.share_published},
        {"disclosure_share_on_time", d.share_on_time}};
    for (const auto& [label, value] : disclosure) {
      totals.Text(0, words(label));
      totals.Figure(1, dsup, value, 2);
      ++totals.row;
    }

    const auto as_is = [](const std::string& key) { return key; };
    Rows(wb, bold, words, "period", r.over_time, as_is);
    Rows(wb, bold, words, "country", r.by_country, as_is);  // ISO codes, as the pages show them
    Rows(wb, bold, words, "region", r.by_region,
         [&](const std::string& k) { return words.Name("region", k); });
    Rows(wb, bold, words, "commodity", r.by_commodity,
         [&](const std::string& k) { return words.Name("commodity", k); });
    Rows(wb, bold, words, "discipline", r.by_discipline, discipline);

    Sheet sla = Add(wb, bold, words, words("responseTimes"));
    sla.Header({words("clock"), words("target"), words("measured"), words("met"), words("shareMet"),
                words("medianHours"), words("note")});
    for (const ClockFigures& c : r.response_times) {
      sla.Text(0, words.Name("clock", ToString(c.kind)));
      worksheet_write_number(sla.ws, sla.row, 1, c.target_hours, nullptr);
      sla.Figure(2, c.suppressed, c.measured, 6);
      sla.Figure(3, c.suppressed, c.met, 6);
      sla.Figure(4, c.suppressed, c.share_met, 6);
      if (c.median_hours) sla.Figure(5, c.suppressed, *c.median_hours, 6);
      ++sla.row;
    }

    Sheet referred = Add(wb, bold, words, words("referrals_sheet"));
    referred.Header({words("provider"), words("referrals"), words("referrals_accepted"),
                     words("referrals_declined"), words("referrals_completed"),
                     words("referrals_median_days"), words("note")});
    std::vector<ReferralRow> rows = {r.referrals};
    rows.insert(rows.end(), r.referrals_by_provider.begin(), r.referrals_by_provider.end());
    for (const ReferralRow& row : rows) {
      const bool hidden = r.suppressed || row.suppressed;
      referred.Text(0, row.key.empty() ? words("all_providers") : row.key);
      referred.Figure(1, hidden, row.referrals, 6);
      referred.Figure(2, hidden, row.accepted, 6);
      referred.Figure(3, hidden, row.declined, 6);
      referred.Figure(4, hidden, row.completed, 6);
      if (row.median_response_days) referred.Figure(5, hidden, *row.median_response_days, 6);
      ++referred.row;
    }
  });
}

}  // namespace connex::api
