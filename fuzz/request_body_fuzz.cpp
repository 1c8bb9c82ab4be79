// libFuzzer target: the API's request-body pipeline (api/http.hpp) exactly as
// the server runs it: JSON parsing, strict field reading, the error body.
// Invariants: nothing throws or crashes; a body accepted without errors has
// every required field present and within bounds; every refusal renders.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace connex::api;
  const std::string text(reinterpret_cast<const char*>(data), size);
  ParsedBody parsed = ParseJsonBody(text);
  if (parsed.refusal) {
    if (parsed.refusal->status != 400 || BodyText(parsed.refusal->body).empty()) __builtin_trap();
    return 0;
  }
  BodyReader body(parsed.value, {"email", "password", "name", "role", "organisation_id"});
  const std::string email = body.Text("email", true, 254);
  const std::string password = body.Text("password", true, 256);
  const std::string org = body.Text("organisation_id", false, 100);
  if (body.errors().empty()) {
    if (email.empty() || email.size() > 254 || password.empty() || password.size() > 256 ||
        org.size() > 100) {
      __builtin_trap();
    }
  } else {
    for (const connex::Error& e : body.errors()) {
      if (e.message.empty()) __builtin_trap();
    }
    (void)BodyText(ErrorBody(body.errors()));
  }
  return 0;
}
