// core/src/output.cpp - the JSON document, report-style lines, text tables and CSV.
#include "wardshare/output.hpp"

#include <cmath>

#include "json_writer.hpp"
#include "text.hpp"

namespace wardshare {

detail::short_text detail::grouped(std::int64_t n) noexcept {
  // written backwards: no temporaries (this runs for every figure in every report line)
  short_text t;
  auto u = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  int digits = 0;
  do {
    if (digits && digits % 3 == 0) t.buf[--t.from] = ',';
    t.buf[--t.from] = static_cast<char>('0' + u % 10);
    u /= 10;
    ++digits;
  } while (u);
  if (n < 0) t.buf[--t.from] = '-';
  return t;
}

detail::short_text detail::fixed(int value, int decimals, bool percent, bool plus) noexcept {
  short_text t;
  if (percent) t.buf[--t.from] = '%';
  auto u = value < 0 ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
  for (int k = 0; k < decimals; ++k, u /= 10) t.buf[--t.from] = static_cast<char>('0' + u % 10);
  if (decimals > 0) t.buf[--t.from] = '.';
  do {
    t.buf[--t.from] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  if (value < 0) t.buf[--t.from] = '-';
  else if (plus && value > 0) t.buf[--t.from] = '+';
  return t;
}

std::string group_thousands(std::int64_t n) { return std::string(detail::grouped(n)); }

std::string format_fixed(int value, int decimals) { return std::string(detail::fixed(value, decimals)); }

std::string format_tenths(int tenths) { return format_fixed(tenths, 1); }

namespace {

using detail::json_writer;

std::string signed_tenths(int t) { return (t > 0 ? "+" : "") + format_tenths(t); }

void method_value(json_writer& w, const contest_result& c, const party_result& p) {
  if (c.method == share_method::average) w.value(p.value);
  else w.value(static_cast<std::int64_t>(p.value));
}

void write_stated(json_writer& w, const contest_result& c) {
  w.begin_object();
  w.field("total", c.stated.total);
  w.key("shares");
  w.begin_array();
  if (c.source)
    for (std::size_t k = 0; k < c.source->entries.size() && k < c.candidates.size(); ++k) {
      const auto& e = c.source->entries[k];
      if (!e.printed_percent) continue;
      w.begin_object();
      w.field("label", c.candidates[k].label);
      w.field("votes", c.candidates[k].votes);
      w.field("percent", *e.printed_percent);
      w.end_object();
    }
  w.end_array();
  w.field("ballots", c.stated.ballots);
  w.field("electorate", c.stated.electorate);
  w.field("rejected", c.stated.rejected);
  w.field("majority", c.stated.majority);
  w.field("turnout_percent", c.stated.turnout_percent);
  w.end_object();
}

void write_contest(json_writer& w, const contest_result& c, bool full) {
  w.begin_object();
  w.field("area", c.area);
  w.field("ward", c.ward);
  w.field("seats", c.seats);
  w.field("seats_from", c.seats_from);
  w.field("method", to_string(c.method));
  w.field("requested_method", to_string(c.requested));
  w.field("line", c.line);
  if (full) {
    w.field("end_line", c.end_line);
    w.key("denominator");
    if (c.method == share_method::average) w.value(c.denominator);
    else w.value(static_cast<std::int64_t>(c.denominator));
    w.field("all_votes", c.all_votes);
    w.field("sum_of_highest", c.sum_of_highest);
  }
  w.field("focus", c.focus);
  w.field("report_line", report_line(c));
  w.key("candidates");
  w.begin_array();
  for (const auto& x : c.candidates) {
    w.begin_object();
    w.field("name", x.name);
    w.field("label", x.label);
    if (full) w.field("party", x.party);
    w.field("group", x.group);
    w.field("votes", x.votes);
    w.field("elected", x.elected);
    if (full) {
      w.field("line", x.where.line);
      w.field("column", x.where.column);
    }
    w.end_object();
  }
  w.end_array();
  w.key("parties");
  w.begin_array();
  for (const auto& p : c.parties) {
    w.begin_object();
    w.field("label", p.label);
    w.field("group", p.group);
    w.field("party", p.party);
    w.key("colour");
    if (p.colour.empty()) w.null(); else w.value(p.colour);
    w.field("candidates", p.candidates);
    w.key("votes");
    method_value(w, c, p);
    if (full) {
      w.field("highest", p.highest);
      w.field("total", p.total);
    }
    w.field("share", p.share);
    w.field("rounded", format_tenths(p.share_tenths));
    w.field("seats_won", p.seats_won);
    if (full) w.field("printed_percent", p.printed_percent);
    if (c.previous) {  // present only when the contest has a previous result
      if (full) w.field("previous_share", p.previous_share);
      w.field("change", p.change);
      w.key("change_rounded");
      if (p.change_tenths) w.value(signed_tenths(*p.change_tenths)); else w.null();
    }
    w.end_object();
  }
  w.end_array();
  if (full) {
    w.key("stated");
    write_stated(w, c);
  }
  w.field("turnout_percent", c.turnout_percent);
  w.key("checks");
  w.begin_array();
  for (const auto& k : c.checks) {
    w.begin_object();
    w.field("code", k.code);
    w.field("label", k.label);
    w.field("message", k.message);
    w.field("line", k.where.line);
    w.field("column", k.where.column);
    w.end_object();
  }
  w.end_array();
  if (c.source) {
    w.field("election", c.source->election);
    w.field("outcome", c.source->outcome);
    if (full) w.field("printed_swing", c.source->printed_swing);
  }
  if (c.source && c.source->previous) {
    const auto& pr = *c.source->previous;
    w.key("previous");
    w.begin_object();
    w.field("heading", pr.heading);
    w.field("line", pr.line);
    w.key("candidates");
    w.begin_array();
    for (const auto& e : pr.entries) {
      w.begin_object();
      w.field("label", e.label);
      w.field("name", e.name);
      w.field("votes", e.votes);
      w.field("percent", e.printed_percent);
      w.end_object();
    }
    w.end_array();
    w.field("total", pr.stated.total);
    if (c.previous) {
      w.field("method", to_string(c.previous->method));
      w.field("seats", c.previous->seats);
      w.key("parties");
      w.begin_array();
      for (const auto& p : c.previous->parties) {
        w.begin_object();
        w.field("label", p.label);
        w.field("group", p.group);
        w.field("share", p.share);
        w.field("rounded", format_tenths(p.share_tenths));
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  if (c.swing) {
    w.key("swing");
    w.begin_object();
    w.field("from", c.swing->from);
    w.field("to", c.swing->to);
    w.field("points", c.swing->points);
    w.field("rounded", format_tenths(c.swing->tenths));
    w.end_object();
  }
  w.end_object();
}

void write_summary(json_writer& w, const summary& s, bool full) {
  w.begin_object();
  w.field("focus", s.focus);
  w.field("threshold", s.threshold);
  w.field("shares_from", s.shares_from == share_source::printed ? "printed" : "computed");
  w.field("contests", s.contests);
  w.field("candidates", s.candidates);
  w.field("areas", s.areas);
  w.field("votes", s.votes);
  w.field("mean_share", s.mean_share);
  w.field("at_or_above", s.at_or_above);
  w.key("league");
  w.begin_array();
  for (const auto& l : s.league) {
    w.begin_object();
    w.field("rank", l.rank);
    w.field("area", l.row.area);
    w.field("ward", l.row.ward);
    w.field("votes", l.row.votes);
    w.field("share", l.row.share);
    w.field("rounded", format_tenths(l.row.share_tenths));
    w.field("seats", l.row.seats);
    w.field("won", l.row.won);
    w.field("line", l.row.line);
    w.end_object();
  }
  w.end_array();
  w.key("by_area");
  w.begin_array();
  for (const auto& a : s.by_area) {
    w.begin_object();
    w.field("area", a.area);
    w.field("contests", a.contests);
    w.field("candidates", a.candidates);
    w.field("votes", a.votes);
    w.field("mean_share", a.mean_share);
    w.end_object();
  }
  w.end_array();
  w.key("per_contest");
  w.begin_array();
  for (const auto& f : s.per_contest) {
    w.begin_object();
    if (!full) {  // the page draws the chart of shares from these three
      w.field("ward", f.ward);
      w.field("share", f.share);
      w.field("rounded", format_tenths(f.share_tenths));
      w.end_object();
      continue;
    }
    w.field("area", f.area);
    w.field("ward", f.ward);
    w.field("seats", f.seats);
    w.field("candidates", f.candidates);
    w.field("votes", f.votes);
    w.field("all_votes", f.all_votes);
    w.field("share", f.share);
    w.field("rounded", format_tenths(f.share_tenths));
    w.field("computed_share", f.computed_share);
    w.field("printed_percent", f.printed_percent);
    w.field("position", f.position);
    w.field("won", f.won);
    w.field("line", f.line);
    w.end_object();
  }
  w.end_array();
  w.key("audit");
  w.begin_array();
  for (const auto& a : s.audit) {
    w.begin_object();
    w.field("line", a.line);
    w.field("area", a.area);
    w.field("ward", a.ward);
    w.field("code", a.code);
    w.field("message", a.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

std::string pad(std::string s, std::size_t width, bool right) {
  // width in code points, so `Sinn Féin` lines up
  std::size_t cps = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++cps;
  if (cps >= width) return s;
  std::string fill(width - cps, ' ');
  return right ? fill + s : s + fill;
}

// appends a CSV field, quoted when it holds a separator, a quote or a line break, and never read as a formula
// (a loop, not find_first_of: that calls memchr over the four separators for every byte)
void put_csv_field(std::string& out, std::string_view s) {
  const bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
  bool quote = formula;
  for (char c : s) quote |= c == ',' || c == '"' || c == '\n' || c == '\r';
  if (!quote) {
    out += s;
    return;
  }
  out += '"';
  if (formula) out += '\'';  // no formulas in spreadsheets
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string report_line(const contest_result& c) {
  std::string s;
  // the focus party's best candidate (the first with its most votes) carries the share, as the report prints it
  // (found once, not by a scan for each candidate: a long list made that quadratic)
  const party_result* focus = nullptr;
  std::size_t best = c.candidates.size();
  if (c.focus) {
    for (const auto& p : c.parties)
      if (p.group == *c.focus) focus = &p;
    for (std::size_t k = 0; k < c.candidates.size(); ++k)
      if (c.candidates[k].group == *c.focus && (best == c.candidates.size() || c.candidates[k].votes > c.candidates[best].votes))
        best = k;
  }
  for (std::size_t k = 0; k < c.candidates.size(); ++k) {
    const auto& x = c.candidates[k];
    if (!s.empty()) s += "; ";
    // the party's short label, as reports print it (`Lab`, not `The Labour Party Candidate`): a registered party's
    // group is its label (compute.cpp), so no lookup
    std::string_view label = x.label;
    if (x.party && x.group.size() < label.size()) label = x.group;
    s += label;
    s += ' ';
    s += group_thousands(x.votes);
    if (k == best && focus) {
      s += " (";
      s += format_tenths(focus->share_tenths);
      s += "%)";
    }
  }
  if (c.method == share_method::ballots) s += " Ballots " + group_thousands(static_cast<std::int64_t>(c.denominator));
  else if (c.method == share_method::top || c.method == share_method::total)
    s += " Votes cast " + group_thousands(static_cast<std::int64_t>(c.denominator));
  return s;
}

namespace {

using sink_fn = void (*)(std::string_view, void*);

/// The document into `w`; with a sink, handed to it as it goes (after each contest and diagnostic).
void write_document(json_writer& w, const result& r, const summary* s, json_detail detail, sink_fn sink = nullptr,
                    void* context = nullptr) {
  bool full = detail == json_detail::full;
  w.begin_object();
  w.field("format", to_string(r.format));
  w.field("shape", r.shape);
  w.key("contests");
  w.begin_array();
  for (const auto& c : r.contests) {
    write_contest(w, c, full);
    if (sink) w.flush(sink, context);
  }
  w.end_array();
  w.key("diagnostics");
  w.begin_array();
  for (const auto& d : r.diagnostics) {
    w.begin_object();
    w.field("line", d.where.line);
    w.field("column", d.where.column);
    w.field("severity", to_string(d.level));
    w.field("code", to_string(d.code));
    w.field("message", d.message);
    w.end_object();
    if (sink) w.flush(sink, context);
  }
  w.end_array();
  w.field("focus", r.document_focus);
  if (s) {
    w.key("summary");
    write_summary(w, *s, full);
  }
  w.end_object();
}

}  // namespace

std::string to_json(const result& r, const summary* s, int indent, json_detail detail) {
  json_writer w(indent);
  w.reserve(4096 + r.contests.size() * (indent < 0 ? 2600 : 5200));  // one allocation for a typical contest
  write_document(w, r, s, detail);
  return w.take();
}

void write_json(const result& r, const summary* s, int indent, json_detail detail,
                void (*sink)(std::string_view text, void* context), void* context) {
  json_writer w(indent);
  w.reserve(80 * 1024);
  write_document(w, r, s, detail, sink, context);
  auto rest = w.take();
  if (!rest.empty()) sink(rest, context);
}

std::string to_text(const result& r) {
  std::string out;
  for (const auto& c : r.contests) {
    std::string title;
    if (c.area) title += *c.area;
    if (c.ward) {
      if (!title.empty()) title += " - ";
      title += *c.ward;
    }
    if (title.empty()) title = "Contest";
    title += " (" + detail::num(c.seats) + (c.seats == 1 ? " seat" : " seats") + ")";
    out += title + "  [line " + detail::num(c.line) + ", method " + std::string(to_string(c.method)) + "]\n";
    out += "  " + pad("Party", 22, false) + pad("Cands", 6, true) + pad("Votes", 10, true) + pad("Share", 8, true) +
           pad("Seats", 7, true) + (c.previous ? pad("Change", 8, true) : std::string()) + "\n";
    for (const auto& p : c.parties) {
      std::string mark = c.focus && *c.focus == p.group ? "*" : " ";
      std::string votes = group_thousands(static_cast<std::int64_t>(p.value));
      if (c.method == share_method::average) {  // a mean, to one decimal (values up to 10^15: int64 tenths)
        auto tenths = std::llround(p.value * 10);
        votes = group_thousands(tenths / 10) + "." + detail::num(tenths % 10);
      }
      out += mark + " " + pad(p.label, 22, false) + pad(detail::num(p.candidates), 6, true) + pad(votes, 10, true) +
             pad(format_tenths(p.share_tenths) + "%", 8, true) + pad(detail::num(p.seats_won), 7, true) +
             (c.previous ? pad(p.change_tenths ? signed_tenths(*p.change_tenths) : "new", 8, true) : std::string()) + "\n";
    }
    if (c.previous) out += "  Change since " + (c.previous->heading.empty() ? std::string("the previous result") : c.previous->heading) + "\n";
    if (c.swing)
      out += "  Swing " + format_tenths(c.swing->tenths) + " points from " + c.swing->from + " to " + c.swing->to + " (Butler)\n";
    if (c.source && c.source->outcome) out += "  Outcome as printed: " + *c.source->outcome + "\n";
    std::string elected;
    for (const auto& x : c.candidates) {
      if (!x.elected) continue;
      if (!elected.empty()) elected += ", ";
      if (x.name) elected += detail::cat({*x.name, " (", x.label, ")"});
      else elected += detail::cat({x.label, " ", group_thousands(x.votes)});
    }
    if (!elected.empty()) out += "  Elected: " + elected + "\n";
    out += "  " + report_line(c) + "\n";
    for (const auto& k : c.checks) out += "  ! " + k.code + ": " + k.message + "\n";
    out += "\n";
  }
  for (const auto& d : r.diagnostics)
    out += "line " + detail::num(d.where.line) + ", column " + detail::num(d.where.column) + ": " +
           std::string(to_string(d.level)) + ": " + d.message + " [" + std::string(to_string(d.code)) + "]\n";
  return out;
}

std::string to_csv(const result& r) {
  std::string out = "line,area,ward,seats,method,label,party,candidates,votes,share,rounded,seats_won,focus,checks,change\n";
  detail::name_index by_label;  // a contest's checks counted by label (not a scan for each party: a list of
  std::vector<std::size_t> count;  // thousands of labels and checks made that quadratic)
  for (const auto& c : r.contests) {
    by_label.clear();
    count.clear();
    for (const auto& k : c.checks)
      if (k.label) {
        const auto i = by_label.add(*k.label);
        if (i == count.size()) count.push_back(0);
        count[i] += 1;
      }
    auto checks_on = [&](const std::string& label) {
      if (count.empty()) return std::size_t{0};
      const auto n = by_label.size(), i = by_label.add(label);  // (a label with no checks is added, counted 0)
      if (i == count.size()) count.push_back(0);
      return i < n ? count[i] : std::size_t{0};
    };
    for (const auto& p : c.parties) {
      // the checks on its label or its group
      const std::size_t checks = checks_on(p.label) + (p.group != p.label ? checks_on(p.group) : 0);
      out += detail::num(c.line);
      out += ',';
      put_csv_field(out, c.area.value_or(""));
      out += ',';
      put_csv_field(out, c.ward.value_or(""));
      out += ',';
      out += detail::num(c.seats);
      out += ',';
      out += to_string(c.method);
      out += ',';
      put_csv_field(out, p.label);
      out += ',';
      put_csv_field(out, p.party.value_or(""));
      out += ',';
      out += detail::num(p.candidates);
      out += ',';
      out += c.method == share_method::average ? detail::format_double(p.value) : detail::num(static_cast<std::int64_t>(p.value));
      out += ',';
      out += detail::format_double(p.share);
      out += ',';
      out += format_tenths(p.share_tenths);
      out += ',';
      out += detail::num(p.seats_won);
      out += c.focus && *c.focus == p.group ? ",yes," : ",no,";
      out += detail::num(checks);
      out += ',';
      if (p.change_tenths) out += signed_tenths(*p.change_tenths);
      out += '\n';
    }
  }
  return out;
}

}  // namespace wardshare
