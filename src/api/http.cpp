#include "api/http.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace connex::api {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kIo:
      return 500;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupportedType:
      return 415;
  }
  return 500;
}

const char* CodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kTooLarge:
      return "payload_too_large";
    case ErrorCode::kUnsupportedType:
      return "unsupported_media_type";
  }
  return "internal";
}

nlohmann::json ErrorBody(const std::string& code, const std::string& message,
                         const std::string& field) {
  nlohmann::json e = {{"code", code}, {"message", message}, {"field", field}};
  return {{"error", e}, {"errors", nlohmann::json::array({e})}};
}

nlohmann::json ErrorBody(const Errors& errors) {
  nlohmann::json all = nlohmann::json::array();
  for (const Error& e : errors) {
    all.push_back({{"code", CodeName(e.code)}, {"message", e.message}, {"field", e.field}});
  }
  return {{"error", all.front()}, {"errors", all}};
}

namespace {

// The path of the first text in `j` (a value or a key) holding U+0000, or
// nullopt. PostgreSQL cannot store that character, and no person types it.
std::optional<std::string> NulAt(const nlohmann::json& j, const std::string& path) {
  if (j.is_string()) {
    if (j.get_ref<const std::string&>().find('\0') != std::string::npos) return path;
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      const std::string at = path.empty() ? key : path + "." + key;
      if (key.find('\0') != std::string::npos) return path.empty() ? "body" : path;
      if (auto found = NulAt(value, at)) return found;
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      if (auto found = NulAt(j[i], path + "[" + std::to_string(i) + "]")) return found;
    }
  }
  return std::nullopt;
}

}  // namespace

ParsedBody ParseJsonBody(const std::string& text) {
  ParsedBody out;
  // A number beyond the range of a double is reported as out_of_range, not
  // parse_error, so every library exception is a refusal of the body.
  try {
    out.value = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    out.refusal =
        Reply{400,
              ErrorBody("invalid_json",
                        "the body is not valid JSON (byte " + std::to_string(e.byte) + ")", ""),
              {}};
    return out;
  } catch (const nlohmann::json::exception&) {
    out.refusal = Reply{
        400, ErrorBody("invalid_json", "the body holds a number too large for a double", ""), {}};
    return out;
  }
  if (!out.value.is_object()) {
    out.refusal =
        Reply{400, ErrorBody("invalid_input", "the request body must be a JSON object", ""), {}};
  } else if (auto at = NulAt(out.value, "")) {
    out.refusal = Reply{
        400, ErrorBody("invalid_input", "must not contain the null character (\\u0000)", *at), {}};
  }
  return out;
}

std::string BodyText(const nlohmann::json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

BodyReader::BodyReader(const nlohmann::json& body, const std::vector<std::string>& known)
    : body_(body) {
  if (!body_.is_object()) {
    errors_.push_back({ErrorCode::kInvalidInput, "the request body must be a JSON object", ""});
    return;
  }
  reader_.Object(body_, "", known);
}

std::string BodyReader::Text(const std::string& field, bool required, size_t max_length) {
  return reader_.Text(body_, field, "", "", required, max_length);
}

int BodyReader::Integer(const std::string& field, bool required, int lo, int hi, int fallback) {
  return reader_.Integer(body_, field, "", fallback, lo, hi, required);
}

double BodyReader::Number(const std::string& field, bool required, double fallback) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  return reader_.Number(body_, field, "", fallback, -kInf, kInf, required);
}

const nlohmann::json* BodyReader::Value(const std::string& field) {
  return reader_.Field(body_, field, "", false);
}

std::string QueryText(const Request& r, const std::string& name) {
  const auto it = r.query.find(name);
  return it == r.query.end() ? "" : it->second;
}

std::string QueryCode(const Request& r, const std::string& name,
                      const std::vector<std::string>& codes, Errors& errors) {
  std::string v = QueryText(r, name);
  if (!v.empty() && std::find(codes.begin(), codes.end(), v) == codes.end()) {
    errors.push_back({ErrorCode::kInvalidInput, "\"" + v + "\" is not a known code", name});
    v.clear();
  }
  return v;
}

Result<int> QueryInt(const Request& r, const std::string& name, int fallback, int lo, int hi) {
  const auto it = r.query.find(name);
  if (it == r.query.end()) return fallback;
  int value = 0;
  const std::string& s = it->second;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value < lo || value > hi) {
    return Error{ErrorCode::kInvalidInput,
                 "\"" + s + "\" is not a whole number from " + std::to_string(lo) + " to " +
                     std::to_string(hi),
                 name};
  }
  return value;
}

}  // namespace connex::api
