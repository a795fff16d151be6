// core/src/numbers.cpp - vote counts, percentages, changes and elected markers as people write them.
#include "numbers.hpp"

#include <algorithm>

#include "text.hpp"

namespace wardshare::detail {

bool say_count(const number_word& n, std::string_view text, source_position at, std::vector<diagnostic>& out) {
  if (n.too_large)
    out.push_back({at, severity::warning, diag_code::number_too_large, cat({"expected a vote count below 10^15, saw '", text, "': skipped"})});
  else if (n.odd_grouping)
    out.push_back({at, severity::info, diag_code::odd_number,
                   cat({"irregular thousands separators in '", text, "': read as ", num(n.value)})});
  return n.too_large;
}

namespace {

/// Digits with at most one point, as one integer divided once: correctly rounded, so `0.7` reads as the
/// double nearest 0.7. nullopt for anything else or beyond 1000.
std::optional<double> decimal_digits(std::string_view w) {
  if (w.empty()) return std::nullopt;
  std::int64_t digits = 0, scale = 1;
  bool dot = false, any = false;
  for (char c : w) {
    if (is_digit(c)) {
      any = true;
      if (digits > 100'000'000) return std::nullopt;
      digits = digits * 10 + (c - '0');
      if (dot) scale *= 10;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  double value = static_cast<double>(digits) / static_cast<double>(scale);
  if (!any || value > 1000) return std::nullopt;
  return value;
}

}  // namespace

std::optional<number_word> read_number(std::string_view w) {
  if (!w.empty() && w.back() == ',') w.remove_suffix(1);
  if (w.empty() || !is_digit(w.front()) || !is_digit(w.back())) return std::nullopt;
  number_word n;
  std::size_t digits_since_comma = 0;
  bool seen_comma = false;
  std::size_t first_group = 0;
  for (char c : w) {
    if (is_digit(c)) {
      ++digits_since_comma;
      if (n.value > max_votes) n.too_large = true;
      else n.value = n.value * 10 + (c - '0');
    } else if (c == ',') {
      if (!seen_comma) first_group = digits_since_comma;
      else if (digits_since_comma != 3) n.odd_grouping = true;
      seen_comma = true;
      digits_since_comma = 0;
    } else {
      return std::nullopt;
    }
  }
  if (seen_comma && (digits_since_comma != 3 || first_group == 0 || first_group > 3)) n.odd_grouping = true;
  if (n.value > max_votes) n.too_large = true;
  return n;
}

std::optional<double> read_percent(std::string_view w) {
  bool paren = !w.empty() && w.front() == '(';
  if (paren) w.remove_prefix(1);
  if (!w.empty() && w.back() == ')') {
    if (!paren) return std::nullopt;
    w.remove_suffix(1);
  } else if (paren) {
    return std::nullopt;
  }
  if (w.empty() || w.back() != '%') return std::nullopt;
  w.remove_suffix(1);
  w = trim(w);
  if (w.empty()) return std::nullopt;
  return decimal_digits(w);
}

bool is_elected_word(std::string_view w) {
  if (!w.empty() && w.front() == '(' && w.back() == ')') w = w.substr(1, w.size() - 2);
  return detail::iequals(w, "elected") || w == "\xE2\x9C\x93" || w == "\xE2\x9C\x94";
}

std::optional<double> read_decimal(std::string_view w) {
  w = trim(w);
  if (!w.empty() && w.back() == '%') w = trim(w.substr(0, w.size() - 1));
  return decimal_digits(w);
}

std::int8_t decimals_in(std::string_view w) {
  const auto dot = w.find('.');
  if (dot == std::string_view::npos) return 0;
  std::size_t end = dot + 1;
  while (end < w.size() && is_digit(w[end])) ++end;
  return static_cast<std::int8_t>(std::min<std::size_t>(end - dot - 1, 9));
}

std::optional<double> read_change(std::string_view w) {
  w = trim(w);
  double sign = 1;
  constexpr std::string_view minus = "\xE2\x88\x92", en_dash = "\xE2\x80\x93";
  if (!w.empty() && (w.front() == '+' || w.front() == '-')) {
    sign = w.front() == '-' ? -1 : 1;
    w.remove_prefix(1);
  } else if (w.substr(0, 3) == minus || w.substr(0, 3) == en_dash) {
    sign = -1;
    w.remove_prefix(3);
  } else if (w.substr(0, 2) == "\xC2\xB1") {  // `±0.0`
    w.remove_prefix(2);
  }
  auto v = read_decimal(w);
  if (!v) return std::nullopt;
  return sign * *v;
}

bool is_yes(std::string_view w) {
  w = trim(w);
  return iequals(w, "true") || iequals(w, "yes") || iequals(w, "y") || w == "1" || is_elected_word(w);
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::size_t n = 0;
  for (auto p : parts) n += p.size();
  std::string out;
  out.reserve(n);
  for (auto p : parts) out.append(p.data(), p.size());
  return out;
}

}  // namespace wardshare::detail
