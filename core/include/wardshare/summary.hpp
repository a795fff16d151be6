/// wardshare/summary.hpp - report mode: one party's results across a whole document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardshare/compute.hpp"

namespace wardshare {

/// The focus party in one contest. Its area and ward are views into the result summarised (as a result's are
/// into its document): a summary lives no longer than the result and document it was made from.
struct focus_result {
  std::optional<std::string_view> area;
  std::optional<std::string_view> ward;
  int seats = 1;
  int candidates = 0;            ///< how many candidates the focus party stood
  std::int64_t votes = 0;        ///< its best candidate's votes
  std::int64_t all_votes = 0;    ///< all its candidates' votes
  double share = 0;              ///< its share: computed (under the method in use) or as printed, unrounded
  int share_tenths = 0;
  double computed_share = 0;     ///< always the computed share
  std::optional<double> printed_percent;  ///< what the text printed for it
  int position = 0;              ///< its rank among the party groups, 1 = first
  bool won = false;
  std::uint32_t line = 0;
};

struct league_row {
  int rank = 0;
  focus_result row;
};

struct area_row {
  std::string area;
  int contests = 0;
  int candidates = 0;
  std::int64_t votes = 0;
  double mean_share = 0;
};

/// An inconsistency in the source: a check, or two places that disagree about one contest.
struct audit_row {
  std::uint32_t line = 0;
  std::optional<std::string_view> area;  ///< (views into the result or the document, as focus_result's)
  std::optional<std::string_view> ward;
  std::string code;               ///< `share_mismatch`, `total_mismatch`, `quote_mismatch`, ...
  std::string message;
};

/// Which share report mode counts with.
enum class share_source : std::uint8_t {
  computed,  ///< from the votes (default)
  printed,   ///< the share the text prints, where it prints one (reproduces a report's own tables)
};

struct summary {
  std::string focus;
  double threshold = 5.0;
  share_source shares_from = share_source::computed;
  int contests = 0;
  int candidates = 0;
  int areas = 0;
  std::int64_t votes = 0;         ///< all the focus party's candidates' votes
  double mean_share = 0;          ///< mean of its share across contests
  int at_or_above = 0;            ///< contests where its share, rounded as printed, is at or above the threshold
  std::vector<focus_result> per_contest;
  std::vector<league_row> league;     ///< at or above the threshold, highest first
  std::vector<area_row> by_area;      ///< in order of first appearance
  std::vector<audit_row> audit;
};

/// Summarises `r` (computed from `doc`) for `focus` (default: the label the document prints most often). The
/// summary refers to both: keep them while it is used.
[[nodiscard]] summary summarise(const document& doc, const result& r, std::optional<std::string> focus = std::nullopt,
                                double threshold = 5.0, share_source shares_from = share_source::computed);

}  // namespace wardshare
