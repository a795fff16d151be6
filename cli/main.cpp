// cli/main.cpp - the `wardshare` command: pasted results in, shares, seats and the audit out.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "wardshare/wardshare.hpp"

namespace {

constexpr const char* usage =
    "usage: wardshare [--json] [--csv] [--summary] [--method top|total|ballots|average] [--focus LABEL]\n"
    "                 [--independents auto|grouped|separate] [--seats N] [--threshold P] [--printed-shares]\n"
    "                 [--format auto|text|wikipedia|csv|json] [FILE ...]\n"
    "Reads pasted election results (FILE, or standard input when there is none or it is '-') and prints each\n"
    "contest's vote shares, seats won, and every printed figure that does not add up.\n"
    "  --json           one JSON document (docs/json.md)\n"
    "  --csv            one row per party per contest\n"
    "  --summary        report mode: league table, per-area means, headline figures, audit\n"
    "  --method M       top (default), total, ballots or average (docs/methods.md)\n"
    "  --focus LABEL    the party to highlight and summarise (default: the one whose shares are printed)\n"
    "  --independents M auto (default: grouped in multi-seat contests), grouped or separate\n"
    "  --seats N        seats in every contest (default: from the text, else 1)\n"
    "  --threshold P    the league table's threshold in percent (default 5)\n"
    "  --printed-shares report mode counts the shares the text prints, where it prints them\n"
    "  --format F       the reader: auto (default: recognise it), text (reports, council pages, lists),\n"
    "                   wikipedia (election boxes), csv (with a header) or json (docs/formats.md)\n";

int usage_error(const std::string& why) {
  std::fprintf(stderr, "wardshare: %s\n%s", why.c_str(), usage);
  return 2;
}

void print_summary(const wardshare::summary& s) {
  using wardshare::format_tenths;
  using wardshare::group_thousands;
  auto tenths = [](double share) { return format_tenths(wardshare::round_tenths(share * 1000.0, 100000.0)); };
  std::printf("Summary for %s (threshold %.1f%%, %s shares)\n", s.focus.c_str(), s.threshold,
              s.shares_from == wardshare::share_source::printed ? "printed" : "computed");
  std::printf("  contests %d, candidates %d, areas %d, votes %s, mean share %s%%, at or above threshold %d\n\n",
              s.contests, s.candidates, s.areas, group_thousands(s.votes).c_str(), tenths(s.mean_share).c_str(), s.at_or_above);
  std::printf("League table\n");
  for (const auto& l : s.league)
    std::printf("  %3d  %-28s %-32s %s (%s%%)\n", l.rank, std::string(l.row.area.value_or("")).c_str(), std::string(l.row.ward.value_or("")).c_str(),
                group_thousands(l.row.votes).c_str(), format_tenths(l.row.share_tenths).c_str());
  std::printf("\nBy area\n");
  for (const auto& a : s.by_area)
    std::printf("  %-32s contests %3d  candidates %3d  votes %8s  mean %s%%\n", a.area.c_str(), a.contests, a.candidates,
                group_thousands(a.votes).c_str(), tenths(a.mean_share).c_str());
  std::printf("\nAudit (%zu)\n", s.audit.size());
  for (const auto& a : s.audit)
    std::printf("  line %u  %s: %s\n", a.line, a.code.c_str(), a.message.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false, csv = false, want_summary = false, printed = false;
  double threshold = 5.0;
  wardshare::compute_options options;
  wardshare::parse_options popts;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    if (a == "--json") json = true;
    else if (a == "--csv") csv = true;
    else if (a == "--summary") want_summary = true;
    else if (a == "--printed-shares") printed = true;
    else if (a == "-h" || a == "--help") { std::fputs(usage, stdout); return 0; }
    else if (a == "--method") {
      auto v = value();
      auto m = v ? wardshare::parse_method(*v) : std::nullopt;
      if (!m) return usage_error("--method takes top, total, ballots or average");
      options.method = *m;
    } else if (a == "--independents") {
      auto v = value();
      auto m = v ? wardshare::parse_independents(*v) : std::nullopt;
      if (!m) return usage_error("--independents takes auto, grouped or separate");
      options.independents = *m;
    } else if (a == "--format") {
      auto v = value();
      auto f = v ? wardshare::parse_format(*v) : std::nullopt;
      if (!f) return usage_error("--format takes auto, text, wikipedia, csv or json");
      popts.format = *f;
    } else if (a == "--focus") {
      auto v = value();
      if (!v || v->empty()) return usage_error("--focus takes a party label");
      options.focus = *v;
    } else if (a == "--seats") {
      auto v = value();
      char* end = nullptr;
      long n = v ? std::strtol(v->c_str(), &end, 10) : 0;
      if (!v || *end != '\0' || n < 1 || n > 100) return usage_error("--seats takes a whole number from 1 to 100");
      options.seats = static_cast<int>(n);
    } else if (a == "--threshold") {
      auto v = value();
      char* end = nullptr;
      double t = v ? std::strtod(v->c_str(), &end) : -1;
      if (!v || *end != '\0' || !(t >= 0 && t <= 100)) return usage_error("--threshold takes a percentage from 0 to 100");
      threshold = t;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return usage_error("unknown option '" + a + "'");
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) files.push_back("-");
  popts.max_bytes = static_cast<std::size_t>(1) << 32;  // the CLI takes what memory allows

  // Pieces of 1 MB: text input is read as it arrives and each finished contest is printed and forgotten, so a
  // file of any size runs in bounded memory (CSV and text output). JSON output, report mode and CSV or JSON
  // input need the whole input at once.
  constexpr std::size_t piece_size = 1u << 20;
  std::vector<std::unique_ptr<std::istream>> streams;
  for (const auto& f : files) {
    if (f == "-") { streams.emplace_back(); continue; }
    auto in = std::make_unique<std::ifstream>(f, std::ios::binary);
    if (!*in) {
      std::fprintf(stderr, "wardshare: cannot read '%s'\n", f.c_str());
      return 1;
    }
    streams.push_back(std::move(in));
  }
  std::size_t current = 0;
  bool separator = false;
  // the next piece of the inputs, in order, a line break between files; empty at the end
  auto next_piece = [&]() -> std::string {
    std::string piece;
    while (current < streams.size() && piece.empty()) {
      if (separator) { piece = "\n"; separator = false; }
      std::istream& in = streams[current] ? *streams[current] : std::cin;
      std::string block(piece_size, '\0');
      in.read(&block[0], static_cast<std::streamsize>(block.size()));
      block.resize(static_cast<std::size_t>(in.gcount()));
      piece += block;
      if (block.empty() || !in) { ++current; separator = true; }
    }
    return piece;
  };

  // the text output's last line: what was read, or that nothing was
  auto print_read_as = [](std::size_t contests, const std::string& shape, wardshare::input_format reader) {
    if (contests == 0) std::fputs("No contests found.\n", stdout);
    else std::printf("Read as: %s (%s reader)\n", shape.c_str(), std::string(wardshare::to_string(reader)).c_str());
  };

  std::string first = next_piece();
  auto format = popts.format == wardshare::input_format::automatic ? wardshare::detect_format(first) : popts.format;
  bool stream = !json && !want_summary && (format == wardshare::input_format::text || format == wardshare::input_format::wikipedia);

  if (stream) {
    popts.format = format;
    wardshare::stream_reader reader(popts);
    bool header = true;
    std::size_t contests = 0;
    std::string shape;
    auto emit = [&](wardshare::document doc) {
      auto res = wardshare::compute(doc, options);
      // the focus the first piece finds holds for the rest, as it would for the whole input
      if (!options.focus && res.document_focus) options.focus = res.document_focus;
      contests += res.contests.size();
      if (csv) {
        auto out = wardshare::to_csv(res);
        if (!header) out.erase(0, out.find('\n') + 1);
        header = false;
        std::fputs(out.c_str(), stdout);
      } else {
        std::fputs(wardshare::to_text(res).c_str(), stdout);
      }
      shape = res.shape;
    };
    for (std::string piece = std::move(first); !piece.empty(); piece = next_piece()) {
      reader.feed(piece);
      auto done = reader.take();
      if (!done.contests.empty() || !done.diagnostics.empty()) emit(std::move(done));
    }
    emit(reader.take(true));
    if (!csv) print_read_as(contests, shape, format);
    return 0;
  }

  std::string text = std::move(first);
  for (std::string piece = next_piece(); !piece.empty(); piece = next_piece()) text += piece;
  auto doc = wardshare::parse(text, popts);
  auto res = wardshare::compute(doc, options);
  std::optional<wardshare::summary> sum;
  if (want_summary)
    sum = wardshare::summarise(doc, res, options.focus, threshold,
                               printed ? wardshare::share_source::printed : wardshare::share_source::computed);

  if (json) {
    // written as it is made, 64 KB at a time: a large input's document (~20 times its size) is never held whole
    wardshare::write_json(res, sum ? &*sum : nullptr, 1, wardshare::json_detail::full,
                          [](std::string_view piece, void*) { std::fwrite(piece.data(), 1, piece.size(), stdout); }, nullptr);
    std::fputs("\n", stdout);
  } else if (csv) {
    std::fputs(wardshare::to_csv(res).c_str(), stdout);
  } else if (sum) {
    print_summary(*sum);
  } else {
    std::fputs(wardshare::to_text(res).c_str(), stdout);
    print_read_as(res.contests.size(), res.shape, res.format);
  }
  return 0;
}
