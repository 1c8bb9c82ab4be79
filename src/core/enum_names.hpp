// The names of an enum's values as files, the API and logs spell them, kept
// in one table beside the enum, in its order: the name of a value and the
// value of a name read the same table, so an enumerator is named once.
//
// REQUIRES: the enum's values are 0, 1, ..., N-1, in the table's order.
// Thread-safety: constants.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace connex {

template <typename E, std::size_t N>
class EnumNames {
 public:
  constexpr explicit EnumNames(std::array<const char*, N> names) : names_(names) {}

  constexpr const char* operator[](E e) const { return names_[static_cast<std::size_t>(e)]; }

  // The value named `name`, if any.
  constexpr std::optional<E> Parse(std::string_view name) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (name == names_[i]) return static_cast<E>(i);
    }
    return std::nullopt;
  }

  // Every name, in the enum's order (for code lists and "must be one of").
  std::vector<std::string> All() const { return {names_.begin(), names_.end()}; }

  static constexpr std::size_t size() { return N; }

 private:
  std::array<const char*, N> names_;
};

}  // namespace connex
