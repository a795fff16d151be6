// core/src/output.cpp - the JSON document, report-style lines, text tables and CSV.
#include "wardshare/output.hpp"

#include <nlohmann/json.hpp>

namespace wardshare {

using ojson = nlohmann::ordered_json;

std::string group_thousands(std::int64_t n) {
  bool negative = n < 0;
  auto digits = std::to_string(negative ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string format_tenths(int tenths) {
  bool negative = tenths < 0;
  if (negative) tenths = -tenths;
  return (negative ? "-" : "") + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

namespace {

ojson opt(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }
ojson opt(const std::optional<std::int64_t>& n) { return n ? ojson(*n) : ojson(nullptr); }
ojson opt(const std::optional<double>& n) { return n ? ojson(*n) : ojson(nullptr); }

ojson method_value(const contest_result& c, const party_result& p) {
  if (c.method == share_method::average) return p.value;
  return static_cast<std::int64_t>(p.value);
}

ojson stated_json(const contest_result& c) {
  ojson s;
  s["total"] = opt(c.stated.total);
  ojson shares = ojson::array();
  for (const auto& [label, percent] : c.stated_shares) {
    // the candidate's votes, for reading the figure back
    std::int64_t votes = 0;
    if (c.source)
      for (std::size_t k = 0; k < c.source->entries.size(); ++k)
        if (c.source->entries[k].printed_percent && *c.source->entries[k].printed_percent == percent &&
            (c.candidates[k].label == label || c.candidates[k].group == label)) {
          votes = c.candidates[k].votes;
          break;
        }
    shares.push_back({{"label", label}, {"votes", votes}, {"percent", percent}});
  }
  s["shares"] = shares;
  s["ballots"] = opt(c.stated.ballots);
  s["electorate"] = opt(c.stated.electorate);
  s["rejected"] = opt(c.stated.rejected);
  s["majority"] = opt(c.stated.majority);
  s["turnout_percent"] = opt(c.stated.turnout_percent);
  return s;
}

ojson contest_json(const contest_result& c) {
  ojson j;
  j["area"] = opt(c.area);
  j["ward"] = opt(c.ward);
  j["seats"] = c.seats;
  j["seats_from"] = c.seats_from;
  j["method"] = std::string(to_string(c.method));
  j["requested_method"] = std::string(to_string(c.requested));
  j["line"] = c.line;
  j["end_line"] = c.end_line;
  if (c.method == share_method::average) j["denominator"] = c.denominator;
  else j["denominator"] = static_cast<std::int64_t>(c.denominator);
  j["all_votes"] = c.all_votes;
  j["sum_of_highest"] = c.sum_of_highest;
  j["focus"] = opt(c.focus);
  j["report_line"] = report_line(c);
  ojson cands = ojson::array();
  for (const auto& x : c.candidates) {
    cands.push_back({{"name", opt(x.name)}, {"label", x.label}, {"party", opt(x.party)}, {"group", x.group},
                     {"votes", x.votes}, {"elected", x.elected}, {"line", x.where.line}, {"column", x.where.column}});
  }
  j["candidates"] = cands;
  ojson parties = ojson::array();
  for (const auto& p : c.parties) {
    parties.push_back({{"label", p.label}, {"group", p.group}, {"party", opt(p.party)}, {"colour", p.colour.empty() ? ojson(nullptr) : ojson(p.colour)},
                       {"candidates", p.candidates}, {"votes", method_value(c, p)}, {"highest", p.highest},
                       {"total", p.total}, {"share", p.share}, {"rounded", format_tenths(p.share_tenths)},
                       {"seats_won", p.seats_won}, {"printed_percent", opt(p.printed_percent)}});
  }
  j["parties"] = parties;
  j["stated"] = stated_json(c);
  j["turnout_percent"] = opt(c.turnout_percent);
  ojson checks = ojson::array();
  for (const auto& k : c.checks)
    checks.push_back({{"code", k.code}, {"label", opt(k.label)}, {"message", k.message}, {"line", k.where.line}, {"column", k.where.column}});
  j["checks"] = checks;
  if (c.source && c.source->previous) {
    const auto& pr = *c.source->previous;
    ojson prev;
    prev["heading"] = pr.heading;
    prev["line"] = pr.line;
    ojson entries = ojson::array();
    for (const auto& e : pr.entries)
      entries.push_back({{"label", e.label}, {"name", opt(e.name)}, {"votes", e.votes}, {"percent", opt(e.printed_percent)}});
    prev["candidates"] = entries;
    prev["total"] = opt(pr.stated.total);
    j["previous"] = prev;
  }
  return j;
}

ojson summary_json(const summary& s) {
  ojson j;
  j["focus"] = s.focus;
  j["threshold"] = s.threshold;
  j["contests"] = s.contests;
  j["candidates"] = s.candidates;
  j["areas"] = s.areas;
  j["votes"] = s.votes;
  j["mean_share"] = s.mean_share;
  j["at_or_above"] = s.at_or_above;
  ojson league = ojson::array();
  for (const auto& l : s.league)
    league.push_back({{"rank", l.rank}, {"area", opt(l.row.area)}, {"ward", opt(l.row.ward)}, {"votes", l.row.votes},
                      {"share", l.row.share}, {"rounded", format_tenths(l.row.share_tenths)}, {"line", l.row.line}});
  j["league"] = league;
  ojson by_area = ojson::array();
  for (const auto& a : s.by_area)
    by_area.push_back({{"area", a.area}, {"contests", a.contests}, {"candidates", a.candidates}, {"votes", a.votes}, {"mean_share", a.mean_share}});
  j["by_area"] = by_area;
  ojson audit = ojson::array();
  for (const auto& a : s.audit)
    audit.push_back({{"line", a.line}, {"area", opt(a.area)}, {"ward", opt(a.ward)}, {"code", a.code}, {"message", a.message}});
  j["audit"] = audit;
  return j;
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

std::string csv_field(const std::string& s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string::npos || (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'));
  if (!quote) return s;
  std::string out = "\"";
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) out += '\'';  // no formulas in spreadsheets
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string report_line(const contest_result& c) {
  std::string s;
  for (std::size_t k = 0; k < c.candidates.size(); ++k) {
    const auto& x = c.candidates[k];
    if (!s.empty()) s += "; ";
    s += x.label + " " + group_thousands(x.votes);
    if (c.focus && x.group == *c.focus) {
      // the focus party's best candidate carries the share, as the report prints it
      bool best = true;
      for (const auto& y : c.candidates)
        if (y.group == x.group && (y.votes > x.votes || (y.votes == x.votes && &y < &x))) best = false;
      if (best)
        for (const auto& p : c.parties)
          if (p.group == x.group) s += " (" + format_tenths(p.share_tenths) + "%)";
    }
  }
  if (c.method == share_method::ballots) s += " Ballots " + group_thousands(static_cast<std::int64_t>(c.denominator));
  else if (c.method == share_method::top || c.method == share_method::total)
    s += " Votes cast " + group_thousands(static_cast<std::int64_t>(c.denominator));
  return s;
}

std::string to_json(const result& r, const summary* s, int indent) {
  ojson doc;
  ojson contests = ojson::array();
  for (const auto& c : r.contests) contests.push_back(contest_json(c));
  doc["contests"] = contests;
  ojson diags = ojson::array();
  for (const auto& d : r.diagnostics)
    diags.push_back({{"line", d.where.line}, {"column", d.where.column}, {"severity", std::string(to_string(d.level))},
                     {"code", std::string(to_string(d.code))}, {"message", d.message}});
  doc["diagnostics"] = diags;
  doc["focus"] = opt(r.document_focus);
  if (s) doc["summary"] = summary_json(*s);
  return doc.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_text(const result& r) {
  std::string out;
  for (const auto& c : r.contests) {
    std::string title;
    if (c.area) title += *c.area;
    if (c.ward) title += (title.empty() ? "" : " - ") + *c.ward;
    if (title.empty()) title = "Contest";
    title += " (" + std::to_string(c.seats) + (c.seats == 1 ? " seat" : " seats") + ")";
    out += title + "  [line " + std::to_string(c.line) + ", method " + std::string(to_string(c.method)) + "]\n";
    out += "  " + pad("Party", 22, false) + pad("Cands", 6, true) + pad("Votes", 10, true) + pad("Share", 8, true) +
           pad("Seats", 7, true) + "\n";
    for (const auto& p : c.parties) {
      std::string mark = c.focus && *c.focus == p.group ? "*" : " ";
      std::string votes = c.method == share_method::average ? format_tenths(static_cast<int>(p.value * 10 + 0.5))
                                                            : group_thousands(static_cast<std::int64_t>(p.value));
      out += mark + " " + pad(p.label, 22, false) + pad(std::to_string(p.candidates), 6, true) + pad(votes, 10, true) +
             pad(format_tenths(p.share_tenths) + "%", 8, true) + pad(std::to_string(p.seats_won), 7, true) + "\n";
    }
    std::string elected;
    for (const auto& x : c.candidates)
      if (x.elected) elected += (elected.empty() ? "" : ", ") + (x.name ? *x.name + " (" + x.label + ")" : x.label + " " + group_thousands(x.votes));
    if (!elected.empty()) out += "  Elected: " + elected + "\n";
    out += "  " + report_line(c) + "\n";
    for (const auto& k : c.checks) out += "  ! " + k.code + ": " + k.message + "\n";
    out += "\n";
  }
  for (const auto& d : r.diagnostics)
    out += "line " + std::to_string(d.where.line) + ", column " + std::to_string(d.where.column) + ": " +
           std::string(to_string(d.level)) + ": " + d.message + " [" + std::string(to_string(d.code)) + "]\n";
  return out;
}

std::string to_csv(const result& r) {
  std::string out = "line,area,ward,seats,method,label,party,candidates,votes,share,rounded,seats_won,focus,checks\n";
  for (const auto& c : r.contests) {
    for (const auto& p : c.parties) {
      int checks = 0;
      for (const auto& k : c.checks)
        if (k.label && (*k.label == p.label || *k.label == p.group)) ++checks;
      out += std::to_string(c.line) + "," + csv_field(c.area.value_or("")) + "," + csv_field(c.ward.value_or("")) + "," +
             std::to_string(c.seats) + "," + std::string(to_string(c.method)) + "," + csv_field(p.label) + "," +
             csv_field(p.party.value_or("")) + "," + std::to_string(p.candidates) + "," +
             (c.method == share_method::average ? std::to_string(p.value) : std::to_string(static_cast<std::int64_t>(p.value))) + "," +
             std::to_string(p.share) + "," + format_tenths(p.share_tenths) + "," + std::to_string(p.seats_won) + "," +
             (c.focus && *c.focus == p.group ? "yes" : "no") + "," + std::to_string(checks) + "\n";
    }
  }
  return out;
}

}  // namespace wardshare
