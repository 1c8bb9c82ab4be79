#include "fiscal/io/model_reader.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fiscal/engine.hpp"
#include "fiscal/io/model_walker.hpp"

namespace connex::fiscal::io {

std::string Str(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

void ModelWalker::ReadInstrument(const json& j, const std::string& path, Regime& r) {
  if (!j.is_object()) {
    Fail(path, "must be an object with a \"type\", got " + Describe(j));
    return;
  }
  const std::string type = Text(j, "type", path, "", true);
  if (type.empty()) return;
  std::string known;
  for (const InstrumentReader& reader : InstrumentReaders()) {
    if (type == reader.type) {
      (this->*reader.read)(j, path, r);
      return;
    }
    known += (known.empty() ? "" : ", ") + std::string(reader.type);
  }
  Fail(At(path, "type"), "unknown instrument \"" + type + "\" (known: " + known + ")");
}

Regime ModelWalker::ReadRegime(const json& j, const std::string& path) {
  Regime r;
  if (!Object(j, path, {"name", "instruments", "change"})) return r;
  r.name = Text(j, "name", path, "", true);
  if (const json* c = Field(j, "change", path, false)) ReadChange(*c, At(path, "change"), r);
  const json* instruments = Field(j, "instruments", path, true);
  if (!instruments) return r;
  const std::string ip = At(path, "instruments");
  if (!instruments->is_array()) {
    Fail(ip, "must be an array of instruments");
    return r;
  }
  for (size_t i = 0; i < instruments->size(); ++i) ReadInstrument((*instruments)[i], At(ip, i), r);
  if (r.ftp && r.ftp->shared && !r.profit_split) {
    Fail(ip, "a shared first_tranche_petroleum needs a profit_split to share it by");
  }
  if (r.gross_split && (r.cost_recovery || r.profit_split || r.ftp)) {
    Fail(ip,
         "a gross_split replaces cost recovery, first tranche petroleum and the profit split: a "
         "regime holds either the gross split or those");
  }
  if (r.income_tax && r.income_tax->base == IncomeTaxBase::kCostsAsRecovered && !r.cost_recovery) {
    Fail(ip, "an income_tax on costs as recovered needs the cost_recovery that recovers them");
  }
  return r;
}

// The change as written; the term sheet it names is found once every sheet
// is read (LinkLaterTerms).
void ModelWalker::ReadChange(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"year", "to", "unrecovered_cost", "losses"})) return;
  LaterTerms later;
  later.year = Integer(j, "year", path, 0, first_year_ + 1, first_year_ + years_ - 1, true);
  later.name = Text(j, "to", path, "", true);
  later.unrecovered = static_cast<UnrecoveredCost>(
      Choice(j, "unrecovered_cost", path, {"recoverable", "deductible", "lost"}, 0));
  later.losses_kept = Choice(j, "losses", path, {"kept", "lost"}, 0) == 0;
  r.later = later;
}

void ModelWalker::LinkLaterTerms(const json& regimes, std::vector<Regime>& sheets) {
  std::string known;
  for (const Regime& r : sheets) known += (known.empty() ? "\"" : ", \"") + r.name + "\"";
  for (size_t i = 0; i < sheets.size(); ++i) {
    Regime& r = sheets[i];
    if (!r.later) continue;
    const std::string path = At(At("regimes", i), "change");
    const auto target = std::find_if(sheets.begin(), sheets.end(),
                                     [&](const Regime& o) { return o.name == r.later->name; });
    if (target == sheets.end()) {
      Fail(At(path, "to"), "names no term sheet of the model (" + known + ")");
    } else if (&*target == &r) {
      Fail(At(path, "to"), "must name another term sheet");
    } else if (target->later) {
      Fail(At(path, "to"), "names a term sheet whose own terms change; terms change only once");
    } else {
      // Unrecovered cost stays recoverable where the later terms recover
      // costs; otherwise it is deducted from income tax, unless an earlier
      // income tax deducted it already; unless it is said.
      const bool said = regimes[i]["change"].contains("unrecovered_cost");
      if (!said) {
        r.later->unrecovered = target->cost_recovery ? UnrecoveredCost::kRecoverable
                               : r.income_tax        ? UnrecoveredCost::kLost
                                                     : UnrecoveredCost::kDeductible;
      }
      const UnrecoveredCost u = r.later->unrecovered;
      if (r.cost_recovery && u == UnrecoveredCost::kRecoverable && !target->cost_recovery) {
        Fail(At(path, "unrecovered_cost"),
             "\"recoverable\" needs cost recovery in the later terms; choose \"deductible\" or "
             "\"lost\"");
      }
      if (r.cost_recovery && u == UnrecoveredCost::kDeductible && r.income_tax) {
        Fail(At(path, "unrecovered_cost"),
             "\"deductible\" would deduct again what the earlier terms' income tax deducted; "
             "choose " +
                 std::string(target->cost_recovery ? "\"recoverable\" or " : "") + "\"lost\"");
      } else if (r.cost_recovery && u == UnrecoveredCost::kDeductible && !target->income_tax) {
        Fail(At(path, "unrecovered_cost"),
             "\"deductible\" needs an income tax in the later terms; choose " +
                 std::string(target->cost_recovery ? "\"recoverable\" or " : "") + "\"lost\"");
      }
      // Costs deducted as incurred and costs deducted as recovered do not
      // meet: across the change, a cost would be deducted twice (spent
      // under one, recovered under the other) or never.
      if (r.income_tax && target->income_tax && r.income_tax->base != target->income_tax->base) {
        Fail(At(path, "to"),
             "names terms whose income tax deducts costs differently (as incurred or as "
             "recovered): across the change a cost would be deducted twice or never");
      }
      auto differ = [](const auto& a, const auto& b) {
        return a && b && a->consolidated != b->consolidated;
      };
      if (differ(r.income_tax, target->income_tax) || differ(r.rrt, target->rrt) ||
          differ(r.cost_recovery, target->cost_recovery)) {
        Fail(At(path, "to"),
             "names terms that consolidate income tax, rent tax or cost recovery differently: "
             "projects taxed together stay together when terms change");
      }
      r.later->terms = std::make_shared<const Regime>(*target);
    }
  }
}

Model ModelWalker::Read(const json& root) {
  Model m;
  if (!Object(root, "",
              {"schema", "name", "currency", "project", "projects", "discounting", "sweep",
               "regimes", "uncertainty"})) {
    return m;
  }
  const std::string schema = Text(root, "schema", "", "", true);
  if (!schema.empty() && schema != kModelSchema) {
    Fail("schema", std::string("must be \"") + kModelSchema + "\", got \"" + schema + "\"");
    return m;
  }
  m.name = Text(root, "name", "", "");
  m.currency = Text(root, "currency", "", "USD");
  currency_ = m.currency;
  if (root.contains("projects")) {
    if (root.contains("project")) {
      Fail("projects", "cannot be given with \"project\": a model holds one project or several");
      return m;
    }
    m.project = ReadProjects(root["projects"], "projects");
  } else {
    const json* project = Field(root, "project", "", true);
    if (!project) return m;
    m.project = ReadProject(*project, "project");
  }

  m.discounting.valuation_year = m.project.first_year;
  m.discounting.real_base_year = m.project.first_year;
  m.discounting.deflation = m.project.inflation;
  if (const json* d = Field(root, "discounting", "", false)) {
    if (Object(*d, "discounting",
               {"rate", "valuation_year", "timing", "real_base_year", "deflation",
                "point_forward_year"})) {
      m.discounting.rate = Number(*d, "rate", "discounting", 0.10, -0.99, 10.0);
      m.discounting.valuation_year =
          Integer(*d, "valuation_year", "discounting", m.project.first_year, 1900, 2300);
      m.discounting.timing =
          static_cast<Timing>(Choice(*d, "timing", "discounting", kTimingNames.All(), 0));
      m.discounting.real_base_year =
          Integer(*d, "real_base_year", "discounting", m.discounting.valuation_year, 1900, 2300);
      m.discounting.deflation =
          Number(*d, "deflation", "discounting", m.project.inflation, -0.5, 10.0);
      const int last_year = m.project.first_year + std::max(1, m.project.years) - 1;
      m.discounting.point_forward_year =
          Integer(*d, "point_forward_year", "discounting", 0, m.project.first_year, last_year);
    }
  }
  if (const json* s = Field(root, "sweep", "", false)) {
    if (Object(*s, "sweep", {"from", "to", "step"})) {
      m.sweep.from = Number(*s, "from", "sweep", 0.5, 0.0, 100.0);
      m.sweep.to = Number(*s, "to", "sweep", 2.0, 0.0, 100.0);
      m.sweep.step = Number(*s, "step", "sweep", 0.1, 1e-4, 100.0);
      if (m.sweep.to < m.sweep.from) Fail("sweep.to", "must not be below sweep.from");
    }
  }
  if (m.project.years == 0 || m.project.products.empty()) return m;

  const json* regimes = Field(root, "regimes", "", true);
  if (!regimes) return m;
  if (!regimes->is_array() || regimes->empty()) {
    Fail("regimes", "must be a non-empty array of regimes");
    return m;
  }
  std::set<std::string> names;
  for (size_t i = 0; i < regimes->size(); ++i) {
    m.regimes.push_back(ReadRegime((*regimes)[i], At("regimes", i)));
    const std::string& name = m.regimes.back().name;
    if (!name.empty() && !names.insert(name).second) {
      Fail(At(At("regimes", i), "name"), "repeats regime name \"" + name + "\"");
    }
  }
  LinkLaterTerms(*regimes, m.regimes);
  if (const json* u = Field(root, "uncertainty", "", false)) {
    m.uncertainty = ReadUncertainty(*u, "uncertainty");
  }
  return m;
}

void ModelWalker::AdoptProject(const Model& onto) {
  years_ = onto.project.years;
  first_year_ = onto.project.first_year;
  currency_ = onto.currency;
  product_names_.clear();
  product_units_.clear();
  for (const Product& p : onto.project.products) {
    product_names_.push_back(p.name);
    product_units_.push_back(p.unit);
  }
}

namespace {

// nlohmann reports some failures (a number too large for a double) by
// exception even when asked not to, so exceptions are the one path here.
Result<json> ParseJson(std::string_view text) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    return Error{ErrorCode::kInvalidInput, std::string("not valid JSON: ") + e.what(), ""};
  }
}

// Calendar years of a term sheet (signature bonuses, tax holidays) moved by
// `offset` years, keeping when they fall in the life of the project.
json ShiftYears(json regime, int offset) {
  if (offset == 0 || !regime.is_object() || !regime.contains("instruments") ||
      !regime["instruments"].is_array())
    return regime;
  auto shift = [offset](json& year) {
    if (year.is_number_integer()) year = year.get<long long>() + offset;
  };
  for (json& i : regime["instruments"]) {
    if (!i.is_object()) continue;
    if (i.contains("signature") && i["signature"].is_array()) {
      for (json& b : i["signature"]) {
        if (b.is_object() && b.contains("year")) shift(b["year"]);
      }
    }
    if (i.contains("holiday") && i["holiday"].is_object() && i["holiday"].contains("years") &&
        i["holiday"]["years"].is_array()) {
      for (json& y : i["holiday"]["years"]) shift(y);
    }
  }
  return regime;
}

TermSheetOnto ReadOnto(const json& regime, const std::string& currency, const Model& onto,
                       const std::string& path, int year_offset) {
  TermSheetOnto out;
  if (regime.is_object() && regime.contains("name") && regime["name"].is_string()) {
    out.name = regime["name"].get<std::string>();
  }
  if (currency != onto.currency) {
    out.errors.push_back({ErrorCode::kInvalidInput,
                          "its amounts are in " + currency + " and the model's in " + onto.currency,
                          "currency"});
    return out;
  }
  ModelWalker reader(out.errors);
  reader.AdoptProject(onto);
  Regime r = reader.ReadRegime(ShiftYears(regime, year_offset), path);
  if (r.later) {
    out.errors.push_back({ErrorCode::kInvalidInput,
                          "terms that change in a year apply only within their own model",
                          JsonReader::At(path, "change")});
  }
  if (out.errors.empty()) out.regime = std::move(r);
  return out;
}

}  // namespace

TermSheetOnto ReadTermSheetOnto(std::string_view json_text, const std::string& currency,
                                const Model& onto, const std::string& path, int year_offset) {
  Result<json> regime = ParseJson(json_text);
  if (!regime.ok()) {
    TermSheetOnto out;
    out.errors = regime.errors();
    return out;
  }
  return ReadOnto(*regime, currency, onto, path, year_offset);
}

Errors CheckTermSheet(std::string_view json_text, const std::string& currency,
                      const std::vector<std::pair<std::string, std::string>>& products,
                      int first_year, const std::string& path) {
  Model standing;
  standing.currency = currency;
  standing.project.first_year = first_year > 0 ? first_year : 2000;
  standing.project.years = kStandingYears;
  for (const auto& [name, unit] : products) {
    Product p;
    p.name = name;
    p.unit = unit;
    standing.project.products.push_back(p);
  }
  return ReadTermSheetOnto(json_text, currency, standing, path).errors;
}

Result<std::vector<TermSheetOnto>> ReadTermSheetsOnto(std::string_view json_text,
                                                      const Model& onto) {
  Result<json> root = ParseJson(json_text);
  if (!root.ok()) return root.errors();
  Errors errors;
  ModelWalker reader(errors);
  std::string currency = "USD";
  int offset = 0;
  const json* regimes = nullptr;
  if (reader.Object(*root, "",
                    {"schema", "name", "currency", "project", "discounting", "sweep", "regimes",
                     "uncertainty"})) {
    const std::string schema = reader.Text(*root, "schema", "", "", true);
    if (!schema.empty() && schema != kModelSchema) {
      reader.Fail("schema",
                  std::string("must be \"") + kModelSchema + "\", got \"" + schema + "\"");
    }
    currency = reader.Text(*root, "currency", "", "USD");
    // Its calendar years move with the project it is read onto.
    if (root->contains("project") && (*root)["project"].is_object() &&
        (*root)["project"].contains("first_year") &&
        (*root)["project"]["first_year"].is_number_integer()) {
      offset = onto.project.first_year - (*root)["project"]["first_year"].get<int>();
    }
    regimes = reader.Field(*root, "regimes", "", true);
    if (regimes && (!regimes->is_array() || regimes->empty())) {
      reader.Fail("regimes", "must be a non-empty array of regimes");
    }
  }
  if (!errors.empty()) return errors;
  std::vector<TermSheetOnto> out;
  for (size_t i = 0; i < regimes->size(); ++i) {
    out.push_back(ReadOnto((*regimes)[i], currency, onto, JsonReader::At("regimes", i), offset));
  }
  return out;
}

Result<Model> ReadModel(std::string_view text) {
  Result<json> parsed = ParseJson(text);
  if (!parsed.ok()) return parsed.errors();
  const json& root = *parsed;
  Errors errors;
  ModelWalker reader(errors);
  Model model = reader.Read(root);
  if (!errors.empty()) return errors;
  return model;
}

namespace {

Result<std::string> ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIo, "cannot open model file \"" + path + "\"", ""};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{ErrorCode::kIo, "cannot read model file \"" + path + "\"", ""};
  return text.str();
}

}  // namespace

Result<Model> ReadModelFile(const std::string& path) {
  Result<std::string> text = ReadFileText(path);
  if (!text.ok()) return text.errors();
  return ReadModel(*text);
}

Result<std::vector<TermSheetOnto>> ReadTermSheetsOntoFile(const std::string& path,
                                                          const Model& onto) {
  Result<std::string> text = ReadFileText(path);
  if (!text.ok()) return text.errors();
  return ReadTermSheetsOnto(*text, onto);
}

std::vector<std::string> InstrumentTypes() {
  std::vector<std::string> out;
  for (const InstrumentReader& r : InstrumentReaders()) out.emplace_back(r.type);
  return out;
}

}  // namespace connex::fiscal::io
