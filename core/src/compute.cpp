// core/src/compute.cpp - shares by each method, seats, and the audit of every printed figure.
#include "wardshare/compute.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "groups.hpp"
#include "numbers.hpp"
#include "order.hpp"
#include "text.hpp"
#include "wardshare/output.hpp"

namespace wardshare {

std::string_view to_string(share_method m) noexcept {
  switch (m) {
    case share_method::top: return "top";
    case share_method::total: return "total";
    case share_method::ballots: return "ballots";
    case share_method::average: return "average";
  }
  return "top";
}

std::optional<share_method> parse_method(std::string_view text) noexcept {
  for (auto m : {share_method::top, share_method::total, share_method::ballots, share_method::average})
    if (detail::iequals(text, to_string(m))) return m;
  return std::nullopt;
}

std::string_view to_string(independents_mode m) noexcept {
  switch (m) {
    case independents_mode::automatic: return "auto";
    case independents_mode::grouped: return "grouped";
    case independents_mode::separate: return "separate";
  }
  return "auto";
}

std::optional<independents_mode> parse_independents(std::string_view text) noexcept {
  for (auto m : {independents_mode::automatic, independents_mode::grouped, independents_mode::separate})
    if (detail::iequals(text, to_string(m))) return m;
  return std::nullopt;
}

namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/// Tenths as an int, saturating: with `ballots` a tiny voters figure can make a share of billions of percent.
int clamp_tenths(i128 t) {
  constexpr i128 most = std::numeric_limits<int>::max();
  return static_cast<int>(t < 0 ? 0 : t > most ? most : t);
}

/// A non-negative i128 as a double: exact (correctly rounded) below 2^64, within a unit in the last place above.
/// (The compiler's own conversion is a 458 B library routine in the wasm build.)
double to_double(i128 v) {
  const auto u = static_cast<u128>(v);
  return static_cast<double>(static_cast<std::uint64_t>(u >> 64)) * 18446744073709551616.0 +
         static_cast<double>(static_cast<std::uint64_t>(u));
}

/// floor(a / b) for 0 <= a, 0 < b (both below 2^125), held at INT_MAX: a double's estimate, put right by exact
/// products. (No 128-bit division: in the wasm build that is a 646 B library routine.)
int quotient(i128 a, i128 b) {
  constexpr i128 most = std::numeric_limits<int>::max();
  const double e = to_double(a) / to_double(b);
  if (!(e < 4294967296.0)) return static_cast<int>(most);  // (a quotient of 2^32 or more: held)
  auto q = static_cast<i128>(static_cast<long long>(e));   // (within a unit or two of the quotient)
  while (q > 0 && q * b > a) --q;
  while ((q + 1) * b <= a) ++q;
  return clamp_tenths(q);
}

/// round-half-up(unit * num / den) for non-negative integers, exactly: tenths of a percent for unit 1000,
/// hundredths for 10,000 (at most 100,000). (Out of line: the wasm build inlined its 128-bit arithmetic at
/// every call, 63 B gzip.)
[[gnu::noinline]] int tenths_exact(i128 num, i128 den, i128 unit = 1000) {
  if (den <= 0) return 0;
  // votes and their sums fit 64 bits with room to spare: 64-bit division, and the estimate above only for
  // `average`'s scaled means
  constexpr i128 small = i128{1} << 44;  // (2 * unit * num stays below 2^63)
  if (num >= 0 && num < small && den < small) {
    auto n = static_cast<std::uint64_t>(num), d = static_cast<std::uint64_t>(den);
    return clamp_tenths(static_cast<i128>((n * 2 * static_cast<std::uint64_t>(unit) + d) / (d * 2)));
  }
  return num < 0 ? 0 : quotient(num * 2 * unit + den, den * 2);
}

int tenths_truncated(i128 num, i128 den, i128 unit) {
  if (den <= 0 || num < 0) return 0;
  return quotient(num * unit, den);
}

/// A printed percentage at the precision it was printed with: `value` in units of 10^-decimals percent, `unit`
/// = 100 * 10^decimals (tenths_exact's). A share is checked at that precision: a council page's `26.25%` is a
/// share from 26.245 to 26.255, which at tenths may round either way, and a whole `26%` one from 25.5 to 26.5.
/// `decimals` are the digits printed after the point (entry::percent_decimals: `26` 0, `26.20` 2), at most 3;
/// when the input did not say (-1), they are read from the value: 1 for `26.2` and `26`, 2 for `26.25`, 3 for
/// three or more.
struct printed_figure {
  int value = 0;
  int decimals = 0;
  i128 unit = 100;
};

printed_figure printed_at(double percent, int decimals) {
  printed_figure f;
  const bool known = decimals >= 0;
  if (!known) {
    f.decimals = 1;
    f.unit = 1000;
  }
  double s = known ? percent : percent * 10;
  for (;; s *= 10, f.unit *= 10, ++f.decimals) {
    const auto whole = static_cast<long long>(s + 0.5);
    if (f.decimals >= 3 || (known ? f.decimals == decimals : std::abs(s - static_cast<double>(whole)) < 1e-6)) {
      f.value = static_cast<int>(whole);
      return f;
    }
  }
}

detail::short_text pct(int value, int decimals) { return detail::fixed(value, decimals, true); }

/// A share as an exact fraction: method values are integers, or means (sum / count) brought to a
/// common denominator.
struct fraction {
  i128 num = 0;
  i128 den = 0;
};

detail::short_text groups(std::int64_t n) { return detail::grouped(n); }

}  // namespace

std::size_t detail::group_index::find(std::string_view group) const {
  if (slots.empty()) {
    std::size_t i = 0;
    while (i < parties.size() && !detail::same_bytes(parties[i].group, group)) ++i;
    return i;
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t at = detail::hash_bytes(group) & mask; slots[at]; at = (at + 1) & mask)
    if (detail::same_bytes(parties[slots[at] - 1].group, group)) return slots[at] - 1;
  return parties.size();
}

void detail::group_index::update() {
  const std::size_t n = parties.size();
  if (n <= 16) return;
  const bool rebuild = slots.size() < 2 * n;  // (at most half full: rebuilt four times as large)
  if (rebuild) {
    std::size_t size = 64;
    while (size < 4 * n) size *= 2;
    slots.assign(size, 0);
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = rebuild ? 0 : n - 1; i < n; ++i) {
    std::size_t at = detail::hash_bytes(parties[i].group) & mask;
    while (slots[at]) at = (at + 1) & mask;
    slots[at] = static_cast<std::uint32_t>(i + 1);
  }
}

namespace {

/// `Labour hold`, `Reform UK gain from Conservative`: the party named must be the one that won most seats.
void check_outcome(const contest& c, const party_registry& reg, contest_result& out) {
  if (!c.outcome || out.parties.empty()) return;
  const auto& o = *c.outcome;
  auto lower = detail::lower(o);
  std::size_t cut = lower.find(" gain");
  if (cut == std::string::npos) cut = lower.rfind(" hold");
  if (cut == std::string::npos) return;
  auto named = std::string(detail::trim(std::string_view(o).substr(0, cut)));
  const party_info* p = reg.find(named);
  if (!p) return;
  const party_result* winner = &out.parties.front();
  for (const auto& pr : out.parties)
    if (pr.seats_won > winner->seats_won) winner = &pr;
  if (winner->group == p->label || (p->independent && winner->group.rfind(p->label, 0) == 0)) return;
  out.checks.push_back({"outcome_mismatch", p->label,
                        detail::cat({"the text says '", o, "' but ", winner->label, " won ",
                                     out.seats > 1 ? "the most seats" : "the seat", " by the votes"}),
                        c.outcome_at});
}

/// (`groups`: out.parties found by group, in their final order)
void compare_with_previous(const contest& c, const compute_options& options, contest_result& out,
                           const detail::group_index& groups) {
  if (!c.previous || c.previous->entries.empty()) return;
  contest before;
  before.entries = c.previous->entries;
  before.stated = c.previous->stated;
  before.seats = c.previous->seats ? c.previous->seats : std::optional<int>(out.seats);
  before.line = c.previous->line;
  compute_options o = options;
  o.focus.reset();
  o.seats.reset();
  auto prev = compute(before, o, &out.notes);
  previous_shares ps;
  ps.heading = c.previous->heading;
  ps.method = prev.method;
  ps.seats = prev.seats;
  ps.all_votes = prev.all_votes;
  ps.parties = prev.parties;
  detail::group_index before_groups{ps.parties};
  before_groups.update();
  for (auto& pr : out.parties) {
    const auto j = before_groups.find(pr.group);
    if (j == ps.parties.size()) continue;
    const auto& old = ps.parties[j];
    pr.previous_share = old.share;
    pr.change = pr.share - old.share;
    pr.change_tenths = pr.share_tenths - old.share_tenths;
  }
  // Butler swing between the two leading parties, when both stood before
  if (out.parties.size() >= 2 && out.parties[0].change && out.parties[1].change) {
    double s = (*out.parties[0].change - *out.parties[1].change) / 2;
    swing_result sw;
    sw.to = s >= 0 ? out.parties[0].label : out.parties[1].label;
    sw.from = s >= 0 ? out.parties[1].label : out.parties[0].label;
    sw.points = s >= 0 ? s : -s;
    sw.tenths = round_tenths(sw.points * 1e6, 1e8);
    out.swing = sw;
  }
  // a printed change in share (Wikipedia's ±%) against the computed one, where each party has one candidate
  if (out.seats == 1) {
    for (std::size_t k = 0; k < c.entries.size() && k < out.candidates.size(); ++k) {
      const auto& e = c.entries[k];
      if (!e.printed_change) continue;
      const auto gi = groups.find(out.candidates[k].group);
      if (gi == out.parties.size()) continue;
      const auto& pr = out.parties[gi];
      if (!pr.change_tenths || pr.candidates != 1) continue;
      auto tenths = [](double points) { return static_cast<int>(points < 0 ? points * 10 - 0.5 : points * 10 + 0.5); };
      int printed_t = tenths(*e.printed_change);
      int exact_t = tenths(*pr.change);
      if (printed_t == *pr.change_tenths || printed_t == exact_t) continue;
      auto signed_pct = [](int t) { return detail::fixed(t, 1, false, true); };
      out.checks.push_back({"change_mismatch", pr.label,
                            detail::cat({"printed change ", signed_pct(printed_t), " for ", pr.label, ", but its share went from ",
                                         detail::fixed(pr.share_tenths - *pr.change_tenths, 1), "% to ", detail::fixed(pr.share_tenths, 1),
                                         "%: ", signed_pct(*pr.change_tenths), " points"}),
                            e.where});
    }
  }
  // the previous result's own printed shares are audited too
  for (const auto& k : prev.checks)
    if (k.code == "share_mismatch" || k.code == "total_mismatch" || k.code == "votes_overflow")
      out.checks.push_back({"previous_" + k.code, k.label, (ps.heading.empty() ? std::string("previous result") : ps.heading) + ": " + k.message, k.where});
  out.previous = std::move(ps);
}

}  // namespace

int round_tenths(double numerator, double denominator) noexcept {
  if (!(denominator > 0) || !(numerator >= 0)) return 0;
  // Exact when both are whole numbers (the usual case), else correct to double precision.
  if (numerator == static_cast<double>(static_cast<std::int64_t>(numerator)) &&
      denominator == static_cast<double>(static_cast<std::int64_t>(denominator)) && numerator < 9e15 && denominator < 9e15)
    return tenths_exact(static_cast<std::int64_t>(numerator), static_cast<std::int64_t>(denominator));
  double t = numerator * 1000.0 / denominator;
  if (!(t < 2e9)) return std::numeric_limits<int>::max();
  return static_cast<int>(t + 0.5 + 1e-9);
}

namespace {

/// The focus option, looked up once for every contest of a document.
struct focus_key {
  std::string key;                  ///< normalised
  const party_info* party = nullptr;
};

std::optional<focus_key> make_focus_key(const compute_options& options, const party_registry& reg) {
  if (!options.focus) return std::nullopt;
  return focus_key{party_registry::normalise(*options.focus), reg.find(*options.focus)};
}

/// A candidate's name and label: views of its entry (the label is the name when no label was given).
void point_at(const entry& e, candidate_result& cr) {
  cr.name = e.name;
  if (!e.label.empty()) cr.label = e.label;
  else cr.label = e.name ? std::string_view(*e.name) : std::string_view("?");
}

contest_result compute_contest(const contest& c, const compute_options& options, const party_registry& reg,
                               const focus_key* focus) {
  contest_result out;
  out.source = &c;
  out.area = c.area;
  out.ward = c.ward;
  out.line = c.line;
  out.end_line = c.end_line;
  out.stated = c.stated;
  out.requested = options.method;
  auto markers = std::count_if(c.entries.begin(), c.entries.end(), [](const entry& e) { return e.elected_marker; });
  if (options.seats && *options.seats > 0) { out.seats = *options.seats; out.seats_from = "option"; }
  else if (c.seats) { out.seats = *c.seats; out.seats_from = "text"; }
  else if (markers > 1) { out.seats = static_cast<int>(markers); out.seats_from = "elected markers"; }  // a council page
  else { out.seats = 1; out.seats_from = "default"; }

  bool group_independents = options.independents == independents_mode::grouped ||
                            (options.independents == independents_mode::automatic && out.seats > 1);

  // candidates and their groups, in the order written
  out.candidates.reserve(c.entries.size());
  {
    // room for a group per distinct label (`Lab; Lab; Lab; Con` has two): usually fewer than the entries
    std::size_t labels = 0, printed = 0;
    for (std::size_t i = 0; i < c.entries.size(); ++i) {
      printed += c.entries[i].printed_percent.has_value();
      if (labels == c.entries.size()) continue;  // (a long list: no counting)
      std::size_t k = 0;
      while (k < i && !detail::same_bytes(c.entries[k].label, c.entries[i].label)) ++k;
      labels += k == i;
      if (i >= 16) labels = c.entries.size();
    }
    out.parties.reserve(labels);
    out.stated_shares.reserve(printed);
  }
  detail::group_index by_group{out.parties};
  auto group_of = [&by_group](const std::string& group) { return by_group.find(group); };
  bool bare_reported = false;  // the group `?` (a label of no letters) has had its unrecognised label reported
  int independents = 0;
  bool held = false;  // a sum of votes reached detail::max_sum
  for (const auto& e : c.entries) {
    auto& cr = out.candidates.emplace_back();  // (room made above: no reference to it moves)
    point_at(e, cr);
    cr.votes = e.votes;
    cr.elected_marker = e.elected_marker;
    cr.where = e.where;
    std::string_view display;  // views of the registry, the entry or cr, which outlive their use below
    std::string_view colour;
    if (e.label.empty()) {
      cr.group = e.name ? "name:" + *e.name : std::string("?");
      display = cr.label;
    } else {
      const party_info* p = reg.find(e.label);
      if (p) {
        cr.party = p->name;
        display = p->label;
        colour = p->colour;
        if (p->independent && !group_independents) {
          ++independents;
          cr.group = independents == 1 ? p->label : p->label + " " + detail::num(independents);
          display = cr.group;
        } else {
          cr.group = p->label;
        }
      } else {
        cr.group = "?" + party_registry::normalise(e.label);
        display = e.label;
      }
    }
    auto gi = group_of(cr.group);
    if (gi == out.parties.size()) {
      party_result pr;
      pr.group = cr.group;
      pr.label = std::string(display);
      pr.party = cr.party;
      pr.colour = colour;
      out.parties.push_back(std::move(pr));
      by_group.update();
    }
    // an unrecognised label is reported once a group: when its group is made (only such labels make `?...`
    // groups), or the first time for `?`, which a candidate with neither label nor name makes too
    bool bare = cr.group.size() == 1;
    if (!e.label.empty() && !cr.party && (bare ? !bare_reported : out.parties[gi].candidates == 0)) {
      bare_reported = bare_reported || bare;
      out.notes.push_back({e.where, severity::info, diag_code::unrecognised_label,
                           "unrecognised label '" + e.label + "': counted as a party of its own"});
    }
    auto& pr = out.parties[gi];
    pr.candidates += 1;
    pr.highest = std::max(pr.highest, cr.votes);
    pr.total = detail::add_counts(pr.total, cr.votes, held);
    if (e.printed_percent && !pr.printed_percent) pr.printed_percent = e.printed_percent;
    if (e.printed_percent) out.stated_shares.emplace_back(std::string(display), *e.printed_percent);
    out.all_votes = detail::add_counts(out.all_votes, cr.votes, held);
  }
  for (const auto& pr : out.parties) out.sum_of_highest = detail::add_counts(out.sum_of_highest, pr.highest, held);
  if (held)
    out.checks.push_back({"votes_overflow", std::nullopt,
                          "votes adding up past 10^18 are held there (a share dividing by such a sum is not exact)",
                          {c.line, 1}});

  // the method, falling back to `top` when `ballots` has no figure to divide by
  out.method = options.method;
  if (out.method == share_method::ballots && !(c.stated.ballots && *c.stated.ballots > 0)) {
    out.method = share_method::top;
    out.checks.push_back({"method_fallback", std::nullopt,
                          "the ballots method needs the number of voters (Turnout or Ballots N), which this contest "
                          "does not state: shares use the top method",
                          {c.line, 1}});
  }

  // exact shares: value_i / sum(value_j), as fractions
  // (a contest has a few parties: their fractions on the stack)
  fraction few[16];
  std::vector<fraction> many(out.parties.size() > 16 ? out.parties.size() : 0);
  fraction* value = out.parties.size() > 16 ? many.data() : few;
  i128 scale = 1;
  if (out.method == share_method::average) {
    // the least common multiple of the parties' candidate counts, so that every mean is a whole number of
    // 1/scale: exact while it stays under a bound that keeps every sum below 2^127 (votes < 10^15 each). Parties
    // of forty-odd different sizes in one contest pass the bound (std::lcm wrapped there, and every share read
    // 0): the bound is the scale then, each mean rounded down to a whole number of 1/scale
    const long long most = (1LL << 62) / static_cast<long long>(std::max<std::size_t>(out.parties.size(), 1));
    long long l = 1;
    for (const auto& pr : out.parties) {
      const long long c = pr.candidates, g = std::gcd(l, c);
      if (l / g > most / c) { l = most; break; }
      l = l / g * c;
    }
    scale = l;
  }
  i128 den = 0;
  for (std::size_t i = 0; i < out.parties.size(); ++i) {
    auto& pr = out.parties[i];
    switch (out.method) {
      case share_method::top:
      case share_method::ballots: pr.value = static_cast<double>(pr.highest); value[i].num = pr.highest; break;
      case share_method::total: pr.value = static_cast<double>(pr.total); value[i].num = pr.total; break;
      case share_method::average:
        pr.value = static_cast<double>(pr.total) / pr.candidates;
        value[i].num = static_cast<i128>(pr.total) * (static_cast<long long>(scale) / pr.candidates);
        break;
    }
    den += value[i].num;
  }
  if (out.method == share_method::ballots) den = *c.stated.ballots;
  // (held at max_sum, as the sums are: beyond it only when they were held, and the check above says so)
  out.denominator = std::min(to_double(den) / to_double(scale), static_cast<double>(detail::max_sum));
  for (std::size_t i = 0; i < out.parties.size(); ++i) {
    auto& pr = out.parties[i];
    pr.share = den > 0 ? 100.0 * to_double(value[i].num) / to_double(den) : 0.0;
    pr.share_tenths = tenths_exact(value[i].num, den);
  }

  // seats: the top N candidates; a tie for the last seat is reported, not decided
  // (by votes, highest first, ties in the order written: a few candidates are sorted on the stack)
  std::vector<std::size_t> order_many;
  std::size_t order_few[16];
  const std::size_t* order = order_few;
  const std::size_t order_n = out.candidates.size();
  if (order_n > 16) {
    order_many = detail::stable_order(order_n, [&](std::size_t a, std::size_t b) { return out.candidates[a].votes > out.candidates[b].votes; });
    order = order_many.data();
  } else {
    for (std::size_t i = 0; i < order_n; ++i) {
      std::size_t j = i;
      for (; j > 0 && out.candidates[i].votes > out.candidates[order_few[j - 1]].votes; --j) order_few[j] = order_few[j - 1];
      order_few[j] = i;
    }
  }
  auto n = static_cast<std::size_t>(out.seats);
  if (order_n > 0) {
    std::int64_t boundary = order_n > n ? out.candidates[order[n]].votes : -1;
    std::int64_t last_in = out.candidates[order[std::min(n, order_n) - 1]].votes;
    bool tie = order_n > n && boundary == last_in && boundary > 0;
    std::vector<std::string_view> tied;
    for (std::size_t k = 0; k < order_n && k < n; ++k) {
      auto& cand = out.candidates[order[k]];
      if (tie && cand.votes == boundary) continue;
      cand.elected = true;
    }
    if (tie) {
      for (std::size_t k = 0; k < order_n; ++k)
        if (auto idx = order[k]; out.candidates[idx].votes == boundary) tied.push_back(out.candidates[idx].name.value_or(out.candidates[idx].label));
      std::string who;
      for (std::size_t k = 0; k < tied.size(); ++k) {
        if (k) who += k + 1 == tied.size() ? " and " : ", ";
        who += tied[k];
      }
      out.checks.push_back({"tie_at_boundary", std::nullopt,
                            detail::cat({who, " are tied on ", groups(boundary), " votes for the last seat: the votes cannot say who is elected"}),
                            {c.line, 1}});
    }
  }
  for (const auto& cand : out.candidates)
    if (cand.elected) out.parties[group_of(cand.group)].seats_won += 1;

  // the text's own elected markers against the computed winners
  bool any_marker = std::any_of(out.candidates.begin(), out.candidates.end(), [](const candidate_result& x) { return x.elected_marker; });
  if (any_marker)
    for (const auto& cand : out.candidates)
      if (cand.elected_marker != cand.elected)
        out.checks.push_back({"elected_mismatch", std::string(cand.label),
                              detail::cat({cand.name ? *cand.name : cand.label, " (", groups(cand.votes), ") is ",
                                  (cand.elected_marker ? "marked elected but is not among the top " : "not marked elected but is among the top ") +
                                  detail::num(out.seats), " by votes"}),
                              cand.where});

  // audit: the stated total
  std::int64_t basis = out.method == share_method::total ? out.all_votes : out.sum_of_highest;
  if (c.stated.total && *c.stated.total != out.sum_of_highest && *c.stated.total != out.all_votes) {
    auto diff = *c.stated.total - basis;
    std::string what = out.method == share_method::total ? "all candidates' votes" : "each party's highest vote";
    out.checks.push_back({"total_mismatch", std::nullopt,
                          detail::cat({"stated total ", groups(*c.stated.total), " is ", groups(diff < 0 ? -diff : diff),
                                       diff < 0 ? " less" : " more", " than the sum of ", what, " (", groups(basis), ")"}),
                          c.stated.total_at});
  }
  // audit: the stated majority, the winner's lead over the first candidate not elected (in a multi-seat contest,
  // the last elected's lead, or the first's over the second: sources differ, and either passes)
  if (c.stated.majority && order_n > n) {
    const auto& in = out.candidates[order[n - 1]];
    const auto& next = out.candidates[order[n]];
    const std::int64_t lead = in.votes - next.votes;
    if (*c.stated.majority != lead && *c.stated.majority != out.candidates[order[0]].votes - out.candidates[order[1]].votes)
      out.checks.push_back({"majority_mismatch", std::nullopt,
                            detail::cat({"stated majority ", groups(*c.stated.majority), " but ", in.label, " ", groups(in.votes),
                                         n > 1 ? " (the last elected) less " : " less ", next.label, " ", groups(next.votes),
                                         " is ", groups(lead)}),
                            {c.line, 1}});
  }
  if (c.stated.ballots && c.stated.electorate && *c.stated.electorate > 0) {
    out.turnout_percent = 100.0 * static_cast<double>(*c.stated.ballots) / static_cast<double>(*c.stated.electorate);
    if (c.stated.turnout_percent) {
      const auto printed = printed_at(*c.stated.turnout_percent, c.stated.turnout_decimals);
      if (tenths_exact(*c.stated.ballots, *c.stated.electorate, printed.unit) != printed.value) {
        // (a whole percentage is checked whole, and the turnout quoted beside it at tenths, as shares are below)
        const int shown_decimals = printed.decimals > 0 ? printed.decimals : 1;
        const int shown = tenths_exact(*c.stated.ballots, *c.stated.electorate, printed.decimals > 0 ? printed.unit : 1000);
        out.checks.push_back({"turnout_mismatch", std::nullopt,
                              detail::cat({"printed turnout ", pct(printed.value, printed.decimals), " but ",
                                           groups(*c.stated.ballots), " / ", groups(*c.stated.electorate), " is ",
                                           pct(shown, shown_decimals)}),
                              {c.line, 1}});
      }
    }
  }

  // audit: every printed share. A share of all votes (how council pages print them) is another method, not an
  // error. When another of the contest's printed shares is of all votes and not the method's, a wrong one is
  // quoted against all votes too: a page's `28.3%` for 23.8% is off by 4.5 points, not by its distance from the
  // method's 47.1%
  bool shares_of_all = false;
  if (out.method != share_method::average)
    for (std::size_t k = 0; k < c.entries.size() && !shares_of_all; ++k)
      if (const auto& e = c.entries[k]; e.printed_percent) {
        const auto p = printed_at(*e.printed_percent, e.percent_decimals);
        shares_of_all = tenths_exact(out.candidates[k].votes, out.all_votes, p.unit) == p.value &&
                        tenths_exact(out.candidates[k].votes, den, p.unit) != p.value;
      }
  for (std::size_t k = 0; k < c.entries.size(); ++k) {
    const auto& e = c.entries[k];
    if (!e.printed_percent) continue;
    const auto& cand = out.candidates[k];
    const auto [printed, decimals, unit] = printed_at(*e.printed_percent, e.percent_decimals);
    i128 num = cand.votes, d = den;
    if (out.method == share_method::average) {  // a candidate's own share under `average` is its group's
      const auto& pr = out.parties[group_of(cand.group)];
      num = static_cast<i128>(pr.total) * (static_cast<long long>(scale) / pr.candidates);
    }
    int computed = tenths_exact(num, d, unit);
    if (computed == printed) continue;
    if (out.method != share_method::average && tenths_exact(cand.votes, out.all_votes, unit) == printed) continue;
    if (shares_of_all) {  // (num is the votes: shares_of_all is never set under `average`)
      d = out.all_votes;
      computed = tenths_exact(num, d, unit);
    }
    // (a whole percentage is checked whole, and the share quoted beside it at tenths: `printed 9%, computed 5.4%`)
    const int shown_decimals = decimals > 0 ? decimals : 1;
    const int shown = decimals > 0 ? computed : tenths_exact(num, d);
    const int shown_printed = decimals > 0 ? printed : printed * 10;
    std::string msg = detail::cat({"printed ", pct(printed, decimals), " for ", cand.label, " ", groups(cand.votes), ", computed ",
                                   pct(shown, shown_decimals), " (", groups(cand.votes), " / ",
                                   groups(shares_of_all ? out.all_votes : static_cast<std::int64_t>(out.denominator)),
                                   shares_of_all ? ", of all votes, as its other shares are" : ", method ",
                                   shares_of_all ? "" : to_string(out.method), "); off by ",
                                   detail::fixed(std::abs(shown - shown_printed), shown_decimals), " points"});
    // (a figure unstated is 0, which is passed over)
    const std::pair<std::string_view, std::int64_t> alternatives[] = {
        {"the stated total", c.stated.total.value_or(0)},
        {"the sum of all candidates' votes", out.all_votes},
        {"the sum of each party's highest vote", out.sum_of_highest},
        {"the number of ballots", c.stated.ballots.value_or(0)}};
    bool explained = false;
    for (const auto& [what, alt] : alternatives) {
      if (alt == static_cast<std::int64_t>(d) || alt <= 0) continue;
      if (tenths_exact(cand.votes, alt, unit) == printed) {
        msg += detail::cat({"; ", what, " (", groups(alt), ") reproduces ", pct(printed, decimals)});
        explained = true;
        break;
      }
    }
    if (!explained && tenths_truncated(num, d, unit) == printed) {
      msg += "; the printed figure is the share truncated, not rounded";
      explained = true;
    }
    if (!explained && printed > 0) {
      // the denominators that would print this figure: votes*unit/(printed+0.5) < d <= votes*unit/(printed-0.5)
      const double scaled = static_cast<double>(cand.votes) * to_double(unit);
      auto lo = static_cast<std::int64_t>(scaled / (printed + 0.5)) + 1;
      auto hi = static_cast<std::int64_t>(scaled / (printed - 0.5));
      msg += detail::cat({"; no stated figure reproduces it (a denominator from ", groups(lo), " to ", groups(hi), " would)"});
    }
    out.checks.push_back({"share_mismatch", std::string(cand.label), msg, e.where});
  }

  // focus: chosen, else the party whose share the text prints
  if (focus) {
    const auto& key = focus->key;
    const party_info* fp = focus->party;
    for (const auto& pr : out.parties)
      if ((fp && pr.group == fp->label) || party_registry::same_key(pr.label, key) || party_registry::same_key(pr.group, key)) {
        out.focus = pr.group;
        break;
      }
  }
  // (a report prints one party's share; a table printing every candidate's names no party)
  if (!out.focus) {
    const std::string* printed_group = nullptr;
    bool one = true;
    for (std::size_t k = 0; k < c.entries.size(); ++k)
      if (c.entries[k].printed_percent) {
        if (printed_group && !detail::same_bytes(*printed_group, out.candidates[k].group)) one = false;
        printed_group = &out.candidates[k].group;
      }
    if (printed_group && one) out.focus = *printed_group;
  }

  detail::stable_sort_by(out.parties, [](const party_result& a, const party_result& b) {
    return a.share_tenths != b.share_tenths ? a.share_tenths > b.share_tenths : a.value > b.value;
  });

  by_group.slots.clear();  // (the parties are in their final order now)
  by_group.update();
  compare_with_previous(c, options, out, by_group);
  check_outcome(c, reg, out);
  return out;
}

}  // namespace

contest_result compute(const contest& c, const compute_options& options, std::vector<diagnostic>* diagnostics) {
  const auto& reg = options.registry ? *options.registry : party_registry::builtin();
  auto focus = make_focus_key(options, reg);
  auto out = compute_contest(c, options, reg, focus ? &*focus : nullptr);
  if (diagnostics) diagnostics->insert(diagnostics->end(), out.notes.begin(), out.notes.end());
  return out;
}

namespace {

/// Positions of one reading against another's, `lines` further down (an edit above moved them).
struct moved {
  std::int64_t lines = 0;
  bool same(source_position a, source_position b) const noexcept {
    return a.column == b.column && (a.line == 0 ? b.line == 0 : b.line == a.line + lines);
  }
  void move(source_position& p) const noexcept {
    if (p.line != 0) p.line = static_cast<std::uint32_t>(p.line + lines);
  }
};

bool same_entries(const std::vector<entry>& a, const std::vector<entry>& b, const moved& m) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto &x = a[i], &y = b[i];
    if (x.votes != y.votes || x.elected_marker != y.elected_marker || !m.same(x.where, y.where) ||
        x.printed_percent != y.printed_percent || x.percent_decimals != y.percent_decimals ||
        x.printed_change != y.printed_change || x.label != y.label ||
        x.name != y.name)
      return false;
  }
  return true;
}

bool same_totals(const stated_totals& a, const stated_totals& b, const moved& m) {
  return a.total == b.total && a.ballots == b.ballots && a.electorate == b.electorate && a.rejected == b.rejected &&
         a.majority == b.majority && a.turnout_percent == b.turnout_percent &&
         a.turnout_decimals == b.turnout_decimals && m.same(a.total_at, b.total_at);
}

/// `b` reads as `a` did, every field, its positions `m.lines` further down (document.hpp: every field of a
/// contest, its entries, totals and previous result is compared here).
bool same_reading(const contest& a, const contest& b, const moved& m) {
  if (!m.same({a.line, 1}, {b.line, 1}) || !m.same({a.end_line, 1}, {b.end_line, 1}) ||
      !m.same(a.outcome_at, b.outcome_at) || a.seats != b.seats || a.printed_swing != b.printed_swing ||
      !same_entries(a.entries, b.entries, m) || !same_totals(a.stated, b.stated, m) || a.area != b.area ||
      a.ward != b.ward || a.candidate_names != b.candidate_names || a.election != b.election || a.outcome != b.outcome ||
      a.previous.has_value() != b.previous.has_value())
    return false;
  if (!a.previous) return true;
  const auto &x = *a.previous, &y = *b.previous;
  return m.same({x.line, 1}, {y.line, 1}) && x.seats == y.seats && x.heading == y.heading &&
         same_entries(x.entries, y.entries, m) && same_totals(x.stated, y.stated, m);
}

bool same_options(const compute_options& a, const compute_options& b) {
  return a.method == b.method && a.independents == b.independents && a.seats == b.seats && a.focus == b.focus &&
         a.registry == b.registry;
}

/// `out`, computed from another reading of `c`, made `c`'s: its views point into `c`, its positions moved.
void make_its(contest_result& out, const contest& c, const moved& m) {
  out.source = &c;
  out.area = c.area;
  out.ward = c.ward;
  out.line = c.line;
  out.end_line = c.end_line;
  m.move(out.stated.total_at);
  for (std::size_t k = 0; k < out.candidates.size(); ++k) {
    point_at(c.entries[k], out.candidates[k]);
    m.move(out.candidates[k].where);
  }
  for (auto& k : out.checks) m.move(k.where);
  for (auto& d : out.notes) m.move(d.where);
}

result compute_document(const document& doc, const compute_options& options, result* before) {
  result r;
  r.diagnostics = doc.diagnostics;
  r.format = doc.format;
  r.shape = doc.shape;
  // the label whose shares the document prints most often: the default focus
  detail::name_index printed;  // the labels, and how many contests print each one's share
  std::vector<std::size_t> count;
  const auto& reg = options.registry ? *options.registry : party_registry::builtin();
  for (const auto& c : doc.contests)
  {
    // only contests that print one party's share say which party the document is about
    std::optional<std::string_view> label;  // (views of the registry or the entry)
    bool one = true;
    for (const auto& e : c.entries)
      if (e.printed_percent && !e.label.empty()) {
        const party_info* p = reg.find(e.label);
        std::string_view l = p ? std::string_view(p->label) : std::string_view(e.label);
        if (label && !detail::same_bytes(*label, l)) one = false;
        label = l;
      }
    if (label && one) {
      const auto i = printed.add(*label);
      if (i == count.size()) count.push_back(0);
      count[i] += 1;
    }
  }
  // the most printed; of as many, the first in byte order
  std::size_t best = 0;
  for (std::size_t i = 0; i < count.size(); ++i)
    if (count[i] > best || (count[i] == best && best > 0 && printed.name(i) < *r.document_focus)) {
      best = count[i];
      r.document_focus = printed.name(i);
    }
  r.options = options;
  r.options.registry = &reg;
  if (!r.options.focus && r.document_focus) r.options.focus = r.document_focus;
  const auto& per = r.options;
  // before's contests, where computed as these would be
  contest_result* old = before && same_options(before->options, per) ? before->contests.data() : nullptr;
  const std::size_t old_n = old ? before->contests.size() : 0;
  const std::size_t new_n = doc.contests.size();
  auto reuse = [&](std::size_t j, const contest& c) -> contest_result* {
    if (j >= old_n || !old[j].source) return nullptr;
    moved m{static_cast<std::int64_t>(c.line) - static_cast<std::int64_t>(old[j].source->line)};
    if (!same_reading(*old[j].source, c, m)) return nullptr;
    make_its(old[j], c, m);
    return &old[j];
  };
  r.contests.reserve(new_n);
  auto focus = make_focus_key(per, reg);
  bool notes = false;
  // where to look: after the last contest taken (a contest or two taken out or put in since), else at the same
  // place counted from the start or from the end
  std::size_t next = 0;
  for (std::size_t i = 0; i < new_n; ++i) {
    const auto& c = doc.contests[i];
    const std::size_t from_end = i + old_n >= new_n ? i + old_n - new_n : old_n;
    const std::size_t places[] = {next, next + 1, next + 2, i, from_end};
    contest_result* was = nullptr;
    for (std::size_t p = 0; p < 5 && !was; ++p) {
      if (p >= 3 && (places[p] == next || places[p] == next + 1 || places[p] == next + 2)) continue;  // (tried)
      if ((was = reuse(places[p], c))) next = places[p] + 1;
    }
    if (was) r.contests.push_back(std::move(*was)), was->source = nullptr;
    else r.contests.push_back(compute_contest(c, per, reg, focus ? &*focus : nullptr));
    notes = notes || !r.contests.back().notes.empty();
  }
  if (notes) {
    for (const auto& c : r.contests)
      for (const auto& d : c.notes) r.diagnostics.push_back(d);  // (not insert(): a range insert is 323 B of wasm)
    detail::sort_by_position(r.diagnostics);
  }
  return r;
}

}  // namespace

result compute(const document& doc, const compute_options& options) { return compute_document(doc, options, nullptr); }

result compute(const document& doc, const compute_options& options, result&& before) {
  return compute_document(doc, options, &before);
}

}  // namespace wardshare
