// core/src/readers.hpp - the CSV and JSON readers (internal; parse() chooses between them and the text reader).
#pragma once

#include <cstddef>
#include <string_view>

#include "wardshare/document.hpp"

namespace wardshare::detail {

/// A first line that names a votes column and a name or party column: `person_name,party_name,votes_cast`.
[[nodiscard]] bool looks_like_csv_header(std::string_view line) noexcept;

/// CSV with a header row: one candidate a row, grouped into contests by a ballot or ward column. `title` (the line
/// above the header, as a heading names a ward) names the contest when no column does.
void read_csv(std::string_view text, std::size_t start, document& doc, std::string_view title = {});

/// wardshare's JSON input (docs/formats.md).
void read_json(std::string_view text, std::size_t start, document& doc);

}  // namespace wardshare::detail
