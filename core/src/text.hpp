// core/src/text.hpp - small text helpers shared by the reader and the registry (internal).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace wardshare::detail {

/// Space, tab, CR, LF, FF or VT: one comparison and a bit test (it runs for every byte of every word).
inline bool is_space(char c) noexcept {
  auto u = static_cast<unsigned char>(c);
  return u <= ' ' && ((0x100003E00ull >> u) & 1u);
}
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
inline char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

/// `s.substr(pos, n)` for a range known to lie within `s`: no bounds check (in the wasm build substr is a
/// library call that checks, for every word read).
inline std::string_view slice(std::string_view s, std::size_t pos, std::size_t n) noexcept {
  return std::string_view(s.data() + pos, n);
}

inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

/// A hash of `s`, eight bytes at a time (a multiply and a shift each), not byte by byte: the registry's keys,
/// the line cache's lines, a contest's party groups and the summary's wards (core/src/parties.cpp).
[[nodiscard]] std::uint32_t hash_bytes(std::string_view s) noexcept;

/// Names found by hash, each numbered in the order first added (internal): compute's count of printed labels, the
/// summary's areas, CSV's contests by ward and its checks by label. One small table instead of std::map's tree
/// code in the wasm build, and no string comparisons down a tree. (core/src/parties.cpp)
class name_index {
 public:
  /// The number of `name`: a new one (the count so far) when it is not yet in.
  std::size_t add(std::string_view name);
  [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }
  [[nodiscard]] const std::string& name(std::size_t i) const noexcept { return names_[i]; }
  /// Empty again, without the cost of its last size (a table cleared for each contest).
  void clear() noexcept {
    names_.clear();
    slots_.clear();
  }

 private:
  std::vector<std::string> names_;
  std::vector<std::uint32_t> slots_;  // a name's number + 1 by its hash, open addressing, at most half full
};

/// `a == b` compared in line: for the short labels and keys compared in loops (std::string's operator== is a
/// library call in the wasm build).
inline bool same_bytes(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

/// The pieces joined: `cat({"expected ", what, ", saw '", token, "'"})`. One call instead of a chain of
/// operator+ temporaries, which matters for the size of the wasm build.
std::string cat(std::initializer_list<std::string_view> parts);

/// A figure written on the stack, for a message: no allocation and nothing to free at each use (std::string
/// temporaries cost code at every one in the wasm build). Read as a string_view, in cat() or anywhere.
struct short_text {
  char buf[40];
  std::uint8_t from = sizeof buf;  ///< the text is buf[from, end)
  operator std::string_view() const noexcept { return {buf + from, sizeof buf - from}; }
};
/// `1,160` (group_thousands).
short_text grouped(std::int64_t n) noexcept;
/// `26.25`, `26.2%`, `+3.1`: `value` / 10^`decimals` (format_fixed), a `%` after it, a `+` before it when positive.
short_text fixed(int value, int decimals, bool percent = false, bool plus = false) noexcept;

/// A whole number in decimal. std::to_string would bring printf into the wasm build.
template <typename Int>
inline std::string num(Int value) {
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = end;
  bool negative = false;
  if constexpr (std::is_signed_v<Int>) negative = value < 0;
  auto n = static_cast<unsigned long long>(value);
  if (negative) n = 0 - n;
  do { *--p = static_cast<char>('0' + n % 10); n /= 10; } while (n);
  if (negative) *--p = '-';
  return std::string(p, static_cast<std::size_t>(end - p));
}

/// At most `n` bytes of `s`, cut at a character boundary and marked with an ellipsis when cut.
inline std::string clip(std::string s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "\xE2\x80\xA6";
}

/// The next word of `s` from `pos` (moved past it); empty at the end. Splitting without allocating.
inline std::string_view next_word(std::string_view s, std::size_t& pos) noexcept {
  while (pos < s.size() && is_space(s[pos])) ++pos;
  std::size_t start = pos;
  while (pos < s.size() && !is_space(s[pos])) ++pos;
  return slice(s, start, pos - start);
}

}  // namespace wardshare::detail
