#include "fiscal/ledger.hpp"

#include <cstring>

namespace connex::fiscal {

namespace {

constexpr const char* kNames[] = {
#define CONNEX_LINE_NAME(e, name, what) name,
    CONNEX_LEDGER_LINES(CONNEX_LINE_NAME)
#undef CONNEX_LINE_NAME
};

constexpr const char* kDescriptions[] = {
#define CONNEX_LINE_WHAT(e, name, what) what,
    CONNEX_LEDGER_LINES(CONNEX_LINE_WHAT)
#undef CONNEX_LINE_WHAT
};

}  // namespace

const char* LineName(Line line) { return kNames[line]; }
const char* LineDescription(Line line) { return kDescriptions[line]; }

Line LineFromName(const char* name) {
  for (int i = 0; i < kLineCount; ++i) {
    if (std::strcmp(kNames[i], name) == 0) return static_cast<Line>(i);
  }
  return kLineCount;
}

double Ledger::Total(Line l) const {
  double sum = 0;
  const double* v = line(l);
  for (int t = 0; t < years_; ++t) sum += v[t];
  return sum;
}

void Ledger::CopyLane(int lane, Ledger& single) const {
  single.Reset(years_, 1, products_);
  for (int l = 0; l < rows(); ++l) {
    for (int t = 0; t < years_; ++t) {
      single.at(static_cast<Line>(l), t) = Lane(static_cast<Line>(l), t, lane);
    }
  }
}

}  // namespace connex::fiscal
