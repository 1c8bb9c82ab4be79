// Content codings of answers (RFC 9110 §8.4): what a client's
// Accept-Encoding takes, and gzip (RFC 1952) for the API's JSON, made per
// answer. The web app's files come compressed from its build instead
// (static_files.hpp).
#pragma once

#include <string>
#include <string_view>

namespace connex::api {

// Whether the client takes `coding` (Accept-Encoding: "gzip, br;q=0.5", "br;q=0").
bool AcceptsCoding(const std::string& header, const std::string& coding);

// `data` as a gzip member, at zlib's default level (fast; JSON shrinks 5-8 times).
std::string Gzip(std::string_view data);

}  // namespace connex::api
