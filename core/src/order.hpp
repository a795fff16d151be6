// core/src/order.hpp - stable ordering through one non-template sort (internal): keeps the wasm small.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace wardshare::detail {

/// The indices 0..n-1 ordered by `less`, equal elements keeping their order.
std::vector<std::size_t> stable_order(std::size_t n, const std::function<bool(std::size_t, std::size_t)>& less);

/// Reorders `items` stably by `less` on elements.
template <typename T, typename Less>
void stable_sort_by(std::vector<T>& items, Less less) {
  auto idx = stable_order(items.size(), [&](std::size_t a, std::size_t b) { return less(items[a], items[b]); });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (auto i : idx) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

}  // namespace wardshare::detail
