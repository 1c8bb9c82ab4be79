// The walker of one model document, shared by the files of the model reader
// (model_reader.cpp: the document and its term sheets; project_reader.cpp:
// the project and rates; instrument_readers.cpp: one reader per instrument
// type; uncertainty_reader.cpp). Internal to fiscal/io.
//
// Thread-safety: one walker per document.
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "fiscal/model.hpp"

namespace connex::fiscal::io {

using nlohmann::json;
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// A number as a person writes it (no trailing zeros).
std::string Str(double v);

// Walks one model document, collecting every error with its JSON path; the
// fields are read by the shared strict reader, with its messages.
class ModelWalker : public JsonReader {
 public:
  explicit ModelWalker(Errors& errors) : JsonReader(errors) {}
  Model Read(const json& root);
  // Reads term sheets against `onto`'s project, as if it were this document's.
  void AdoptProject(const Model& onto);

  // Model files name things: a text that is given must not be empty (the
  // shared reader takes an empty text as absent).
  std::string Text(const json& obj, std::string_view key, const std::string& path,
                   const std::string& fallback, bool required = false) {
    const json* j = Field(obj, key, path, false);
    if (j && j->is_string() && j->get_ref<const std::string&>().empty()) {
      Fail(At(path, key), "must not be empty");
      return fallback;
    }
    return JsonReader::Text(obj, key, path, fallback, required);
  }

  // A per-year series: exactly one number per project year.
  std::vector<double> Series(const json& obj, const char* key, const std::string& path, double min,
                             bool required);
  std::vector<double> SeriesValue(const json& j, const std::string& path, double min);
  // The index of the product named, or an error listing the project's products.
  int ProductIndex(const std::string& name, const std::string& path);
  // The "product" field of `o`, required, as an index.
  int ProductOf(const json& o, const std::string& path);
  // A unit "CUR/unit" that must match the model's currency and the product's unit.
  void CheckUnit(const json& obj, const std::string& path, int product);
  // False, with an error, when the term sheet already holds an instrument of `type`.
  bool Once(const std::string& path, const std::string& type, bool present);

  Rate ReadRate(const json& j, const std::string& path, double min, double max);
  // A product; a peak rate per day counts `days_per_year` days.
  Product ReadProduct(const json& j, const std::string& path, double days_per_year);
  std::vector<double> ReadProfile(const json& j, const std::string& path, double days_per_year);
  Project ReadProject(const json& j, const std::string& path);
  // Several projects of one taxpayer: the whole, with each as a part over
  // the products of all.
  Project ReadProjects(const json& j, const std::string& path);
  Regime ReadRegime(const json& j, const std::string& path);
  void ReadChange(const json& j, const std::string& path, Regime& r);
  // Gives each change the term sheet it names, a copy, or says why not.
  void LinkLaterTerms(const json& regimes, std::vector<Regime>& sheets);
  void ReadInstrument(const json& j, const std::string& path, Regime& regime);
  Depreciation ReadDepreciation(const json& j, const std::string& path);
  Uncertainty ReadUncertainty(const json& j, const std::string& path);
  MultiplierUncertainty ReadMultiplier(const json& j, const std::string& path);
  void ReadCorrelation(const json& j, const std::string& path, Uncertainty& u);

  // One reader per instrument type (instrument_readers.cpp).
  void ReadBonus(const json& j, const std::string& path, Regime& r);
  void ReadSurfaceRent(const json& j, const std::string& path, Regime& r);
  void ReadRoyalty(const json& j, const std::string& path, Regime& r);
  void ReadFirstTranchePetroleum(const json& j, const std::string& path, Regime& r);
  void ReadCostRecovery(const json& j, const std::string& path, Regime& r);
  void ReadProfitSplit(const json& j, const std::string& path, Regime& r);
  void ReadGrossSplit(const json& j, const std::string& path, Regime& r);
  void ReadVat(const json& j, const std::string& path, Regime& r);
  void ReadImportDuty(const json& j, const std::string& path, Regime& r);
  // An indirect tax's exempt costs (`costs`: the kinds it may be levied on)
  // and holiday.
  void ReadExempt(const json& j, const std::string& path, const std::vector<std::string>& costs,
                  bool* exempt);
  IndirectTaxHoliday ReadIndirectHoliday(const json& j, const std::string& path);
  // A holiday's calendar `years`, each within the project (income tax and indirect taxes).
  std::vector<int> HolidayYears(const json& holiday, const std::string& hp);
  void CheckStandardRate(const Rate& rate, double standard, const std::string& path);
  void ReadDomesticMarketObligation(const json& j, const std::string& path, Regime& r);
  void ReadStateParticipation(const json& j, const std::string& path, Regime& r);
  void ReadIncomeTax(const json& j, const std::string& path, Regime& r);
  void ReadResourceRentTax(const json& j, const std::string& path, Regime& r);
  void ReadWindfallTax(const json& j, const std::string& path, Regime& r);
  void ReadDividendWithholding(const json& j, const std::string& path, Regime& r);
  void ReadDecommissioningFund(const json& j, const std::string& path, Regime& r);

 private:
  int years_ = 0;
  int first_year_ = 0;
  std::string currency_ = "USD";
  std::vector<std::string> product_names_;
  std::vector<std::string> product_units_;
};

// The instrument types a term sheet may hold, each with its reader: the one
// list of them (the unknown-type message and the code lists read it).
struct InstrumentReader {
  const char* type;
  void (ModelWalker::*read)(const json& j, const std::string& path, Regime& r);
};
const std::vector<InstrumentReader>& InstrumentReaders();

}  // namespace connex::fiscal::io
