// core/src/diagnostic.cpp - the names of diagnostic codes and severities.
#include "wardshare/diagnostic.hpp"

namespace wardshare {

std::string_view to_string(diag_code code) noexcept {
  switch (code) {
    case diag_code::unreadable_token: return "unreadable_token";
    case diag_code::missing_separator: return "missing_separator";
    case diag_code::unlabelled_count: return "unlabelled_count";
    case diag_code::unrecognised_label: return "unrecognised_label";
    case diag_code::shifted_total: return "shifted_total";
    case diag_code::wrapped_row: return "wrapped_row";
    case diag_code::dangling_label: return "dangling_label";
    case diag_code::orphan_total: return "orphan_total";
    case diag_code::duplicate_total: return "duplicate_total";
    case diag_code::odd_number: return "odd_number";
    case diag_code::number_too_large: return "number_too_large";
    case diag_code::input_too_large: return "input_too_large";
    case diag_code::unknown_option: return "unknown_option";
    case diag_code::tie_at_boundary: return "tie_at_boundary";
    case diag_code::method_fallback: return "method_fallback";
    case diag_code::syntax_error: return "syntax_error";
    case diag_code::bad_value: return "bad_value";
    case diag_code::unknown_field: return "unknown_field";
    case diag_code::missing_column: return "missing_column";
    case diag_code::read_as_previous: return "read_as_previous";
    case diag_code::uncontested: return "uncontested";
    case diag_code::reader_unavailable: return "reader_unavailable";
    case diag_code::read_as_box: return "read_as_box";
  }
  return "unknown";
}

std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "warning";
}

}  // namespace wardshare
