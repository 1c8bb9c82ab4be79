// Result<T>: the value of an operation that can fail in an expected way
// (bad input, not found, forbidden, conflict, busy).
//
// Expected failures are values, never exceptions; exceptions are reserved for
// bugs and broken invariants. An Error names the offending field (a JSON path
// such as "regimes[0].instruments[2].rate.tiers[1]") and says why, with the
// offending value in the message.
//
// Thread-safety: plain values; safe to share once constructed.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace connex {

enum class ErrorCode {
  kInvalidInput,  // the caller's data breaks a rule; the message says which
  kNotFound,
  kForbidden,
  kConflict,
  kUnavailable,      // the service cannot answer now (database busy); try again
  kUnauthenticated,  // the request needs a signed-in user
  kRateLimited,      // too many attempts; the message says when to try again
  kIo,               // a file or device could not be read or written
  kTooLarge,         // an upload beyond the size limit
  kUnsupportedType,  // content of a kind not accepted, or not what it claims to be
};

struct Error {
  ErrorCode code = ErrorCode::kInvalidInput;
  std::string message;
  std::string field;  // where in the input; empty when the error has no location

  // "field: message", or the message alone.
  std::string ToString() const { return field.empty() ? message : field + ": " + message; }
};

// The value of an operation that succeeds with nothing to return: Result<Done>.
struct Done {};

// A list of errors, for validators that report every problem at once.
using Errors = std::vector<Error>;

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}              // NOLINT: implicit by design
  Result(Error error) : state_(Errors{std::move(error)}) {}  // NOLINT
  Result(Errors errors) : state_(std::move(errors)) {        // NOLINT
    // REQUIRES: a failed result carries at least one error.
    assert(!std::get<Errors>(state_).empty());
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  // REQUIRES: !ok().
  const Errors& errors() const { return std::get<Errors>(state_); }
  const Error& error() const { return errors().front(); }

 private:
  std::variant<T, Errors> state_;
};

}  // namespace connex
