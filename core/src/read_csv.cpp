// core/src/read_csv.cpp - CSV with a header row (Democracy Club's results export, spreadsheets saved as CSV):
// one candidate a row, grouped into contests by a ballot or ward column.
#include <algorithm>
#include <string>
#include <vector>

#include "numbers.hpp"
#include "readers.hpp"
#include "text.hpp"

namespace wardshare::detail {
namespace {

enum class column {
  unknown, ignored, name, surname, forenames, party, votes, ballot, ward, area, elected, seats,
  percent, electorate, turnout, turnout_percent, rejected, total, change,
};

/// A header's text as the tables below spell it: spaces, hyphens and points as `_`, lower case (`Votes cast`,
/// `votes_cast`, `VOTES-CAST` are one).
std::string header_key(std::string_view header) {
  std::string h;
  for (char c : trim(header)) h += (c == ' ' || c == '-' || c == '.') ? '_' : to_lower(c);
  return h;
}

using column_names = std::pair<std::string_view, column>;

/// The columns that say a first line is a header (votes, who, and what groups the rows into contests): all that
/// recognising CSV needs, and all of the table the page's module keeps (the rest is the second module's).
constexpr column_names header_columns[] = {
    {"person_name", column::name}, {"name", column::name}, {"candidate", column::name},
    {"candidate_name", column::name}, {"person", column::name}, {"candidate_s_name", column::name},
    {"surname", column::surname}, {"last_name", column::surname}, {"family_name", column::surname},
    {"party_name", column::party}, {"party", column::party}, {"description", column::party},
    {"party_description", column::party}, {"label", column::party}, {"party_label", column::party},
    {"votes_cast", column::votes}, {"votes", column::votes}, {"vote", column::votes}, {"num_ballots", column::votes},
    {"candidate_votes", column::votes}, {"number_of_votes", column::votes},
    {"ballot_paper_id", column::ballot}, {"ballot_id", column::ballot}, {"ballot", column::ballot},
    {"contest", column::ballot}, {"post_id", column::ballot},
    {"post_label", column::ward}, {"ward", column::ward}, {"ward_name", column::ward}, {"division", column::ward},
    {"constituency", column::ward}, {"constituency_name", column::ward}, {"electoral_division", column::ward},
    {"post", column::ward}, {"seat", column::ward},
};

/// The other columns read.
constexpr column_names other_columns[] = {
    {"forenames", column::forenames}, {"forename", column::forenames}, {"first_name", column::forenames},
    {"given_name", column::forenames},
    {"council", column::area}, {"organisation", column::area}, {"organisation_name", column::area},
    {"local_authority", column::area}, {"authority", column::area}, {"area", column::area}, {"region", column::area},
    {"elected", column::elected}, {"is_winner", column::elected}, {"winner", column::elected},
    {"seats_contested", column::seats}, {"winner_count", column::seats}, {"seats", column::seats},
    {"vacancies", column::seats},
    {"%", column::percent}, {"percent", column::percent}, {"percentage", column::percent}, {"share", column::percent},
    {"vote_share", column::percent}, {"votes_%", column::percent},
    {"electorate", column::electorate}, {"registered_electors", column::electorate},
    {"turnout", column::turnout}, {"ballot_papers_issued", column::turnout}, {"ballots_issued", column::turnout},
    {"turnout_%", column::turnout_percent}, {"turnout_percentage", column::turnout_percent},
    {"turnout_percent", column::turnout_percent},
    {"rejected", column::rejected}, {"rejected_ballots", column::rejected}, {"spoilt_ballots", column::rejected},
    {"total_rejected_ballots", column::rejected}, {"ballot_papers_rejected", column::rejected},
    {"total_valid_votes", column::total}, {"valid_votes", column::total}, {"total_votes", column::total},
    {"change", column::change}, {"\xC2\xB1%", column::change}, {"+/_%", column::change}, {"+/_", column::change},
    // Democracy Club columns that say nothing about the votes
    {"person_id", column::ignored}, {"party_id", column::ignored}, {"election_id", column::ignored},
    {"election_date", column::ignored}, {"election_current", column::ignored}, {"cancelled_poll", column::ignored},
    {"party_lists_in_use", column::ignored}, {"party_list_position", column::ignored}, {"gss", column::ignored},
    {"post_gss", column::ignored}, {"date", column::ignored}, {"year", column::ignored}, {"source", column::ignored},
    {"id", column::ignored}, {"rank", column::ignored}, {"position", column::ignored},
};

template <std::size_t N>
column look_up(const std::string& key, const column_names (&names)[N]) {
  for (const auto& [n, k] : names)
    if (key == n) return k;
  return column::unknown;
}

/// What a header names (docs/formats.md lists them).
column column_kind(std::string_view header) {
  const auto key = header_key(header);
  const auto k = look_up(key, header_columns);
  return k != column::unknown ? k : look_up(key, other_columns);
}

struct field {
  std::string text;
  source_position at;
};

/// RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks.
class csv_scanner {
 public:
  csv_scanner(std::string_view text, std::size_t start, char delimiter, document& doc)
      : t_(text), i_(start), delim_(delimiter), doc_(&doc),
        line_(1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n'))) {}

  bool done() const { return i_ >= t_.size(); }

  void skip_blank_lines() {
    while (i_ < t_.size() && is_space(t_[i_])) advance();
  }

  std::vector<field> record() {
    std::vector<field> out;
    while (true) {
      field f;
      f.at = {line_, column_};
      bool quoted = false;
      // leading spaces before an opening quote: `a, "b, c"`
      std::size_t k = i_;
      while (k < t_.size() && t_[k] == ' ') ++k;
      if (k < t_.size() && t_[k] == '"') {
        while (i_ < k) advance();
        quoted = true;
        source_position open = {line_, column_};
        advance();
        bool closed = false;
        while (i_ < t_.size()) {
          char c = t_[i_];
          if (c == '"') {
            if (i_ + 1 < t_.size() && t_[i_ + 1] == '"') { f.text += '"'; advance(); advance(); continue; }
            advance();
            closed = true;
            break;
          }
          f.text += c;
          advance();
        }
        if (!closed)
          doc_->diagnostics.push_back({open, severity::error, diag_code::syntax_error,
                                      "expected a closing '\"' for the quote opened here, saw the end of the input"});
        std::size_t after = i_;
        while (i_ < t_.size() && t_[i_] != delim_ && t_[i_] != '\n' && t_[i_] != '\r') { f.text += t_[i_]; advance(); }
        if (closed && !trim(std::string_view(t_).substr(after, i_ - after)).empty())
          doc_->diagnostics.push_back({{f.at.line, f.at.column}, severity::warning, diag_code::syntax_error,
                                      "expected " + std::string(delim_ == '\t' ? "a tab" : delim_ == ';' ? "';'" : "','") + " after a closing quote, saw '" + std::string(t_.substr(after, std::min<std::size_t>(i_ - after, 20))) +
                                          "': kept as part of the field"});
      } else {
        while (i_ < t_.size() && t_[i_] != delim_ && t_[i_] != '\n' && t_[i_] != '\r') { f.text += t_[i_]; advance(); }
      }
      if (!quoted) f.text = std::string(trim(f.text));
      out.push_back(std::move(f));
      if (i_ < t_.size() && t_[i_] == delim_) { advance(); continue; }
      // end of record: \n, \r\n or the end
      if (i_ < t_.size() && t_[i_] == '\r') advance();
      if (i_ < t_.size() && t_[i_] == '\n') advance();
      return out;
    }
  }

  std::uint32_t line() const { return line_; }

 private:
  void advance() {
    char c = t_[i_++];
    if (c == '\n') { ++line_; column_ = 1; }
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column_;
  }

  std::string_view t_;
  std::size_t i_;
  char delim_;
  document* doc_;
  std::uint32_t line_ = 1, column_ = 1;
};

char delimiter_of(std::string_view header_line) {
  if (header_line.find('\t') != std::string_view::npos) return '\t';  // (a spreadsheet's rows pasted: tab-separated)
  bool in_quote = false;
  int commas = 0, semicolons = 0;
  for (char c : header_line) {
    if (c == '"') in_quote = !in_quote;
    else if (!in_quote && c == ',') ++commas;
    else if (!in_quote && c == ';') ++semicolons;
  }
  return commas == 0 && semicolons > 0 ? ';' : ',';
}

/// `local.basildon.fryerns.2024-05-02` -> area `Basildon`, ward `Fryerns`; `parl.basildon-and-billericay.2024-07-04`
/// -> ward `Basildon and Billericay`.
void names_from_ballot(std::string_view id, std::optional<std::string>& area, std::optional<std::string>& ward) {
  std::vector<std::string_view> parts;
  for (std::size_t s = 0; s <= id.size();) {
    auto e = id.find('.', s);
    if (e == std::string_view::npos) e = id.size();
    parts.push_back(id.substr(s, e - s));
    s = e + 1;
  }
  if (parts.size() < 3 || parts.back().size() != 10 || !is_digit(parts.back().front())) return;
  auto pretty = [](std::string_view slug) {
    std::string out;
    bool start = true;
    std::size_t word_start = 0;
    for (std::size_t i = 0; i <= slug.size(); ++i) {
      if (i == slug.size() || slug[i] == '-') {
        auto w = slug.substr(word_start, i - word_start);
        if (!out.empty()) out += ' ';
        bool small = w == "and" || w == "of" || w == "the" || w == "upon" || w == "on" || w == "in" || w == "with";
        std::string word(w);
        if (!word.empty() && (start || !small)) word[0] = static_cast<char>(word[0] >= 'a' && word[0] <= 'z' ? word[0] - 32 : word[0]);
        out += word;
        start = false;
        word_start = i + 1;
      }
    }
    return out;
  };
  if (!ward) ward = pretty(parts[parts.size() - 2]);
  if (!area && parts.size() >= 4) area = pretty(parts[1]);
}

}  // namespace

bool looks_like_csv_header(std::string_view line) noexcept {
  // (a header with tabs is a spreadsheet's rows pasted only with a ward or ballot column to group them: a council
  // page's `Candidate<TAB>Party<TAB>Votes` and a Wikipedia box's header are the text reader's, under their heading)
  const bool tabbed = line.find('\t') != std::string_view::npos;
  char delim = delimiter_of(line);
  bool votes = false, who = false, grouped = false;
  int fields = 0;
  bool in_quote = false;
  std::string cell;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') { in_quote = !in_quote; continue; }
    if (i == line.size() || (!in_quote && line[i] == delim)) {
      auto k = look_up(header_key(cell), header_columns);  // (not column_kind: the rest of its table stays out of the page's module)
      votes = votes || k == column::votes;
      who = who || k == column::name || k == column::party || k == column::surname;
      grouped = grouped || k == column::ward || k == column::ballot;
      ++fields;
      cell.clear();
      continue;
    }
    if (cell.size() < 64) cell += line[i];
  }
  return fields >= 2 && votes && who && (grouped || !tabbed);
}

void read_csv(std::string_view text, std::size_t start, document& doc, std::string_view title) {
  doc.shape = "none";
  auto nl = text.find('\n', start);
  char delim = delimiter_of(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
  csv_scanner scan(text, start, delim, doc);
  scan.skip_blank_lines();
  auto header = scan.record();
  std::vector<column> cols;
  for (const auto& h : header) {
    auto k = column_kind(h.text);
    if (k == column::unknown && !h.text.empty())
      doc.diagnostics.push_back({h.at, severity::info, diag_code::unknown_field,
                                 "column '" + h.text + "' is not one wardshare reads (docs/formats.md): ignored"});
    cols.push_back(k);
  }
  auto find = [&](column k) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < cols.size(); ++i)
      if (cols[i] == k) return i;
    return std::nullopt;
  };
  auto votes_col = find(column::votes);
  if (!votes_col) {
    // the reader was chosen by hand for headerless rows: `Name, Party, Votes`
    if (header.size() == 3 && read_number(header[2].text)) {
      cols.clear();  // (pushed, not assigned from a list: one instantiation fewer in the wasm build)
      for (column k : {column::name, column::party, column::votes}) cols.push_back(k);
      votes_col = 2;
      scan = csv_scanner(text, start, delim, doc);
      scan.skip_blank_lines();
    } else if (header.size() == 2 && read_number(header[1].text)) {
      cols.clear();
      for (column k : {column::party, column::votes}) cols.push_back(k);
      votes_col = 1;
      scan = csv_scanner(text, start, delim, doc);
      scan.skip_blank_lines();
    } else {
      doc.diagnostics.push_back({header.empty() ? source_position{1, 1} : header.front().at, severity::error, diag_code::missing_column,
                                 "expected a header naming a votes column (votes, votes_cast), saw none: nothing was read"});
      return;
    }
  }
  detail::name_index by_key;  // the contests' keys, numbered in order: key k is contest first + k
  const std::size_t first = doc.contests.size();
  int rows = 0;
  while (!scan.done()) {
    auto rec = scan.record();
    bool blank = true;
    for (const auto& f : rec) blank = blank && f.text.empty();
    if (blank) continue;
    if (rec.size() != cols.size())
      doc.diagnostics.push_back({rec.front().at, severity::warning, diag_code::syntax_error,
                                 "expected " + detail::num(cols.size()) + " fields as in the header, saw " +
                                     detail::num(rec.size()) + ": read by position"});
    auto get = [&](column k) -> const field* {
      for (std::size_t i = 0; i < cols.size() && i < rec.size(); ++i)
        if (cols[i] == k && !rec[i].text.empty()) return &rec[i];
      return nullptr;
    };
    auto header_name = [&](column k) {
      auto i = find(k);
      return i && *i < header.size() ? header[*i].text : std::string("votes");
    };

    // which contest: the ballot id, else the area and ward, else one contest for the file
    std::string key;
    if (auto b = get(column::ballot)) key = b->text;
    else {
      if (auto a = get(column::area)) key = a->text;
      key += '\x1f';
      if (auto w = get(column::ward)) key += w->text;
    }
    const auto k = first + by_key.add(key);
    if (k == doc.contests.size()) {
      contest ct;
      ct.line = rec.front().at.line;
      if (auto a = get(column::area)) ct.area = a->text;
      if (auto w = get(column::ward)) ct.ward = w->text;
      if (auto b = get(column::ballot)) names_from_ballot(b->text, ct.area, ct.ward);
      if (!ct.ward && !find(column::ward) && !find(column::ballot) && !title.empty()) ct.ward = std::string(title);
      doc.contests.push_back(std::move(ct));
    }
    auto& ct = doc.contests[k];
    ct.end_line = scan.line();

    // contest-wide figures, repeated on every row of the contest
    auto stated = [&](column k, std::optional<std::int64_t>& slot, const char* what) {
      auto f = get(k);
      if (!f) return;
      auto n = read_number(f->text);
      if (!n || n->too_large) {
        doc.diagnostics.push_back({f->at, severity::warning, diag_code::bad_value,
                                   std::string("expected a number for ") + what + ", saw '" + f->text + "': ignored"});
        return;
      }
      if (slot && *slot != n->value) {
        doc.diagnostics.push_back({f->at, severity::warning, diag_code::duplicate_total,
                                   std::string("a second figure for ") + what + ": " + detail::num(n->value) +
                                       " (kept the first, " + detail::num(*slot) + ")"});
        return;
      }
      if (!slot && k == column::total) ct.stated.total_at = f->at;
      slot = n->value;
    };
    stated(column::electorate, ct.stated.electorate, "the electorate");
    stated(column::rejected, ct.stated.rejected, "rejected ballots");
    stated(column::total, ct.stated.total, "the total");
    if (auto f = get(column::turnout)) {
      if (f->text.find('%') != std::string::npos || f->text.find('.') != std::string::npos) {
        if (auto p = read_decimal(f->text)) {
          ct.stated.turnout_percent = p;
          ct.stated.turnout_decimals = decimals_in(f->text);
        }
      } else {
        stated(column::turnout, ct.stated.ballots, "the turnout");
      }
    }
    if (auto f = get(column::turnout_percent))
      if (auto p = read_decimal(f->text)) {
        ct.stated.turnout_percent = p;
        ct.stated.turnout_decimals = decimals_in(f->text);
      }
    if (auto f = get(column::seats)) {
      auto n = read_number(f->text);
      if (n && n->value >= 1 && n->value <= 100) {
        if (!ct.seats) ct.seats = static_cast<int>(n->value);
      } else {
        doc.diagnostics.push_back({f->at, severity::warning, diag_code::bad_value,
                                   "expected a number of seats from 1 to 100, saw '" + f->text + "': ignored"});
      }
    }

    // the candidate
    entry e;
    e.where = rec.front().at;
    if (auto p = get(column::party)) e.label = p->text;
    if (auto n = get(column::name)) e.name = n->text;
    else {
      std::string joined;
      if (auto fn = get(column::forenames)) joined = fn->text;
      if (auto sn = get(column::surname)) joined += (joined.empty() ? "" : " ") + sn->text;
      if (!joined.empty()) e.name = joined;
    }
    std::string who = e.name ? *e.name : (e.label.empty() ? "the candidate" : e.label);
    if (auto cut = who.find_first_of("\r\n"); cut != std::string::npos) who = who.substr(0, cut) + "…";
    who = clip(who, 40);
    const field* v = *votes_col < rec.size() ? &rec[*votes_col] : nullptr;
    if (!v || v->text.empty()) {
      doc.diagnostics.push_back({v ? v->at : rec.back().at, severity::warning, diag_code::bad_value,
                                 "expected a vote count for " + who + " in column '" + header_name(column::votes) +
                                     "', saw nothing: candidate skipped"});
      continue;
    }
    auto n = read_number(v->text);
    if (!n) {
      doc.diagnostics.push_back({v->at, severity::warning, diag_code::bad_value,
                                 "expected a vote count for " + who + ", saw '" + v->text + "': candidate skipped"});
      continue;
    }
    if (say_count(*n, v->text, v->at, doc.diagnostics)) continue;
    e.votes = n->value;
    if (auto f = get(column::elected)) e.elected_marker = is_yes(f->text) || iequals(f->text, "t");
    if (auto f = get(column::percent)) {
      e.printed_percent = read_decimal(f->text);
      e.percent_decimals = decimals_in(f->text);
    }
    if (auto f = get(column::change)) e.printed_change = read_change(f->text);
    ct.entries.push_back(std::move(e));
    ++rows;
  }
  if (rows > 0) doc.shape = "csv";
  // a ballot with no readable candidate is not a contest
  std::vector<contest> kept;
  for (auto& c : doc.contests)
    if (!c.entries.empty()) kept.push_back(std::move(c));
  doc.contests = std::move(kept);
}

}  // namespace wardshare::detail
