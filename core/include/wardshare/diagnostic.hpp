/// wardshare/diagnostic.hpp - where in the input something was found, and what the reader had to say about it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wardshare {

/// A place in the input: 1-based line and column (columns count Unicode code points, a tab counts as one).
struct source_position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// How serious a diagnostic is.
enum class severity : std::uint8_t {
  info,     ///< the reader made a choice the user may want to know about (a shifted total, a wrapped row)
  warning,  ///< something was skipped or guessed; the numbers may be incomplete
  error,    ///< the input could not be used at all (too large, not text)
};

/// A stable code for every diagnostic; the message adds the specifics.
enum class diag_code : std::uint8_t {
  unreadable_token,     ///< a token that is not `label number` (for example `Green;`): skipped
  missing_separator,    ///< two results with no `;` between them: read as two
  unlabelled_count,     ///< a vote count with no party label that is not the row's own candidate
  unrecognised_label,   ///< a label not in the party registry: kept as its own group
  shifted_total,        ///< a total printed before a row's first result, given to the contest above
  wrapped_row,          ///< a contest's results continue on a later line
  dangling_label,       ///< a label at the end of the input with no number after it
  orphan_total,         ///< a stated total with no contest to belong to
  duplicate_total,      ///< a second, different figure for a total the contest already states
  odd_number,           ///< a number with irregular thousands separators, read as its digits
  number_too_large,     ///< a vote count beyond 10^15: skipped
  input_too_large,      ///< the input exceeds the size limit, or has more contests than the reader keeps: not read
  unknown_option,       ///< an option value that is not recognised: the default was used
  tie_at_boundary,      ///< the last seat is tied: who is elected cannot be decided from the votes
  method_fallback,      ///< the requested method cannot apply to a contest (no ballots figure): `top` used
  syntax_error,         ///< CSV or JSON that does not follow its syntax (an unclosed quote, a missing comma)
  bad_value,            ///< a field that should hold a count (or a yes/no, a name) holds something else: skipped
  unknown_field,        ///< a JSON key or CSV column wardshare does not use: ignored
  missing_column,       ///< CSV with no votes column, or JSON with no candidates: nothing read from it
  read_as_previous,     ///< a block read as the previous result of the contest above (or below)
  uncontested,          ///< a candidate returned unopposed: there are no votes to share
  reader_unavailable,   ///< this build has no reader for the input's format (the page's first wasm module: CSV, JSON)
  read_as_box,          ///< rows read as a Wikipedia election box's, though its header row is not in the text
};

/// The code's stable name, as written in JSON (`"unreadable_token"`).
[[nodiscard]] std::string_view to_string(diag_code code) noexcept;
/// The severity's name: `info`, `warning` or `error`.
[[nodiscard]] std::string_view to_string(severity s) noexcept;

/// One message about the input, with where it applies.
struct diagnostic {
  source_position where;
  severity level = severity::warning;
  diag_code code = diag_code::unreadable_token;
  std::string message;  ///< reads "expected X, saw 'Y'" where that fits
};

}  // namespace wardshare
