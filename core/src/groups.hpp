// core/src/groups.hpp - a contest's party groups found by name (internal; compute and the outputs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "wardshare/compute.hpp"

namespace wardshare::detail {

/// Party groups found by name: a scan while a contest has a few, a hash table once it has more than 16 (a pasted
/// list of thousands of labels made the scan quadratic: 80,000 labels took 32 s). (core/src/compute.cpp)
struct group_index {
  const std::vector<party_result>& parties;
  std::vector<std::uint32_t> slots = {};  // a group's index + 1, by the hash of its name; empty while few

  /// The group's index in `parties`, or parties.size().
  [[nodiscard]] std::size_t find(std::string_view group) const;
  /// After a party is added (or once, for parties as they stand): the table holds every group.
  void update();
};

}  // namespace wardshare::detail
