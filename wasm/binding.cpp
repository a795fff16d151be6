// wasm/binding.cpp - the embind binding: text and options in, the CLI's JSON document out.
// Plain values cross the boundary (no handles for JS to delete); the core is built without exceptions.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "wardshare/wardshare.hpp"

namespace {

/// Options as the page passes them; every field is required by embind, the JS wrapper fills defaults.
struct js_options {
  std::string method;        ///< top | total | ballots | average
  std::string independents;  ///< auto | grouped | separate
  int seats = 0;             ///< 0: from the text
  std::string focus;         ///< empty: the party whose share is printed
  bool summary = false;
  double threshold = 5.0;
  bool printed_shares = false;  ///< report mode counts printed shares where the text gives them
  std::string format;           ///< auto | text | wikipedia | csv | json
  bool csv = false;             ///< the CSV table instead of the JSON document
  bool display = false;         ///< only what the page shows (wardshare::json_detail::display)
  bool reuse_lines = true;      ///< what the last call read and computed is not done again (line_cache, compute)
};

/// The lines of the last text read, for the next call: the page calls on every keystroke, and a keystroke
/// changes one line.
wardshare::line_cache lines;

/// The core's options from the page's; an unknown method is noted (the page normalises, other callers may not).
wardshare::compute_options core_options(const js_options& o, std::vector<wardshare::diagnostic>* notes) {
  wardshare::compute_options options;
  if (auto m = wardshare::parse_method(o.method)) options.method = *m;
  else if (!o.method.empty() && notes)
    notes->push_back({{1, 1}, wardshare::severity::warning, wardshare::diag_code::unknown_option,
                      "unknown method '" + o.method + "': used top"});
  if (auto m = wardshare::parse_independents(o.independents)) options.independents = *m;
  if (o.seats > 0 && o.seats <= 100) options.seats = o.seats;
  if (!o.focus.empty()) options.focus = o.focus;
  return options;
}

wardshare::document read(const std::string& text, const js_options& o, std::vector<wardshare::diagnostic>* notes) {
  wardshare::parse_options popts;
  popts.max_bytes = 10u * 1024u * 1024u;  // the page's limits: 10 MB, and 100,000 contests (10 MB of tiny contests,
  popts.max_contests = 100000;            // `1;2` a line, took the module past its 2 GB of memory and trapped)
  if (o.reuse_lines) popts.cache = &lines;
  if (auto f = wardshare::parse_format(o.format)) popts.format = *f;
  else if (notes)
    notes->push_back({{1, 1}, wardshare::severity::warning, wardshare::diag_code::unknown_option,
                      "unknown format '" + o.format + "': recognised automatically"});
  return wardshare::parse(text, popts);
}

/// How long the last `run` spent reading and computing (the summary included), before writing its answer.
double last_read_compute = 0;

/// The last document read and its result, for the next call (with `reuse_lines`): contests an edit left as they
/// were are taken from it, not computed again. A call without `reuse_lines` neither uses nor changes them (nor
/// the line cache).
wardshare::document last_doc;
wardshare::result last_result;
/// Only a text of up to 2 MB (as much as the line cache keeps) is kept with its contests: a document and its result
/// take 25 to 36 times the text (measured natively), and holding a 10 MB paste's alongside the next reading's would
/// double the page's memory.
constexpr std::size_t kept_at_most = 2u << 20;

/// The JSON document (or with `csv`, the CSV table). Never throws: bad option values fall back to defaults
/// and are reported as diagnostics.
std::string run(const std::string& text, const js_options& o) {
  double start = emscripten_get_now();
  std::vector<wardshare::diagnostic> notes;
  auto options = core_options(o, &notes);
  auto doc = read(text, o, &notes);
  auto res = o.reuse_lines ? wardshare::compute(doc, options, std::move(last_result)) : wardshare::compute(doc, options);
  std::optional<wardshare::summary> s;
  if (o.summary && !o.csv)
    s = wardshare::summarise(doc, res, options.focus, o.threshold,
                             o.printed_shares ? wardshare::share_source::printed : wardshare::share_source::computed);
  last_read_compute = emscripten_get_now() - start;
  std::string out;
  if (o.csv) {
#if WARDSHARE_CSV_OUTPUT
    out = wardshare::to_csv(res);
#endif
    // (the page's module writes no CSV: an export, asked for by a click, is the second module's, which web/core.js
    // loads for it; ~680 B gzip the page's module does without. It answers with nothing.)
  } else {
    for (auto& d : res.diagnostics) notes.push_back(std::move(d));  // (the notes first)
    res.diagnostics = std::move(notes);
    out = wardshare::to_json(res, s ? &*s : nullptr, -1, o.display ? wardshare::json_detail::display : wardshare::json_detail::full);
  }
  s.reset();  // (it refers to res and doc)
  if (o.reuse_lines) {
    if (text.size() > kept_at_most) {  // kept without its contests: nothing to take next time
      res.contests = {};
      doc.contests = {};
    }
    last_result = std::move(res);
    last_doc = std::move(doc);  // (res refers to its contests: moving keeps them where they are)
  }
  return out;
}

/// Milliseconds the last `run` spent reading and computing, not writing (the benchmarks' compute in the page).
double read_compute_ms() { return last_read_compute; }

/// The last answer of `run_in_memory`, kept until the next call so JS can decode it where it lies.
std::string last_output;

/// `run`, leaving the answer in wasm memory: returns its length in bytes; `output_address()` says where.
/// Returning a std::string makes embind copy it and then walk it byte by byte in JS looking for NULs before
/// decoding; for the 700 KB document of a whole report that was about a fifth of the call (docs/benchmarks.md).
double run_in_memory(const std::string& text, const js_options& o) {
  last_output = run(text, o);
  return static_cast<double>(last_output.size());
}

double output_address() { return static_cast<double>(reinterpret_cast<std::uintptr_t>(last_output.data())); }

/// What the automatic reader takes `text` (its first line is enough) for: wardshare::input_format's value, `csv`
/// and `json` being the data files the page's module leaves to the second (web/core.js's moduleFor).
int format_of(const std::string& text) { return static_cast<int>(wardshare::detect_format(text)); }
static_assert(static_cast<int>(wardshare::input_format::csv) == 3 && static_cast<int>(wardshare::input_format::json) == 4,
              "web/core.js's DATA_FORMATS names these values");

}  // namespace

/// embind built without RTTI type names (EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0) names a type by its address, with
/// `siprintf(buffer, "%p", type)` (its __getTypeName, used only in its error messages). That one call brought
/// musl's whole printf into the module, ~1.5 KB gzip of the page's 60 KB budget: this siprintf writes that one
/// format (`0x` and the address in hex) and traps on any other, so a new use would show at once.
extern "C" int siprintf(char* out, const char* format, ...) {
  if (format[0] != '%' || format[1] != 'p' || format[2] != '\0') __builtin_trap();
  va_list args;
  va_start(args, format);
  auto address = reinterpret_cast<std::uintptr_t>(va_arg(args, void*));
  va_end(args);
  char digits[2 * sizeof address];
  int n = 0;
  do digits[n++] = "0123456789abcdef"[address & 15]; while (address >>= 4);
  char* o = out;
  *o++ = '0';
  *o++ = 'x';
  while (n > 0) *o++ = digits[--n];
  *o = '\0';
  return static_cast<int>(o - out);
}

EMSCRIPTEN_BINDINGS(wardshare) {
  emscripten::value_object<js_options>("Options")
      .field("method", &js_options::method)
      .field("independents", &js_options::independents)
      .field("seats", &js_options::seats)
      .field("focus", &js_options::focus)
      .field("summary", &js_options::summary)
      .field("threshold", &js_options::threshold)
      .field("printed_shares", &js_options::printed_shares)
      .field("format", &js_options::format)
      .field("csv", &js_options::csv)
      .field("display", &js_options::display)
      .field("reuse_lines", &js_options::reuse_lines);
  // (no `run` returning the std::string: embind's code to return one cost 362 B gzip, and nothing used it)
  emscripten::function("run_in_memory", &run_in_memory);
  emscripten::function("output_address", &output_address);
  emscripten::function("read_compute_ms", &read_compute_ms);
  emscripten::function("format_of", &format_of);
}
