/// wardshare/document.hpp - what the reader found in pasted results: contests, quoted figures, diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardshare/diagnostic.hpp"

namespace wardshare {

/// One candidate's result as written (`Lab 1,160`, `TUSC 218 (9.7%)`, `Waheed Akbar (WPB) 8,396`).
struct entry {
  std::string label;                   ///< the party label as written, trimmed; empty when none was given
  std::optional<std::string> name;     ///< the candidate's name when the text gives it
  std::int64_t votes = 0;
  std::optional<double> printed_percent;  ///< a share printed after the number, as written
  std::optional<double> printed_change;   ///< a change in share printed beside it (Wikipedia's `±%`), in points
  bool elected_marker = false;         ///< the text marks this candidate elected
  /// Digits printed after the point in printed_percent (`52%` 0, `51.8%` 1, `51.80%` 2): the precision it is
  /// checked at. -1 when the input does not say (JSON numbers): inferred from the value.
  std::int8_t percent_decimals = -1;
  source_position where;               ///< where the entry starts
};

/// Figures stated for a contest as a whole. Each is optional: only what the text says.
struct stated_totals {
  std::optional<std::int64_t> total;       ///< `Votes cast`, `Aggregate vote`, `Total valid votes`...
  std::optional<std::int64_t> ballots;     ///< voters: `Turnout N`, `Ballots N`, `Ballot papers issued`
  std::optional<std::int64_t> electorate;  ///< `Electorate`, `Registered electors`
  std::optional<std::int64_t> rejected;    ///< `Rejected`, `Ballot papers rejected`
  std::optional<std::int64_t> majority;    ///< `Majority N`
  std::optional<double> turnout_percent;   ///< `Turnout 34.5%`
  std::int8_t turnout_decimals = -1;       ///< its digits after the point, as entry::percent_decimals
  source_position total_at;                ///< where the `total` figure was read
};

/// A previous result quoted with a contest (`2021 result: Lab 61,941; ...`).
struct previous_result {
  std::string heading;  ///< as written (`2021 result`)
  std::vector<entry> entries;
  stated_totals stated;
  std::optional<int> seats;
  std::uint32_t line = 0;
};

/// One contest: a ward (or mayoralty, or constituency) and its candidates' votes.
/// (compute's reuse of an earlier result compares every field of a contest, its entries, totals and previous
/// result: `same_reading` in core/src/compute.cpp. A field added to one of them is compared there too.)
struct contest {
  std::optional<std::string> area;     ///< the nearest heading above (`Basildon`)
  std::optional<std::string> ward;     ///< `Fryerns`
  std::optional<int> seats;            ///< from the text (`(three seats)`), when it says
  std::vector<std::string> candidate_names;  ///< the names column of a report row
  std::vector<entry> entries;
  stated_totals stated;
  std::optional<previous_result> previous;
  std::optional<std::string> election; ///< the election a caption names (`General election 2024`)
  std::optional<std::string> outcome;  ///< `Labour hold`, `Reform UK gain from Conservative`, as written
  std::optional<double> printed_swing; ///< the swing printed beside the outcome, in points
  source_position outcome_at;
  std::uint32_t line = 0;              ///< the line the contest starts on
  std::uint32_t end_line = 0;          ///< the last line that contributed to it
};

/// A figure that quotes one candidate in a contest (league tables, lists of other candidates).
/// It refers to a contest; it is not one.
struct quote {
  std::optional<std::int64_t> rank;
  std::optional<std::string> area;
  std::optional<std::string> ward;
  std::optional<std::string> name;
  std::string heading;                 ///< the nearest heading above the table
  std::vector<std::int64_t> votes;     ///< `450 (25.2%) & 303` gives two
  std::optional<double> printed_percent;
  bool elected_marker = false;
  source_position where;
};

/// Which reader reads an input. `automatic` looks at the input and chooses.
enum class input_format : std::uint8_t {
  automatic,
  text,       ///< anything pasted as text: report rows, council pages, Wikipedia boxes, `Name, Party, Votes` lines
  wikipedia,  ///< text, with every row read as a Wikipedia election box row even before a `Party Candidate Votes` header
  csv,        ///< comma-separated values with a header row (docs/formats.md)
  json,       ///< wardshare's JSON input shape (docs/formats.md)
};
[[nodiscard]] std::string_view to_string(input_format f) noexcept;
[[nodiscard]] std::optional<input_format> parse_format(std::string_view text) noexcept;

/// Everything read from one input.
struct document {
  input_format format = input_format::text;  ///< the reader used
  /// What the input looked like: `report` (results report rows), `council` (a council results page),
  /// `wikipedia` (election boxes), `lines` (one candidate a line), `csv`, `json`, or `none` (no results).
  std::string shape = "none";
  std::vector<contest> contests;
  std::vector<quote> quotes;
  std::vector<diagnostic> diagnostics;
};

}  // namespace wardshare
