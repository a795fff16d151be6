// tests/fuzz/fuzz_read_compute.cpp - libFuzzer over the whole read-and-compute path: parse, compute under every
// method, report mode, and every output. Any crash, leak, hang or sanitizer report fails the run. The line cache
// and the last result are kept from input to input, as the page keeps them from keystroke to keystroke: reading
// and computing with them must give what reading and computing afresh gives.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wardshare/wardshare.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // every reader sees every input: the one recognised, and one forced by the input's length
  wardshare::parse_options forced;
  constexpr wardshare::input_format readers[] = {wardshare::input_format::text, wardshare::input_format::wikipedia,
                                                 wardshare::input_format::csv, wardshare::input_format::json};
  forced.format = readers[size % 4];
  forced.max_contests = size % 3;  // (0: no limit; 1 or 2: the page's limit on contests, past it)
  volatile std::size_t read = wardshare::compute(wardshare::parse(text, forced)).contests.size();
  (void)read;
  auto doc = wardshare::parse(text);
  {
    static wardshare::line_cache cache;
    static wardshare::document last_doc;  // with its result, for the next input's compute to take from
    static wardshare::result last;
    wardshare::parse_options cached;
    cached.cache = &cache;
    auto again = wardshare::parse(text, cached);
    auto res = wardshare::compute(again, {}, std::move(last));
    if (wardshare::to_json(res) != wardshare::to_json(wardshare::compute(doc))) __builtin_trap();
    last = std::move(res);
    last_doc = std::move(again);
  }
  for (auto m : {wardshare::share_method::top, wardshare::share_method::total, wardshare::share_method::ballots,
                 wardshare::share_method::average}) {
    wardshare::compute_options o;
    o.method = m;
    o.independents = size % 2 ? wardshare::independents_mode::separate : wardshare::independents_mode::automatic;
    auto r = wardshare::compute(doc, o);
    auto s = wardshare::summarise(doc, r, std::nullopt, 5.0,
                                  size % 3 ? wardshare::share_source::computed : wardshare::share_source::printed);
    volatile std::size_t n = wardshare::to_json(r, &s).size() + wardshare::to_text(r).size() + wardshare::to_csv(r).size();
    (void)n;
    for (const auto& c : r.contests) {
      // invariants: shares of a computed contest are percentages that add up (within rounding) for top/total
      for (const auto& p : c.parties)
        if (p.share < 0 || p.share != p.share) __builtin_trap();
    }
  }
  return 0;
}
