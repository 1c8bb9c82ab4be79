// Time as the platform stores and exchanges it: UTC instants, written as
// ISO 8601 with a Z ("2026-11-23T20:15:03Z"), which sort as text in every
// database backend.
//
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace connex {

using Instant = std::chrono::sys_seconds;

Instant Now();
std::string ToIso(Instant t);
// Accepts exactly the form ToIso writes; nothing otherwise.
std::optional<Instant> ParseIso(std::string_view text);

}  // namespace connex
