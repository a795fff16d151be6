/// wardshare/output.hpp - results as the JSON document, report-style lines, text tables and CSV.
#pragma once

#include <string>
#include <string_view>

#include "wardshare/compute.hpp"
#include "wardshare/summary.hpp"

namespace wardshare {

/// A number with thousands separators: `2236` -> `2,236`.
[[nodiscard]] std::string group_thousands(std::int64_t n);
/// Tenths of a percent as printed: `97` -> `9.7`.
[[nodiscard]] std::string format_tenths(int tenths);
/// `value` / 10^`decimals` as printed: `format_fixed(2625, 2)` -> `26.25`, `format_fixed(-5, 1)` -> `-0.5`.
[[nodiscard]] std::string format_fixed(int value, int decimals);

/// The contest as a results report prints it: `Lab 1,160; ...; TUSC 218 (9.7%) Votes cast 2,236`
/// (the focus party's share in brackets, the method's denominator as the total).
[[nodiscard]] std::string report_line(const contest_result& c);

/// How much of the JSON document to write.
enum class json_detail : unsigned char {
  full,     ///< everything (docs/json.md)
  display,  ///< what the page shows: the full document less the fields docs/json.md marks as not displayed
};

/// The CLI's `--json` document (docs/json.md). `summary` may be null.
[[nodiscard]] std::string to_json(const result& r, const summary* s = nullptr, int indent = -1,
                                  json_detail detail = json_detail::full);

/// The same document written a piece at a time: `sink` is given each piece (about 64 KB) in order, so the whole
/// is never held (the CLI writes a large document to its output so). The pieces joined are to_json()'s text.
void write_json(const result& r, const summary* s, int indent, json_detail detail,
                void (*sink)(std::string_view text, void* context), void* context);

/// Human-readable tables, one per contest, with checks and diagnostics.
[[nodiscard]] std::string to_text(const result& r);

/// One row per party per contest, with a header.
[[nodiscard]] std::string to_csv(const result& r);

}  // namespace wardshare
