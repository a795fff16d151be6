// core/src/read_json.cpp - wardshare's JSON input (docs/formats.md): a small parser that keeps every value's
// line and column, so a wrong key or value is reported where it is, then a mapping onto contests.
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "numbers.hpp"
#include "readers.hpp"
#include "text.hpp"

namespace wardshare::detail {
namespace {

struct jvalue {
  enum class kind : std::uint8_t { null, boolean, number, string, array, object };
  kind k = kind::null;
  bool b = false;
  double number = 0;
  bool integral = false;  // written without a fraction or exponent, and fits in int64
  std::int64_t integer = 0;
  std::string text;       // a string's value, or a number as written
  std::vector<jvalue> items;
  std::vector<std::pair<std::string, jvalue>> members;
  source_position at, end;
};

/// Recursive descent over RFC 8259 JSON, nested at most `max_depth` deep. On the first error it records a
/// diagnostic and stops; what was read before the error is kept.
class json_parser {
 public:
  json_parser(std::string_view text, std::size_t start, document& doc) : t_(text), i_(start), doc_(doc) {}

  bool parse(jvalue& root) {
    space();
    if (!value(root, 0)) return false;
    space();
    if (i_ < t_.size()) return fail("the end of the input after the JSON value");
    return true;
  }

 private:
  static constexpr int max_depth = 64;

  bool fail(const std::string& expected) {
    std::string saw = i_ >= t_.size() ? "the end of the input" : "'" + std::string(t_.substr(i_, utf8_length(i_))) + "'";
    doc_.diagnostics.push_back({{line_, column_}, severity::error, diag_code::syntax_error,
                                "expected " + expected + ", saw " + saw + ": the JSON stops here"});
    return false;
  }

  std::size_t utf8_length(std::size_t at) const {
    std::size_t n = 1;
    while (at + n < t_.size() && (static_cast<unsigned char>(t_[at + n]) & 0xC0) == 0x80 && n < 4) ++n;
    return n;
  }

  void advance() {
    char c = t_[i_++];
    if (c == '\n') { ++line_; column_ = 1; }
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column_;
  }

  void space() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) advance();
  }

  bool literal(std::string_view word) {
    if (t_.compare(i_, word.size(), word) != 0) return fail("a JSON value");
    for (std::size_t k = 0; k < word.size(); ++k) advance();
    return true;
  }

  bool value(jvalue& v, int depth) {
    v.at = {line_, column_};
    if (i_ >= t_.size()) return fail("a JSON value");
    char c = t_[i_];
    bool ok = true;
    if (c == '{' || c == '[') {
      if (depth >= max_depth) return fail("at most " + std::to_string(max_depth) + " levels of nesting");
      ok = c == '{' ? object(v, depth) : array(v, depth);
    } else if (c == '"') {
      v.k = jvalue::kind::string;
      ok = string(v.text);
    } else if (c == 't') {
      v.k = jvalue::kind::boolean;
      v.b = true;
      ok = literal("true");
    } else if (c == 'f') {
      v.k = jvalue::kind::boolean;
      ok = literal("false");
    } else if (c == 'n') {
      ok = literal("null");
    } else if (c == '-' || is_digit(c)) {
      ok = number(v);
    } else {
      return fail("a JSON value");
    }
    v.end = {line_, column_};
    return ok;
  }

  bool object(jvalue& v, int depth) {
    v.k = jvalue::kind::object;
    advance();
    space();
    if (i_ < t_.size() && t_[i_] == '}') { advance(); return true; }
    while (true) {
      space();
      if (i_ >= t_.size() || t_[i_] != '"') return fail("a key in double quotes");
      std::string key;
      if (!string(key)) return false;
      space();
      if (i_ >= t_.size() || t_[i_] != ':') return fail("':' after the key \"" + key + "\"");
      advance();
      space();
      v.members.emplace_back(std::move(key), jvalue{});
      if (!value(v.members.back().second, depth + 1)) return false;
      space();
      if (i_ < t_.size() && t_[i_] == ',') { advance(); continue; }
      if (i_ < t_.size() && t_[i_] == '}') { advance(); return true; }
      return fail("',' or '}'");
    }
  }

  bool array(jvalue& v, int depth) {
    v.k = jvalue::kind::array;
    advance();
    space();
    if (i_ < t_.size() && t_[i_] == ']') { advance(); return true; }
    while (true) {
      space();
      v.items.emplace_back();
      if (!value(v.items.back(), depth + 1)) return false;
      space();
      if (i_ < t_.size() && t_[i_] == ',') { advance(); continue; }
      if (i_ < t_.size() && t_[i_] == ']') { advance(); return true; }
      return fail("',' or ']'");
    }
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(std::uint32_t& cp) {
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      if (i_ >= t_.size()) return fail("four hex digits after \\u");
      char c = t_[i_];
      int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) return fail("four hex digits after \\u");
      cp = cp * 16 + static_cast<std::uint32_t>(d);
      advance();
    }
    return true;
  }

  bool string(std::string& out) {
    advance();  // the opening quote
    while (true) {
      if (i_ >= t_.size()) return fail("a closing '\"'");
      char c = t_[i_];
      if (c == '"') { advance(); return true; }
      if (static_cast<unsigned char>(c) < 0x20) return fail("a closing '\"' (a line break must be written \\n)");
      if (c != '\\') { out += c; advance(); continue; }
      advance();
      if (i_ >= t_.size()) return fail("an escape after '\\'");
      char e = t_[i_];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          advance();
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && t_.compare(i_, 2, "\\u") == 0) {
            advance();
            advance();
            std::uint32_t low = 0;
            if (!hex4(low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            else { append_utf8(out, 0xFFFD); cp = low; }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate
          append_utf8(out, cp);
          continue;
        }
        default: return fail("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u");
      }
      advance();
    }
  }

  bool number(jvalue& v) {
    v.k = jvalue::kind::number;
    std::size_t from = i_;
    if (t_[i_] == '-') advance();
    if (i_ >= t_.size() || !is_digit(t_[i_])) return fail("a digit");
    if (t_[i_] == '0') advance();
    else while (i_ < t_.size() && is_digit(t_[i_])) advance();
    bool integral = true;
    if (i_ < t_.size() && t_[i_] == '.') {
      integral = false;
      advance();
      if (i_ >= t_.size() || !is_digit(t_[i_])) return fail("a digit after '.'");
      while (i_ < t_.size() && is_digit(t_[i_])) advance();
    }
    if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      integral = false;
      advance();
      if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) advance();
      if (i_ >= t_.size() || !is_digit(t_[i_])) return fail("a digit in the exponent");
      while (i_ < t_.size() && is_digit(t_[i_])) advance();
    }
    v.text = std::string(t_.substr(from, i_ - from));
    // the value: digits accumulated exactly as far as int64 goes, then as a double
    bool negative = v.text[0] == '-';
    double mantissa = 0;
    int exponent = 0;
    std::size_t k = negative ? 1 : 0;
    std::int64_t whole = 0;
    bool fits = true;
    for (; k < v.text.size() && is_digit(v.text[k]); ++k) {
      if (whole > (INT64_MAX - 9) / 10) fits = false;
      else whole = whole * 10 + (v.text[k] - '0');
      mantissa = mantissa * 10 + (v.text[k] - '0');
    }
    if (k < v.text.size() && v.text[k] == '.')
      for (++k; k < v.text.size() && is_digit(v.text[k]); ++k) {
        mantissa = mantissa * 10 + (v.text[k] - '0');
        --exponent;
      }
    if (k < v.text.size() && (v.text[k] == 'e' || v.text[k] == 'E')) {
      ++k;
      bool eneg = false;
      if (k < v.text.size() && (v.text[k] == '+' || v.text[k] == '-')) eneg = v.text[k++] == '-';
      int e = 0;
      for (; k < v.text.size() && is_digit(v.text[k]); ++k) e = std::min(e * 10 + (v.text[k] - '0'), 100000);
      exponent += eneg ? -e : e;
    }
    // one correctly rounded operation when both parts are exact (`9.7` is 97 / 10): mantissas below 2^53, 10^k to 10^22
    static constexpr double exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (exponent < 0 && exponent >= -22) v.number = mantissa / exact[-exponent];
    else v.number = mantissa * std::pow(10.0, exponent);
    if (negative) v.number = -v.number;
    v.integral = integral && fits;
    v.integer = negative ? -whole : whole;
    return true;
  }

  std::string_view t_;
  std::size_t i_;
  document& doc_;
  std::uint32_t line_ = 1, column_ = 1;
};

// ---------------------------------------------------------------------------------------------------------
// Mapping the JSON onto contests

class mapper {
 public:
  explicit mapper(document& doc) : doc_(doc) {}

  void root(const jvalue& v) {
    if (v.k == jvalue::kind::array) {
      for (const auto& c : v.items) contest_value(c);
    } else if (v.k == jvalue::kind::object && find(v, "contests")) {
      for (const auto& [key, value] : v.members) {
        if (key == "contests") {
          if (value.k != jvalue::kind::array) { wrong(value, "\"contests\"", "an array of contests"); continue; }
          for (const auto& c : value.items) contest_value(c);
        } else if (!known(key, {"format", "diagnostics", "summary", "document_focus", "method", "options", "source", "title"})) {
          unknown(key, value);
        }
      }
    } else if (v.k == jvalue::kind::object) {
      contest_value(v);
    } else {
      wrong(v, "the input", "an object with \"contests\", an array of contests, or one contest");
    }
    if (doc_.contests.empty() && v.k != jvalue::kind::null)
      doc_.diagnostics.push_back({v.at, severity::warning, diag_code::missing_column,
                                  "expected at least one contest with \"candidates\", saw none"});
  }

 private:
  document& doc_;

  static const jvalue* find(const jvalue& obj, std::string_view key) {
    for (const auto& [k, v] : obj.members)
      if (k == key) return &v;
    return nullptr;
  }

  static bool known(std::string_view key, std::initializer_list<std::string_view> keys) {
    for (auto k : keys)
      if (k == key) return true;
    return false;
  }

  void unknown(const std::string& key, const jvalue& v) {
    doc_.diagnostics.push_back({v.at, severity::warning, diag_code::unknown_field,
                                "\"" + key + "\" is not a key wardshare reads here (docs/formats.md): ignored"});
  }

  void wrong(const jvalue& v, const std::string& what, const std::string& expected, const char* then = "ignored") {
    static constexpr std::string_view kinds[] = {"null", "true or false", "a number", "a string", "an array", "an object"};
    std::string saw(kinds[static_cast<int>(v.k)]);
    if (v.k == jvalue::kind::number || v.k == jvalue::kind::string)
      saw += " (" + clip(v.text, 40) + ")";
    doc_.diagnostics.push_back({v.at, severity::warning, diag_code::bad_value,
                                "expected " + expected + " for " + what + ", saw " + saw + ": " + then});
  }

  std::optional<std::string> text(const jvalue& v, const std::string& what) {
    if (v.k == jvalue::kind::null) return std::nullopt;
    if (v.k == jvalue::kind::string) return v.text;
    wrong(v, what, "a string");
    return std::nullopt;
  }

  /// A count: a whole number from 0 to 10^15, or a string of digits (`"1,160"`).
  std::optional<std::int64_t> count(const jvalue& v, const std::string& what, const char* then = "ignored") {
    if (v.k == jvalue::kind::null) return std::nullopt;
    if (v.k == jvalue::kind::number && !v.integral && v.number >= 0 && v.number <= static_cast<double>(max_votes) &&
        v.number == std::floor(v.number))
      return static_cast<std::int64_t>(v.number);  // `1e3`, `1160.0`
    if (v.k == jvalue::kind::number && v.integral && v.integer >= 0) {
      if (v.integer > max_votes) {
        doc_.diagnostics.push_back({v.at, severity::warning, diag_code::number_too_large,
                                    "expected a count below 10^15 for " + what + ", saw " + v.text + ": skipped"});
        return std::nullopt;
      }
      return v.integer;
    }
    if (v.k == jvalue::kind::string)
      if (auto n = read_number(trim(v.text)); n && !n->too_large) return n->value;
    if (v.k == jvalue::kind::number && !v.integral && v.number >= 0 && v.number > static_cast<double>(max_votes)) {
      doc_.diagnostics.push_back({v.at, severity::warning, diag_code::number_too_large,
                                  "expected a count below 10^15 for " + what + ", saw " + v.text + ": skipped"});
      return std::nullopt;
    }
    wrong(v, what, "a whole number (0 or more)", then);
    return std::nullopt;
  }

  std::optional<double> percent(const jvalue& v, const std::string& what, bool signed_ok) {
    if (v.k == jvalue::kind::null) return std::nullopt;
    if (v.k == jvalue::kind::number && std::isfinite(v.number) && std::abs(v.number) <= 1000 && (signed_ok || v.number >= 0))
      return v.number;
    if (v.k == jvalue::kind::string) {
      auto p = signed_ok ? read_change(v.text) : read_decimal(v.text);
      if (p) return p;
    }
    wrong(v, what, signed_ok ? "a change in points (-1000 to 1000)" : "a percentage from 0 to 1000");
    return std::nullopt;
  }

  bool stated_key(const std::string& key, const jvalue& v, stated_totals& st) {
    if (key == "total") { st.total = count(v, "\"total\""); st.total_at = v.at; }
    else if (key == "ballots") st.ballots = count(v, "\"ballots\"");
    else if (key == "electorate") st.electorate = count(v, "\"electorate\"");
    else if (key == "rejected") st.rejected = count(v, "\"rejected\"");
    else if (key == "majority") st.majority = count(v, "\"majority\"");
    else if (key == "turnout_percent") st.turnout_percent = percent(v, "\"turnout_percent\"", false);
    else return false;
    return true;
  }

  void stated_object(const jvalue& v, stated_totals& st) {
    if (v.k != jvalue::kind::object) { wrong(v, "\"stated\"", "an object"); return; }
    for (const auto& [key, value] : v.members)
      if (!stated_key(key, value, st) && key != "shares") unknown(key, value);
  }

  std::optional<int> seats(const jvalue& v) {
    auto n = count(v, "\"seats\"");
    if (n && *n >= 1 && *n <= 100) return static_cast<int>(*n);
    if (n) wrong(v, "\"seats\"", "a number of seats from 1 to 100");
    return std::nullopt;
  }

  void candidates(const jvalue& v, std::vector<entry>& out) {
    if (v.k != jvalue::kind::array) { wrong(v, "\"candidates\"", "an array of candidates"); return; }
    for (const auto& c : v.items) {
      if (c.k != jvalue::kind::object) { wrong(c, "a candidate", "an object with \"votes\""); continue; }
      entry e;
      e.where = c.at;
      const jvalue* votes = nullptr;
      for (const auto& [key, value] : c.members) {
        if (key == "party") { if (auto t = text(value, "\"party\"")) e.label = *t; }
        else if (key == "label") { if (auto t = text(value, "\"label\"")) if (e.label.empty()) e.label = *t; }
        else if (key == "name") e.name = text(value, "\"name\"");
        else if (key == "votes") votes = &value;
        else if (key == "elected") {
          if (value.k == jvalue::kind::boolean) e.elected_marker = value.b;
          else if (value.k != jvalue::kind::null) wrong(value, "\"elected\"", "true or false");
        } else if (key == "percent") e.printed_percent = percent(value, "\"percent\"", false);
        else if (key == "change") e.printed_change = percent(value, "\"change\"", true);
        else if (!known(key, {"group", "line", "column", "id", "person_id", "party_id", "incumbent", "colour"})) unknown(key, value);
      }
      std::string who = e.name ? *e.name : (e.label.empty() ? "a candidate" : e.label);
      who = clip(who, 40);
      if (!votes) {
        doc_.diagnostics.push_back({c.at, severity::warning, diag_code::bad_value,
                                    "expected \"votes\" for " + who + ", saw none: candidate skipped"});
        continue;
      }
      auto n = count(*votes, "the votes of " + who, "candidate skipped");
      if (!n) continue;
      e.votes = *n;
      out.push_back(std::move(e));
    }
  }

  void contest_value(const jvalue& v) {
    if (v.k != jvalue::kind::object) { wrong(v, "a contest", "an object with \"candidates\""); return; }
    contest ct;
    ct.line = v.at.line;
    ct.end_line = v.end.line;
    bool any_candidates = false;
    for (const auto& [key, value] : v.members) {
      if (key == "area") ct.area = text(value, "\"area\"");
      else if (key == "ward") ct.ward = text(value, "\"ward\"");
      else if (key == "election") ct.election = text(value, "\"election\"");
      else if (key == "outcome") { ct.outcome = text(value, "\"outcome\""); ct.outcome_at = value.at; }
      else if (key == "seats") ct.seats = seats(value);
      else if (key == "candidates") { any_candidates = true; candidates(value, ct.entries); }
      else if (key == "stated") stated_object(value, ct.stated);
      else if (key == "previous") previous(value, ct);
      else if (stated_key(key, value, ct.stated)) continue;
      else if (!known(key, {"seats_from", "method", "requested_method", "line", "end_line", "denominator", "all_votes",
                            "sum_of_highest", "focus", "report_line", "parties", "checks", "swing", "id", "ballot_paper_id", "date"}))
        unknown(key, value);
    }
    if (!any_candidates) {
      doc_.diagnostics.push_back({v.at, severity::warning, diag_code::missing_column,
                                  "expected \"candidates\" in this contest, saw none: nothing read from it"});
      return;
    }
    if (ct.entries.empty()) return;
    doc_.contests.push_back(std::move(ct));
  }

  void previous(const jvalue& v, contest& ct) {
    if (v.k == jvalue::kind::null) return;
    if (v.k != jvalue::kind::object) { wrong(v, "\"previous\"", "an object with \"candidates\""); return; }
    previous_result pr;
    pr.line = v.at.line;
    for (const auto& [key, value] : v.members) {
      if (key == "heading") { if (auto t = text(value, "\"heading\"")) pr.heading = *t; }
      else if (key == "seats") pr.seats = seats(value);
      else if (key == "candidates") candidates(value, pr.entries);
      else if (key == "stated") stated_object(value, pr.stated);
      else if (stated_key(key, value, pr.stated)) continue;
      else if (!known(key, {"line", "method", "parties"})) unknown(key, value);
    }
    if (!pr.entries.empty()) ct.previous = std::move(pr);
  }
};

}  // namespace

void read_json(std::string_view text, std::size_t start, document& doc) {
  jvalue root;
  json_parser p(text, start, doc);
  p.parse(root);  // on an error, what was read before it is kept (and the error reported)
  mapper m(doc);
  m.root(root);
  doc.shape = doc.contests.empty() ? "none" : "json";
}

}  // namespace wardshare::detail
