// bench/native.cpp - times parse, compute and JSON on a file, and a plain line scan of the same bytes (the
// practical ceiling); and parse with a line cache as the page reads, first with an empty one, then after an
// edit of the last line (a keystroke), and the keystroke's whole work as the page does it: that parse, compute
// taking from the last result what the edit left as it was, and the summary. Prints one JSON line of medians:
// `wardshare_bench FILE [REPEATS]`.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "wardshare/wardshare.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <typename F>
double time_ms(F&& f) {
  auto t0 = clock_type::now();
  f();
  return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: wardshare_bench FILE [REPEATS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int repeats = argc > 2 ? std::atoi(argv[2]) : 20;
  wardshare::parse_options popts;
  popts.max_bytes = text.size() + 1;

  std::vector<double> scan, parse, compute, summary, json, total, cache_first, cache_edit, compute_reuse, keystroke;
  wardshare::document edit_doc;  // the last edit read, and its result: the next edit's compute takes from it
  wardshare::result edit_res;
  wardshare::line_cache cache;
  wardshare::parse_options cached = popts;
  cached.cache = &cache;
  cached.max_bytes += 16;
  // the text with a contest being typed at its end: each reading differs from the one before in its last line
  std::string edits[2] = {text + "\nLab 100; Con 5", text + "\nLab 100; Con 50"};
  std::size_t contests = 0, sink = 0;
  for (int i = 0; i < repeats; ++i) {
    scan.push_back(time_ms([&] {
      // the ceiling: find every line and touch every byte once
      const char* p = text.data();
      const char* end = p + text.size();
      std::size_t lines = 0, digits = 0;
      while (p < end) {
        auto nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (!nl) nl = end;
        for (const char* q = p; q < nl; ++q) digits += static_cast<unsigned>(*q - '0') < 10;
        ++lines;
        p = nl + 1;
      }
      sink += lines + digits;
    }));
    wardshare::document doc;
    wardshare::result res;
    std::string out;
    parse.push_back(time_ms([&] { doc = wardshare::parse(text, popts); }));
    compute.push_back(time_ms([&] { res = wardshare::compute(doc); }));
    // report mode's summary (the page asks for it with a whole report): timed apart, not in read-and-compute
    summary.push_back(time_ms([&] { sink += wardshare::summarise(doc, res, std::nullopt, 5.0).league.size(); }));
    json.push_back(time_ms([&] { out = wardshare::to_json(res); }));
    {
      wardshare::line_cache fresh;
      wardshare::parse_options first = popts;
      first.cache = &fresh;
      cache_first.push_back(time_ms([&] { sink += wardshare::parse(text, first).contests.size(); }));
    }
    wardshare::document next;
    cache_edit.push_back(time_ms([&] { next = wardshare::parse(edits[i % 2], cached); }));
    compute_reuse.push_back(time_ms([&] { edit_res = wardshare::compute(next, {}, std::move(edit_res)); }));
    double summary_edit = time_ms([&] { sink += wardshare::summarise(next, edit_res, std::nullopt, 5.0).league.size(); });
    keystroke.push_back(cache_edit.back() + compute_reuse.back() + summary_edit);
    edit_doc = std::move(next);  // (after edit_res took what it could from the one before)
    total.push_back(parse.back() + compute.back() + json.back());
    contests = res.contests.size();
    sink += out.size();
  }
  double mb = static_cast<double>(text.size()) / 1e6;
  std::printf("{\"bytes\": %zu, \"contests\": %zu, \"repeats\": %d, \"scan_ms\": %.3f, \"parse_ms\": %.3f, \"compute_ms\": %.3f, "
              "\"summary_ms\": %.3f, \"json_ms\": %.3f, \"parse_cache_first_ms\": %.3f, \"parse_cache_edit_ms\": %.3f, "
              "\"compute_reuse_ms\": %.3f, \"keystroke_ms\": %.3f, \"total_ms\": %.3f, \"scan_mb_s\": %.1f, \"read_compute_mb_s\": %.1f, \"total_mb_s\": %.1f, "
              "\"contests_per_s\": %.0f, \"sink\": %zu}\n",
              text.size(), contests, repeats, median(scan), median(parse), median(compute), median(summary), median(json), median(cache_first),
              median(cache_edit), median(compute_reuse), median(keystroke), median(total),
              mb / (median(scan) / 1000), mb / ((median(parse) + median(compute)) / 1000), mb / (median(total) / 1000),
              static_cast<double>(contests) / (median(total) / 1000), sink % 10);
  return 0;
}
