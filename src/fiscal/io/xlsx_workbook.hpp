// Opening and closing an xlsx workbook, and writing a metric, shared by every Excel report: the
// workbook is closed (and so written) exactly once, and a failure to write is
// an ErrorCode::kIo error naming the file. Internal to fiscal_io.
#pragma once

#include <xlsxwriter.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/locale_numbers.hpp"
#include "core/result.hpp"
#include "fiscal/cash_flow.hpp"
#include "fiscal/io/workbook_words.hpp"
#include "fiscal/metrics.hpp"
#include "fiscal/model.hpp"

namespace connex::fiscal::io {

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const {
    if (wb) workbook_close(wb);
  }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookCloser>;

// Null with an error when the file cannot be created.
inline Result<WorkbookPtr> OpenWorkbook(const std::string& path) {
  WorkbookPtr wb(workbook_new(path.c_str()));
  if (!wb) return Error{ErrorCode::kIo, "cannot create workbook \"" + path + "\"", ""};
  return wb;
}

inline Result<bool> CloseWorkbook(WorkbookPtr wb, const std::string& path) {
  const lxw_error err = workbook_close(wb.release());
  if (err != LXW_NO_ERROR) {
    return Error{ErrorCode::kIo, "cannot write workbook \"" + path + "\": " + lxw_strerror(err),
                 ""};
  }
  return true;
}

// A cell format: bold, or numbers as `number_format` ("#,##0", "0.00%").
inline lxw_format* BoldFormat(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_bold(f);
  return f;
}
inline lxw_format* NumberFormat(lxw_workbook* wb, const char* number_format) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, number_format);
  return f;
}

// The model's currency, discount rate, valuation year, timing and real terms in words.
inline std::string ConventionsLine(const Model& model, const WorkbookWords& words,
                                   const std::string& language) {
  const double rate = model.discounting.rate;
  const int rate_decimals = std::abs(rate * 100 - std::round(rate * 100)) < 1e-9 ? 0 : 2;
  return words("conventions",
               {{"currency", model.currency},
                {"rate", LocalPercent(rate, rate_decimals, language)},
                // A year is never grouped: "2027", not "2,027".
                {"year", std::to_string(model.discounting.valuation_year)},
                {"timing", words(std::string("timing/") + ToString(model.discounting.timing))},
                {"real_year", std::to_string(model.discounting.real_base_year)},
                {"deflation", LocalPercent(model.discounting.deflation, 2, language)}});
}

// A metric as a number in `fmt`, or "n/a: reason" in the reader's words.
inline void WriteMetric(lxw_worksheet* ws, int row, int col, const Metric& m, lxw_format* fmt,
                        const WorkbookWords& words) {
  if (m.defined) {
    worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), m.value,
                           fmt);
  } else {
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                           words("not_available", {{"reason", m.reason}}).c_str(), nullptr);
  }
}

inline void WriteIrr(lxw_worksheet* ws, int row, int col, const Irr& irr, lxw_format* fmt,
                     const WorkbookWords& words) {
  WriteMetric(ws, row, col, irr.defined ? Metric::Of(irr.value) : Metric::Undefined(irr.reason),
              fmt, words);
}

}  // namespace connex::fiscal::io
