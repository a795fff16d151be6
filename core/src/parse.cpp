// core/src/parse.cpp - reads pasted results (report rows, one-field-a-line blocks, bare lists) into contests.
//
// Two passes over each line: cleaning (markup out, a column map kept so every diagnostic points at the
// original text) and classifying (blank, ruler, prose, heading, results, quote...). A small state machine
// then assembles contests, repairing what PDF extraction does to reports: totals shifted onto the next row,
// results wrapped into the next row, the fields of one row spread over several lines.
#include "wardshare/parse.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>

#include "json_writer.hpp"
#include "numbers.hpp"
#include "order.hpp"
#include "readers.hpp"
#include "text.hpp"
#include "wardshare/output.hpp"

// The page's wasm module is built without the readers of data files, CSV and JSON (wasm/CMakeLists.txt): the page
// loads a second module, with them, when detect_format() says the input is one. Everything else has them.
#ifndef WARDSHARE_DATA_READERS
#define WARDSHARE_DATA_READERS 1
#endif
// parse() makes room for a large input's contests once it has read a part of it (below). The page's module, at its
// size budget, leaves that out: its line cache makes room for as many as the last reading found.
#ifndef WARDSHARE_ROOM_AHEAD
#define WARDSHARE_ROOM_AHEAD 1
#endif

namespace wardshare {
namespace {

using detail::is_alpha;
using detail::is_digit;
using detail::is_space;
using detail::is_elected_word;
using detail::read_number;
using detail::read_percent;
using detail::trim;

// ---------------------------------------------------------------------------------------------------------
// Cleaning

/// Where a stretch of clean text came from: from `offset` on, byte k is at column `column + (k - offset)`
/// (`linear`: plain ASCII, one column a byte) or at `column` (the continuation bytes of one character).
struct column_anchor {
  std::uint32_t offset;
  std::uint32_t column;
  bool linear;
};

/// A line with markup removed. `anchors` map its bytes to the original columns; none when nothing was
/// removed and every character is one byte (the column of `text[i]` is then i + 1).
struct clean_line {
  std::string_view text;  ///< the raw line itself when nothing was removed, else `owned`
  std::string owned;
  std::vector<column_anchor> anchors;  ///< by offset
  std::uint32_t line = 0;
  std::uint32_t end_col = 1;
  bool footnote = false;
};

/// A piece of a clean line (a tab-separated field, a word) with its start in the line.
struct span {
  std::string_view text;
  std::size_t offset = 0;
};

/// Cleans `raw` into `out`, reused from line to line (its buffers keep their capacity: no allocation per line).
/// `out.text` may point into `raw`: both must outlive the line's reading.
void clean(std::string_view raw, std::uint32_t line_no, clean_line& out) {
  out.owned.clear();
  out.anchors.clear();
  out.line = line_no;
  auto trimmed = trim(raw);
  out.footnote = trimmed.size() >= 2 && trimmed[0] == '*' && (trimmed[1] == ' ' || trimmed[1] == '\t');

  // most lines: printable ASCII and tabs, no markup; kept as they are, columns implied
  static constexpr auto table = [] {
    std::array<bool, 256> t{};
    for (int u = 0; u < 256; ++u) t[u] = (u >= 0x20 || u == '\t') && u < 0x7F && u != '<' && u != '*' && u != '&' && u != '[';
    return t;
  }();
  auto ordinary = [](char c) { return table[static_cast<unsigned char>(c)]; };
  std::size_t first = 0;
  while (first < raw.size() && ordinary(raw[first])) ++first;
  if (first == raw.size()) {
    out.text = raw;
    out.end_col = static_cast<std::uint32_t>(raw.size() + 1);
    return;
  }
  // The clean text is never longer than the raw line: written through pointers into buffers sized to it.
  out.owned.resize(raw.size());
  char* text = &out.owned[0];
  std::size_t n = 0;
  std::uint32_t column = 1;
  std::size_t i = 0;
  auto mark = [&](bool linear) {  // an anchor at (n, column), unless the last one already gives it
    if (!out.anchors.empty()) {
      const auto& a = out.anchors.back();
      if (linear && a.linear && a.column + (n - a.offset) == column) return;
    }
    out.anchors.push_back({static_cast<std::uint32_t>(n), column, linear});
  };
  auto copy_ordinary = [&](std::size_t to) {  // plain ASCII from i to `to`: one column each, copied at once
    if (to <= i) return;
    mark(true);
    std::memcpy(text + n, raw.data() + i, to - i);
    n += to - i;
    column += static_cast<std::uint32_t>(to - i);
    i = to;
  };
  auto emit = [&](char c) {
    mark(true);
    text[n++] = c;
  };
  auto advance = [&](std::size_t k) {  // move past k original bytes, counting code points
    for (std::size_t e = std::min(raw.size(), i + k); i < e; ++i)
      if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) ++column;
  };

  copy_ordinary(first);
  while (i < raw.size()) {
    char c = raw[i];
    if (ordinary(c)) {
      std::size_t e = i + 1;
      while (e < raw.size() && ordinary(raw[e])) ++e;
      copy_ordinary(e);
      continue;
    }
    if (c == '\r' || c == '\n') { advance(1); continue; }
    if (c == '<') {
      // An HTML tag left in by the PDF extraction: `<i>`, `</i>`, `<https://...>`.
      std::size_t j = i + 1;
      if (j < raw.size() && raw[j] == '/') ++j;
      if (j < raw.size() && is_alpha(raw[j])) {
        auto close = raw.find_first_of("<>", j);
        if (close != std::string_view::npos && raw[close] == '>') { advance(close + 1 - i); continue; }
      }
    }
    if (c == '*') { advance(1); continue; }  // markdown emphasis and footnote stars
    if (c == '[' && i > 0 && !is_space(raw[i - 1])) {
      // a reference mark written onto a word, as Wikipedia's `1,160[a]`, `Labour[2]`, `[note 1]`: up to eight
      // letters, digits and spaces in the brackets
      auto close = raw.find(']', i + 1);
      if (close != std::string_view::npos && close - i <= 9 && close > i + 1 &&
          std::all_of(raw.begin() + static_cast<std::ptrdiff_t>(i + 1), raw.begin() + static_cast<std::ptrdiff_t>(close),
                      [](char x) { return is_alpha(x) || is_digit(x) || x == ' '; })) {
        advance(close + 1 - i);
        continue;
      }
    }
    if (c == '&' && raw.compare(i, 5, "&amp;") == 0) { emit('&'); advance(5); continue; }
    // a no-break or thin space (`k` bytes): a space; between a count's digits and three more, its thousands
    // separator (`1 160`, as SI style and some PDFs write counts)
    auto u = static_cast<unsigned char>(c);
    std::size_t k = 0;
    if (c == '&' && raw.compare(i, 6, "&nbsp;") == 0) k = 6;
    else if (u == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) k = 2;  // no-break
    else if (u == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80) {
      auto t = static_cast<unsigned char>(raw[i + 2]);
      if (t == 0xAF || t == 0x89 || t == 0x8A) k = 3;  // narrow and thin spaces
    }
    if (k > 0) {
      const std::size_t j = i + k;
      const bool grouping = n > 0 && is_digit(text[n - 1]) && j + 3 <= raw.size() && is_digit(raw[j]) && is_digit(raw[j + 1]) &&
                            is_digit(raw[j + 2]) && (j + 3 == raw.size() || !is_digit(raw[j + 3]));
      emit(grouping ? ',' : ' ');
      advance(k);
      continue;
    }
    if (u < 0x20 && c != '\t') { advance(1); continue; }  // other control characters
    emit(c);
    std::uint32_t at = column;
    advance(1);
    // continuation bytes of a multi-byte character keep the column of its first byte
    if (i < raw.size() && (static_cast<unsigned char>(raw[i]) & 0xC0) == 0x80)
      out.anchors.push_back({static_cast<std::uint32_t>(n), at, false});
    while (i < raw.size() && (static_cast<unsigned char>(raw[i]) & 0xC0) == 0x80) text[n++] = raw[i++];
  }
  out.owned.resize(n);
  out.end_col = column;
  out.text = out.owned;
}

source_position position(const clean_line& l, std::size_t offset) {
  if (offset >= l.text.size()) return {l.line, l.end_col};
  if (l.anchors.empty()) return {l.line, static_cast<std::uint32_t>(offset + 1)};
  auto it = std::upper_bound(l.anchors.begin(), l.anchors.end(), offset,
                             [](std::size_t o, const column_anchor& a) { return o < a.offset; });
  const auto& a = *(it - 1);  // the first anchor is at offset 0
  return {l.line, a.linear ? a.column + static_cast<std::uint32_t>(offset - a.offset) : a.column};
}

/// Whether `t` has three spaces in a row: every third byte looked at (any such run covers one), a prose line's
/// many single spaces passed over in a step.
bool has_wide_gap(std::string_view t) {
  for (std::size_t i = 2; i < t.size(); i += 3)
    if (t[i] == ' ') {
      std::size_t a = i, b = i + 1;
      while (a > 0 && t[a - 1] == ' ') --a;
      while (b < t.size() && t[b] == ' ') ++b;
      if (b - a >= 3) return true;
    }
  return false;
}

/// The tab-separated fields of `l` into `out` (cleared first; reused from line to line); in a line with no tab,
/// the fields between runs of three spaces or more.
void split_fields(const clean_line& l, std::vector<span>& out) {
  out.clear();
  std::string_view t = l.text;
  std::size_t start = 0;
  auto push = [&](std::size_t b, std::size_t e) {
    auto piece = detail::slice(t, b, e - b);
    std::size_t skip = 0;
    while (skip < piece.size() && is_space(piece[skip])) ++skip;
    out.push_back({trim(piece), b + skip});
  };
  // tabs found eight bytes at a time: a word with no tab byte is passed over whole (a memchr call for each
  // field cost more in the wasm build, and a byte loop was ~5% of reading the report natively)
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, tabs = ones * '\t';
  for (std::size_t i = 0; i < t.size();) {
    if (i + 8 <= t.size()) {
      std::uint64_t w;
      std::memcpy(&w, t.data() + i, 8);
      w ^= tabs;  // a tab byte is now zero
      if (((w - ones) & ~w & highs) == 0) { i += 8; continue; }
    }
    if (t[i] == '\t') {
      push(start, i);
      start = i + 1;
    }
    ++i;
  }
  push(start, t.size());
  // a PDF's columns laid out with spaces (a council's declaration of result: `HUGGINS Sam    The Labour Party
  // Candidate    1160    Elected`): with no tab, a run of three spaces or more parts fields, as a tab would
  if (out.size() == 1 && has_wide_gap(out[0].text)) {  // (between words: indenting is not a column)
    const std::size_t from = out[0].offset, to = from + out[0].text.size();
    out.clear();
    start = 0;
    for (std::size_t i = from; i + 1 < to; ++i) {
      if (t[i] != ' ' || t[i + 1] != ' ') continue;
      std::size_t e = i;
      while (e < t.size() && t[e] == ' ') ++e;
      if (e - i >= 3) {
        push(start, i);
        start = e;
      }
      i = e - 1;
    }
    push(start, t.size());
  }
  while (!out.empty() && out.back().text.empty()) out.pop_back();
}

// ---------------------------------------------------------------------------------------------------------
// Numbers and words

// Phrases that state a contest-wide figure rather than a candidate's votes.
enum class stated_kind { total, ballots, electorate, rejected, majority, turnout /* a percentage alone */ };

/// Where a stated count of `kind` is kept (not turnout: a percentage, which has no count).
std::optional<std::int64_t>& stated_slot(stated_totals& st, stated_kind kind) {
  switch (kind) {
    case stated_kind::total: return st.total;
    case stated_kind::ballots: return st.ballots;
    case stated_kind::electorate: return st.electorate;
    case stated_kind::rejected: return st.rejected;
    default: return st.majority;
  }
}

std::optional<stated_kind> stated_phrase(std::string_view key) {
  // every phrase starts with one of these letters and is five letters or more: most labels (`Lab`, `Con`,
  // `TUSC`) are rejected here
  if (key.size() < 5 || std::string_view("vtafbermsVTAFBERMS").find(key[0]) == std::string_view::npos) return std::nullopt;
  while (!key.empty() && (key.back() == ':' || key.back() == '=' || key.back() == '-' || key.back() == ' '))
    key.remove_suffix(1);
  if (key.size() < 6) {  // (a council table's last row: `Total<TAB><TAB>2,236`)
    if (detail::iequals(key, "total")) return stated_kind::total;
    return std::nullopt;
  }
  static constexpr std::pair<std::string_view, stated_kind> phrases[] = {
      {"votes cast", stated_kind::total},
      {"total votes cast", stated_kind::total},
      {"total valid votes", stated_kind::total},
      {"total valid votes cast", stated_kind::total},
      {"valid votes", stated_kind::total},
      {"total votes", stated_kind::total},
      {"total vote", stated_kind::total},
      {"aggregate vote", stated_kind::total},
      {"aggregate votes", stated_kind::total},
      {"first preference votes cast", stated_kind::total},
      {"total first preference votes", stated_kind::total},
      {"turnout", stated_kind::ballots},
      {"ballots", stated_kind::ballots},
      {"ballots cast", stated_kind::ballots},
      {"total ballots", stated_kind::ballots},
      {"ballot papers", stated_kind::ballots},
      {"ballot papers issued", stated_kind::ballots},
      {"voters", stated_kind::ballots},
      {"electorate", stated_kind::electorate},
      {"registered electors", stated_kind::electorate},
      {"electors", stated_kind::electorate},
      {"rejected", stated_kind::rejected},
      {"rejected ballots", stated_kind::rejected},
      {"rejected ballot papers", stated_kind::rejected},
      {"ballot papers rejected", stated_kind::rejected},
      {"spoilt ballots", stated_kind::rejected},
      {"spoiled ballots", stated_kind::rejected},
      {"majority", stated_kind::majority},
  };
  for (const auto& [phrase, kind] : phrases)
    if (detail::iequals(key, phrase)) return kind;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------
// Results text: `Lab 1,160; Lab 1,142; ...; TUSC 218 (9.7%) Votes cast 2,236`

/// One thing read from results text: a candidate's result or a stated figure.
struct piece {
  bool is_entry = true;
  entry e;
  stated_kind kind = stated_kind::total;
  std::int64_t value = 0;
  std::optional<double> percent;
  std::int8_t percent_decimals = -1;  // its digits after the point (entry::percent_decimals)
  source_position where;
  bool after_amp = false;  // `450 (25.2%) & 303`: the second figure of a joint quote
  /// An entry whose label is empty or the registry's (`Lab`): split_label would leave it as it is. Looked up
  /// when the line is classified, so a line the cache keeps is not looked up again.
  bool plain = false;
};

/// A candidate's share as printed (`26.2%`, written as `text`), with the decimals it is checked at.
void set_share(entry& e, double value, std::string_view text) {
  e.printed_percent = value;
  e.percent_decimals = detail::decimals_in(text);
}

/// A percentage printed after a figure (`(9.7%)`, written as `text`): an entry's share, or a stated figure's.
void set_percent(piece& p, double value, std::string_view text) {
  if (p.is_entry) {
    set_share(p.e, value, text);
  } else {
    p.percent = value;
    p.percent_decimals = detail::decimals_in(text);
  }
}

/// Piece vectors read lines leave behind, kept with their capacity for the next lines to read into.
using piece_pool = std::vector<std::vector<piece>>;

struct results_read {
  results_read() = default;
  explicit results_read(piece_pool* pool) : pool(pool) {}
  results_read(results_read&& o) noexcept = default;
  results_read& operator=(results_read&& o) noexcept {
    give_back();
    pieces = std::move(o.pieces);
    diags = std::move(o.diags);
    good = o.good;
    bad = o.bad;
    semicolons = o.semicolons;
    commas = o.commas;
    trailing_semicolon = o.trailing_semicolon;
    amp = o.amp;
    dangling = std::move(o.dangling);
    dangling_at = o.dangling_at;
    if (!pool) pool = o.pool;
    return *this;
  }
  ~results_read() { give_back(); }
  /// Empty again, for the next line (cheaper than assigning a new one).
  void reset(piece_pool* to) {
    give_back();
    pieces.clear();
    diags.clear();
    good = bad = semicolons = commas = 0;
    trailing_semicolon = amp = false;
    dangling.reset();
    dangling_at = {};
    pool = to;
  }
  /// Room for a row's results: a vector from the pool, or a new one.
  void make_room() {
    if (pieces.capacity() > 0) return;
    if (pool && !pool->empty()) {
      pieces = std::move(pool->back());
      pool->pop_back();
    } else {
      pieces.reserve(12);
    }
  }

  piece_pool* pool = nullptr;
  std::vector<piece> pieces;
  std::vector<diagnostic> diags;
  int good = 0;  // plausible entries
  int bad = 0;   // fragments that are not results
  int semicolons = 0;
  int commas = 0;  // lists with commas after the counts (a list only when its labels are parties: classify_kind)
  bool trailing_semicolon = false;
  bool amp = false;
  std::optional<std::string> dangling;  // label words left at the end, waiting for a number
  source_position dangling_at;
  /// Its vectors are its own from now on, not the pool's to reuse (the line cache keeps it beyond the reading).
  void detach() { pool = nullptr; }
  /// Positions on line `from` moved to line `to`: a line read before, met again elsewhere (every position a
  /// reading of one line gives is on that line; unset ones are on line 0, which no line is).
  void move_to_line(std::uint32_t from, std::uint32_t to) {
    auto move = [from, to](source_position& p) {
      if (p.line == from) p.line = to;
    };
    for (auto& p : pieces) {
      move(p.where);
      move(p.e.where);
    }
    for (auto& d : diags) move(d.where);
    move(dangling_at);
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::count_if(pieces.begin(), pieces.end(), [](const piece& p) { return p.is_entry; }));
  }
  std::size_t stated() const { return pieces.size() - entries(); }
  bool has_percent() const {
    return std::any_of(pieces.begin(), pieces.end(), [](const piece& p) { return p.is_entry && p.e.printed_percent; });
  }

 private:
  void give_back() {
    // (a row has a few results: a vector grown by an absurd line is freed, not kept, so eight of them never pile up)
    if (!pool || pieces.capacity() == 0 || pieces.capacity() > 64 || pool->size() >= 8) return;
    pieces.clear();
    pool->push_back(std::move(pieces));
    pieces = {};
  }
};

/// Working buffers of the text reader, kept from line to line so that reading a line allocates only
/// what it keeps.
struct scratch {
  std::vector<span> fields;  // classify: the line's fields
  std::vector<span> words;   // read_results: the words of a segment
  std::vector<span> label;   // read_results: the label words waiting for a number
  std::vector<std::size_t> starts;  // find_results_start: where words start
  std::string phrase;        // read_results: label words joined, when they are not already so in the line
  std::vector<std::string_view> texts;  // start_contest: the row's non-empty fields
  std::vector<std::string_view> before;  // classify: the fields before a council row's votes
  piece_pool pieces;         // read_results: vectors to read pieces into
};

/// `votes` or `vote`, after a count.
bool is_votes_word(std::string_view w) { return detail::iequals(w, "votes") || detail::iequals(w, "vote"); }

/// Whether the comma at `at` parts a list as a `;` does (`Labour 1,160, Conservative 529`, results written as a
/// sentence): a space or the end after it, and before it a count, a share's bracket or the count's `votes` (the
/// word that starts at `word`).
bool list_comma(std::string_view t, std::size_t at, std::size_t word) {
  return at > word && (at + 1 == t.size() || is_space(t[at + 1])) &&
         (is_digit(t[at - 1]) || t[at - 1] == ')' || is_votes_word(t.substr(word, at - word)));
}

bool plausible_label(const std::vector<span>& ws) {
  if (ws.size() > 8) return false;
  std::size_t len = 0;
  bool letter = false;
  for (const auto& w : ws) {
    len += w.text.size() + 1;
    for (char c : w.text) {
      if (is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) letter = true;
      if (is_digit(c)) return false;
    }
  }
  return letter && len <= 90;
}

/// The words joined by single spaces: a view of the line itself when they are written so there (the usual
/// case), else built in `buf`.
std::string_view join(const std::vector<span>& ws, std::string& buf) {
  if (ws.empty()) return {};
  const char* first = ws.front().text.data();
  const char* last = ws.back().text.data() + ws.back().text.size();
  bool single = true;
  for (std::size_t k = 1; k < ws.size() && single; ++k)
    single = ws[k].text.data() == ws[k - 1].text.data() + ws[k - 1].text.size() + 1 && ws[k].text.data()[-1] == ' ';
  if (single) return std::string_view(first, static_cast<std::size_t>(last - first));
  buf.clear();
  for (const auto& w : ws) {
    if (!buf.empty()) buf += ' ';
    buf += w.text;
  }
  return buf;
}

/// Reads results text starting at `offset` in the clean line `l` (text `t` = a suffix-free slice of l.text).
results_read read_results(const clean_line& l, std::size_t begin, std::size_t end, scratch& sc) {
  results_read r(&sc.pieces);
  std::string_view t(l.text);
  t = t.substr(0, end);
  if (!t.empty() && t.back() == '.') {  // a sentence's full stop, after its last count (or the count's `votes`)
    auto last = t.substr(t.find_last_of(' ') + 1, t.size());
    last.remove_suffix(1);
    // (or a count's or share's bracket: `Conservative (529).`, `Lib Dem 329 (14.7%).`)
    if (!last.empty() && (is_digit(last.back()) || is_votes_word(last) ||
                          (last.size() >= 2 && last.back() == ')' && (is_digit(last[last.size() - 2]) || last[last.size() - 2] == '%'))))
      t.remove_suffix(1);
  }
  // every result and stated figure has a number: text without a digit reads as nothing (headings, prose), and
  // what else a reading counts matters only when it found something
  if (std::none_of(t.begin() + static_cast<std::ptrdiff_t>(std::min(begin, t.size())), t.end(), is_digit)) return r;
  std::size_t seg_start = begin;
  bool last_segment_empty = true;
  auto& ws = sc.words;   // this segment's words
  auto& label = sc.label;  // the label words waiting for a number
  auto add = [&r](piece&& p) {  // room for a row's results at the first (most lines read have none)
    r.make_room();
    r.pieces.push_back(std::move(p));
  };
  while (seg_start <= t.size()) {
    // words of this segment with offsets, up to the next `;` (found as they are read), or a comma and a space
    // after a count (`Labour 1,160, Conservative 529`, `1,160 votes, ...`: results written as a sentence)
    ws.clear();
    label.clear();
    std::size_t seg_end = seg_start;
    bool comma = false;
    while (seg_end < t.size() && t[seg_end] != ';' && !comma) {
      std::size_t i = seg_end;
      while (i < t.size() && is_space(t[i])) ++i;
      std::size_t j = i;
      // (a word also ends where a PDF lost the space: `Conservative,529` after its comma, `2,250(25.0%)` before
      // its bracket)
      while (j < t.size()) {
        const auto u = static_cast<unsigned char>(t[j]);
        if (u > ';' || is_digit(t[j])) {  // (letters and digits: one test, on this loop over every byte of a row)
          ++j;
          continue;
        }
        if (is_space(t[j]) || u == ';' || (u == '(' && j > i && is_digit(t[j - 1]))) break;
        ++j;
        if (u == ',' && j - 1 > i && is_alpha(t[j - 2]) && j < t.size() && is_digit(t[j])) break;
        if (u == ',' && list_comma(t, j - 1, i)) {
          comma = true;  // (the segment ends at it, as at a `;`)
          --j;
          break;
        }
      }
      if (j > i) ws.push_back({detail::slice(t, i, j - i), i});
      seg_end = j;
    }
    auto semi = seg_end < t.size() ? seg_end : std::string_view::npos;
    last_segment_empty = ws.empty();
    int entries_here = 0;
    bool stated_since_entry = false;
    bool amp_pending = false;
    bool bracket = false;  // the last word opened a bracket of a share and its change
    for (std::size_t k = 0; k < ws.size(); ++k) {
      auto w = ws[k];
      // `(51.9%, +3.1)`: a share and its change in one bracket, as results are posted. Its words are read as
      // `51.9%` and `+3.1` would be, by the branches below; `new` (a party that did not stand before) is passed over
      const bool closes = bracket && w.text.back() == ')';
      bracket = w.text.size() > 3 && w.text.front() == '(' && w.text.back() == ',' && w.text[w.text.size() - 2] == '%';
      if (bracket) {
        w.text = w.text.substr(1, w.text.size() - 2);
      } else if (closes) {
        w.text.remove_suffix(1);
        if (detail::iequals(w.text, "new")) continue;
      }
      // `(9.7` `%)` written apart
      if (k + 1 < ws.size() && w.text.front() == '(' && ws[k + 1].text == "%)") {
        std::string joined = std::string(w.text) + "%)";
        if (auto pct = read_percent(joined); pct && !r.pieces.empty() && label.empty()) {
          set_percent(r.pieces.back(), *pct, joined);
          ++k;
          continue;
        }
      }
      if (!label.empty() && w.text.front() == '(' && k + 1 == ws.size() && w.text.size() > 2 && w.text.back() == ')' &&
          is_digit(w.text[1]) && is_digit(w.text[w.text.size() - 2]) &&
          !(w.text.size() == 6 && (w.text.substr(1, 2) == "19" || w.text.substr(1, 2) == "20"))) {
        // `Sam Huggins, Labour (1,160)`: a count in brackets after its label, the last word of its result (not a
        // year: `Previous result (2021)`)
        w.text = w.text.substr(1, w.text.size() - 2);
      }
      if (auto n = read_number(w.text)) {
        auto where = position(l, label.empty() ? w.offset : label.front().offset);
        // (its position worked out only when there is something to say of it)
        if (n->remarkable() && detail::say_count(*n, w.text, position(l, w.offset), r.diags)) {
          label.clear();
          ++r.bad;
          continue;
        }
        // `Sam Huggins (Labour Party) ELECTED 1,160`: the mark before the count, not the label's
        const bool marked = label.size() >= 2 && is_elected_word(label.back().text);
        if (marked) label.pop_back();
        auto phrase = join(label, sc.phrase);
        if (!label.empty()) {
          if (auto kind = stated_phrase(phrase)) {
            piece p;
            p.is_entry = false;
            p.kind = *kind;
            p.value = n->value;
            p.where = where;
            add(std::move(p));
            label.clear();
            stated_since_entry = true;
            continue;
          }
        }
        piece p;
        p.e.votes = n->value;
        p.e.elected_marker = marked;
        p.where = where;
        p.e.where = where;
        p.after_amp = amp_pending;
        amp_pending = false;
        if (!label.empty()) {
          // strip separators people put between a name and its votes: `Labour – 30,753`, `Lab: 955`
          while (!phrase.empty() && (phrase.back() == ':' || phrase.back() == ',' || phrase.back() == '-' ||
                                     phrase.back() == '=' || phrase.back() == ' '))
            phrase.remove_suffix(1);
          constexpr std::string_view en_dash = "\xE2\x80\x93", em_dash = "\xE2\x80\x94";
          for (bool again = true; again;) {
            again = false;
            for (auto d : {en_dash, em_dash})
              if (phrase.size() >= d.size() && phrase.compare(phrase.size() - d.size(), d.size(), d) == 0) {
                phrase.remove_suffix(d.size());
                while (!phrase.empty() && phrase.back() == ' ') phrase.remove_suffix(1);
                again = true;
              }
          }
          p.e.label = phrase;
          if (plausible_label(label)) ++r.good; else ++r.bad;
        } else if (!r.pieces.empty() && r.pieces.back().is_entry && entries_here > 0 && !p.after_amp) {
          ++r.bad;  // `1,160 1,142`: a number with nothing to say whose it is, after another result
        } else {
          ++r.good;
        }
        if (entries_here > 0 && !stated_since_entry && !p.after_amp && !label.empty())
          r.diags.push_back({where, severity::warning, diag_code::missing_separator,
                             detail::cat({"expected ';' before '", phrase, " ", w.text, "': read as a separate result"})});
        ++entries_here;
        stated_since_entry = false;
        label.clear();
        add(std::move(p));
        continue;
      }
      if (label.empty() && !r.pieces.empty()) {
        if (auto pct = read_percent(w.text)) {
          set_percent(r.pieces.back(), *pct, w.text);
          continue;
        }
        // `51.9 per cent`, `(51.9 per cent)`: a share written out
        if (k + 2 < ws.size() && ws[k + 1].text.size() == 3 && detail::iequals(ws[k + 1].text, "per")) {
          const bool open = w.text.front() == '(';
          auto cent = ws[k + 2].text;
          if (open && cent.back() == ')') cent.remove_suffix(1);
          const auto digits = open ? w.text.substr(1) : w.text;
          if (auto v = detail::iequals(cent, "cent") ? detail::read_decimal(digits) : std::nullopt; v && *v <= 100) {
            set_percent(r.pieces.back(), *v, digits);
            k += 2;
            continue;
          }
        }
        // `Labour — 1,160 — 51.9%`: a dash between a count and its share
        if (w.text.size() <= 3 && (w.text == "-" || w.text == "\xE2\x80\x93" || w.text == "\xE2\x80\x94")) continue;
        // `Majority 7,172 16.3 N/A`, a box's row with spaces for tabs: no change to print
        if (detail::iequals(w.text, "n/a") && (r.pieces.back().is_entry ? r.pieces.back().e.printed_percent.has_value() : r.pieces.back().percent.has_value()))
          continue;
        if (is_elected_word(w.text) && r.pieces.back().is_entry) {
          r.pieces.back().e.elected_marker = true;
          continue;
        }
        // `Labour 1,160 votes`, `Majority 631 votes`: the word after the count says what it counts (not `Votes
        // cast 2,236`, the next figure's phrase)
        if (k > 0 && is_digit(ws[k - 1].text.back()) && is_votes_word(w.text) && read_number(ws[k - 1].text) &&
            !(k + 1 < ws.size() && detail::iequals(ws[k + 1].text, "cast")))
          continue;
        // `Sam Huggins (Lab) 1,160 51.9 +3.1`, a box's row with spaces for tabs: the share and change printed
        // after the votes without a `%` (checked against the votes like any printed share); `Turnout 2,250 24.9
        // -1.2`, `Majority 631 28.2`: a stated figure's percentage, and its change (which nothing keeps)
        if (auto& last = r.pieces.back(); w.text.find('.') != std::string_view::npos) {
          const bool printed = last.is_entry ? last.e.printed_percent.has_value() : last.percent.has_value();
          if (auto share = detail::read_decimal(w.text); share && *share <= 100 && !printed) {
            set_percent(last, *share, w.text);
            continue;
          }
          if (auto change = detail::read_change(w.text); change && printed && !is_digit(w.text[0])) {
            if (!last.is_entry) continue;
            if (!last.e.printed_change) {
              last.e.printed_change = change;
              continue;
            }
          }
        }
        if (w.text == "&" && r.pieces.back().is_entry) {
          amp_pending = true;
          r.amp = true;
          continue;
        }
      }
      // `Turnout: 24.97%`: a turnout printed alone, with no count before it
      if (!label.empty()) {
        if (auto pct = read_percent(w.text); pct && stated_phrase(join(label, sc.phrase)) == stated_kind::ballots) {
          piece p;
          p.is_entry = false;
          p.kind = stated_kind::turnout;
          set_percent(p, *pct, w.text);
          p.where = position(l, label.front().offset);
          add(std::move(p));
          label.clear();
          stated_since_entry = true;
          continue;
        }
      }
      label.push_back(w);
    }
    bool final_segment = semi == std::string_view::npos;
    if (!label.empty()) {
      auto text = std::string(join(label, sc.phrase));
      if (final_segment) {
        r.dangling = text;
        r.dangling_at = position(l, label.front().offset);
      } else {
        ++r.bad;
        r.diags.push_back({position(l, label.front().offset), severity::warning, diag_code::unreadable_token,
                           detail::cat({"expected a vote count after '", text, "', saw '", t.substr(semi, 1), "': skipped"})});
      }
    }
    if (final_segment) break;
    ++(comma ? r.commas : r.semicolons);
    seg_start = semi + 1;
  }
  r.trailing_semicolon = r.semicolons > 0 && last_segment_empty;
  return r;
}

/// `t` trimmed, without a trailing colon (`Total:`).
std::string_view without_colon(std::string_view t) {
  t = trim(t);
  while (!t.empty() && t.back() == ':') t = trim(t.substr(0, t.size() - 1));
  return t;
}

/// Words that only say a heading heads results or figures, and a table's column headings (without_results_for).
bool is_caption(std::string_view w) {
  static constexpr std::string_view captions[] = {"results", "result", "election results", "election result",
                                                  "candidates", "declaration of result", "declaration of results",
                                                  "declaration of result of poll", "notice of result of poll",
                                                  "voting summary", "summary", "election summary", "statistics", "turnout",
                                                  // a table's column headings copied a line each (results cards)
                                                  "candidate", "party", "votes", "%", "outcome", "vote share", "share",
                                                  "change", "\xC2\xB1%", "elected", "description", "name"};
  w = without_colon(w);
  return std::any_of(std::begin(captions), std::end(captions), [w](std::string_view c) { return detail::iequals(w, c); });
}

/// A heading without the words that only say it heads results or figures: `Election results for Fryerns` ->
/// `Fryerns`; `Results`, `Candidates`, `Voting Summary` over a council page's electorate and turnout (the
/// contest above's, not the name of the next), and column headings copied a line each (`Party`, `Votes`) -> empty.
std::string_view without_results_for(std::string_view t) {
  const auto caption = is_caption;
  if (caption(t)) return {};
  auto at = t.find(" for ");
  if (at != std::string_view::npos && (caption(t.substr(0, at)) || detail::iequals(t.substr(0, 12), "election of ")))
    return trim(t.substr(at + 5));  // (`Election of a Borough Councillor for Fryerns`)
  return t;
}

/// What a heading line names, for the ward or area of the results below it: without_results_for, and nothing for
/// a table's column headings copied with spaces for tabs (`Candidate Party Votes %`), and without a caption before
/// the name (`Ward: Fryerns`).
std::string_view heading_name(std::string_view t) {
  t = without_results_for(t);
  if (t.empty()) return t;
  // a table's column headings copied with spaces for tabs (`Candidate Party Votes %`): every word a caption
  {
    std::size_t pos = 0, words = 0;
    bool all = true;
    for (auto w = detail::next_word(t, pos); !w.empty() && all; w = detail::next_word(t, pos), ++words) all = is_caption(w);
    if (all && words >= 2) return {};
  }

  // `Fryerns by-election result:` names `Fryerns by-election`, `Fryerns result` Fryerns
  t = without_colon(t);
  for (std::string_view word : {" results", " result"})
    if (t.size() > word.size() && detail::iequals(t.substr(t.size() - word.size()), word)) {
      t = trim(t.substr(0, t.size() - word.size()));
      break;
    }
  if (t.empty()) return t;
  // `Ward: Fryerns`, `Constituency: Basildon and Billericay`: what the heading names, without its caption
  if (t.find(':') != std::string_view::npos)
    for (std::string_view lead : {"ward:", "division:", "electoral division:", "constituency:", "ward name:"})
      if (t.size() > lead.size() && detail::iequals(t.substr(0, lead.size()), lead)) return trim(t.substr(lead.size()));
  return t;
}

/// A date alone: `Thursday, 2nd May, 2024`, `2 May 2024`, `May 8th 2024` (weekday, day, month and year words,
/// with a month and a year).
bool is_date(std::string_view t) {
  constexpr std::string_view names = " january february march april may june july august september october november "
                                     "december monday tuesday wednesday thursday friday saturday sunday ";
  constexpr auto weekdays = names.find(" monday ");
  bool month = false, year = false;
  if (std::none_of(t.begin(), t.end(), is_digit)) return false;  // (no year: most headings, at once)
  for (std::size_t pos = 0;;) {
    auto w = detail::next_word(t, pos);
    if (w.empty()) return month && year;
    if (w.back() == ',') w.remove_suffix(1);
    if (pos <= 3 && detail::iequals(w, "on")) continue;  // `on Thursday 2 May 2024`
    if (w.empty() || w.size() > 9) return false;
    char buf[11];
    std::size_t n = 0, digits = 0;
    buf[n++] = ' ';
    for (char c : w) {
      buf[n++] = static_cast<char>(c | 0x20);  // (ASCII letters in lower case; digits are unchanged)
      digits += is_digit(c);
    }
    buf[n++] = ' ';
    if (digits == 4 && w.size() == 4) year = true;
    else if (digits > 0 && digits <= 2 && is_digit(w[0]) && w.size() - digits <= 2) continue;  // `2`, `2nd`
    else if (auto at = names.find(std::string_view(buf, n)); digits == 0 && at != std::string_view::npos) month = month || at < weekdays;
    else return false;
  }
}

/// A council page's outcome column for a candidate not elected: `Not elected`, `Unsuccessful`.
bool is_not_elected_word(std::string_view w) {
  return detail::iequals(w, "not elected") || detail::iequals(w, "unsuccessful");
}

/// A person's name: two to five capitalised words, no digits, nothing that names a place or an office.
bool looks_like_name(std::string_view s) {
  static constexpr std::string_view not_names[] = {
      "Council", "County", "Borough", "District", "Ward", "Division", "Mayor", "Commissioner", "Authority",
      "Assembly", "Constituency", "Election", "Elections", "Results", "Result", "Party", "Combined",
      "Members", "Member", "Police", "Crime", "Metropolitan", "City", "Region", "Candidates", "Council's"};
  std::size_t pos = 0;
  int count = 0;
  for (auto w = detail::next_word(s, pos); !w.empty(); w = detail::next_word(s, pos)) {
    if (++count > 5) return false;
    if (!detail::is_upper(w.front()) && w != "de" && w != "van" && w != "von" && w != "bin" && w != "al" && w != "la")
      return false;
    for (char ch : w)
      if (is_digit(ch) || ch == '&' || ch == '(' || ch == ')' || ch == ',' || ch == ':' || ch == '/') return false;
    for (auto n : not_names)
      if (w == n) return false;
  }
  return count >= 2;
}

/// A party's description as a ballot paper prints it, of a party the registry may not know: `Party`,
/// `Independent` or `Residents` in it (`Basildon Community Residents Party`), as no name has.
bool describes_party(std::string_view s) {
  return s.find("Party") != s.npos || s.find("Independent") != s.npos || s.find("Residents") != s.npos;
}

/// What separates a name from its party: `Independent – Jamie Driscoll`, `Smith - Labour`.
constexpr std::string_view name_dashes[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "};

/// `Labour: Sam Huggins`, a registered party, a colon and a name: where the name starts, else 0. (Only that way
/// round: `Pitsea North West: Labour` is a ward and a party, as any words before a colon may be.)
std::size_t party_colon_name(std::string_view label, const party_registry& reg) {
  const auto at = label.find(": ");
  return at != std::string_view::npos && reg.find(label.substr(0, at)) && looks_like_name(label.substr(at + 2)) ? at + 2 : 0;
}

/// A name and a registered party with only a space between them, in either order (a row whose tabs were lost
/// in the copying): `Sam Huggins Labour`, or `Labour Sam Huggins` as a Wikipedia box orders them. Where the second
/// of the two starts (0 when `label` is neither), and whether the party is first. The name is two to five
/// capitalised words (looks_like_name); the party the longest run of words the registry knows.
struct name_and_party {
  std::size_t at = 0;
  bool party_first = false;
};
name_and_party spaced_name_party(std::string_view label, const party_registry& reg) {
  std::size_t starts[10], n = 0;
  for (std::size_t i = 0; i < label.size(); ++i)
    if (!is_space(label[i]) && (i == 0 || is_space(label[i - 1]))) {
      if (n == std::size(starts)) return {};  // (a name and a party are a few words)
      starts[n++] = i;
    }
  for (std::size_t k = 2; k < n; ++k)
    if (reg.find(label.substr(starts[k])) && looks_like_name(label.substr(0, starts[k]))) return {starts[k], false};
  for (std::size_t k = n >= 3 ? n - 2 : 0; k >= 1; --k)  // (the registry first: a lookup costs less than a name's test)
    if (reg.find(trim(label.substr(0, starts[k]))) && looks_like_name(label.substr(starts[k]))) return {starts[k], true};
  return {};
}

/// `Sam Huggins Labour 1,160`, a candidate whose row's tabs were lost (spaced_name_party); not `North West Labour
/// 2024`, a heading with its year.
bool spaced_candidate(const entry& e, const party_registry& reg) {
  return !(e.votes >= 1900 && e.votes <= 2099 && !e.printed_percent) && spaced_name_party(e.label, reg).at > 0;
}

/// `Paul Dennett, Labour – 30,753`, `Independent – Jamie Driscoll 126,652`, `Waheed Akbar (WPB) 8,396`:
/// one candidate with a name, on a line of its own. With the registry, also whatever has letters before a comma
/// and a registered party's label (`jo smith, Lab, 10`: a name written in lower case, not a heading that
/// swallows the votes).
bool names_a_candidate(std::string_view label, const party_registry* reg = nullptr) {
  // the other side is a party: it starts with a capital (`– page 12` is a contents line, not a candidate)
  auto capital = [](std::string_view s) { s = trim(s); return !s.empty() && (detail::is_upper(s.front()) || static_cast<unsigned char>(s.front()) >= 0x80); };
  auto comma = label.rfind(", ");
  if (comma != std::string_view::npos && looks_like_name(label.substr(0, comma)) && capital(label.substr(comma + 2))) return true;
  if (reg && comma != std::string_view::npos && reg->find(trim(label.substr(comma + 2))) &&
      std::any_of(label.begin(), label.begin() + static_cast<std::ptrdiff_t>(comma), is_alpha))
    return true;
  for (auto d : name_dashes) {
    auto at = label.find(d);
    if (at == std::string_view::npos) continue;
    auto left = label.substr(0, at), right = label.substr(at + d.size());
    if ((looks_like_name(right) && capital(left)) || (looks_like_name(left) && capital(right))) return true;
  }
  if (reg && party_colon_name(label, *reg)) return true;
  auto open = label.rfind('(');
  if (!(label.size() > 2 && label.back() == ')' && open != std::string_view::npos && open > 0 && capital(label.substr(open + 1))))
    return false;
  const auto name = trim(label.substr(0, open));
  if (looks_like_name(name)) return true;
  // `Labour (Sam Huggins)`: a registered party, its candidate in brackets
  if (reg && reg->find(name) && looks_like_name(label.substr(open + 1, label.size() - open - 2))) return true;
  // `Huggins, Sam (Labour Party)`: the surname first, then a comma
  const auto at = name.find(", ");
  return at != std::string_view::npos && name.find(',', at + 1) == std::string_view::npos &&
         looks_like_name(detail::cat({name.substr(at + 2), " ", name.substr(0, at)}));
}

/// Where a numbered list's rank before a line's text ends (`1. Sam Huggins (Labour) 1,160`, `2) Lab 529`): the
/// first letter after it; `begin` when there is none.
std::size_t after_rank(std::string_view t, std::size_t begin) {
  std::size_t i = begin;
  while (i < t.size() && is_space(t[i])) ++i;
  const std::size_t digits = i;
  while (i < t.size() && is_digit(t[i])) ++i;
  if (i == digits || i - digits > 3 || i + 2 >= t.size() || (t[i] != '.' && t[i] != ')') || !is_space(t[i + 1])) return begin;
  i += 2;
  while (i < t.size() && is_space(t[i])) ++i;
  return i < t.size() && (is_alpha(t[i]) || static_cast<unsigned char>(t[i]) >= 0x80) ? i : begin;
}

// ---------------------------------------------------------------------------------------------------------
// Line classification

enum class line_kind { blank, ruler, footnote, prose, heading, table_header, wiki_header, results, previous, previous_block };

struct classified {
  line_kind kind = line_kind::blank;
  std::vector<span> prefix;  // fields (or words) before the results, trimmed; may hold empty fields
  results_read results;
  std::string previous_heading;
  bool leading_empty = false;  // the line starts with empty fields: a continuation of a wrapped row
  bool tabbed = false;
  bool council_row = false;    // `SURNAME Forename<TAB>Party description<TAB>votes[<TAB>%][<TAB>Elected]`
};

bool is_ruler(std::string_view t) {
  int marks = 0;
  for (char c : t) {
    if (c == '-' || c == '=' || c == '_') ++marks;
    else if (!is_space(c)) return false;
  }
  return marks >= 3;
}

/// Whether `t` has at least `enough` stopwords (`the`, `of`, `and`...): prose, not a heading or a row.
bool has_stopwords(std::string_view t, int enough) {
  // by length: `a`; `of to in is by on as at`; `the and was for but not has`; `that with were from`; `which their`
  static constexpr std::string_view stop[] = {"", "a", "oftoinisbyonasat", "theandwasforbutnothas", "thatwithwerefrom",
                                              "whichtheir"};
  int n = 0;
  std::size_t pos = 0;
  for (auto w = detail::next_word(t, pos); !w.empty(); w = detail::next_word(t, pos)) {
    if (w.size() > 6 || w[0] < 'a' || w[0] > 'w') continue;  // the stopwords are short and lower case
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (w.empty() || w.size() > 5) continue;
    auto list = stop[w.size()];
    for (std::size_t at = 0; at < list.size(); at += w.size())
      if (list.compare(at, w.size(), w) == 0) { ++n; break; }
    if (n >= enough) return true;
  }
  return false;
}

bool looks_like_prose(std::string_view t) {
  t = trim(t);
  if (t.empty()) return false;
  if (has_stopwords(t, 4)) return true;
  char last = t.back();
  // (a heading may end with a colon, `Fryerns by-election result:`, where a sentence introducing a list has a
  // stopword: `The results were as follows:`)
  if (last == ':' && t.size() <= 80 && !has_stopwords(t, 1)) return false;
  if (last == '.' || last == ':' || last == ';' || last == '?' || last == '!' || last == ',') return true;
  if (t.size() > 120) return true;
  std::size_t pos = 0, words = 0;
  while (!detail::next_word(t, pos).empty())
    if (++words > 12) return true;
  return false;
}

/// `Party<TAB>Candidate<TAB>Votes<TAB>%<TAB>±%`: the header of a Wikipedia election box.
bool is_wiki_header(const std::vector<span>& fields) {
  static constexpr std::string_view names[] = {"party", "candidate", "votes"};
  std::size_t n = 0;
  for (const auto& f : fields) {
    if (f.text.empty()) continue;
    if (!detail::iequals(f.text, names[n])) return false;
    if (++n == 3) return true;
  }
  return false;
}

/// Results are accepted when most of what was read is results.
bool acceptable(const results_read& r) {
  if (r.pieces.empty()) return false;
  if (r.entries() == 0) return r.stated() > 0 && r.bad == 0 && !r.dangling;
  // (a list of results, `;` between them, with fewer parts unreadable than read, is results with those parts
  // skipped and said so: `Lab 1,160; Green; Con 529;; LD three hundred; TUSC 218` lost its three results before)
  return r.good >= 1 && (r.good >= 2 * r.bad || (r.semicolons >= 2 && r.good > r.bad));
}

std::optional<std::string> previous_marker(std::string_view t, std::size_t& consumed) {
  // `2021 result:`, `2021 results`, `Previous result:`, `Last time:`
  auto lead = trim(t);
  if (lead.empty() || !(is_digit(lead[0]) || lead[0] == 'P' || lead[0] == 'p' || lead[0] == 'L' || lead[0] == 'l'))
    return std::nullopt;  // most lines: no words to read
  // the first two words decide (read where they lie: most lines that get here start with a rank or a figure)
  std::size_t pos = 0;
  auto w0 = detail::next_word(t, pos);
  auto w1 = detail::next_word(t, pos);  // empty when there is one word
  auto is = [](std::string_view w, std::string_view word) {
    while (!w.empty() && (w.back() == ':' || w.back() == ',')) w.remove_suffix(1);
    return detail::iequals(w, word);
  };
  auto names_result = [&](std::string_view w) { return is(w, "result") || is(w, "results") || is(w, "election"); };
  bool is_year = w0.size() == 4 && std::all_of(w0.begin(), w0.end(), is_digit);
  std::size_t n = 0;
  if (is_year && !w1.empty()) {
    if (names_result(w1)) n = 2;
  } else if ((is(w0, "previous") || is(w0, "previously")) && !w1.empty()) {
    n = names_result(w1) ? 2 : 1;
  } else if (is(w0, "last") && !w1.empty() && is(w1, "time")) {
    n = 2;
  }
  if (n == 0) return std::nullopt;
  std::string heading(w0);
  if (n == 2) {
    heading += ' ';
    heading += w1;
  }
  while (!heading.empty() && (heading.back() == ':' || heading.back() == ',')) heading.pop_back();
  auto last = n == 2 ? w1 : w0;
  consumed = static_cast<std::size_t>(last.data() + last.size() - t.data());
  return heading;
}

/// `Labour 1,160`, `Lab: 1,160 (51.9%)`: one registered party's votes alone on a line, as results are posted a
/// party a line (a candidate's line, with no name). Not a year: `Reform 2024` is a heading.
bool party_count(const results_read& r, const party_registry& reg) {
  if (r.pieces.size() != 1 || !r.pieces[0].is_entry || r.semicolons > 0 || r.dangling) return false;
  const auto& e = r.pieces[0].e;
  return !e.label.empty() && reg.find(e.label) && !(e.votes >= 1900 && e.votes <= 2099 && !e.printed_percent);
}

/// A column's count that does not read: `1,160†`, an OCR's `1,l60`, `1.160` or `1 160` (a point or a space for the
/// thousands). Not a share (`51.9`), a date (`02/05/2024`, `2 May`) or a time (`01:30`).
bool garbled_count(std::string_view f) {
  if (f.empty() || !is_digit(f[0]) || f.size() > 16) return false;
  const bool spaced = std::all_of(f.begin(), f.end(), [](char x) { return is_digit(x) || x == ' '; });
  if (!spaced && f.find_first_of(" /:-") != std::string_view::npos) return false;
  const auto dot = f.find('.');
  return !detail::read_decimal(f) || (dot != std::string_view::npos && dot <= 3 && f.size() - dot == 4);
}

/// Where `t` has a figure: a word with a digit that is not a date's or a heading's (a year `2024`, a day `2` or
/// `2nd`, `Ward 12`, `(3 seats)`). npos when none: `Green 12O`, `LD=329`, `Electorate: 9,012` have one.
std::size_t figure_at(std::string_view t) {
  for (std::size_t pos = 0;;) {
    auto w = detail::next_word(t, pos);
    if (w.empty()) return std::string_view::npos;
    const auto at = static_cast<std::size_t>(w.data() - t.data());
    if (w.front() == '(') w.remove_prefix(1);
    while (w.size() > 1 && (w.back() == ',' || w.back() == '.' || w.back() == ':' || w.back() == ')')) w.remove_suffix(1);
    // its leading digits (`d`, their value `v`), whether it has a digit at all, and whether it is only digits and a
    // date's or a time's separators (`02/05/2024`, `01:30`, `2024-25`)
    std::size_t d = 0, digits = 0;
    int v = 0;
    bool dated = true, sep = false;
    for (char x : w) {
      if (is_digit(x)) {
        if (d == digits++ && d++ < 5) v = v * 10 + (x - '0');
        continue;
      }
      dated = dated && (x == '/' || x == ':' || x == '.' || x == '-');
      sep = sep || x == '/' || x == ':';
    }
    if (digits == 0 || (dated && sep)) continue;
    const auto tail = w.substr(d);
    if (d >= 1 && d <= 2 && v <= 31 && (tail.empty() || (tail.size() == 2 && is_alpha(tail[0])))) continue;  // `2nd`
    // (`2024`, `the 2010s`, `2024-25`)
    if (d == 4 && v >= 1900 && v < 2100 && (tail.empty() || tail == "s" || (dated && (tail.size() == 3 || tail.size() == 5))))
      continue;
    return at;
  }
}

/// Two results or more, every one a party the registry knows: `Lab 1160 Con 529 LD 329`, with no `;` between
/// them, or `Labour 1,160, Conservative 529` (a list with commas is results only so).
bool all_parties(const results_read& r, const party_registry& reg) {
  return r.entries() >= 2 &&
         std::all_of(r.pieces.begin(), r.pieces.end(), [&](const piece& p) { return p.is_entry && reg.find(p.e.label); });
}

/// Where do the results start in a line with no tabs? The earliest word from which the rest reads cleanly
/// as results and whose first label is a party the registry knows (or a bare number).
/// On success `found` holds the results read from there.
std::optional<std::size_t> find_results_start(const clean_line& l, const party_registry& reg, scratch& sc,
                                              results_read& found) {
  std::string_view t(l.text);
  if (t.find(';') == std::string_view::npos && t.find(", ") == std::string_view::npos)
    return std::nullopt;  // (a reading from any start needs a list)
  auto& starts = sc.starts;
  starts.clear();
  // a ward and a candidate's name are a few words: trying more starts would make a long line quadratic
  constexpr std::size_t max_prefix_words = 16;
  for (std::size_t i = 0; i < t.size() && starts.size() <= max_prefix_words; ++i)
    if (!is_space(t[i]) && (i == 0 || is_space(t[i - 1]))) starts.push_back(i);
  for (auto s : starts) {
    if (s == 0) continue;
    // its first result decides most starts: read to the end of the first segment that is not empty (a reading with
    // none unreadable has that result there), and the whole line only when that result's label is a party's or
    // none (a long line was read whole from each of the sixteen starts)
    std::size_t from = s;
    while (from < t.size() && (t[from] == ';' || is_space(t[from]))) ++from;
    std::size_t head_end = std::min(t.find(';', from), t.size());
    for (auto k = t.find(',', from); k < head_end; k = t.find(',', k + 1)) {
      std::size_t word = k;  // (a word starts after a space: no `;` lies between `from` and head_end)
      while (word > from && !is_space(t[word - 1])) --word;
      if (list_comma(t, k, word)) {
        head_end = k;
        break;
      }
    }
    if (head_end < t.size()) {
      const auto head = read_results(l, s, head_end, sc);
      if (head.pieces.empty() || !head.pieces.front().is_entry ||
          !(head.pieces.front().e.label.empty() || reg.find(head.pieces.front().e.label)))
        continue;
    }
    auto r = read_results(l, s, t.size(), sc);
    if (!acceptable(r) || r.bad > 0 || r.entries() == 0 || (r.semicolons == 0 && !(r.commas > 0 && all_parties(r, reg))))
      continue;
    const auto& first = r.pieces.front();
    if (!first.is_entry) continue;
    if (first.e.label.empty() || reg.find(first.e.label)) {
      found = std::move(r);
      return s;
    }
  }
  return std::nullopt;
}

/// Classifies `l` into `c`, reused from line to line (its buffers keep their capacity).
void classify_kind(const clean_line& l, const party_registry& reg, scratch& sc, classified& c) {
  c.kind = line_kind::blank;
  c.prefix.clear();
  c.results.reset(&sc.pieces);
  c.previous_heading.clear();
  c.leading_empty = c.tabbed = c.council_row = false;
  std::string_view t(l.text);
  if (trim(t).empty()) return;
  if (l.footnote) { c.kind = line_kind::footnote; return; }
  if (is_ruler(t)) { c.kind = line_kind::ruler; return; }

  auto& fields = sc.fields;
  split_fields(l, fields);
  c.tabbed = fields.size() > 1;
  std::size_t nonempty = std::count_if(fields.begin(), fields.end(), [](const span& s) { return !s.text.empty(); });
  if (nonempty == 0) return;
  c.leading_empty = !fields.empty() && fields.front().text.empty();
  if (is_wiki_header(fields)) { c.kind = line_kind::wiki_header; return; }

  // the results field: the last non-empty field of a tabbed row, else the whole line; a council page's
  // trailing columns (a percentage, an `Elected` marker) are taken off first
  std::size_t ri = fields.size() - 1;
  bool marked_elected = false, outcome_column = false;  // (an outcome column saying `Not elected`)
  std::optional<double> column_percent;
  std::string_view column_text;  // (as written)
  while (c.tabbed && ri > 0) {
    auto f = fields[ri].text;
    if (f.empty()) { --ri; continue; }
    // (an `Elected?` column's `Yes` and `No` too, in a row's last columns only)
    if ((is_elected_word(f) || detail::iequals(f, "yes")) && !marked_elected) { marked_elected = true; --ri; continue; }
    if (!outcome_column && !marked_elected && (is_not_elected_word(f) || detail::iequals(f, "no"))) { outcome_column = true; --ri; continue; }
    if (auto pct = read_percent(f); pct && !column_percent) { column_percent = pct; column_text = f; --ri; continue; }
    break;
  }
  if (marked_elected || outcome_column || column_percent) {
    std::size_t before = 0, first = 0;
    for (std::size_t i = 0; i < ri; ++i)
      if (!fields[i].text.empty() && !before++) first = i;
    // (a name and a party, or a party alone: `Lab<TAB>1,160<TAB>51.9%`)
    // (or a name with its party: `Jo Smith, Labour<TAB>900<TAB>60.0%`)
    if (before < 2 && !(before == 1 && (reg.find(fields[first].text) || names_a_candidate(fields[first].text, &reg)))) {  // not a candidate row after all: read the line as it stands
      ri = fields.size() - 1;
      marked_elected = outcome_column = false;
      column_percent.reset();
    }
  }
  std::size_t begin = fields[ri].offset;
  std::size_t end = fields[ri].offset + fields[ri].text.size();
  if (!c.tabbed) begin = after_rank(t, begin);  // (the rank is not the candidate's: `1. Sam Huggins (Labour) 1,160`)
  // `Electorate:<TAB>9,012`, `Turnout:<TAB>24.97%`, `Electorate: 9,012    Ballot papers issued: 2,250`:
  // stated figures in columns, read as one line
  if (c.tabbed) {
    std::size_t first = 0;
    while (fields[first].text.empty()) ++first;
    auto f = fields[first].text;
    if (first < ri && stated_phrase(trim(f.substr(0, static_cast<std::size_t>(std::find_if(f.begin(), f.end(), is_digit) - f.begin())))))
      begin = fields[first].offset;
  }

  // `2021 result: ...` (a previous result for the contest above)
  {
    std::size_t first = 0;
    while (first < fields.size() && fields[first].text.empty()) ++first;
    std::size_t consumed = 0;
    if (auto h = previous_marker(fields[first].text, consumed)) {
      std::size_t from = first == ri ? fields[ri].offset + consumed : begin;
      auto r = read_results(l, from, end, sc);
      if (acceptable(r) && r.entries() > 0) {
        c.kind = line_kind::previous;
        c.previous_heading = *h;
        c.results = std::move(r);
        return;
      }
      // `Previous result`, `2021 result (two seats):` alone on its line: the block below is that result
      auto rest = trim(std::string_view(l.text).substr(fields[first].offset + consumed));
      while (!rest.empty() && (rest.front() == ':' || rest.back() == ':')) rest = trim(rest.front() == ':' ? rest.substr(1) : rest.substr(0, rest.size() - 1));
      bool bracketed = rest.size() >= 2 && rest.front() == '(' && rest.back() == ')' && rest.find('(', 1) == std::string_view::npos;
      if (rest.empty() || bracketed) {
        c.kind = line_kind::previous_block;
        c.previous_heading = *h;
        if (bracketed) {
          c.previous_heading += ' ';
          c.previous_heading += rest;
        }
        return;
      }
    }
  }

  // `Election of a Borough Councillor for Fryerns Ward`: a heading, though its words read as prose
  if (nonempty == 1 && std::none_of(t.begin(), t.end(), is_digit) && without_results_for(trim(t)).size() + 5 < trim(t).size()) {
    c.kind = line_kind::heading;
    return;
  }
  if (nonempty == 1 && fields.size() == 1 && has_stopwords(t, 4)) {  // (prose, as looks_like_prose would say)
    c.kind = line_kind::prose;
    return;
  }

  auto r = read_results(l, begin, end, sc);
  // a council results page: the name, then the party (often a description), then a bare number (field `at`)
  auto council_row = [&](results_read& rr, std::size_t at, const std::optional<double>& percent, std::string_view percent_text) {
    if (!c.tabbed || rr.entries() != 1 || rr.stated() != 0 || rr.semicolons != 0 || rr.bad != 0 ||
        !rr.pieces.front().e.label.empty())
      return false;
    auto& before = sc.before;
    before.clear();
    for (std::size_t i = 0; i < at; ++i)
      if (!fields[i].text.empty()) before.push_back(fields[i].text);
    // the party after the name; or alone, with the votes (`Lab<TAB>1,160`, a table of parties and their votes).
    // With a share or outcome column after the votes, a name and a party the registry does not know are a row too
    // (`Kim Brown<TAB>Basildon Community Residents Party<TAB>529<TAB>11.9%<TAB>Not elected`), as they are without
    // one when the party is written as a party (`Kim Brown<TAB>Basildon Community Residents Party<TAB>529`). A
    // registered party before a name is a row too, its columns in that order (`Labour<TAB>Sam Huggins<TAB>1,160`),
    // unless the row is a Wikipedia box's (a colour swatch's empty first cell, or a share with no `%`: the box
    // reader's)
    // A name with its party in one column (`Sam Huggins (Labour)<TAB>1,160`, under `Candidate<TAB>Votes`) is the
    // label as written, split into the two as any such label is.
    const bool columns = marked_elected || outcome_column || percent;
    const bool party_first = before.size() == 2 && !c.leading_empty && !(percent && percent_text.back() != '%') &&
                             looks_like_name(before[1]);
    for (std::size_t k = before.size() == 1 || party_first ? 0 : 1; k < before.size() && before.size() <= 4; ++k) {
      if (!reg.find(before[k]) && !(k == 1 && before.size() == 2 && (columns || describes_party(before[1])) && looks_like_name(before[0])) &&
          !(before.size() == 1 && names_a_candidate(before[0], &reg)))
        continue;
      auto& e = rr.pieces.front().e;
      e.label = std::string(before[k]);
      if (k > 0) e.name = std::string(before[0]);
      else if (party_first) e.name = std::string(before[1]);
      e.elected_marker = e.elected_marker || marked_elected;
      if (percent && !e.printed_percent) set_percent(rr.pieces.front(), *percent, percent_text);
      c.council_row = true;
      c.kind = line_kind::results;
      c.results = std::move(rr);
      return true;
    }
    return false;
  };
  // its percentage column printed without `%` (`1,160<TAB>26.2`, `1160<TAB>26`): the last field is the share
  // when the field before it reads as the row's votes (else `26` would be read as the votes and 1,160 lost);
  // it is checked against the votes like any printed share
  if (c.tabbed && !column_percent) {
    if (auto share = detail::read_decimal(fields[ri].text); share && *share <= 100) {
      std::size_t at = ri;
      while (at > 0 && fields[at - 1].text.empty()) --at;
      if (at > 0 && read_number(fields[--at].text)) {
        auto votes = read_results(l, fields[at].offset, fields[at].offset + fields[at].text.size(), sc);
        if (council_row(votes, at, share, fields[ri].text)) return;
      }
    }
  }
  if (council_row(r, ri, column_percent, column_text)) return;
  bool unknown_first = !r.pieces.empty() && r.pieces.front().is_entry && !r.pieces.front().e.label.empty() &&
                       !reg.find(r.pieces.front().e.label) && !names_a_candidate(r.pieces.front().e.label, &reg);
  // a row pasted with spaces for tabs: `Fryerns (three seats) Eleanor Donne Lab 1,160; ...`, read from
  // where its results start (tried only when the line as a whole does not read, or starts unknown)
  results_read spaced;
  std::optional<std::size_t> spaced_at;
  bool whole = acceptable(r);
  if (!c.tabbed && (!whole || unknown_first)) spaced_at = find_results_start(l, reg, sc, spaced);
  if (whole && !spaced_at) {
    for (std::size_t i = 0; i < ri; ++i) c.prefix.push_back(fields[i]);
    c.kind = line_kind::results;
    c.results = std::move(r);
  } else if (spaced_at) {
    c.prefix.push_back({trim(t.substr(0, *spaced_at)), 0});
    c.kind = line_kind::results;
    c.results = std::move(spaced);
  }
  if (c.kind == line_kind::results) {
    // One figure alone and no list is not a contest: `Local elections 2024`, `Eastern – page 11`
    // are headings; `848 (32.2%)` in a table is a quote (decided by the assembler).
    const auto& rr = c.results;
    // no separator, no total, no share: `Thursday 2 May 2024` is a date, not two results
    bool unlisted = rr.semicolons == 0 && rr.stated() == 0 && !rr.has_percent() && !rr.amp;
    // (but `Lab 1160 Con 529 LD 329`, every label a party's, is results with no `;` between them)
    // (looked up only for such a line: most rows have a `;`)
    bool lone = unlisted && (rr.entries() == 1 || !c.tabbed) && !all_parties(rr, reg);
    auto named = [&] { return !rr.pieces.empty() && rr.pieces.front().is_entry && names_a_candidate(rr.pieces.front().e.label, &reg); };
    auto spaced = [&] { return !rr.pieces.empty() && rr.pieces.front().is_entry && spaced_candidate(rr.pieces.front().e, reg); };
    if (!lone || !c.prefix.empty() || named() || party_count(rr, reg) || spaced()) return;
    c.kind = line_kind::heading;
    c.results.diags.clear();  // (a heading has nothing to say)
  }
  // a list of counts whose labels are not labels (`LD3 5; Q1 1`: digits in every one) is said, not dropped
  if (r.semicolons > 0 && r.bad > r.good && r.entries() > static_cast<std::size_t>(r.semicolons))
    c.results.diags.push_back({position(l, begin), severity::warning, diag_code::unreadable_token,
                               "expected party labels (no digits) before the counts: not read"});
  // `LAB: 51.9% (+3.1)`, as results are posted: a party's share and no votes, which a share is computed from
  if (r.entries() == 0 && t.find('%') != std::string_view::npos) {
    std::size_t pos = 0;
    if (reg.find(without_colon(detail::next_word(t, pos))))
      c.results.diags.push_back({position(l, begin), severity::warning, diag_code::unreadable_token,
                                 "expected votes, saw a share alone (shares are computed from votes): not read"});
  }
  if (nonempty > 1) { c.kind = line_kind::table_header; return; }
  c.kind = looks_like_prose(t) ? line_kind::prose : line_kind::heading;
}

/// How a line reads, with its entries' labels looked up (piece::plain).
void classify(const clean_line& l, const party_registry& reg, scratch& sc, classified& c) {
  classify_kind(l, reg, sc, c);
  for (auto& p : c.results.pieces) p.plain = p.is_entry && (p.e.label.empty() || reg.find(p.e.label));
}

/// A line as a line_cache keeps it: the text, cleaned, and how it was classified.
struct remembered_line {
  std::string raw;              // the line as given (the key); `cleaned` views it or its own copy
  std::uint32_t hash = 0;
  std::uint32_t reading = 0;    // the last reading that met it
  clean_line cleaned;           // (line 0: not cleaned yet)
  std::uint32_t classified_on = 0;  // the line number the classification's positions are on; 0: not classified
                                    // yet (a Wikipedia box's rows are read without classifying)
  classified kind;              // read by the assembler, never changed by it
};

// ---------------------------------------------------------------------------------------------------------
// Fields of a row

/// A few digits (a rank, a year, a seat count) as a number; std::stoi would bring printf into the wasm.
int small_number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

int seats_word(std::string_view w) {
  static constexpr std::string_view names[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  for (int i = 0; i < 10; ++i)
    if (detail::iequals(w, names[i])) return i + 1;
  if (!w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), is_digit)) return small_number(w);
  return 0;
}

/// Takes `(three seats)` (or `(3 seats)`, `(two vacancies)`) out of a ward name.
std::string take_seats(std::string_view ward, std::optional<int>& seats) {
  auto open = ward.rfind('(');
  if (open != std::string_view::npos) {
    auto close = ward.find(')', open);
    if (close != std::string_view::npos) {
      // two words (`three seats`), taken apart in place: a ward's name is read on every keystroke
      auto inner = trim(ward.substr(open + 1, close - open - 1));
      std::size_t gap = 0;
      while (gap < inner.size() && !is_space(inner[gap])) ++gap;
      auto count = inner.substr(0, gap), unit = trim(inner.substr(gap));
      if (!count.empty() && !unit.empty() && std::none_of(unit.begin(), unit.end(), is_space)) {
        int n = seats_word(count);
        auto is = [unit](std::string_view u) { return detail::iequals(unit, u); };
        if (n > 0 && (is("seats") || is("seat") || is("vacancies") || is("vacancy") || is("councillors") || is("members"))) {
          seats = n;
          std::string rest(trim(ward.substr(0, open)));
          auto after = trim(ward.substr(close + 1));
          if (!after.empty()) {
            rest += ' ';
            rest += after;
          }
          return rest;
        }
      }
    }
  }
  return std::string(trim(ward));
}

bool has_seats_marker(std::string_view s) {
  std::optional<int> seats;
  take_seats(s, seats);
  return seats.has_value();
}

/// `t` without its caption `word` (`Votes: 1,160` -> `1,160`, `Share 51.9%` -> `51.9%`); `t` when it has none.
std::string_view after_caption(std::string_view t, std::string_view word) {
  if (t.size() <= word.size() + 1 || !detail::iequals(t.substr(0, word.size()), word)) return t;
  const char next = t[word.size()];
  if (next != ':' && !is_space(next)) return t;
  auto rest = t.substr(word.size() + 1);
  while (!rest.empty() && (is_space(rest.front()) || rest.front() == ':')) rest.remove_prefix(1);
  return rest.empty() ? t : rest;
}

/// The party an outcome line names first (`Labour hold`, `Reform UK gain from Conservative`, `Lab GAIN`): `Labour`,
/// `Reform UK`, `Lab`; empty when `t` is not one.
std::string_view outcome_party(std::string_view t) {
  for (std::string_view tail : {" hold", " gain"})
    if (t.size() > tail.size() && detail::iequals(t.substr(t.size() - tail.size()), tail)) return trim(t.substr(0, t.size() - tail.size()));
  constexpr std::string_view from = " gain from ";  // (looked for at each `g`: most headings have few)
  for (auto g = t.find_first_of("gG", 1); g != std::string_view::npos; g = t.find_first_of("gG", g + 1))
    if (t[g - 1] == ' ' && detail::iequals(t.substr(g - 1, from.size()), from)) return trim(t.substr(0, g - 1));
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Assembly

class assembler {
 public:
  assembler(document& doc, const party_registry& reg, bool wikipedia)
      : doc_(doc), reg_(reg), wiki_(wikipedia), forced_wiki_(wikipedia) {}

  /// Reads line `l`; with `memo` (the line cache's entry for it), as it was classified before.
  void line(const clean_line& l, remembered_line* memo = nullptr) {
    if (wiki_ && wiki_row(l)) return;
    const auto& c = classification(l, memo);
    const auto said = doc_.diagnostics.size();
    said_ = said_ || said > 0;  // (what was said may be handed over before the end)
    if (unread_at_.line == 0 && doc_.contests.empty() && doc_.quotes.empty() && (c.kind == line_kind::prose || c.kind == line_kind::heading || c.kind == line_kind::table_header))
      if (const auto at = figure_at(l.text); at != std::string_view::npos) unread_at_ = position(l, at);  // (said at the end if nothing is read)
    if (c.kind != line_kind::results && c.kind != line_kind::previous)  // (said when it had counts, unread)
      for (const auto& d : c.results.diags) doc_.diagnostics.push_back(d);
    if (rejected_list_ && c.kind != line_kind::blank) {
      // `(b) voting for more candidates than voter was entitled to    3`: not a candidate; `Total    14`: the
      // contest's rejected ballot papers
      const auto& r = c.results;
      rejected_list_ = c.kind == line_kind::results && r.pieces.size() == 1 && last() &&
                       (r.pieces[0].is_entry || r.pieces[0].kind == stated_kind::total);  // (`Total    14`: a stated total)
      if (rejected_list_) {
        const auto& p = r.pieces[0];
        auto what = c.prefix.empty() ? std::string_view(p.e.label) : c.prefix[0].text;
        if (p.is_entry && !detail::iequals(without_colon(what), "total")) return;
        if (!last()->stated.rejected) last()->stated.rejected = p.is_entry ? p.e.votes : p.value;
        last()->end_line = l.line;
        rejected_list_ = false;
        return;
      }
    }
    switch (c.kind) {
      case line_kind::blank:
      case line_kind::ruler:
      case line_kind::footnote:
        return;
      case line_kind::wiki_header:
        close_block();
        wiki_ = true;
        wiki_contest_ = false;
        return;
      case line_kind::table_header: {
        // a Wikipedia box's row with the box's header not pasted (selected from its first candidate down):
        // the rows of a box from here on, said so
        if (box_row_without_header(l)) {
          doc_.diagnostics.resize(said);  // (what the line said read otherwise: `+3.1%` is the box's change, not a share)
          diag({l.line, 1}, severity::info, diag_code::read_as_box,
               "read as a Wikipedia election box, whose header row is not in the text");
          wiki_ = true;
          wiki_contest_ = false;
          wiki_row(l);
          return;
        }
        if (!block_) in_table_ = true;  // a repeated header inside a council page's table changes nothing
        // a row with a count in a column of its own after the first is not a header (`Sam Huggins<TAB><TAB>1,160
        // <TAB>Elected`, its party an image that copied as nothing): said, not dropped. A first column's number is
        // a league table's rank, and `Majority<TAB>7,172<TAB>16.3<TAB>N/A` a box's figure: neither is such a row
        split_fields(l, scratch_.fields);
        const auto& fs = scratch_.fields;
        if (!fs[0].text.empty() && !stated_phrase(without_colon(fs[0].text)))
          for (std::size_t i = 1; i < fs.size(); ++i) {
            const auto f = fs[i].text;
            if (read_number(f)) {
              diag(position(l, fs[i].offset), severity::warning, diag_code::unreadable_token,
                   "expected a party in a column before this count: the row is not read");
              break;
            }
            if (garbled_count(f)) {  // (said, as the row is lost)
              diag(position(l, fs[i].offset), severity::warning, diag_code::unreadable_token,
                   detail::cat({"expected a vote count, saw '", f, "': the row is not read"}));
              break;
            }
          }
        return;
      }
      default:
        break;
    }
    // a Wikipedia box ends at the first line that is neither its rows nor the next box's caption
    if (c.kind != line_kind::heading && c.kind != line_kind::previous_block && !forced_wiki_) wiki_ = false;
    wiki_contest_ = false;
    if (c.kind != line_kind::heading) card_ = badge_ = false;
    switch (c.kind) {
      case line_kind::prose:
        // a declaration of result's `The number of ballot papers rejected was as follows:`: the reasons and
        // their total below belong to the contest above
        if (last() && last_target_ == target::contest && detail::lower(l.text).find("rejected was") != std::string::npos) {
          rejected_list_ = true;
          return;
        }
        close_block();
        commit_headings();
        last_target_ = target::none;
        prev_block_ = false;
        return;
      case line_kind::heading: {
        if (card_line(l, c)) return;
        // `Labour hold`, `Lab GAIN from Con` under a contest's results: its outcome (checked against the votes),
        // not a heading of the next contest. Above the results (as the BBC prints `Conservative hold` under the
        // constituency's name): the outcome of the contest that starts within a few lines below, not a part of its name
        // (`Conservative hold Swing +4.1`: a box's outcome row with spaces for its tabs, the swing beside it)
        const auto whole = trim(std::string_view(l.text));
        const auto swing = whole.rfind(" Swing ");
        if (const auto t = whole.substr(0, swing), party = outcome_party(t); !party.empty() && reg_.find(party)) {
          const auto at = position(l, static_cast<std::size_t>(t.data() - l.text.data()));
          if (last() && last_target_ == target::contest && pending_.empty() && !last()->outcome && !prev_block_) {
            last()->outcome = std::string(t);
            last()->outcome_at = at;
            if (swing != std::string_view::npos) last()->printed_swing = detail::read_change(whole.substr(swing + 7));
            last()->end_line = l.line;
            close_block();
            last_target_ = target::none;
          } else {
            held_outcome_ = std::string(t);
            held_outcome_at_ = at;
          }
          return;
        }
        close_block();
        prev_block_ = false;
        // a figure on the line straight under a contest's results that reads as none (`Green 12O`, `LD=329`) is
        // said: a heading of the next contest has none
        if (last() && (last()->end_line + 1 == l.line || under_ + 1 == l.line)) {
          under_ = l.line;  // (and on the lines under it, to the first blank: `Lib Dem three hundred`, then `Green 12O`)
          if (const auto at = figure_at(l.text); at != std::string_view::npos)
            diag(position(l, at), severity::warning, diag_code::unreadable_token,
                 "expected a result (a party or a name, then its votes) under the contest, saw this figure: the line is not read");
        }
        // a council page's `Results`, `Voting Summary` and `Thursday, 2nd May, 2024` name no place: not taken for
        // the ward; `Election results for Fryerns` names Fryerns
        auto h = heading_name(trim(std::string_view(l.text)));
        if (!h.empty() && !is_date(h)) pending_.push_back({std::string(h), l.line});
        return;
      }
      case line_kind::previous:
        previous(l, c);
        return;
      case line_kind::previous_block:
        previous_block(l, c);
        return;
      case line_kind::results:
        results(l, c);
        return;
      default:
        return;
    }
  }

  /// How `l` reads: classified now, or with the line cache's entry, as it was the first time (its positions
  /// moved to this line). Nothing below changes a classification, so the cache's is read in place.
  const classified& classification(const clean_line& l, remembered_line* memo) {
    if (!memo) {
      classify(l, reg_, scratch_, classified_);
      return classified_;
    }
    auto& k = memo->kind;
    if (memo->classified_on == 0) {
      classify(l, reg_, scratch_, k);
      k.results.detach();
    } else if (memo->classified_on != l.line) {
      k.results.move_to_line(memo->classified_on, l.line);
    }
    memo->classified_on = l.line;
    return k;
  }

  /// The figures and the outcome line held above `ct` (starting on `line`) are its own when they lie a few lines
  /// above it; the other figures (and, with no contest, all: `ct` null) are said and ignored.
  void held_for_next(contest* ct, std::uint32_t line) {
    if (held_outcome_ && ct && held_outcome_at_.line + 8 >= line) {
      ct->outcome = std::move(held_outcome_);
      ct->outcome_at = held_outcome_at_;
    }
    held_outcome_.reset();
    held_figures_for(ct, line);
  }

  /// held_for_next's figures: `ct`'s when they lie a few lines above `line`, else said and ignored.
  void held_figures_for(contest* ct, std::uint32_t line) {
    for (const auto& p : held_) {
      if (ct && p.where.line + 8 >= line) set_stated(ct->stated, p, "the total");
      else orphan(p, none_near);
    }
    held_.clear();
  }

  static constexpr const char* none_near = ") with no contest above it or just below it: ignored";

  /// Says a stated figure is not read: `why` after the figure.
  void orphan(const piece& p, const char* why) {
    diag(p.where, severity::warning, diag_code::orphan_total,
         detail::cat({"a stated figure (", p.kind == stated_kind::turnout ? detail::format_double(*p.percent) + "%" : detail::num(p.value), why}));
  }

  void finish() {
    // figures in text that gave no result and nothing to say (`Labour got 1,160 votes and the Tories 529.`) are
    // said, at the first
    // (the reader hands contests over as it goes, but keeps the last: none here is none made)
    if (unread_at_.line > 0 && doc_.contests.empty() && doc_.quotes.empty() && !said_ && doc_.diagnostics.empty())
      diag(unread_at_, severity::info, diag_code::unreadable_token,
           "expected results (a party or a name, then its votes: 'Labour 1,160; Conservative 529'), saw this figure: nothing was read");
    held_for_next(nullptr, 0);
    close_block();
    if (open_ && dangling_) {
      doc_.diagnostics.push_back({dangling_at_, severity::warning, diag_code::dangling_label,
                                  "expected a vote count after '" + *dangling_ + "', saw the end of the input: skipped"});
    }
    pair_elections();
    for (auto& ct : doc_.contests) resolve_unlabelled(ct);
    // the shape that gave the most results names the input
    std::pair<int, const char*> shapes[] = {{report_rows_, "report"}, {council_rows_, "council"},
                                            {wiki_rows_, "wikipedia"}, {candidate_lines_, "lines"}};
    int best = 0;
    for (const auto& [n, name] : shapes)
      if (n > best) { best = n; doc_.shape = name; }
    if (best == 0) doc_.shape = "none";
  }

  /// A contest that no later line can change (stream_reader hands these over as it goes).
  void settle(contest& ct) { resolve_unlabelled(ct); }
  /// Pairs the boxes read so far (stream_reader, before handing contests over).
  void pair() { pair_elections(false); }

 private:
  enum class target { none, contest, previous };
  struct pending_line {
    std::string text;
    std::uint32_t line;
  };

  document& doc_;
  const party_registry& reg_;
  scratch scratch_;
  classified classified_;  // the line being read (after scratch_: its results give their buffers back to it)
  std::vector<pending_line> pending_;
  std::optional<std::string> heading_;
  target last_target_ = target::none;
  std::vector<piece> held_;  // stated figures with no contest above them, for the contest below (held_for_next)
  std::optional<std::string> held_outcome_;  // an outcome line above the results, for the contest below
  source_position held_outcome_at_;
  bool open_ = false;  // the last contest's results were cut off (trailing `;` or a label with no number)
  std::optional<std::string> dangling_;
  source_position dangling_at_;
  bool block_ = false;  // candidate-per-line block in progress (`Name, Party – votes`)
  bool in_table_ = false;
  bool wiki_ = false;          // inside Wikipedia election boxes: rows are read by their columns
  bool forced_wiki_ = false;   // the user chose the Wikipedia reader
  bool wiki_contest_ = false;  // a box's rows are being added to the last contest
  bool prev_block_ = false;    // rows go to the previous result of the last contest (`Previous result` above them)
  bool rejected_list_ = false; // rows are the rejected ballot papers of the last contest, by reason
  bool card_ = false;          // the last contest's rows are results cards copied a field a line
  bool party_below_ = true;    // and their parties are written below the names
  bool badge_ = false;         // an `Elected` alone on a line, not below a card's votes: the next card's
  const classified no_results_;  // (card_line's)
  int report_rows_ = 0, council_rows_ = 0, wiki_rows_ = 0, candidate_lines_ = 0;
  std::uint32_t under_ = 0;  // the last heading line in the run of lines straight under a contest
  bool said_ = false;          // a diagnostic was made (handed over or not)
  source_position unread_at_;  // the first figure in a line that read as no result, while none has been made

  contest* last() { return doc_.contests.empty() ? nullptr : &doc_.contests.back(); }

  void commit_headings() {
    if (!pending_.empty()) heading_ = pending_.back().text;
    pending_.clear();
  }

  void close_block() { block_ = false; }

  void diag(source_position at, severity s, diag_code code, std::string msg) {
    doc_.diagnostics.push_back({at, s, code, std::move(msg)});
  }

  static std::string describe(const contest& c) {
    std::string s = c.ward ? *c.ward : std::string("the contest");
    return s + " (line " + detail::num(c.line) + ")";
  }

  /// Puts a stated figure where it belongs, warning when a different one is already there.
  void set_stated(stated_totals& st, const piece& p, const char* whose) {
    if (p.kind == stated_kind::turnout) {  // `Turnout: 24.97%`: a percentage, no count
      st.turnout_percent = p.percent;
      st.turnout_decimals = p.percent_decimals;
      return;
    }
    auto* slot = &stated_slot(st, p.kind);
    if (p.kind == stated_kind::ballots && p.percent) {
      st.turnout_percent = p.percent;
      st.turnout_decimals = p.percent_decimals;
    }
    if (*slot && **slot != p.value) {
      diag(p.where, severity::warning, diag_code::duplicate_total,
           std::string("a second figure for ") + whose + ": " + detail::num(p.value) + " (kept the first, " +
               detail::num(**slot) + ")");
      return;
    }
    *slot = p.value;
    if (p.kind == stated_kind::total) st.total_at = p.where;
  }

  /// Adds pieces [from, to) to `ct` (copies: the pieces may be the line cache's).
  void add_pieces(contest& ct, const std::vector<piece>& ps, std::size_t from, std::size_t to) {
    if (ct.entries.empty() && to > from) ct.entries.reserve(to - from);  // (only the first: growth stays geometric)
    for (std::size_t i = from; i < to; ++i) {
      const auto& p = ps[i];
      if (p.is_entry) {
        ct.entries.push_back(p.e);
        if (!p.plain) split_label(ct.entries.back());
      } else {
        set_stated(ct.stated, p, "the total");
      }
      ct.end_line = std::max(ct.end_line, p.where.line);
    }
  }

  /// `Waheed Akbar (WPB)`, `Independent – Jamie Driscoll`, `Paul Dennett, Labour`: a name and a label.
  void split_label(entry& e) const {
    auto& s = e.label;
    if (s.empty() || reg_.find(s)) return;
    if (const auto at = party_colon_name(s, reg_)) {
      e.name = s.substr(at);
      s.resize(at - 2);
      return;
    }
    for (auto d : name_dashes) {
      auto at = s.find(d);
      if (at == std::string::npos) continue;
      std::string left = s.substr(0, at), right = s.substr(at + d.size());
      if (reg_.find(left) || !reg_.find(right)) { e.label = left; e.name = right; }
      else { e.label = right; e.name = left; }
      split_comma(e);
      return;
    }
    if (s.back() == ')') {
      auto open = s.rfind('(');
      if (open != std::string::npos && open > 0) {
        auto inner = s.substr(open + 1, s.size() - open - 2);
        auto before = std::string(trim(std::string_view(s).substr(0, open)));
        if (!before.empty() && !inner.empty()) {
          const bool party_first = reg_.find(before) && !reg_.find(inner);  // (`Labour (Sam Huggins)`)
          e.name = party_first ? inner : before;
          e.label = party_first ? before : inner;
          return;
        }
      }
    }
    split_comma(e);
    if (e.name) return;
    if (const auto [at, party_first] = spaced_name_party(s, reg_); at > 0) {  // `Sam Huggins Labour`, `Labour Sam Huggins`
      const std::string_view text(s), first = trim(text.substr(0, at)), second = text.substr(at);
      std::string name(party_first ? second : first);
      e.label = std::string(party_first ? first : second);  // (`s` is e.label: the views are read first)
      e.name = std::move(name);
    }
  }

  void split_comma(entry& e) const {
    auto comma = e.label.rfind(", ");
    if (comma == std::string::npos || reg_.find(e.label)) return;
    auto name = e.label.substr(0, comma);
    auto label = e.label.substr(comma + 2);
    if (e.name) return;  // `Independent – Smith, John`: keep as written
    e.name = name;
    e.label = label;
  }

  void set_open(const results_read& r) {
    open_ = r.trailing_semicolon || r.dangling.has_value();
    dangling_ = r.dangling;
    dangling_at_ = r.dangling_at;
  }

  /// The leading pieces of a row that finish the contest above (wrapped over a blank line by the PDF).
  std::size_t take_continuation(contest& prev, const classified& c, bool whole_row) {
    auto& ps = c.results.pieces;
    std::size_t n = 0;
    if (whole_row) {
      n = ps.size();
    } else {
      // up to and including a total that has more results after it
      for (std::size_t i = 0; i < ps.size(); ++i)
        if (!ps[i].is_entry && ps[i].kind == stated_kind::total && i + 1 < ps.size()) { n = i + 1; break; }
      if (n == 0 && dangling_ && !ps.empty() && ps[0].is_entry && ps[0].e.label.empty()) n = 1;
    }
    if (n == 0) return 0;
    std::size_t start = 0;
    if (dangling_ && ps[0].is_entry && ps[0].e.label.empty()) {
      entry e = ps[0].e;
      e.label = *dangling_;
      e.where = dangling_at_;
      split_label(e);
      prev.entries.push_back(std::move(e));
      start = 1;
    } else if (dangling_) {
      diag(dangling_at_, severity::warning, diag_code::unreadable_token,
           "expected a vote count after '" + *dangling_ + "', saw the end of the line: skipped");
    }
    add_pieces(prev, ps, start, n);
    prev.end_line = ps[n - 1].where.line;
    diag(ps[0].where, severity::info, diag_code::wrapped_row,
         "the results of " + describe(prev) + " continue here; read as part of that contest");
    dangling_.reset();
    open_ = false;
    return n;
  }

  void results(const clean_line& l, const classified& c) {
    const auto& r = c.results;
    std::size_t nonempty_prefix = std::count_if(c.prefix.begin(), c.prefix.end(), [](const span& s) { return !s.text.empty(); });

    // a line of stated figures alone: `Votes cast 3,324`, `Total valid votes: 49,987`
    if (r.entries() == 0) {
      for (const auto& d : r.diags) doc_.diagnostics.push_back(d);
      stated_totals* st = nullptr;
      if (last_target_ == target::contest && last() && pending_.empty()) st = &last()->stated;
      else if (last_target_ == target::previous && last() && last()->previous && pending_.empty()) st = &last()->previous->stated;
      for (const auto& p : r.pieces) {
        // `Electorate: 9,012  Turnout: 25%` above a council page's candidates: the contest's below, when one
        // starts within a few lines (held_for_next)
        if (!st && (p.kind == stated_kind::electorate || p.kind == stated_kind::ballots || p.kind == stated_kind::turnout ||
                    p.kind == stated_kind::rejected)) {
          // (a few are held, from the last few lines: a line of a million figures is said as it goes)
          if (held_.size() >= 16 || (!held_.empty() && held_.front().where.line + 8 < l.line)) held_figures_for(nullptr, 0);
          held_.push_back(p);
          continue;
        }
        if (!st) {
          orphan(p, ") with no contest above it: ignored");
          continue;
        }
        set_stated(*st, p, "the total");
      }
      if (st && last()) last()->end_line = l.line;
      open_ = false;
      close_block();
      return;
    }

    // rows under `Previous result` belong to the contest above
    if (prev_block_ && last() && last()->previous && nonempty_prefix == 0) {
      for (const auto& d : r.diags) doc_.diagnostics.push_back(d);
      add_previous(*last()->previous, r.pieces);
      return;
    }
    prev_block_ = false;

    // council results page rows accumulate into one contest, the ward taken from the heading above
    if (c.council_row) {
      for (const auto& d : r.diags) doc_.diagnostics.push_back(d);
      ++council_rows_;
      if (block_ && last_target_ == target::contest && last() && pending_.empty()) {
        add_pieces(*last(), c.results.pieces, 0, r.pieces.size());
        return;
      }
      start_contest(l, c, 0, false);
      block_ = true;
      open_ = false;
      return;
    }

    // a figure quoted from a contest (league tables, lists of candidates): not a contest itself
    bool single = r.entries() == 1 || (r.amp && r.semicolons == 0);
    if (single && r.semicolons == 0 && r.stated() == 0 && (r.has_percent() || r.amp) &&
        (nonempty_prefix >= 1 || in_table_ || !looks_like_candidate(r))) {
      add_quote(c);
      return;
    }

    for (const auto& d : r.diags) doc_.diagnostics.push_back(d);

    // `Paul Dennett, Labour – 30,753 (61.5%)`: one candidate a line
    if (r.entries() == 1 && nonempty_prefix == 0 && looks_like_candidate(r)) {
      ++candidate_lines_;
      if (block_ && last_target_ == target::contest && last() && pending_.empty()) {
        add_pieces(*last(), c.results.pieces, 0, r.pieces.size());
        return;
      }
      start_contest(l, c, 0);
      block_ = true;
      open_ = false;
      return;
    }
    close_block();

    // the rest of a row cut off above: `\t\t153; TUSC 49 (1.9%) Votes cast 2,608`
    if (open_ && last() && last_target_ == target::contest && nonempty_prefix == 0 && pending_.empty()) {
      take_continuation(*last(), c, true);
      set_open(r);
      return;
    }
    std::size_t from = 0;
    if (open_ && last() && last_target_ == target::contest && pending_.empty()) from = take_continuation(*last(), c, false);
    if (open_ && dangling_) {
      diag(dangling_at_, severity::warning, diag_code::unreadable_token,
           "expected a vote count after '" + *dangling_ + "', saw the end of the row: skipped");
    }
    open_ = false;
    dangling_.reset();

    // a total printed before the first result belongs to the contest above when that has none
    if (from < r.pieces.size() && !r.pieces[from].is_entry && r.pieces[from].kind == stated_kind::total &&
        from + 1 < r.pieces.size() && last() && last_target_ == target::contest && !last()->stated.total &&
        pending_.empty()) {
      auto& prev = *last();
      set_stated(prev.stated, r.pieces[from], "the total");
      diag(r.pieces[from].where, severity::info, diag_code::shifted_total,
           "'" + group_thousands(r.pieces[from].value) + "' is printed before this row's first result; read as the total of " +
               describe(prev) + ", which states none");
      ++from;
    }
    if (from >= r.pieces.size()) return;
    ++report_rows_;
    start_contest(l, c, from);
    set_open(r);
  }

  /// A results card copied a field a line, as council pages' cards and columns of a PDF paste: a candidate's name
  /// and party (in either order, or on one line as `Sam Huggins (Labour)`), held as headings, then the votes
  /// alone on a line (`1,160`, `1,160 votes`); then maybe an `Elected` (or `Not elected`) and a share, each alone
  /// on a line. The cards of one ward make one contest. A ward's first card needs a name and a registered party
  /// above its votes (a list of parties with a count under each is not results); the cards after it need a name.
  /// An `Elected` badge may come anywhere above the votes. Any other count alone on its line (not a year)
  /// is a warning: a number no card takes is said, not dropped.
  bool card_line(const clean_line& l, const classified& c) {
    auto t = trim(std::string_view(l.text));
    if (card_ && last() && pending_.empty()) {  // (the lines below a card's votes)
      auto& e = last()->entries.back();
      // its share, and the change in it, maybe with their captions (`Share: 51.9%`, `Change: +3.1`)
      const auto shown = after_caption(t, "share");
      const auto share = read_percent(shown);
      auto changed = after_caption(t, "change");
      const bool signed_or_captioned = changed.size() < t.size() || (!changed.empty() && !is_digit(changed[0]));
      if (!changed.empty() && changed.back() == '%') changed.remove_suffix(1);
      const auto change = signed_or_captioned ? detail::read_change(changed) : std::nullopt;
      if (is_elected_word(t)) {
        e.elected_marker = true;
      } else if (share && !e.printed_percent) {
        set_share(e, *share, shown);
      } else if (change && e.printed_percent && !e.printed_change) {
        e.printed_change = change;  // (`+3.1` under `51.9%`: a signed figure, or one captioned)
      } else if (share) {  // (a second percentage: said, not taken for the next card's ward)
        diag(position(l, static_cast<std::size_t>(t.data() - l.text.data())), severity::warning, diag_code::unreadable_token,
             detail::cat({"expected a change in share with its sign (+3.1) under the card's share, saw '", t, "': not read"}));
      } else if (!is_not_elected_word(t)) {
        return false;
      }
      last()->end_line = l.line;
      return true;
    }
    if (is_elected_word(t)) {  // a card's `Elected` badge, above its votes (between its name and party, or below
      badge_ = true;           // both): the next count's; it heads nothing
      return true;
    }
    const auto& r = c.results;
    auto count = after_caption(t, "votes");  // (`1,160`, `1,160 votes` or `Votes: 1,160`)
    if (auto sp = count.rfind(' '); sp != std::string_view::npos && is_votes_word(count.substr(sp + 1)))
      count = trim(count.substr(0, sp));
    const bool captioned = count.size() < t.size() && !r.pieces.empty() && is_votes_word(without_colon(r.pieces[0].e.label));
    if (r.pieces.size() != 1 || !r.pieces[0].is_entry || !(r.pieces[0].e.label.empty() || captioned) || !read_number(count))
      return false;
    entry e = r.pieces[0].e;
    e.label.clear();
    e.elected_marker = std::exchange(badge_, false);
    if (!card_ && e.votes >= 1900 && e.votes <= 2099 && count.size() == 4) return false;  // a year heads what follows
    const std::size_t k = pending_.size();
    // among the cards already read, the two lines since the last are the next card's, its party one the registry
    // may not know (`Yorkshire Independents`), in the order the known ones were written
    const bool next = card_ && last_target_ == target::contest && last() && k == 2;
    auto card = [&](std::size_t party, std::size_t name) {
      return k >= 2 && (reg_.find(pending_[party].text) || (next && (party == k - 1) == party_below_)) &&
             looks_like_name(pending_[name].text);
    };
    std::size_t used = 2;
    if (const bool below = card(k - 1, k - 2); below || card(k - 2, k - 1)) {  // (the party below the name, or above)
      e.label = std::move(pending_[below ? k - 1 : k - 2].text);
      e.name = std::move(pending_[below ? k - 2 : k - 1].text);
      party_below_ = below;
    } else if (k >= 1 && names_a_candidate(pending_[k - 1].text, &reg_) && !reg_.find(pending_[k - 1].text)) {
      // (`Traditional Unionist Voice - TUV` is a party's name, with a count under it in a list of parties)
      e.label = std::move(pending_[k - 1].text);
      split_label(e);
      used = 1;
    } else {
      // a count with no card above it is said, not dropped (nor taken for the next contest's ward); it and the
      // lines above it head nothing
      diag(r.pieces[0].where, severity::warning, diag_code::unreadable_token,
           "expected a candidate's name and party on the lines above this count: not read");
      pending_.clear();
      return true;
    }
    const auto first = pending_[k - used].line;
    for (auto n = used; n > 0; --n) pending_.pop_back();
    ++council_rows_;
    if (!card_ || last_target_ != target::contest || !last() || !pending_.empty()) {
      start_contest(l, no_results_, 0, false);  // (its ward from the headings held above the card)
      last()->line = first;
      card_ = true;
    }
    last()->entries.push_back(std::move(e));
    last()->end_line = l.line;
    return true;
  }

  bool looks_like_candidate(const results_read& r) const {
    if (r.entries() != 1 || r.semicolons > 0) return false;
    return names_a_candidate(r.pieces.front().e.label, &reg_) || party_count(r, reg_) || spaced_candidate(r.pieces.front().e, reg_);
  }

  /// A contest from a row's pieces [from, end); its ward, names and area from the row's prefix (`with_prefix`).
  void start_contest(const clean_line& l, const classified& c, std::size_t from, bool with_prefix = true) {
    contest& ct = doc_.contests.emplace_back();  // built where it stays (nothing below adds a contest)
    if (!held_.empty() || held_outcome_) held_for_next(&ct, l.line);
    ct.line = l.line;
    ct.end_line = l.line;
    // views of the line (or of the headings held above it), read before anything is kept
    auto& fields = scratch_.texts;
    fields.clear();
    if (with_prefix)
      for (const auto& s : c.prefix)
        if (!s.text.empty()) fields.push_back(s.text);

    std::optional<std::string_view> area, ward, names;
    if (!c.tabbed && fields.size() == 1) {
      // `Fryerns (three seats) Eleanor Donne`: split at the seats marker, else before the last two words
      auto f = fields[0];
      auto close = f.find(')');
      if (close != std::string_view::npos && has_seats_marker(f.substr(0, close + 1))) {
        ward = f.substr(0, close + 1);
        auto rest = trim(f.substr(close + 1));
        if (!rest.empty()) names = rest;
      } else {
        std::size_t pos = 0, count = 0;
        const char* last = nullptr;
        const char* before_last = nullptr;
        for (auto w = detail::next_word(f, pos); !w.empty(); w = detail::next_word(f, pos), ++count) {
          before_last = last;
          last = w.data();
        }
        if (count >= 4) {
          auto cut = static_cast<std::size_t>(before_last - f.data());
          ward = trim(f.substr(0, cut));
          names = trim(f.substr(cut));
        } else {
          ward = f;
        }
      }
    } else if (fields.size() == 1) {
      ward = fields[0];
    } else if (fields.size() == 2) {
      ward = fields[0];
      names = fields[1];
    } else if (fields.size() >= 3) {
      area = fields[fields.size() - 3];
      ward = fields[fields.size() - 2];
      names = fields.back();
    }

    // the fields one to a line above the results: [area] [ward] [candidate] (taken off the held headings
    // only once read: the views point into them)
    std::size_t taken = 0;
    if (fields.empty()) {
      std::size_t k = pending_.size();
      if (k >= 2 && looks_like_name(pending_[k - 1].text) && !has_seats_marker(pending_[k - 1].text)) {
        names = pending_[k - 1].text;
        --k;
      }
      if (k > 0) {
        ward = pending_[k - 1].text;
        --k;
      }
      taken = pending_.size() - k;
    }
    if (area) ct.area = std::string(*area);
    if (ward) {
      auto w = take_seats(without_colon(*ward), ct.seats);  // (`Fryerns: Lab 1160; ...`)
      if (!w.empty()) ct.ward = std::move(w);
    }
    if (names) {
      for (std::size_t s = 0; s < names->size();) {
        auto e = names->find(';', s);
        if (e == std::string_view::npos) e = names->size();
        auto n = trim(names->substr(s, e - s));
        if (!n.empty()) ct.candidate_names.emplace_back(n);
        s = e + 1;
      }
    }
    pending_.resize(pending_.size() - taken);
    commit_headings();
    if (!area) ct.area = heading_;
    add_pieces(ct, c.results.pieces, from, c.results.pieces.size());
    last_target_ = target::contest;
    in_table_ = false;
  }

  void previous(const clean_line& l, const classified& c) {
    close_block();
    for (const auto& d : c.results.diags) doc_.diagnostics.push_back(d);
    if (!last() || last_target_ == target::none || !pending_.empty()) {
      diag({l.line, 1}, severity::warning, diag_code::orphan_total,
           "a previous result ('" + c.previous_heading + "') with no contest above it: ignored");
      return;
    }
    previous_result pr;
    pr.heading = c.previous_heading;
    pr.line = l.line;
    add_previous(pr, c.results.pieces);
    last()->previous = std::move(pr);
    last_target_ = target::previous;
    open_ = false;
  }

  void add_previous(previous_result& pr, const std::vector<piece>& ps) {
    for (const auto& p : ps) {
      if (p.is_entry) {
        pr.entries.push_back(p.e);
        if (!p.plain) split_label(pr.entries.back());
      } else {
        set_stated(pr.stated, p, "the previous total");
      }
    }
  }

  /// `Previous result` alone on a line: the rows below it are the previous result of the contest above.
  void previous_block(const clean_line& l, const classified& c) {
    close_block();
    if (!last() || last_target_ == target::none || !pending_.empty()) {  // nothing above: an ordinary heading
      pending_.push_back({std::string(trim(std::string_view(l.text))), l.line});
      return;
    }
    previous_result pr;
    pr.heading = take_seats(c.previous_heading, pr.seats);
    pr.line = l.line;
    last()->previous = std::move(pr);
    last_target_ = target::previous;
    prev_block_ = true;
    open_ = false;
    diag({l.line, 1}, severity::info, diag_code::read_as_previous,
         "the rows below '" + c.previous_heading + "' are read as the previous result of " + describe(*last()));
  }

  // -------------------------------------------------------------------------------------------------------
  // Wikipedia election boxes: `<TAB>Labour<TAB>Eleanor Donne<TAB>1,160<TAB>51.9<TAB>+3.2`, then
  // `Majority`, `Turnout`, `Rejected ballots`, `Registered electors` rows and `Labour hold<TAB>Swing<TAB>+2.1`.

  /// `<TAB>Labour<TAB>Priya Sandhu<TAB>15,505<TAB>32.2<TAB>−5.1`: a registered party, a name, a count and a share.
  bool box_row_without_header(const clean_line& l) {
    split_fields(l, scratch_.fields);
    std::size_t k = 0;
    while (k < scratch_.fields.size() && scratch_.fields[k].text.empty()) ++k;
    if (scratch_.fields.size() < k + 4) return false;
    const auto* f = &scratch_.fields[k];
    return reg_.find(f[0].text) && !f[1].text.empty() && !read_number(f[1].text) && read_number(f[2].text) &&
           detail::read_decimal(f[3].text);
  }

  /// Reads one row of a box; false when the line is not one (it is then read as any other line).
  bool wiki_row(const clean_line& l) {
    split_fields(l, scratch_.fields);
    std::vector<span> f;
    for (const auto& x : scratch_.fields)
      if (!x.text.empty()) f.push_back(x);
    if (f.empty()) return false;
    auto first = detail::lower(f[0].text);

    // `Labour hold`, `Reform UK gain from Conservative`, with the swing beside it
    bool outcome = !outcome_party(f[0].text).empty();
    if (outcome || first == "swing") {
      contest* ct = wiki_contest_ && !prev_block_ ? last() : nullptr;
      std::optional<double> swing;
      for (std::size_t k = 1; k + 1 < f.size(); ++k)
        if (detail::iequals(f[k].text, "swing")) swing = detail::read_change(f[k + 1].text);
      if (first == "swing" && f.size() >= 2) swing = detail::read_change(f[1].text);
      if (ct) {
        if (outcome) {
          ct->outcome = std::string(f[0].text);
          ct->outcome_at = position(l, f[0].offset);
        }
        if (swing) ct->printed_swing = swing;
        ct->end_line = l.line;
      }
      if (outcome) {
        wiki_contest_ = false;
        if (prev_block_) { prev_block_ = false; last_target_ = target::contest; }
      }
      return true;
    }

    // `Majority 20 0.1 −41.5`, `Turnout 42,192 56.1 −9.5`, `Registered electors 75,224`
    if (f.size() >= 2) {
      if (auto kind = stated_phrase(first)) {
        auto n = read_number(f[1].text);
        if (!n) return false;
        stated_totals* st = nullptr;
        if (prev_block_ && last() && last()->previous) st = &last()->previous->stated;
        else if (wiki_contest_ && last()) st = &last()->stated;
        if (!st) return false;
        piece p;
        p.is_entry = false;
        p.kind = *kind;
        p.value = n->value;
        p.where = position(l, f[1].offset);
        if (*kind == stated_kind::ballots && f.size() >= 3)
          if (auto v = detail::read_decimal(f[2].text)) set_percent(p, *v, f[2].text);
        set_stated(*st, p, "the total");
        if (wiki_contest_ && last()) last()->end_line = l.line;
        return true;
      }
    }

    // a candidate: party, candidate, votes[, %[, ±%]]; or party, votes[, %] (a list vote)
    std::size_t vi = std::string::npos;
    if (f.size() >= 3 && read_number(f[2].text)) vi = 2;
    else if (f.size() >= 2 && read_number(f[1].text)) vi = 1;
    if (vi == std::string::npos) {
      if (f.size() >= 3 && detail::iequals(f[2].text, "unopposed")) {
        diag(position(l, f[2].offset), severity::info, diag_code::uncontested,
             std::string(f[1].text) + " (" + std::string(f[0].text) + ") was returned unopposed: there are no votes to share");
        return true;
      }
      return false;
    }
    for (std::size_t k = 0; k < vi; ++k)  // a party and a name are words, not figures
      if (read_number(f[k].text) || detail::read_decimal(f[k].text)) return false;
    auto n = *read_number(f[vi].text);
    if (n.remarkable() && detail::say_count(n, f[vi].text, position(l, f[vi].offset), doc_.diagnostics)) return true;
    entry e;
    e.label = std::string(f[0].text);
    if (vi == 2) e.name = std::string(f[1].text);
    e.votes = n.value;
    e.where = position(l, f[0].offset);
    if (vi + 1 < f.size())
      if (auto v = detail::read_decimal(f[vi + 1].text)) set_share(e, *v, f[vi + 1].text);
    if (vi + 2 < f.size()) e.printed_change = detail::read_change(f[vi + 2].text);
    for (std::size_t k = vi + 1; k < f.size(); ++k)
      if (is_elected_word(f[k].text)) e.elected_marker = true;
    close_block();
    if (prev_block_ && last() && last()->previous) {
      last()->previous->entries.push_back(std::move(e));
      return true;
    }
    if (!wiki_contest_ || !last()) open_box(l);
    last()->entries.push_back(std::move(e));
    last()->end_line = l.line;
    ++wiki_rows_;
    return true;
  }

  /// A new contest for a box, named by its caption: `Fryerns (3 seats)`, `General election 2024: Basildon and Billericay[2]`.
  void open_box(const clean_line& l) {
    contest ct;
    ct.line = l.line;
    ct.end_line = l.line;
    std::optional<std::string> caption;
    if (!pending_.empty()) {
      caption = pending_.back().text;
      pending_.pop_back();
    }
    if (caption) {
      // citation marks: `[2]`, `[a]`, `[note 1]`
      std::string clean;
      for (std::size_t i = 0; i < caption->size(); ++i) {
        if ((*caption)[i] == '[') {
          auto close = caption->find(']', i);
          if (close != std::string::npos && close - i <= 12) { i = close; continue; }
        }
        clean += (*caption)[i];
      }
      std::string ward = std::string(trim(clean));
      auto colon = ward.find(": ");
      if (colon != std::string::npos && detail::lower(ward.substr(0, colon)).find("election") != std::string::npos) {
        ct.election = std::string(trim(std::string_view(ward).substr(0, colon)));
        ward = std::string(trim(std::string_view(ward).substr(colon + 2)));
      }
      auto w = take_seats(ward, ct.seats);
      if (!w.empty()) ct.ward = w;
    }
    // the area: the topmost heading above the box (a page title), not a section named like the ward
    std::vector<pending_line> above;
    for (auto& p : pending_)
      if (!ct.ward || !detail::iequals(p.text, *ct.ward)) above.push_back(std::move(p));
    pending_.clear();
    if (!above.empty()) heading_ = above.front().text;
    ct.area = heading_;
    if (!held_.empty() || held_outcome_) held_for_next(&ct, l.line);
    doc_.contests.push_back(std::move(ct));
    last_target_ = target::contest;
    wiki_contest_ = true;
    in_table_ = false;
    open_ = false;
    dangling_.reset();
  }

  /// Two boxes for the same place in different elections (`General election 2024: X` then `General election
  /// 2019: X`): the earlier is the later one's previous result.
  void pair_elections(bool include_last = true) {
    auto year = [](const std::optional<std::string>& s) -> int {
      if (!s) return 0;
      for (std::size_t i = 0; i + 4 <= s->size(); ++i) {
        auto y = std::string_view(*s).substr(i, 4);
        bool edge = (i == 0 || !is_digit((*s)[i - 1])) && (i + 4 == s->size() || !is_digit((*s)[i + 4]));
        if (edge && std::all_of(y.begin(), y.end(), is_digit) && (y[0] == '1' || y[0] == '2')) return small_number(y);
      }
      return 0;
    };
    auto& cs = doc_.contests;
    // only contests that name their election pair: most inputs have none, and nothing is moved
    if (std::none_of(cs.begin(), cs.end(), [](const contest& c) { return c.election.has_value(); })) return;
    std::vector<contest> kept;
    kept.reserve(cs.size());
    // the last contest may still be growing while the input is read in pieces: it is paired at the end
    std::size_t limit = include_last || cs.empty() ? cs.size() : cs.size() - 1;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (!kept.empty() && i < limit) {
        auto& a = kept.back();
        auto& b = cs[i];
        int ya = year(a.election), yb = year(b.election);
        if (a.ward && b.ward && *a.ward == *b.ward && ya && yb && ya != yb && !a.previous && !b.previous) {
          contest& later = ya > yb ? a : b;
          contest& earlier = ya > yb ? b : a;
          previous_result pr;
          pr.heading = *earlier.election;
          pr.entries = std::move(earlier.entries);
          pr.stated = earlier.stated;
          pr.seats = earlier.seats;
          pr.line = earlier.line;
          diag({earlier.line, 1}, severity::info, diag_code::read_as_previous,
               "'" + *earlier.election + ": " + *earlier.ward + "' is read as the previous result of '" + *later.election + "'");
          contest merged = std::move(later);
          merged.previous = std::move(pr);
          a = std::move(merged);
          continue;
        }
      }
      kept.push_back(std::move(cs[i]));
    }
    cs = std::move(kept);
  }

  void add_quote(const classified& c) {
    close_block();
    commit_headings();
    quote q;
    q.heading = heading_.value_or("");
    auto& fields = scratch_.texts;  // views of the line, copied only where kept
    fields.clear();
    for (const auto& s : c.prefix)
      if (!s.text.empty()) fields.push_back(s.text);
    if (!fields.empty() && std::all_of(fields[0].begin(), fields[0].end(), is_digit) && fields[0].size() <= 6) {
      q.rank = small_number(fields[0]);
      fields.erase(fields.begin());
    }
    if (fields.size() >= 3) {
      q.area = std::string(fields[0]);
      q.ward = std::string(fields[1]);
      q.name = std::string(fields[2]);
    } else if (fields.size() == 2) {
      q.area = std::string(fields[0]);
      q.ward = std::string(fields[1]);
    } else if (fields.size() == 1) {
      q.ward = std::string(fields[0]);
    }
    for (const auto& p : c.results.pieces) {
      if (!p.is_entry) continue;
      q.votes.push_back(p.e.votes);
      if (!q.printed_percent && p.e.printed_percent) q.printed_percent = p.e.printed_percent;
      q.elected_marker = q.elected_marker || p.e.elected_marker;
      if (!p.e.label.empty() && !q.name && !p.after_amp) q.name = p.e.label;
    }
    q.where = c.results.pieces.front().where;
    doc_.quotes.push_back(std::move(q));
  }

  /// A count with no label is the row's own candidate when it carries the printed share or no other result
  /// does (`Keith Morrell<TAB>1,595 (46.9%) ; Lab 958`); otherwise it is reported.
  void resolve_unlabelled(contest& ct) {
    bool any_percent = std::any_of(ct.entries.begin(), ct.entries.end(), [](const entry& e) { return e.printed_percent.has_value(); });
    bool used_name = false;
    for (auto& e : ct.entries) {
      if (!e.label.empty() || e.name) continue;
      if (!used_name && ct.candidate_names.size() == 1 && (e.printed_percent || !any_percent)) {
        e.name = ct.candidate_names.front();
        used_name = true;
        continue;
      }
      diag(e.where, severity::warning, diag_code::unlabelled_count,
           "expected a party label before " + detail::num(e.votes) + " in " + describe(ct) +
               ": counted as an unlabelled candidate");
    }
  }
};

}  // namespace

std::string_view to_string(input_format f) noexcept {
  switch (f) {
    case input_format::automatic: return "auto";
    case input_format::text: return "text";
    case input_format::wikipedia: return "wikipedia";
    case input_format::csv: return "csv";
    case input_format::json: return "json";
  }
  return "auto";
}

std::optional<input_format> parse_format(std::string_view text) noexcept {
  for (auto f : {input_format::automatic, input_format::text, input_format::wikipedia, input_format::csv, input_format::json})
    if (text == to_string(f)) return f;
  if (text == "automatic" || text.empty()) return input_format::automatic;
  return std::nullopt;
}

namespace {

/// Where a CSV header starts: the first line that is not blank, or one of the next few under a title
/// (`Results for Fryerns`, then `Candidate,Party,Votes`, as a spreadsheet is saved with its title row); npos when
/// none of them is one.
std::size_t csv_header_at(std::string_view text) {
  std::size_t i = 0;
  for (int lines = 0; lines < 6 && i < text.size(); ++lines) {
    while (i < text.size() && is_space(text[i])) ++i;
    auto nl = std::min(text.find('\n', i), text.size());
    if (detail::looks_like_csv_header(text.substr(i, nl - i))) return i;
    i = nl;
  }
  return std::string_view::npos;
}

}  // namespace

input_format detect_format(std::string_view text) noexcept {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i == text.size()) return input_format::text;
  if (text[i] == '{') return input_format::json;
  if (text[i] == '[') {  // a JSON array of contests, not a footnote mark like `[1]`
    std::size_t j = i + 1;
    while (j < text.size() && is_space(text[j])) ++j;
    if (j < text.size() && (text[j] == '{' || text[j] == ']')) return input_format::json;
  }
  return csv_header_at(text) != std::string_view::npos ? input_format::csv : input_format::text;
}

// ---------------------------------------------------------------------------------------------------------
// The line cache

struct line_cache::impl {
  static constexpr std::size_t longest = 4096;     // bytes: longer lines are read each time
  static constexpr std::size_t most_lines = 16384;
  static constexpr std::size_t most_bytes = 2u << 20;  // of lines kept: 30 times the 2024 report

  // open addressing by the line's hash (each entry stays where it was made: `cleaned` views its `raw`)
  std::vector<std::unique_ptr<remembered_line>> table;
  std::size_t count = 0;
  std::size_t bytes = 0;   // the lines' own length
  std::size_t met = 0;     // lines met in this reading
  std::size_t reused = 0;  // of which kept from an earlier reading
  const party_registry* reg = nullptr;
  std::uint32_t reading = 0;
  std::size_t contests = 0;  // how many the last reading made: the next makes room for as many at once

  /// A reading begins: a different registry classifies differently, so what was kept is dropped.
  void begin(const party_registry& r) {
    if (reg != &r) {
      table.clear();
      count = bytes = 0;
      reg = &r;
    }
    ++reading;
    met = reused = 0;
  }

  /// The entry for `raw`, met on line `line_no`: found, or made (not yet cleaned); null when not kept.
  remembered_line* meet(std::string_view raw, std::uint32_t line_no) {
    if (raw.size() > longest) return nullptr;
    if (2 * (count + 1) > table.size() && count < most_lines) rebuild(false);
    auto h = detail::hash_bytes(raw);
    auto mask = table.size() - 1;
    auto at = h & mask;
    for (; table[at]; at = (at + 1) & mask) {
      auto& m = *table[at];
      // (memcmp, not same_bytes: lines are long, and its byte loop was a tenth of a cached reading, callgrind)
      if (m.hash != h || m.raw.size() != raw.size() || std::memcmp(m.raw.data(), raw.data(), raw.size()) != 0) continue;
      if (m.reading != reading) ++met, ++reused;  // (a line met twice in one reading, a blank one, counts once)
      m.reading = reading;
      m.cleaned.line = line_no;
      return &m;
    }
    if (count >= most_lines || bytes + raw.size() > most_bytes) return nullptr;
    auto& m = table[at];
    m = std::make_unique<remembered_line>();
    m->raw.assign(raw.data(), raw.size());
    m->hash = h;
    m->reading = reading;
    ++count;
    ++met;
    bytes += raw.size();
    return m.get();
  }

  /// The reading ends: lines it did not meet are forgotten.
  void end() {
    if (met < count) rebuild(true);
  }

 private:
  /// The table again, twice as large as its lines (`forget`: only the lines this reading met).
  void rebuild(bool forget) {
    auto old = std::move(table);
    std::size_t keep = forget ? met : count + 1;
    std::size_t size = 64;
    while (size < 2 * keep) size *= 2;
    table.clear();
    table.resize(size);
    count = bytes = 0;
    for (auto& m : old) {
      if (!m || (forget && m->reading != reading)) continue;
      auto at = m->hash & (size - 1);
      while (table[at]) at = (at + 1) & (size - 1);
      bytes += m->raw.size();
      table[at] = std::move(m);
      ++count;
    }
  }
};

line_cache::line_cache() : impl_(std::make_unique<impl>()) {}
line_cache::~line_cache() = default;
std::size_t line_cache::size() const noexcept { return impl_->count; }
std::size_t line_cache::reused() const noexcept { return impl_->reused; }

// ---------------------------------------------------------------------------------------------------------
// Reading in pieces

namespace {

/// The contests of `doc` beyond the limit (`taken` handed over before it) dropped, with an error where the first
/// of them starts.
void limit_contests(document& doc, std::size_t max_contests, std::size_t taken = 0) {
  const std::size_t keep = max_contests - std::min(taken, max_contests);
  if (!max_contests || doc.contests.size() <= keep) return;
  const std::uint32_t from = doc.contests[keep].line;
  doc.contests.resize(keep);
  doc.diagnostics.push_back({{from, 1}, severity::error, diag_code::input_too_large,
                             "more than " + group_thousands(static_cast<std::int64_t>(max_contests)) +
                                 " contests: the rest, from line " + detail::num(from) + " on, are not read (the command line reads any number)"});
}

}  // namespace

struct stream_reader::impl {
  impl(const parse_options& o, line_cache::impl* cache)
      : options(o), reg(o.registry ? *o.registry : party_registry::builtin()), a(doc, reg, o.format == input_format::wikipedia),
        cache(cache) {
    doc.format = o.format == input_format::wikipedia ? input_format::wikipedia : input_format::text;
    if (cache) {
      cache->begin(reg);
      doc.contests.reserve(cache->contests);
    }
  }
  parse_options options;
  const party_registry& reg;
  document doc;
  assembler a;
  line_cache::impl* cache;
  std::string partial;  // a line not yet ended
  std::uint32_t line_no = 0;
  bool started = false;
  std::size_t taken = 0;  // contests handed over by take() so far
  bool stopped = false;   // more than options.max_contests contests: no further line is read

  clean_line cleaned;    // reused for every line

  void line(std::string_view raw) {
    if (stopped) return;
    ++line_no;
    auto* memo = cache ? cache->meet(raw, line_no) : nullptr;
    auto* l = &cleaned;
    if (memo) {  // the cache's copy of the line, cleaned the first time it is met
      l = &memo->cleaned;
      raw = memo->raw;
    }
    if (!memo || memo->cleaned.line == 0) clean(raw, line_no, *l);
    a.line(*l, memo);
    stopped = options.max_contests && taken + doc.contests.size() > options.max_contests;
  }
};

stream_reader::stream_reader(const parse_options& options)
    : impl_(std::make_unique<impl>(options, options.cache ? options.cache->impl_.get() : nullptr)) {}
stream_reader::~stream_reader() = default;

void stream_reader::feed(std::string_view text) {
  auto& s = *impl_;
  if (!s.started) {  // a byte-order mark is dropped
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (s.partial.size() + text.size() < bom.size()) { s.partial.append(text.data(), text.size()); return; }
    s.started = true;
    if (!s.partial.empty()) {  // the first bytes came in pieces too small to tell: join them (a rare copy)
      std::string first = s.partial + std::string(text);
      s.partial.clear();
      if (first.compare(0, bom.size(), bom) == 0) first.erase(0, bom.size());
      feed(first);
      return;
    }
    if (text.compare(0, bom.size(), bom) == 0) text.remove_prefix(bom.size());
  }
  std::size_t start = 0;
  while (true) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) break;
    if (!s.partial.empty()) {
      s.partial.append(text.data() + start, nl - start);
      s.line(s.partial);
      s.partial.clear();
    } else {
      s.line(text.substr(start, nl - start));
    }
    start = nl + 1;
  }
  s.partial.append(text.data() + start, text.size() - start);
}

document stream_reader::take(bool end) {
  auto& s = *impl_;
  document out;
  out.format = s.doc.format;
  if (end) {
    s.line(s.partial);  // the last line, ended or not (an empty one changes nothing)
    s.partial.clear();
    s.a.finish();
    // (take() hands over all but the last contest or two: those it handed over are within the limit)
    if (s.stopped) limit_contests(s.doc, s.options.max_contests, s.taken);
    if (s.cache) {
      s.cache->end();
      s.cache->contests = s.doc.contests.size();
    }
    out.contests = std::move(s.doc.contests);
    out.shape = s.doc.shape;
  } else {
    // every contest but the last is finished (later lines only ever add to the last), except one that names an
    // election: the next box may be its previous result
    s.a.pair();
    auto& cs = s.doc.contests;
    std::size_t keep = cs.empty() ? 0 : 1;
    if (cs.size() >= 2 && cs[cs.size() - 2].election) keep = 2;
    if (cs.size() > keep) {
      auto split = cs.end() - static_cast<std::ptrdiff_t>(keep);
      for (auto it = cs.begin(); it != split; ++it) s.a.settle(*it);
      out.contests.assign(std::make_move_iterator(cs.begin()), std::make_move_iterator(split));
      cs.erase(cs.begin(), split);
      s.taken += out.contests.size();
    }
  }
  s.doc.contests.shrink_to_fit();
  out.quotes = std::move(s.doc.quotes);
  s.doc.quotes.clear();
  out.diagnostics = std::move(s.doc.diagnostics);
  s.doc.diagnostics.clear();
  detail::sort_by_position(out.diagnostics);
  return out;
}

document parse(std::string_view text, const parse_options& options) {
  document doc;
  if (text.size() > options.max_bytes) {
    doc.diagnostics.push_back({{1, 1}, severity::error, diag_code::input_too_large,
                               "the input is " + detail::num(text.size()) + " bytes; the limit is " +
                                   detail::num(options.max_bytes) + ": nothing was read"});
    return doc;
  }
  auto fmt = options.format == input_format::automatic ? detect_format(text) : options.format;
  if (fmt != input_format::csv && fmt != input_format::json) {
    // the text reader: the whole input as one piece, so parse() and the CLI's streaming read alike
    parse_options o = options;
    o.format = fmt;
    stream_reader reader(o);
#if WARDSHARE_ROOM_AHEAD
    // contests are found one by one, and a vector grown by doubling moves every contest each time it grows: for a
    // large input that was half the reading, and twice the memory touched. An input of 256 KB or more has its
    // first sixteenth (at least 64 KB, to a line's end) read first, which says how densely its contests come:
    // room for the rest is made at once, an eighth over. A guess too low grows as before; too high, the room is
    // memory never touched (and max_contests caps it).
    if (auto cut = text.find('\n', std::max<std::size_t>(64 * 1024, text.size() / 16)) + 1;
        text.size() >= 256 * 1024 && cut > 0 && cut < text.size()) {
      reader.feed(text.substr(0, cut));
      auto& cs = reader.impl_->doc.contests;
      auto want = cs.size() * text.size() / cut * 9 / 8;
      if (o.max_contests) want = std::min(want, o.max_contests + 1);
      if (want > cs.capacity()) cs.reserve(want);
      text.remove_prefix(cut);
    }
#endif
    reader.feed(text);
    return reader.take(true);
  }
  doc.format = fmt;
  std::size_t start = 0;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // byte-order mark
#if WARDSHARE_DATA_READERS
  if (fmt == input_format::csv) {
    // a title above the header (`Results for Fryerns`) names the contest when no column does; a figure there
    // (`Electorate: 9,012`) is the contest's when the file has one, and said when it is not read
    std::string_view title;
    struct figure { std::string_view text; source_position at; std::optional<stated_kind> kind; std::int64_t value; };
    std::vector<figure> figures;
    if (auto at = csv_header_at(text.substr(start)); at != std::string_view::npos) {
      std::uint32_t line = 1;
      for (std::size_t i = start; i < start + at; ++line) {
        auto nl = std::min(text.find('\n', i), start + at);
        auto t = trim(text.substr(i, nl - i));
        i = nl + 1;
        if (t.empty() || is_date(t)) continue;
        if (figure_at(t) == std::string_view::npos) {  // (a date's numbers are a title's: `Fryerns, 2nd May 2024`)
          title = heading_name(t);
          continue;
        }
        // `Electorate: 9,012`, `Ballot papers issued 2,250`
        auto last = t.substr(t.find_last_of(' ') + 1);
        auto n = read_number(last);
        auto kind = n && !n->too_large && last.size() < t.size() ? stated_phrase(trim(t.substr(0, t.size() - last.size())))
                                                                  : std::nullopt;
        if (kind == stated_kind::majority || kind == stated_kind::turnout) kind.reset();
        figures.push_back({t, {line, 1}, kind, kind ? n->value : 0});
      }
      start += at;
    }
    detail::read_csv(text, start, doc, title);
    for (const auto& f : figures) {
      std::optional<std::int64_t>* slot = nullptr;
      if (f.kind && doc.contests.size() == 1) {
        auto& st = doc.contests.front().stated;
        slot = &stated_slot(st, *f.kind);
        if (!*slot) {
          *slot = f.value;
          if (f.kind == stated_kind::total) st.total_at = f.at;
          continue;
        }
      }
      doc.diagnostics.push_back({f.at, severity::warning, diag_code::unreadable_token,
                                 detail::cat({"expected a title above the CSV's header, saw '", f.text.substr(0, 60),
                                              slot ? "': the contest has its own figure, not read" : "': not read"})});
    }
  } else {
    detail::read_json(text, start, doc);
  }
#else
  (void)start;
  const std::string_view name = fmt == input_format::csv ? "CSV" : "JSON";
  doc.shape = fmt == input_format::csv ? "csv" : "json";
  doc.diagnostics.push_back({{1, 1}, severity::error, diag_code::reader_unavailable,
                             detail::cat({name, " input is read by a second module, which the page loads when it sees ", name})});
#endif
  limit_contests(doc, options.max_contests);
  detail::sort_by_position(doc.diagnostics);
  return doc;
}

}  // namespace wardshare
