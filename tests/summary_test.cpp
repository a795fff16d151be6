// tests/summary_test.cpp - report mode over the whole 2024 report.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace wardshare;

TEST_CASE("summary - a small document") {
  auto doc = parse("Basildon\nA\tX\tLab 90; TUSC 10 (10.0%)\nB\tY\tLab 96; TUSC 4 (4.0%)\nBroxbourne\nC\tZ\tCon 94; TUSC 6 (6.0%)\n"
                   "1\tBasildon\tA\t11 (10.0%)\n");
  auto r = compute(doc);
  auto s = summarise(doc, r);
  CHECK(s.focus == "TUSC");
  CHECK(s.contests == 3);
  CHECK(s.candidates == 3);
  CHECK(s.areas == 2);
  CHECK(s.votes == 20);
  CHECK(s.mean_share == Approx(20.0 / 3));
  CHECK(s.at_or_above == 2);
  REQUIRE(s.league.size() == 2);
  CHECK(s.league[0].row.ward == std::optional<std::string>("A"));
  CHECK(s.league[1].row.ward == std::optional<std::string>("C"));
  REQUIRE(s.by_area.size() == 2);
  CHECK(s.by_area[0].area == "Basildon");
  CHECK(s.by_area[0].mean_share == Approx(7.0));
  REQUIRE(s.audit.size() == 1);
  CHECK(s.audit[0].code == "quote_mismatch");
  CHECK(s.audit[0].line == 6);
}

namespace {

/// The report's regional tables (the section its headline council figures are about), cut from the raw text.
std::string regional_tables() {
  auto text = test::read_file("tests/corpus/tusc-local-elections-2024.txt");
  auto from = text.find("Elections 2024: TUSC results in English councils by region");
  auto to = text.find("Elections 2024: Other anti-cuts and anti-war candidates");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  return text.substr(from, to - from);
}

const area_row* area(const summary& s, const std::string& name) {
  for (const auto& a : s.by_area)
    if (a.area == name) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("summary - the 2024 report's headline figures from its regional tables") {
  auto doc = parse(regional_tables());
  auto r = compute(doc);

  SECTION("computed from the votes") {
    auto s = summarise(doc, r);
    CHECK(s.focus == "TUSC");
    CHECK(s.contests == 268);
    CHECK(s.candidates == 273);     // second TUSC candidates in multi-seat wards included
    CHECK(s.votes == 23431);        // "23,431 votes for the council candidates": reproduced exactly
    CHECK(round_tenths(s.mean_share, 100) == 35);  // "the overall average vote ... was 3.5%"
    CHECK(area(s, "Basildon")->contests == 5);
    CHECK(round_tenths(area(s, "Basildon")->mean_share, 100) == 78);  // "Basildon (7.8%)"
    // The report says 46 results at or above 5%. From the votes there are 47: its own printed shares put
    // three contests on the other side of 5% (Hednesford Pye Green 4.6% printed, 5.3% computed; Blackbird
    // Leys 4.9% printed, 5.1% computed; Grange & Cartmel 6.1% printed, 4.1% computed).
    CHECK(s.at_or_above == 47);
    REQUIRE(s.league.size() == 47);
    CHECK(s.league[0].row.ward == std::optional<std::string>("Bevois"));
    CHECK(s.league[0].row.share_tenths == 322);
  }
  SECTION("counting the shares the report prints reproduces its own table and averages") {
    auto s = summarise(doc, r, std::nullopt, 5.0, share_source::printed);
    CHECK(s.at_or_above == 46);     // "in a total of 46 wards"
    CHECK(s.votes == 23431);
    CHECK(round_tenths(s.mean_share, 100) == 35);
    CHECK(round_tenths(area(s, "Basildon")->mean_share, 100) == 78);             // 7.8%
    CHECK(round_tenths(area(s, "Nuneaton & Bedworth")->mean_share, 100) == 78);  // 7.8%
    CHECK(round_tenths(area(s, "North Tyneside")->mean_share, 100) == 62);       // 6.2%
    // "seven councils with multiple TUSC candidates where the average ... was greater than five percent":
    // the tables give eight either way. Cannock Chase's two contests average 5.2% as printed (4.6% and
    // 5.8%) and 5.9% computed; the report does not say which council it left out.
    int above = 0;
    for (const auto& a : s.by_area) above += a.contests > 1 && a.mean_share > 5.0;
    CHECK(above == 8);
    CHECK(area(s, "Cannock Chase")->mean_share == Approx(5.2));
  }
  SECTION("the league table ranks like the report's") {
    auto s = summarise(doc, r, std::nullopt, 5.0, share_source::printed);
    REQUIRE(s.league.size() == 46);
    CHECK(s.league[0].row.votes == 848);
    CHECK(s.league[1].row.ward == std::optional<std::string>("Deepdale"));
    CHECK(s.league[45].row.share_tenths == 50);  // Roebuck 5.0%
  }
}

TEST_CASE("summary - the audit of the whole 2024 report") {
  auto doc = parse(test::read_file("tests/corpus/tusc-local-elections-2024.txt"));
  auto r = compute(doc);
  auto s = summarise(doc, r);
  auto has = [&](const std::string& code, const std::string& ward, const std::string& words) {
    for (const auto& a : s.audit)
      if (a.code == code && a.ward == std::optional<std::string>(ward) && a.message.find(words) != std::string::npos) return true;
    return false;
  };
  // the league table and the regional tables disagree
  CHECK(has("quote_mismatch", "Longbenton & Benton", "quotes 256"));
  CHECK(has("quote_mismatch", "Norton Canes", "quotes 88"));
  CHECK(has("quote_mismatch", "Arbury", "quotes 7.0%"));
  // the league table is out of order in two places
  int order = 0;
  for (const auto& a : s.audit) order += a.code == "quote_order";
  CHECK(order == 2);
  CHECK(has("quote_order", "Sidney Sussex", "ranked 18 with 8.8%"));
  // every check of every contest is in the one list
  std::size_t checks = 0;
  for (const auto& c : r.contests) checks += c.checks.size();
  int quotes = 0;
  for (const auto& a : s.audit) quotes += a.code.rfind("quote_", 0) == 0;
  CHECK(s.audit.size() == checks + static_cast<std::size_t>(quotes));
  // sorted by line, each pointing into the input
  for (std::size_t i = 1; i < s.audit.size(); ++i) CHECK(s.audit[i - 1].line <= s.audit[i].line);
}
