#include "api/routes/impact_export.hpp"

#include <xlsxwriter.h>

#include "api/routes/routes.hpp"

namespace connex::api {

using namespace domain;

namespace {

struct Sheet {
  lxw_worksheet* ws;
  lxw_format* bold;
  lxw_row_t row = 0;

  void Header(std::initializer_list<const char*> names) {
    lxw_col_t col = 0;
    for (const char* n : names) worksheet_write_string(ws, row, col++, n, bold);
    ++row;
  }
  void Text(lxw_col_t col, const std::string& text) {
    worksheet_write_string(ws, row, col, text.c_str(), nullptr);
  }
  // A figure, or an empty cell and a note when it is suppressed.
  void Figure(lxw_col_t col, bool suppressed, double value, lxw_col_t note_col) {
    if (suppressed) {
      worksheet_write_string(ws, row, note_col, "suppressed", nullptr);
    } else {
      worksheet_write_number(ws, row, col, value, nullptr);
    }
  }
};

Sheet Add(lxw_workbook* wb, lxw_format* bold, const char* name) {
  Sheet s{workbook_add_worksheet(wb, name), bold};
  worksheet_set_column(s.ws, 0, 0, 26, nullptr);
  worksheet_set_column(s.ws, 1, 6, 16, nullptr);
  return s;
}

void Rows(lxw_workbook* wb, lxw_format* bold, const char* name, const std::vector<GroupRow>& rows) {
  Sheet s = Add(wb, bold, name);
  s.Header({name, "Requests", "Engagements", "Note"});
  for (const GroupRow& g : rows) {
    s.Text(0, g.key);
    s.Figure(1, g.suppressed, g.requests, 3);
    s.Figure(2, g.suppressed, g.engagements, 3);
    ++s.row;
  }
}

}  // namespace

Result<std::string> ImpactXlsx(const ImpactReport& r) {
  return WrittenWorkbook([&](lxw_workbook* wb) {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);

    Sheet totals = Add(wb, bold, "Summary");
    worksheet_write_string(totals.ws, totals.row++, 0, "CONNEX impact report", bold);
    const ImpactQuery& q = r.query;
    const std::pair<const char*, std::string> filters[] = {{"From (month)", q.from},
                                                           {"To (month)", q.to},
                                                           {"Country", q.country},
                                                           {"Region", q.region},
                                                           {"Commodity", q.commodity},
                                                           {"Discipline", q.discipline},
                                                           {"Interval", ToString(q.interval)}};
    for (const auto& [label, value] : filters) {
      totals.Text(0, label);
      totals.Text(1, value.empty() ? "all" : value);
      ++totals.row;
    }
    totals.Text(0, "Groups smaller than this are suppressed");
    worksheet_write_number(totals.ws, totals.row++, 1, kMinimumGroup, nullptr);
    ++totals.row;
    totals.Header({"Measure", "Value", "Note"});
    const std::pair<const char*, int> counts[] = {{"Requests", r.requests},
                                                  {"Engagements", r.engagements},
                                                  {"Closed engagements", r.closed},
                                                  {"Surveys answered", r.answered}};
    for (const auto& [label, value] : counts) {
      totals.Text(0, label);
      totals.Figure(1, r.suppressed, value, 2);
      ++totals.row;
    }
    const bool ds = r.suppressed || r.durations_suppressed;
    totals.Text(0, "Median engagement, days");
    totals.Figure(1, ds, r.median_days, 2);
    ++totals.row;
    totals.Text(0, "Mean engagement, days");
    totals.Figure(1, ds, r.mean_days, 2);
    ++totals.row;
    const bool ss = r.suppressed || r.satisfaction_suppressed;
    for (size_t i = 0; i < 6; ++i) {
      totals.Text(0, std::string("Mean rating (1-5): ") + kFeedbackRatings[i]);
      totals.Figure(1, ss, r.mean_ratings[i], 2);
      ++totals.row;
    }
    for (const RevenueFigures& f : r.added_revenue) {
      totals.Text(0, "Estimated added revenue, total " + f.currency);
      totals.Figure(1, f.suppressed, f.total, 2);
      ++totals.row;
      totals.Text(0, "Estimated added revenue, median " + f.currency);
      totals.Figure(1, f.suppressed, f.median, 2);
      ++totals.row;
    }

    Rows(wb, bold, "Period", r.over_time);
    Rows(wb, bold, "Country", r.by_country);
    Rows(wb, bold, "Region", r.by_region);
    Rows(wb, bold, "Commodity", r.by_commodity);
    Rows(wb, bold, "Discipline", r.by_discipline);

    Sheet sla = Add(wb, bold, "Response times");
    sla.Header({"Clock", "Target (business hours)", "Measured", "Met", "Share met",
                "Median (business hours)", "Note"});
    for (const ClockFigures& c : r.response_times) {
      sla.Text(0, ToString(c.kind));
      worksheet_write_number(sla.ws, sla.row, 1, c.target_hours, nullptr);
      sla.Figure(2, c.suppressed, c.measured, 6);
      sla.Figure(3, c.suppressed, c.met, 6);
      sla.Figure(4, c.suppressed, c.share_met, 6);
      if (c.median_hours) sla.Figure(5, c.suppressed, *c.median_hours, 6);
      ++sla.row;
    }
  });
}

}  // namespace connex::api
