// core/src/numbers.hpp - reading the numbers people write in results: vote counts, percentages, changes,
// elected markers (internal; shared by the text, CSV and JSON readers).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "wardshare/diagnostic.hpp"

namespace wardshare::detail {

/// 10^15: beyond any electorate. A count beyond it is not read.
constexpr std::int64_t max_votes = 1'000'000'000'000'000;

/// 10^18: where sums of counts are held (a thousand candidates at max_votes reach it; ten thousand would pass
/// int64). A double holds it exactly, so it converts back to int64 safely.
constexpr std::int64_t max_sum = 1'000'000'000'000'000'000;

/// a + b for non-negative counts, held at max_sum (`held` set) instead of overflowing.
[[nodiscard]] inline std::int64_t add_counts(std::int64_t a, std::int64_t b, bool& held) noexcept {
  if (a > max_sum - b) {
    held = true;
    return max_sum;
  }
  return a + b;
}

struct number_word {
  std::int64_t value = 0;
  bool odd_grouping = false;  ///< commas not every three digits (`1,16,0`)
  bool too_large = false;     ///< beyond max_votes
  /// Whether say_count has anything to say of it (a reader works out the position to pass only then).
  [[nodiscard]] bool remarkable() const noexcept { return odd_grouping || too_large; }
};

/// `1,160`, `1171`, `2,476,687` (a trailing comma is allowed: `Name, Party, 1234,`); nullopt when not a count.
[[nodiscard]] std::optional<number_word> read_number(std::string_view w);

/// What reading the count `text` (at `at`) found, said into `out`: beyond max_votes (not read: true) or its
/// separators irregular (read as its digits). One place for every reader's words.
bool say_count(const number_word& n, std::string_view text, source_position at, std::vector<diagnostic>& out);

/// `(9.7%)`, `9.7%`, `(9.7 %)` as one word; nullopt when the word is not a percentage.
[[nodiscard]] std::optional<double> read_percent(std::string_view w);

/// A bare decimal `51.9` or `7` (0 to 1000), as tables print a percentage column; a `%` may follow.
[[nodiscard]] std::optional<double> read_decimal(std::string_view w);

/// Digits after the point in a number as written: `(26.25%)` 2, `26%` 0, `51.80` 2. The precision a printed
/// share or turnout is checked at (a whole `26%` is any share from 25.5% to 26.5%).
[[nodiscard]] std::int8_t decimals_in(std::string_view w);

/// A change in points as Wikipedia prints it: `+3.2`, `−3.2` (U+2212), `–3.2`, `-3.2`, `0.0`.
[[nodiscard]] std::optional<double> read_change(std::string_view w);

/// `Elected`, `(elected)`, a tick.
[[nodiscard]] bool is_elected_word(std::string_view w);

/// `true`, `yes`, `y`, `1`, `elected`, a tick: a CSV or JSON elected column that says yes.
[[nodiscard]] bool is_yes(std::string_view w);

}  // namespace wardshare::detail
