// core/src/order.hpp - stable ordering through one non-template sort (internal): keeps the wasm small.
#pragma once

#include <cstddef>
#include <vector>

namespace wardshare::detail {

/// A comparison of two indices, by reference to a callable that outlives the call it is passed to (one small
/// function per callable, where std::function brought a class with six virtual functions for each).
class index_less {
 public:
  template <typename F>
  index_less(const F& f) : f_(&f), call_([](const void* g, std::size_t a, std::size_t b) { return (*static_cast<const F*>(g))(a, b); }) {}  // NOLINT: implicit, as a lambda is passed
  bool operator()(std::size_t a, std::size_t b) const { return call_(f_, a, b); }

 private:
  const void* f_;
  bool (*call_)(const void*, std::size_t, std::size_t);
};

/// The indices 0..n-1 ordered by `less`, equal elements keeping their order.
std::vector<std::size_t> stable_order(std::size_t n, index_less less);

/// Reorders `items` stably by `less` on elements, through an order of their indices (a document's diagnostics,
/// report mode's audit: sorted once a reading, so the least code).
template <typename T, typename Less>
void stable_sort_indexed(std::vector<T>& items, Less less) {
  auto by_index = [&](std::size_t a, std::size_t b) { return less(items[a], items[b]); };
  auto idx = stable_order(items.size(), by_index);
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (auto i : idx) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

/// Reorders `items` stably by `less` on elements; a few in place (a contest's parties, sorted in every contest).
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
  stable_sort_indexed(items, less);
}

/// Diagnostics in the order of the input: by line, then column, otherwise as they were.
template <typename Diagnostic>
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  stable_sort_indexed(diagnostics, [](const Diagnostic& x, const Diagnostic& y) {
    return x.where.line != y.where.line ? x.where.line < y.where.line : x.where.column < y.where.column;
  });
}

}  // namespace wardshare::detail
