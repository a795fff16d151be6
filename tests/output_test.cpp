// tests/output_test.cpp - the JSON document, report lines, text and CSV.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace wardshare;

TEST_CASE("output - numbers as reports print them") {
  CHECK(group_thousands(0) == "0");
  CHECK(group_thousands(999) == "999");
  CHECK(group_thousands(2236) == "2,236");
  CHECK(group_thousands(2476687) == "2,476,687");
  CHECK(group_thousands(-1234) == "-1,234");
  CHECK(format_tenths(97) == "9.7");
  CHECK(format_tenths(5) == "0.5");
  CHECK(format_tenths(1000) == "100.0");
}

TEST_CASE("output - the report-style line") {
  auto doc = parse("Fryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 Votes cast 2,236");
  compute_options o;
  o.focus = "TUSC";
  auto r = compute(doc, o);
  CHECK(report_line(r.contests[0]) == "Lab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236");
}

TEST_CASE("output - the JSON document") {
  auto doc = parse("Basildon\nFryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.8%) Votes cast 2,236\n"
                   "Lab 5; Green; Con 3\n");
  auto r = compute(doc);
  auto j = nlohmann::json::parse(to_json(r));
  REQUIRE(j["contests"].size() == 2);
  const auto& c = j["contests"][0];
  CHECK(c["area"] == "Basildon");
  CHECK(c["ward"] == "Fryerns");
  CHECK(c["seats"] == 3);
  CHECK(c["method"] == "top");
  CHECK(c["line"] == 2);
  CHECK(c["denominator"] == 2236);
  CHECK(c["candidates"][0]["label"] == "Lab");
  CHECK(c["candidates"][0]["party"] == "Labour Party");
  CHECK(c["candidates"][0]["votes"] == 1160);
  CHECK(c["candidates"][0]["elected"] == true);
  CHECK(c["candidates"][0]["name"].is_null());
  CHECK(c["parties"][0]["label"] == "Lab");
  CHECK(c["parties"][0]["candidates"] == 3);
  CHECK(c["parties"][0]["votes"] == 1160);
  CHECK(c["parties"][0]["total"] == 3355);
  CHECK(c["parties"][0]["share"].get<double>() == Approx(100.0 * 1160 / 2236));
  CHECK(c["stated"]["total"] == 2236);
  CHECK(c["stated"]["shares"][0]["label"] == "TUSC");
  CHECK(c["stated"]["shares"][0]["votes"] == 218);
  CHECK(c["stated"]["shares"][0]["percent"] == 9.8);
  REQUIRE(c["checks"].size() == 1);
  CHECK(c["checks"][0]["code"] == "share_mismatch");
  CHECK(c["checks"][0]["label"] == "TUSC");
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["line"] == 3);
  CHECK(j["diagnostics"][0]["column"] == 8);
  CHECK(j["diagnostics"][0]["severity"] == "warning");
}

TEST_CASE("output - text and CSV") {
  auto doc = parse("Lab 1,160; Con 529; \"=cmd\" 3");
  auto r = compute(doc);
  auto text = to_text(r);
  CHECK(text.find("Lab 1,160; Con 529") != std::string::npos);
  auto csv = to_csv(r);
  CHECK(csv.rfind("line,area,ward,seats,method,label,party,candidates,votes,share,rounded,seats_won,focus,checks,change\n", 0) == 0);
  CHECK(csv.find(",Lab,Labour Party,1,1160,") != std::string::npos);
  CHECK(csv.find("\"'=cmd\"") == std::string::npos);  // the label keeps its quotes inside one quoted field
}
