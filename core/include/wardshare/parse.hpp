/// wardshare/parse.hpp - reading pasted election results into a document.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "wardshare/document.hpp"
#include "wardshare/parties.hpp"

namespace wardshare {

class line_cache;

/// How to read. The defaults suit anything a person pastes.
struct parse_options {
  /// Inputs longer than this are refused with an `input_too_large` error (the page caps pastes at 10 MB).
  std::size_t max_bytes = 64u * 1024u * 1024u;
  /// Known labels help find where a row's results start when it has no tabs. Null: the built-in registry.
  const party_registry* registry = nullptr;
  /// The reader; `automatic` recognises JSON, CSV with a header, and text (which covers the rest).
  input_format format = input_format::automatic;
  /// Lines read before, for reading an edited text again (the page, on every keystroke): a line met again is
  /// not cleaned and classified again. The document is the same with or without. Null: every line is read.
  line_cache* cache = nullptr;
  /// Reading stops once the input has more contests than this: the first `max_contests` are kept, and an
  /// `input_too_large` error says from which line nothing was read. The page sets 100,000 (10 MB of tiny
  /// contests, `1;2` a line, would otherwise fill the wasm module's memory); 0 is no limit.
  std::size_t max_contests = 0;
};

/// How the text reader read the lines of one reading, kept for the next: an edit changes a line or two of a
/// report, and the others need not be read again. A reading with the cache gives the document a reading without
/// it gives; lines the reading did not meet are forgotten at its end. Lines longer than 4 KB are not kept, nor
/// more than 16,384 lines or 2 MB of them (the rest are read each time). One reading at a time. A reading with
/// another registry (told apart by address) clears it.
///
///     wardshare::line_cache cache;
///     wardshare::parse_options o;
///     o.cache = &cache;
///     auto before = wardshare::parse(text, o);
///     auto after = wardshare::parse(edited, o);  // reads only the lines the edit changed
class line_cache {
 public:
  line_cache();
  ~line_cache();
  line_cache(const line_cache&) = delete;
  line_cache& operator=(const line_cache&) = delete;
  /// Lines kept.
  [[nodiscard]] std::size_t size() const noexcept;
  /// Lines met again in the last reading (its other lines were read).
  [[nodiscard]] std::size_t reused() const noexcept;

  struct impl;  // (core/src/parse.cpp)

 private:
  friend class stream_reader;
  std::unique_ptr<impl> impl_;
};

/// The reader `automatic` would choose for `text` (never `automatic`).
[[nodiscard]] input_format detect_format(std::string_view text) noexcept;

/// Reads results in any of the shapes people paste: report rows (`Ward<TAB>Candidate<TAB>Lab 1,160; ...`),
/// the same fields one to a line, a bare `Lab 1,160; Con 529`, `Name, Party – votes` lines, council results
/// pages, Wikipedia election boxes, CSV with a header and wardshare's JSON input (docs/formats.md), under
/// headings that name the area. Never throws for any input; what it cannot read becomes a diagnostic.
///
///     auto doc = wardshare::parse("Lab 1,160; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236");
///     // doc.contests.size() == 1, doc.contests[0].entries.size() == 4
[[nodiscard]] document parse(std::string_view text, const parse_options& options = {});

/// Reads text that arrives in pieces, as parse() with the text reader would read the whole (the CLI streams large
/// files through it, so memory stays bounded): contests that no later line can change are handed over as it
/// goes. Two boxes of one place in different elections are paired only when they arrive in one piece.
///
///     wardshare::stream_reader r;
///     while (read a piece) { r.feed(piece); use(r.take()); }
///     use(r.take(true));
class stream_reader {
 public:
  explicit stream_reader(const parse_options& options = {});
  ~stream_reader();
  stream_reader(const stream_reader&) = delete;
  stream_reader& operator=(const stream_reader&) = delete;

  /// Reads `text`; a last line without a line break waits for the next piece.
  void feed(std::string_view text);
  /// The contests finished so far, with the diagnostics and quotes read so far; with `end`, everything left.
  [[nodiscard]] document take(bool end = false);

 private:
  friend document parse(std::string_view text, const parse_options& options);  // (makes room for a large input's contests)
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace wardshare
