// libFuzzer target: what governments and administrators send about requests
// — the request form, a scope, an SLA policy — and uploaded documents' types.
// Invariants: nothing throws or crashes; an accepted form survives a round
// trip through JSON unchanged; an accepted policy builds a calendar; every
// refusal names its reason.
#include <cstddef>
#include <cstdint>
#include <string>

#include "domain/requests/request.hpp"
#include "domain/requests/sniff.hpp"
#include "domain/sla/policy_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace connex;
  using namespace connex::domain;
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)CheckDocumentType(text, "upload.pdf", "application/pdf");
  (void)CheckDocumentType(text, "notes.csv", "");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception&) {
    return 0;
  }
  for (bool complete : {false, true}) {
    auto form = ReadForm(j, complete);
    if (form) {
      auto again = ReadForm(ToJson(*form), complete);
      if (!again || ToJson(*again) != ToJson(*form)) __builtin_trap();
    } else {
      for (const Error& e : form.errors()) {
        if (e.message.empty()) __builtin_trap();
      }
    }
  }
  if (auto scope = ReadScope(j)) (void)ScopeDiff(Scope{}, *scope);
  if (auto policy = PolicyFromJson(j)) {
    if (!Calendar::Build(policy->calendar)) __builtin_trap();
  }
  return 0;
}
