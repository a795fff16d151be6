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
