// core/src/summary.cpp - report mode: league table, per-area means, headline figures and the audit.
#include "wardshare/summary.hpp"

#include <algorithm>

#include "numbers.hpp"
#include "order.hpp"
#include "text.hpp"
#include "wardshare/output.hpp"

namespace wardshare {

namespace {

std::string where_of(const contest_result& c) {
  std::string s;
  if (c.area) s += *c.area;
  if (c.ward) {
    if (!s.empty()) s += " / ";
    s += *c.ward;
  }
  return s.empty() ? "line " + detail::num(c.line) : s;
}

}  // namespace

summary summarise(const document& doc, const result& r, std::optional<std::string> focus, double threshold,
                  share_source shares_from) {
  summary s;
  s.threshold = threshold;
  s.shares_from = shares_from;
  const auto& reg = party_registry::builtin();
  std::string key;
  if (focus) {
    const party_info* p = reg.find(*focus);
    key = p ? p->label : *focus;
  } else if (r.document_focus) {
    key = *r.document_focus;
  }
  s.focus = key;
  if (!(threshold >= 0)) threshold = 0;  // also NaN
  if (threshold > 1000) threshold = 1000;
  s.threshold = threshold;
  int threshold_tenths = static_cast<int>(threshold * 10 + 0.5);
  detail::name_index areas;  // an area's number is its row in s.by_area
  std::size_t last_area = 0;  // == by_area.size(): none yet
  bool votes_held = false;    // a sum of votes reached detail::max_sum (said once)
  double share_sum = 0;

  const auto normal_key = party_registry::normalise(key);
  for (const auto& c : r.contests) {
    for (const auto& k : c.checks)
      s.audit.push_back({k.where.line ? k.where.line : c.line, c.area, c.ward, k.code, k.message});
    auto it = std::find_if(c.parties.begin(), c.parties.end(), [&](const party_result& p) {
      return detail::same_bytes(p.group, key) || detail::same_bytes(p.label, key) || party_registry::same_key(p.label, normal_key);
    });
    if (it == c.parties.end() || key.empty()) continue;
    focus_result f;
    f.area = c.area;
    f.ward = c.ward;
    f.seats = c.seats;
    f.candidates = it->candidates;
    f.votes = it->highest;
    f.all_votes = it->total;
    f.computed_share = it->share;
    f.printed_percent = it->printed_percent;
    if (shares_from == share_source::printed && it->printed_percent) {
      f.share = *it->printed_percent;
      f.share_tenths = printed_tenths(*it->printed_percent);
    } else {
      f.share = it->share;
      f.share_tenths = it->share_tenths;
    }
    f.position = static_cast<int>(it - c.parties.begin()) + 1;
    f.won = it->seats_won > 0;
    f.line = c.line;
    s.per_contest.push_back(f);
    s.contests += 1;
    s.candidates += f.candidates;
    bool held = false;
    s.votes = detail::add_counts(s.votes, f.all_votes, held);
    share_sum += f.share;
    if (f.share_tenths >= threshold_tenths) s.at_or_above += 1;
    // (a report lists an area's contests together: the last area is tried before the index)
    std::string_view area = c.area ? std::string_view(*c.area) : std::string_view();
    if (last_area == s.by_area.size() || !detail::same_bytes(s.by_area[last_area].area, area)) {
      last_area = areas.add(area);
      if (last_area == s.by_area.size()) s.by_area.push_back({std::string(area), 0, 0, 0, 0});
    }
    auto& a = s.by_area[last_area];
    a.contests += 1;
    a.candidates += f.candidates;
    a.votes = detail::add_counts(a.votes, f.all_votes, held);
    if (held && !votes_held) {
      votes_held = true;
      s.audit.push_back({c.line, c.area, c.ward, "votes_overflow",
                         "votes adding up past 10^18 are held there"});
    }
    a.mean_share += f.share;  // summed here, divided below
  }
  for (auto& a : s.by_area) a.mean_share /= a.contests;
  s.areas = static_cast<int>(s.by_area.size());
  s.mean_share = s.contests ? share_sum / s.contests : 0;

  // the league: contests at or above the threshold by share, highest first (ordered by index, each row copied once)
  std::vector<const focus_result*> above;
  for (const auto& f : s.per_contest)
    if (f.share_tenths >= threshold_tenths) above.push_back(&f);
  auto order = detail::stable_order(above.size(), [&](std::size_t a, std::size_t b) { return above[a]->share > above[b]->share; });
  s.league.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) s.league.push_back({static_cast<int>(i) + 1, *above[order[i]]});

  // Places in the document that quote a contest's figure differently (a league table against its row). A quote
  // is held against the contests it can mean: of its ward and, when both name an area, of its area, found by the
  // hash of the ward (a bucket of contests for each hash: a report has a hundred quotes and three hundred
  // contests). A quote that one of them bears out (the focus party's figure, or another party's candidate's) is
  // not a mismatch; one that none bears out is reported against each. A ward name more than `most_shared`
  // contests share is reported as not checked: the work and the audit stay in proportion to the quotes (every
  // quote against every contest of a shared name, each candidate scanned, was quadratic: 10,000 quotes of a
  // name 10,000 contests share never finished).
  constexpr std::size_t most_shared = 32;
  static_assert(most_shared == 32, "the quote_unchecked message below writes the number out");
  std::vector<std::uint32_t> wards, first, next;  // a contest's ward hash; a bucket's first contest and the next
  // what a quote is held against, found once a contest: the focus party's index (-1: it has none; -2: not looked
  // for yet) and, when a quote is not the focus party's figure, the other parties' candidates' votes, in order,
  // in others[from, to)
  struct held {
    int focus = -2;
    bool sorted = false;
    std::uint32_t from = 0, to = 0;
  };
  std::vector<held> info;
  std::vector<std::int64_t> others;
  if (!doc.quotes.empty()) {
    std::size_t buckets = 1;
    while (buckets < r.contests.size()) buckets *= 2;
    first.assign(buckets, 0);
    next.assign(r.contests.size(), 0);
    info.resize(r.contests.size());
    wards.assign(r.contests.size(), 0);
    for (std::size_t i = 0; i < wards.size(); ++i)
      if (r.contests[i].ward) wards[i] = detail::hash_bytes(*r.contests[i].ward);
    for (std::size_t i = wards.size(); i-- > 0;) {  // (from the last: each bucket lists its contests in order)
      auto& head = first[wards[i] & (buckets - 1)];
      next[i] = head;
      head = static_cast<std::uint32_t>(i + 1);
    }
  }
  std::vector<std::size_t> meant;  // the contests a quote can mean, in order
  for (const auto& q : doc.quotes) {
    if (!q.ward || q.votes.empty() || key.empty()) continue;
    meant.clear();
    const std::uint32_t ward = detail::hash_bytes(*q.ward);
    std::size_t shared = 0;
    for (std::uint32_t at = first[ward & (first.size() - 1)]; at && shared <= most_shared; at = next[at - 1]) {
      const std::size_t i = at - 1;
      if (wards[i] != ward) continue;
      const auto& c = r.contests[i];
      if (!c.ward || !detail::same_bytes(*c.ward, *q.ward)) continue;
      ++shared;
      if (q.area && c.area && *q.area != *c.area) continue;
      meant.push_back(i);
    }
    const std::int64_t quoted = q.votes.front();
    if (shared > most_shared) {
      s.audit.push_back({q.where.line, q.area, q.ward, "quote_unchecked",
                         "line " + detail::num(q.where.line) + " quotes " + group_thousands(quoted) + " for " + *q.ward +
                             ", a ward name more than 32 contests share: not checked"});
      continue;
    }
    bool borne_out = false;
    for (auto i : meant) {
      auto& h = info[i];
      const auto& c = r.contests[i];
      if (h.focus == -2) {
        h.focus = -1;
        for (std::size_t k = 0; k < c.parties.size() && h.focus < 0; ++k)
          if (detail::same_bytes(c.parties[k].group, key)) h.focus = static_cast<int>(k);
      }
      if (h.focus < 0) continue;
      const auto& p = c.parties[static_cast<std::size_t>(h.focus)];
      if (quoted == p.highest && !(q.printed_percent && printed_tenths(*q.printed_percent) != p.share_tenths)) {
        borne_out = true;
        break;
      }
      if (!h.sorted) {
        h.sorted = true;
        h.from = static_cast<std::uint32_t>(others.size());
        for (auto k : detail::stable_order(c.candidates.size(), [&c](std::size_t a, std::size_t b) { return c.candidates[a].votes < c.candidates[b].votes; }))
          if (!detail::same_bytes(c.candidates[k].group, key)) others.push_back(c.candidates[k].votes);
        h.to = static_cast<std::uint32_t>(others.size());
      }
      if (std::binary_search(others.begin() + h.from, others.begin() + h.to, quoted)) {
        borne_out = true;
        break;
      }
    }
    if (borne_out) continue;
    for (auto i : meant) {
      if (info[i].focus < 0) continue;  // (a contest the focus party did not stand in is not what the quote means)
      const auto& c = r.contests[i];
      const auto& p = c.parties[static_cast<std::size_t>(info[i].focus)];
      std::string msg = "line " + detail::num(q.where.line) + " quotes ";
      if (quoted != p.highest)
        msg += group_thousands(quoted) + " for " + where_of(c) + "; the contest on line " + detail::num(c.line) + " gives " + key + " " +
               group_thousands(p.highest);
      else
        msg += format_tenths(printed_tenths(*q.printed_percent)) + "% for " + where_of(c) + "; computed " + format_tenths(p.share_tenths) +
               "% from the contest on line " + detail::num(c.line);
      s.audit.push_back({q.where.line, c.area, c.ward, "quote_mismatch", msg});
    }
  }
  // a ranked table (a league table) whose figures are out of order
  const quote* previous = nullptr;
  for (const auto& q : doc.quotes) {
    if (!q.rank || !q.printed_percent) { previous = nullptr; continue; }
    if (previous && *q.rank == *previous->rank + 1 && *q.printed_percent > *previous->printed_percent)
      s.audit.push_back({q.where.line, q.area, q.ward, "quote_order",
                         "ranked " + detail::num(*q.rank) + " with " + format_tenths(printed_tenths(*q.printed_percent)) +
                             "%, above number " + detail::num(*previous->rank) + "'s " +
                             format_tenths(printed_tenths(*previous->printed_percent)) + "%: the table is out of order"});
    previous = &q;
  }
  detail::stable_sort_indexed(s.audit, [](const audit_row& a, const audit_row& b) { return a.line < b.line; });
  return s;
}

}  // namespace wardshare
