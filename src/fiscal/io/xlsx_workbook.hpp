// Opening and closing an xlsx workbook, shared by every Excel report: the
// workbook is closed (and so written) exactly once, and a failure to write is
// an ErrorCode::kIo error naming the file. Internal to fiscal_io.
#pragma once

#include <xlsxwriter.h>

#include <memory>
#include <string>

#include "core/result.hpp"

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

}  // namespace connex::fiscal::io
