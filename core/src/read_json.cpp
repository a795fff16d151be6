// core/src/read_json.cpp - wardshare's JSON input (docs/formats.md). One pass, no tree: each value is read
// straight into the contest it belongs to, and every problem is reported at its line and column. The first
// syntax error stops the reading; what was read before it is kept.
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "numbers.hpp"
#include "readers.hpp"
#include "text.hpp"

namespace wardshare::detail {
namespace {

/// A non-owning reference to a callable: one copy of object() and array() serves every caller.
template <typename Signature>
class fn_ref;
template <typename R, typename... Args>
class fn_ref<R(Args...)> {
 public:
  template <typename F>
  fn_ref(F&& f) noexcept  // NOLINT: implicit, like a function parameter
      : object_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* o, Args... a) -> R { return (*static_cast<std::remove_reference_t<F>*>(o))(a...); }) {}
  R operator()(Args... a) const { return call_(object_, a...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

using member_fn = fn_ref<void(const std::string&, source_position)>;
using item_fn = fn_ref<void()>;

enum class kind : std::uint8_t { null, boolean, number, string, array, object, bad };

struct number_value {
  double value = 0;
  bool whole = false;  ///< an integer (`1160`, `1e3`, `1160.0`) from 0 to 10^15
  std::int64_t integer = 0;
  std::string text;    ///< as written, for messages
};

class json_reader {
 public:
  json_reader(std::string_view text, std::size_t start, document& doc) : t_(text), i_(start), doc_(doc) {}

  void read() {
    space();
    auto k = peek();
    if (k == kind::array) {
      array([&] { contest(); });
    } else if (k == kind::object) {
      bool wrapped = false;
      // `{"contests": [...]}` or one contest; which one shows in the keys, so look ahead for "contests"
      auto save_i = i_;
      auto save_line = line_, save_column = column_;
      quiet_ = true;
      object([&](const std::string& key, source_position) {
        if (key == "contests") wrapped = true;
        skip(1);
      });
      quiet_ = false;
      i_ = save_i, line_ = save_line, column_ = save_column;
      failed_ = false;
      if (wrapped) {
        object([&](const std::string& key, source_position) {
          if (key == "contests") {
            if (peek() == kind::array) array([&] { contest(); });
            else wrong("\"contests\"", "an array of contests");
          } else if (is_one_of(key, {"format", "shape", "diagnostics", "summary", "focus", "title", "source"})) {
            skip(1);
          } else {
            unknown(key);
          }
        });
      } else {
        contest();
      }
    } else if (k != kind::bad) {
      wrong("the input", "an object with \"contests\", an array of contests, or one contest");
    } else {
      fail("a JSON value");
    }
    if (!failed_) {
      space();
      if (i_ < t_.size()) fail("the end of the input after the JSON value");
    }
    if (doc_.contests.empty() && !failed_)
      doc_.diagnostics.push_back({{1, 1}, severity::warning, diag_code::missing_column,
                                  "expected at least one contest with \"candidates\", saw none"});
  }

 private:
  static constexpr int max_depth = 64;
  std::string_view t_;
  std::size_t i_;
  document& doc_;
  std::uint32_t line_ = 1, column_ = 1;
  bool failed_ = false;
  bool quiet_ = false;  // looking ahead: errors are reported when the value is read for real

  // --- syntax ------------------------------------------------------------------------------------------------

  source_position here() const { return {line_, column_}; }

  void advance() {
    char c = t_[i_++];
    if (c == '\n') { ++line_; column_ = 1; }
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column_;
  }

  void space() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) advance();
  }

  bool fail(const std::string& expected) {
    if (failed_) return false;
    failed_ = true;
    if (quiet_) return false;
    std::string saw = "the end of the input";
    if (i_ < t_.size()) {
      std::size_t n = 1;
      while (i_ + n < t_.size() && (static_cast<unsigned char>(t_[i_ + n]) & 0xC0) == 0x80 && n < 4) ++n;
      saw = "'" + std::string(t_.substr(i_, n)) + "'";
    }
    doc_.diagnostics.push_back({here(), severity::error, diag_code::syntax_error,
                                "expected " + expected + ", saw " + saw + ": the JSON stops here"});
    return false;
  }

  kind peek() {
    space();
    if (failed_ || i_ >= t_.size()) return kind::bad;
    switch (t_[i_]) {
      case '{': return kind::object;
      case '[': return kind::array;
      case '"': return kind::string;
      case 't': case 'f': return kind::boolean;
      case 'n': return kind::null;
      default: return t_[i_] == '-' || is_digit(t_[i_]) ? kind::number : kind::bad;
    }
  }

  bool literal(std::string_view word) {
    if (t_.compare(i_, word.size(), word) != 0) return fail("a JSON value");
    for (std::size_t k = 0; k < word.size(); ++k) advance();
    return true;
  }

  /// `{ "key": value, ... }`: calls `member(key, where)` with the reader at each value, which it must read.
  void object(member_fn member) {
    advance();  // '{'
    space();
    if (i_ < t_.size() && t_[i_] == '}') { advance(); return; }
    while (!failed_) {
      space();
      if (i_ >= t_.size() || t_[i_] != '"') { fail("a key in double quotes"); return; }
      auto at = here();
      std::string key;
      if (!string(key)) return;
      space();
      if (i_ >= t_.size() || t_[i_] != ':') { fail("':' after the key \"" + clip(key, 40) + "\""); return; }
      advance();
      space();
      member(key, at);
      if (failed_) return;
      space();
      if (i_ < t_.size() && t_[i_] == ',') { advance(); continue; }
      if (i_ < t_.size() && t_[i_] == '}') { advance(); return; }
      fail("',' or '}'");
    }
  }

  void array(item_fn item) {
    advance();  // '['
    space();
    if (i_ < t_.size() && t_[i_] == ']') { advance(); return; }
    while (!failed_) {
      item();
      if (failed_) return;
      space();
      if (i_ < t_.size() && t_[i_] == ',') { advance(); continue; }
      if (i_ < t_.size() && t_[i_] == ']') { advance(); return; }
      fail("',' or ']'");
    }
  }

  /// Any value, read and dropped (nested at most max_depth deep).
  void skip(int depth) {
    switch (peek()) {
      case kind::object:
      case kind::array:
        if (depth >= max_depth) { fail("at most " + num(max_depth) + " levels of nesting"); return; }
        if (t_[i_] == '{') object([&](const std::string&, source_position) { skip(depth + 1); });
        else array([&] { skip(depth + 1); });
        return;
      case kind::string: { std::string s; string(s); return; }
      case kind::number: { number_value n; number(n); return; }
      case kind::boolean: literal(t_[i_] == 't' ? "true" : "false"); return;
      case kind::null: literal("null"); return;
      case kind::bad: fail("a JSON value"); return;
    }
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) { out += static_cast<char>(cp); return; }
    if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); }
    else {
      if (cp < 0x10000) out += static_cast<char>(0xE0 | (cp >> 12));
      else { out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)); }
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }

  bool hex4(std::uint32_t& cp) {
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      char c = i_ < t_.size() ? t_[i_] : '\0';
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
      advance();
      if (c != '\\') { out += c; continue; }
      char e = i_ < t_.size() ? t_[i_] : '\0';
      static constexpr std::string_view from = "\"\\/bfnrt", to = "\"\\/\b\f\n\r\t";
      auto k = from.find(e);
      if (e != '\0' && k != std::string_view::npos) { out += to[k]; advance(); continue; }
      if (e != 'u') return fail("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u");
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
    }
  }

  bool number(number_value& v) {
    std::size_t from = i_;
    auto digits = [&] {
      if (i_ >= t_.size() || !is_digit(t_[i_])) return false;
      while (i_ < t_.size() && is_digit(t_[i_])) advance();
      return true;
    };
    if (t_[i_] == '-') advance();
    if (i_ < t_.size() && t_[i_] == '0') advance();
    else if (!digits()) return fail("a digit");
    if (i_ < t_.size() && t_[i_] == '.') {
      advance();
      if (!digits()) return fail("a digit after '.'");
    }
    if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      advance();
      if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) advance();
      if (!digits()) return fail("a digit in the exponent");
    }
    v.text = std::string(t_.substr(from, i_ - from));
    // the value: the digits as one integer and a power of ten, joined in one correctly rounded step
    // when both are exact (`9.7` is 97 / 10)
    static constexpr double exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double mantissa = 0;
    int exponent = 0, e = 0;
    bool in_fraction = false, in_exponent = false, negative_exponent = false;
    for (char c : v.text) {
      if (c == '.') in_fraction = true;
      else if (c == 'e' || c == 'E') in_exponent = true;
      else if (c == '-' && in_exponent) negative_exponent = true;
      else if (is_digit(c) && in_exponent) e = std::min(e * 10 + (c - '0'), 100000);
      else if (is_digit(c)) {
        mantissa = mantissa * 10 + (c - '0');
        if (in_fraction) --exponent;
      }
    }
    exponent += negative_exponent ? -e : e;
    if (exponent < 0 && exponent >= -22) v.value = mantissa / exact[-exponent];
    else if (exponent >= 0 && exponent <= 22) v.value = mantissa * exact[exponent];
    else {  // far outside anything a result holds: approximate is enough (and no pow() in the wasm)
      v.value = mantissa;
      for (int k = 0; k < 400 && k < (exponent < 0 ? -exponent : exponent) && v.value != 0 && std::isfinite(v.value); ++k)
        v.value = exponent < 0 ? v.value / 10 : v.value * 10;
    }
    if (v.text[0] == '-') v.value = -v.value;
    v.whole = v.value >= 0 && v.value <= static_cast<double>(max_votes) && v.value == std::floor(v.value);
    if (v.whole) v.integer = static_cast<std::int64_t>(v.value);
    return true;
  }

  // --- values, by what is expected -------------------------------------------------------------------------

  /// The position of `key` in `keys`, or -1: one comparison loop instead of a chain of them.
  static int which(std::string_view key, std::initializer_list<std::string_view> keys) {
    int i = 0;
    for (auto k : keys) {
      if (k == key) return i;
      ++i;
    }
    return -1;
  }
  static bool is_one_of(std::string_view key, std::initializer_list<std::string_view> keys) { return which(key, keys) >= 0; }

  void unknown(const std::string& key) {
    doc_.diagnostics.push_back({here(), severity::warning, diag_code::unknown_field,
                                "\"" + clip(key, 40) + "\" is not a key wardshare reads here (docs/formats.md): ignored"});
    skip(1);
  }

  /// Reports a value of the wrong kind and reads past it.
  void wrong(const std::string& what, const std::string& expected, const char* then = "ignored") {
    auto at = here();
    static constexpr std::string_view kinds[] = {"null", "true or false", "a number", "a string", "an array", "an object", "?"};
    auto k = peek();
    std::string saw(kinds[static_cast<int>(k)]);
    auto from = i_;
    skip(1);
    if (k == kind::number || k == kind::string) saw += " (" + clip(std::string(t_.substr(from, i_ - from)), 40) + ")";
    if (!failed_)
      doc_.diagnostics.push_back({at, severity::warning, diag_code::bad_value,
                                  "expected " + expected + " for " + what + ", saw " + saw + ": " + then});
  }

  std::optional<std::string> text(const char* what) {
    auto k = peek();
    if (k == kind::string) { std::string s; string(s); return s; }
    if (k == kind::null) literal("null");
    else wrong(what, "a string");
    return std::nullopt;
  }

  /// A count: a whole number from 0 to 10^15, or a string of digits (`"1,160"`).
  std::optional<std::int64_t> count(const std::string& what, const char* then = "ignored") {
    auto k = peek();
    auto at = here();
    auto from = i_;
    if (k == kind::null) { literal("null"); return std::nullopt; }
    if (k == kind::number) {
      number_value n;
      if (!number(n)) return std::nullopt;
      if (n.whole) return n.integer;
      if (n.value > static_cast<double>(max_votes))
        doc_.diagnostics.push_back({at, severity::warning, diag_code::number_too_large,
                                    "expected a count below 10^15 for " + what + ", saw " + clip(n.text, 40) + ": " + then});
      else
        doc_.diagnostics.push_back({at, severity::warning, diag_code::bad_value,
                                    "expected a whole number (0 or more) for " + what + ", saw " + clip(n.text, 40) + ": " + then});
      return std::nullopt;
    }
    if (k == kind::string) {
      std::string s;
      if (!string(s)) return std::nullopt;
      if (auto n = read_number(trim(s)); n && !n->too_large) return n->value;
      doc_.diagnostics.push_back({at, severity::warning, diag_code::bad_value,
                                  "expected a whole number (0 or more) for " + what + ", saw " +
                                      clip(std::string(t_.substr(from, i_ - from)), 40) + ": " + then});
      return std::nullopt;
    }
    wrong(what, "a whole number (0 or more)", then);
    return std::nullopt;
  }

  /// (`decimals`: the digits after the point of a percentage written as a string, `"26%"` 0; a JSON number's
  /// are not known, as programs write 26.0 as `26`)
  std::optional<double> percent(const char* what, bool change, std::int8_t* decimals = nullptr) {
    auto k = peek();
    if (k == kind::number) {
      number_value n;
      number(n);
      if (std::isfinite(n.value) && std::abs(n.value) <= 1000 && (change || n.value >= 0)) return n.value;
    } else if (k == kind::string) {
      std::string s;
      string(s);
      if (auto p = change ? read_change(s) : read_decimal(s)) {
        if (decimals) *decimals = decimals_in(s);
        return p;
      }
    } else if (k == kind::null) {
      literal("null");
      return std::nullopt;
    } else {
      wrong(what, "a percentage");
      return std::nullopt;
    }
    if (!failed_)
      doc_.diagnostics.push_back({here(), severity::warning, diag_code::bad_value,
                                  std::string("expected ") + (change ? "a change in points (-1000 to 1000)" : "a percentage from 0 to 1000") +
                                      " for " + what + ": ignored"});
    return std::nullopt;
  }

  std::optional<int> seats() {
    auto at = here();
    auto n = count("\"seats\"");
    if (n && *n >= 1 && *n <= 100) return static_cast<int>(*n);
    if (n)
      doc_.diagnostics.push_back({at, severity::warning, diag_code::bad_value,
                                  "expected a number of seats from 1 to 100, saw " + num(*n) + ": ignored"});
    return std::nullopt;
  }

  bool stated_key(const std::string& key, source_position at, stated_totals& st) {
    int k = which(key, {"total", "ballots", "electorate", "rejected", "majority", "turnout_percent"});
    if (k < 0) return false;
    if (k == 5) { st.turnout_percent = percent("\"turnout_percent\"", false, &st.turnout_decimals); return true; }
    std::optional<std::int64_t>* slots[] = {&st.total, &st.ballots, &st.electorate, &st.rejected, &st.majority};
    *slots[k] = count("\"" + key + "\"");
    if (k == 0) st.total_at = at;
    return true;
  }

  void stated(stated_totals& st) {
    if (peek() != kind::object) { wrong("\"stated\"", "an object"); return; }
    object([&](const std::string& key, source_position at) {
      if (!stated_key(key, at, st)) {
        if (key == "shares") skip(1);
        else unknown(key);
      }
    });
  }

  // --- the shape ---------------------------------------------------------------------------------------------

  void candidates(std::vector<entry>& out) {
    if (peek() != kind::array) { wrong("\"candidates\"", "an array of candidates"); return; }
    array([&] {
      if (peek() != kind::object) { wrong("a candidate", "an object with \"votes\""); return; }
      entry e;
      e.where = here();
      std::optional<std::int64_t> votes;
      bool has_votes = false;
      std::string label;
      object([&](const std::string& key, source_position) {
        switch (which(key, {"party", "label", "name", "votes", "elected", "percent", "change", "group", "line", "column",
                            "id", "person_id", "party_id", "incumbent", "colour"})) {
          case 0: if (auto t = text("\"party\"")) e.label = *t; break;
          case 1: if (auto t = text("\"label\"")) label = *t; break;
          case 2: e.name = text("\"name\""); break;
          case 3:
            has_votes = true;
            votes = count(e.name ? "the votes of " + clip(*e.name, 40) : std::string("\"votes\""), "candidate skipped");
            break;
          case 4:
            if (peek() == kind::boolean) { e.elected_marker = t_[i_] == 't'; literal(e.elected_marker ? "true" : "false"); }
            else if (peek() == kind::null) literal("null");
            else wrong("\"elected\"", "true or false");
            break;
          case 5: e.printed_percent = percent("\"percent\"", false, &e.percent_decimals); break;
          case 6: e.printed_change = percent("\"change\"", true); break;
          case -1: unknown(key); break;
          default: skip(1);  // keys wardshare's own output writes
        }
      });
      if (e.label.empty()) e.label = label;
      if (!has_votes) {
        std::string who = e.name ? clip(*e.name, 40) : (e.label.empty() ? "a candidate" : clip(e.label, 40));
        doc_.diagnostics.push_back({e.where, severity::warning, diag_code::bad_value,
                                    "expected \"votes\" for " + who + ", saw none: candidate skipped"});
        return;
      }
      if (!votes) return;
      e.votes = *votes;
      out.push_back(std::move(e));
    });
  }

  void previous(contest& ct) {
    auto k = peek();
    if (k == kind::null) { literal("null"); return; }
    if (k != kind::object) { wrong("\"previous\"", "an object with \"candidates\""); return; }
    previous_result pr;
    pr.line = line_;
    object([&](const std::string& key, source_position at) {
      switch (which(key, {"heading", "seats", "candidates", "stated", "line", "method", "parties"})) {
        case 0: if (auto t = text("\"heading\"")) pr.heading = *t; break;
        case 1: pr.seats = seats(); break;
        case 2: candidates(pr.entries); break;
        case 3: stated(pr.stated); break;
        case -1: if (!stated_key(key, at, pr.stated)) unknown(key); break;
        default: skip(1);
      }
    });
    if (!pr.entries.empty()) ct.previous = std::move(pr);
  }

  void contest() {
    if (peek() != kind::object) { wrong("a contest", "an object with \"candidates\""); return; }
    struct contest ct;
    ct.line = line_;
    auto at = here();
    bool any_candidates = false;
    object([&](const std::string& key, source_position where) {
      switch (which(key, {"area", "ward", "election", "outcome", "seats", "candidates", "stated", "previous",
                          "seats_from", "method", "requested_method", "line", "end_line", "denominator", "all_votes",
                          "sum_of_highest", "focus", "report_line", "parties", "checks", "swing", "id",
                          "ballot_paper_id", "date", "printed_swing"})) {
        case 0: ct.area = text("\"area\""); break;
        case 1: ct.ward = text("\"ward\""); break;
        case 2: ct.election = text("\"election\""); break;
        case 3: ct.outcome_at = here(); ct.outcome = text("\"outcome\""); break;
        case 4: ct.seats = seats(); break;
        case 5: any_candidates = true; candidates(ct.entries); break;
        case 6: stated(ct.stated); break;
        case 7: previous(ct); break;
        case -1: if (!stated_key(key, where, ct.stated)) unknown(key); break;
        default: skip(1);  // keys wardshare's own output writes
      }
    });
    ct.end_line = line_;
    if (!any_candidates && !failed_) {
      doc_.diagnostics.push_back({at, severity::warning, diag_code::missing_column,
                                  "expected \"candidates\" in this contest, saw none: nothing read from it"});
      return;
    }
    if (!ct.entries.empty()) doc_.contests.push_back(std::move(ct));
  }
};

}  // namespace

void read_json(std::string_view text, std::size_t start, document& doc) {
  json_reader(text, start, doc).read();
  doc.shape = doc.contests.empty() ? "none" : "json";
}

}  // namespace wardshare::detail
