/// wardshare/compute.hpp - vote shares, seats and the audit of printed figures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardshare/document.hpp"
#include "wardshare/parties.hpp"

namespace wardshare {

/// How a party's share is worked out (docs/methods.md has the seed report's worked examples).
enum class share_method : std::uint8_t {
  top,      ///< a party's highest candidate over the sum of every party's highest candidate (default)
  total,    ///< a party's votes over all votes cast for all candidates
  ballots,  ///< a party's highest candidate over the number of voters (needs a turnout or ballots figure)
  average,  ///< a party's mean candidate vote over the sum of the parties' means
};
[[nodiscard]] std::string_view to_string(share_method m) noexcept;
[[nodiscard]] std::optional<share_method> parse_method(std::string_view text) noexcept;

/// How Independent candidates are grouped.
enum class independents_mode : std::uint8_t {
  automatic,  ///< separate in a single-seat contest, one group in a multi-seat one (as the seed report counts)
  grouped,    ///< always one group
  separate,   ///< always each their own
};
[[nodiscard]] std::string_view to_string(independents_mode m) noexcept;
[[nodiscard]] std::optional<independents_mode> parse_independents(std::string_view text) noexcept;

struct compute_options {
  share_method method = share_method::top;
  independents_mode independents = independents_mode::automatic;
  std::optional<int> seats;            ///< overrides what the text says; otherwise the text, else 1
  std::optional<std::string> focus;    ///< the party to highlight; otherwise the one whose share is printed
  const party_registry* registry = nullptr;  ///< null: the built-in registry
};

/// One candidate, with the party the label resolved to. Its name and label are views into the document computed
/// (as a contest_result's area and ward are): a result lives no longer than its document.
struct candidate_result {
  std::optional<std::string_view> name;
  std::string_view label;            ///< as written (the candidate's name when no label was given; `?` when neither)
  /// The registry's name, when the label is known: a view into the registry, which outlives the result
  /// (the built-in one lives for the program; a registry passed in compute_options must be kept alive).
  std::optional<std::string_view> party;
  std::string group;                 ///< the key of the party group the candidate counts in
  std::int64_t votes = 0;
  bool elected = false;
  bool elected_marker = false;       ///< the text marked this candidate elected
  source_position where;
};

/// One party group and its share.
struct party_result {
  std::string group;                 ///< unique within the contest (`Ind`, or `Ind 2` for a second Independent)
  std::string label;                 ///< the label to print (`Lab`)
  std::optional<std::string_view> party;  ///< the registry's name (a view into the registry, as above)
  std::string_view colour;           ///< `#rrggbb`, or empty (a view into the registry, as `party`)
  int candidates = 0;
  double value = 0;                  ///< the figure the method uses (highest, sum or mean)
  std::int64_t highest = 0;
  std::int64_t total = 0;            ///< all this group's candidates' votes
  double share = 0;                  ///< unrounded percent
  int share_tenths = 0;              ///< share rounded half-up to one decimal, in tenths of a percent
  int seats_won = 0;
  std::optional<double> printed_percent;  ///< what the text printed for this group
  std::optional<double> previous_share;   ///< the group's share in the previous result, same method (percent)
  std::optional<double> change;           ///< share - previous_share, in points (unrounded)
  std::optional<int> change_tenths;       ///< the change between the rounded shares, in tenths of a point
};

/// The previous result quoted with a contest, computed by the same method.
struct previous_shares {
  std::string heading;
  share_method method = share_method::top;
  int seats = 1;
  std::int64_t all_votes = 0;
  std::vector<party_result> parties;  ///< by share, highest first
};

/// Butler swing between the two parties leading now: half the difference of their changes in share.
/// `points` is never negative; the swing is from `from` to `to`.
struct swing_result {
  std::string from;  ///< the group that lost ground relative to the other
  std::string to;
  double points = 0;
  int tenths = 0;    ///< points rounded half-up to tenths
};

/// A stated figure that the numbers do not bear out, or another fact the user should see.
struct check {
  std::string code;                  ///< `total_mismatch`, `share_mismatch`, `tie_at_boundary`, `method_fallback`
  std::optional<std::string> label;  ///< the party it concerns
  std::string message;
  source_position where;
};

struct contest_result {
  std::optional<std::string_view> area;  ///< (views into the document, which must outlive the result)
  std::optional<std::string_view> ward;
  int seats = 1;
  std::string_view seats_from;       ///< `text`, `option`, `elected markers` or `default`
  share_method method = share_method::top;  ///< the method used
  share_method requested = share_method::top;
  std::uint32_t line = 0;
  std::uint32_t end_line = 0;
  double denominator = 0;
  std::int64_t all_votes = 0;        ///< every candidate's votes added up
  std::int64_t sum_of_highest = 0;   ///< every group's highest candidate added up
  std::optional<std::string> focus;  ///< the group highlighted
  std::vector<candidate_result> candidates;  ///< in the order written
  std::vector<party_result> parties;          ///< by share, highest first
  stated_totals stated;
  std::vector<std::pair<std::string, double>> stated_shares;  ///< label and printed percent, in order
  std::optional<double> turnout_percent;  ///< from ballots and electorate, when both are given
  std::optional<previous_shares> previous;  ///< the previous result's shares, when the text quotes one
  std::optional<swing_result> swing;        ///< between the two leading parties, when both stood last time
  std::vector<check> checks;
  std::vector<diagnostic> notes;     ///< what computing it added to the result's diagnostics (unrecognised labels)
  const contest* source = nullptr;   ///< the contest it was computed from (lives in the document)
};

/// Every contest of a document computed.
struct result {
  std::vector<contest_result> contests;
  std::vector<diagnostic> diagnostics;  ///< the document's, then those computing added (unrecognised labels)
  std::optional<std::string> document_focus;  ///< the label whose shares the document prints most often
  input_format format = input_format::text;    ///< the reader that read the document
  std::string shape = "none";                  ///< what the input looked like (document::shape)
  /// What every contest was computed with: `focus` the one used (the document's when none was asked for),
  /// `registry` the one used (never null).
  compute_options options;
};

/// A printed percentage (one decimal, at most 1000) in tenths: `printed_tenths(9.7) == 97`.
[[nodiscard]] inline int printed_tenths(double percent) noexcept { return static_cast<int>(percent * 10 + 0.5); }

/// Rounds a share half-up to tenths of a percent, exactly: `round_tenths(218, 2236) == 97`.
[[nodiscard]] int round_tenths(double numerator, double denominator) noexcept;

[[nodiscard]] contest_result compute(const contest& c, const compute_options& options,
                                     std::vector<diagnostic>* diagnostics = nullptr);
[[nodiscard]] result compute(const document& doc, const compute_options& options = {});

/// compute(doc, options), reusing what an edit left as it was: `before` is the result of an earlier reading of
/// the text (the page's last keystroke), and the document it was computed from must still be alive. A contest of
/// `doc` that reads exactly as one of `before`'s read (every field the same, its positions moved by whole lines),
/// under the same options, is moved out of `before` and pointed at `doc`, not computed again; a contest taken is
/// left in `before` with a null source. Contests are looked for where an edit leaves them: after the last one
/// taken (one or two taken out or put in since), or at the same place counted from the start or from the end.
/// The result is the one compute(doc, options) gives.
///
///     auto doc = wardshare::parse(text, o);            // o.cache: a line_cache
///     auto res = wardshare::compute(doc, options);
///     auto next = wardshare::parse(edited, o);
///     auto again = wardshare::compute(next, options, std::move(res));  // `doc` still alive here
[[nodiscard]] result compute(const document& doc, const compute_options& options, result&& before);

}  // namespace wardshare
