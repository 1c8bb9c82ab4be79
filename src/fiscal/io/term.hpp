// A scalar term of a model file as a sensitivity input: sensitivity and
// solve-for can vary any number the file holds (a royalty rate, a tier's
// rate, a cost-recovery ceiling, a capex figure) and every value is checked by
// the model reader exactly as if the user had typed it.
//
// A term is addressed by the path the reader's errors use,
// "regimes[0].instruments[2].rate", or by a JSON Pointer, "/regimes/0/instruments/2/rate".
//
// Thread-safety: the returned function owns a copy of the document; one caller at a time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "fiscal/model.hpp"
#include "fiscal/sensitivity.hpp"
#include "fiscal/workbench.hpp"

namespace connex::fiscal::io {

struct Term {
  std::string path;  // as given
  double base = 0;   // the value in the file
  InputFunction evaluate;
};

// REQUIRES: model_text reads as a valid model. Errors: the path is malformed,
// names nothing, or holds something other than a number; the regime is unknown.
// `regime` empty: the model's first regime.
Result<Term> BindTerm(std::string_view model_text, const std::string& path,
                      const std::string& regime, Target target);

// The model text with each (path, value) set, the result read and checked
// like a file: errors name the change ("changes[1]") or the model's path, with
// the value tried. Only numbers already in the file may change.
struct TermChange {
  std::string path;
  double value = 0;
};
Result<std::string> ChangeTerms(std::string_view model_text,
                                const std::vector<TermChange>& changes);

// What if some terms changed: the term sheet `regime` (the first when empty)
// with `changes` applied, compared against it as stored. Only the term sheets
// may change (paths under "regimes"); the project is the model's.
Result<Compared> WhatIf(std::string_view model_text, const Model& model, const std::string& regime,
                        const std::vector<TermChange>& changes);

}  // namespace connex::fiscal::io
