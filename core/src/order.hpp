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
  if (items.size() <= 16) {  // a contest's few parties: insertion sort, stable and in place
    for (std::size_t i = 1; i < items.size(); ++i) {
      if (!less(items[i], items[i - 1])) continue;
      T x = std::move(items[i]);
      std::size_t j = i;
      for (; j > 0 && less(x, items[j - 1]); --j) items[j] = std::move(items[j - 1]);
      items[j] = std::move(x);
    }
    return;
  }
  auto idx = stable_order(items.size(), [&](std::size_t a, std::size_t b) { return less(items[a], items[b]); });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (auto i : idx) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

/// Diagnostics in the order of the input: by line, then column, otherwise as they were.
template <typename Diagnostic>
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  stable_sort_by(diagnostics, [](const Diagnostic& x, const Diagnostic& y) {
    return x.where.line != y.where.line ? x.where.line < y.where.line : x.where.column < y.where.column;
  });
}

}  // namespace wardshare::detail
